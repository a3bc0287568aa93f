import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { DnsProfile } from '../dns';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { NetworkPolicyRule } from '../policy-rule';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';
import { dnsOrDefault, dnsRule, intentPolicy, markCustomDns, targetOrAll } from './private/defaults';

/** Properties of `DenyExternalEgress`. */
export interface DenyExternalEgressProps extends IsolationIntentProps {
  /**
   * Where the cluster DNS lives; its rule is added so that DNS keeps working when it is reached by address
   * (node-local DNS) rather than as a pod.
   *
   * @default DnsProfile.kubernetes() - kube-system pods labelled k8s-app in (kube-dns, coredns), UDP and TCP 53
   */
  readonly dns?: DnsProfile;
}

/**
 * Keeps the selected pods' egress inside the cluster: every pod of every namespace, plus DNS per the
 * profile; every address outside the cluster is denied.
 *
 * Default name: `deny-external-egress` (prefixed with the selector's label values).
 *
 * @example
 * new DenyExternalEgress(chart, 'NoInternet', { namespace: 'payments', dns: DnsProfile.nodeLocal() });
 */
export class DenyExternalEgress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods (default all), DNS profile
   */
  public constructor(scope: Construct, id: string, props: DenyExternalEgressProps = {}) {
    checkConstructArgs('new DenyExternalEgress()', scope, id, props, 'DenyExternalEgressProps');
    super(scope, id, denyExternalEgressPolicy(scope, childPath(scope, id), props));
    markCustomDns(this, props.dns);
  }

}

/** The NetworkPolicy props of a `DenyExternalEgress` at construct path `where`. */
function denyExternalEgressPolicy(scope: Construct, where: string, props?: DenyExternalEgressProps): NetworkPolicyProps {
  const target = targetOrAll(where, scope, props);
  const dns = dnsOrDefault(where, props?.dns);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'deny-external-egress']),
    target,
    description: 'Allow egress from the selected pods only inside the cluster (and to the cluster DNS).',
    egress: [{ peers: [Peer.allPodsInCluster()], description: 'every pod of the cluster' }, ...addressedDnsRules(dns)],
  });
}

/**
 * The DNS rule for the DNS peers reached by address (node-local DNS): DNS pods are pods of the cluster, which
 * the first rule already allows, so a rule for them would only repeat it.
 */
function addressedDnsRules(dns: DnsProfile): NetworkPolicyRule[] {
  const addressed = dns.peers.filter((peer) => peer.isIpBlock());
  return addressed.length === 0 ? [] : [{ ...dnsRule(dns), peers: addressed }];
}
