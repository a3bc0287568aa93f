import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { DnsProfile } from '../dns';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { NetworkPolicyRule } from '../policy-rule';
import { dnsOrDefault, dnsRule, intentPolicy, markCustomDns, targetOrAll } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { LabelSelector } from '../selectors/label-selector';
import { checkConstructArgs } from '../struct-checks';

/** Properties of `NamespaceBaseline`. */
export interface NamespaceBaselineProps extends IsolationIntentProps {
  /**
   * Where the cluster DNS lives.
   *
   * @default DnsProfile.kubernetes() - kube-system pods labelled k8s-app in (kube-dns, coredns), UDP and TCP 53
   */
  readonly dns?: DnsProfile;

  /**
   * Also allow all traffic between pods of this namespace, in both directions.
   *
   * @default false - pods of the namespace need explicit allowances to talk to each other
   */
  readonly allowSameNamespace?: boolean;
}

/**
 * The best-practice start for a namespace: deny all ingress and egress, allow DNS egress, and optionally
 * allow traffic within the namespace. Add allowances with the other intents.
 *
 * Renders ONE NetworkPolicy (`policyTypes: [Ingress, Egress]`): the baseline is one object that is applied,
 * reviewed and removed as a whole, and since policies only add allowances, this is exactly the union of a
 * deny-all policy and a DNS policy.
 *
 * Default name: `namespace-baseline`.
 *
 * @example
 * new NamespaceBaseline(chart, 'Baseline', { namespace: 'shop', allowSameNamespace: true });
 */
export class NamespaceBaseline extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props namespace, DNS profile, same-namespace traffic
   */
  public constructor(scope: Construct, id: string, props: NamespaceBaselineProps = {}) {
    checkConstructArgs('new NamespaceBaseline()', scope, id, props, 'NamespaceBaselineProps');
    super(scope, id, namespaceBaselinePolicy(scope, childPath(scope, id), props));
    markCustomDns(this, props.dns);
  }

}

/** The NetworkPolicy props of a `NamespaceBaseline` at construct path `where`. */
function namespaceBaselinePolicy(scope: Construct, where: string, props?: NamespaceBaselineProps): NetworkPolicyProps {
  const target = targetOrAll(where, scope, props);
  const dns = dnsOrDefault(where, props?.dns);
  const same = props?.allowSameNamespace === true;
  const neighbours: NetworkPolicyRule[] = same
    ? [{ peers: [Peer.pods(LabelSelector.all())], description: 'every pod of this namespace' }] : [];
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'namespace-baseline']),
    target,
    description: same
      ? 'Baseline: deny all traffic except DNS egress and traffic within this namespace.'
      : 'Baseline: deny all traffic except DNS egress.',
    ingress: neighbours,
    egress: [dnsRule(dns), ...neighbours],
  });
}
