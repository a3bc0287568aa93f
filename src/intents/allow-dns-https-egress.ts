import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { DnsProfile } from '../dns';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { IPeer, Peer, PeerKind } from '../peer';
import { Port } from '../port';
import { dnsOrDefault, dnsRule, intentPolicy, LINT_ANNOTATION, markCustomDns, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { ErrorCode, invalid } from '../private/errors';
import { checkConstructArgs, peerOf } from '../struct-checks';

/** Properties of `AllowDnsHttpsEgress`. */
export interface AllowDnsHttpsEgressProps extends AllowIntentProps {
  /**
   * Where the cluster DNS lives.
   *
   * @default DnsProfile.kubernetes() - kube-system pods labelled k8s-app in (kube-dns, coredns), UDP and TCP 53
   */
  readonly dns?: DnsProfile;

  /**
   * Where HTTPS (TCP 443) may go: peers, or workloads (a CIDR workload for an outside service).
   *
   * @default - any destination, inside or outside the cluster (a rule without `to`)
   */
  readonly httpsDestinations?: IPeer[];
}

/**
 * Allows the selected pods to resolve names through the cluster DNS and to call HTTPS (TCP 443).
 *
 * The DNS rule and the HTTPS rule are separate rules, so HTTPS is not limited to the DNS pods, and ports are
 * never nested inside `to`. HTTPS goes to any destination by default: unlike the widely copied example that
 * puts `namespaceSelector: {}` in front of 443, external addresses are allowed.
 *
 * Default name: `allow-dns-https-egress` (prefixed with the selector's label values, e.g.
 * `myapp-allow-dns-https-egress`).
 *
 * @example
 * new AllowDnsHttpsEgress(chart, 'Outbound', { selector: LabelSelector.of({ labels: { app: 'myapp' } }) });
 */
export class AllowDnsHttpsEgress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, DNS profile, HTTPS destinations
   */
  public constructor(scope: Construct, id: string, props: AllowDnsHttpsEgressProps) {
    checkConstructArgs('new AllowDnsHttpsEgress()', scope, id, props, 'AllowDnsHttpsEgressProps');
    super(scope, id, allowDnsHttpsEgressPolicy(scope, childPath(scope, id), props));
    markCustomDns(this, props.dns);
    if (props.httpsDestinations === undefined) {
      // HTTPS to any destination is what this intent says by default: the lint warning for a rule with ports
      // and no destinations is answered by the intent itself, as the lint asks a deliberate rule to be
      this.metadata.addAnnotation(LINT_ANNOTATION, 'egress-ports-without-destinations=off');
    }
  }

}

/** The NetworkPolicy props of an `AllowDnsHttpsEgress` at construct path `where`. */
function allowDnsHttpsEgressPolicy(scope: Construct, where: string, props: AllowDnsHttpsEgressProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const dns = dnsOrDefault(where, props.dns);
  const https = props.httpsDestinations ?? [Peer.any()];
  if (!Array.isArray(https) || https.length === 0) {
    throw invalid(ErrorCode.EMPTY_LIST, where, 'httpsDestinations is empty', https,
      'Leave it out to allow HTTPS to any destination, or list the destinations, e.g. [Peer.ipBlock("203.0.113.0/24")]');
  }
  const peers = https.map((given, i) => peerOf<Peer>(where, `httpsDestinations[${i}]`, given, target.namespace));
  const destinations = peers.length === 1 && peers[0].kind === PeerKind.ANY ? 'any destination' : peers.map((p) => String(p)).join(', ');
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-dns-https-egress']),
    target,
    description: `Allow the selected pods to query ${dns.description}, and HTTPS to ${destinations}.`,
    egress: [dnsRule(dns), { peers, ports: [Port.HTTPS], description: `HTTPS to ${destinations}` }],
  });
}
