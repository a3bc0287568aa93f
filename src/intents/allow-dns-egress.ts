import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { DnsProfile } from '../dns';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { dnsOrDefault, intentPolicy, markCustomDns, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

/** Properties of `AllowDnsEgress`. */
export interface AllowDnsEgressProps extends AllowIntentProps {
  /**
   * Where the cluster DNS lives.
   *
   * @default DnsProfile.kubernetes() - kube-system pods labelled k8s-app in (kube-dns, coredns), UDP and TCP 53
   */
  readonly dns?: DnsProfile;
}

/**
 * Allows the selected pods to query the cluster DNS, and nothing else, on UDP and TCP.
 *
 * Only the DNS pods of the profile are allowed, not port 53 anywhere (which would let a pod tunnel data
 * out through any resolver).
 *
 * Default name: `allow-dns-egress` (prefixed with the selector's label values, e.g. `web-allow-dns-egress`).
 *
 * @example
 * new AllowDnsEgress(chart, 'Dns', { selector: LabelSelector.all(), dns: DnsProfile.nodeLocal() });
 */
export class AllowDnsEgress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, DNS profile
   */
  public constructor(scope: Construct, id: string, props: AllowDnsEgressProps) {
    checkConstructArgs('new AllowDnsEgress()', scope, id, props, 'AllowDnsEgressProps');
    super(scope, id, allowDnsEgressPolicy(scope, childPath(scope, id), props));
    markCustomDns(this, props.dns);
  }

}

/** The NetworkPolicy props of an `AllowDnsEgress` at construct path `where`. */
function allowDnsEgressPolicy(scope: Construct, where: string, props: AllowDnsEgressProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const dns = dnsOrDefault(where, props.dns);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-dns-egress']),
    target,
    description: `Allow the selected pods to query ${dns.description}.`,
    // one rule, which the policy's description already states: no rule description to repeat it
    egress: [{ peers: dns.peers, ports: dns.ports }],
  });
}
