import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { NetworkPolicyRule } from '../policy-rule';
import { denyAllRuleError, intentPolicy, targetOrAll } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs, checkRuleArgument } from '../struct-checks';

/**
 * Denies all egress from the selected pods (every pod of the namespace by default).
 *
 * Renders one NetworkPolicy with `policyTypes: [Egress]` and no egress rules. Other policies can still
 * allow specific traffic: policies only ever add allowances. Note that this
 * blocks DNS as well; add `AllowDnsEgress`, or use `NamespaceBaseline`.
 *
 * Default name: `deny-all-egress` (prefixed with the selector's label values, e.g. `web-deny-all-egress`).
 *
 * `addEgressRule()` throws: a deny-all policy with a rule would no longer deny all. Allow traffic with
 * policies of their own.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic
 * @example
 * new DenyAllEgress(chart, 'DenyEgress', { namespace: 'shop' });
 */
export class DenyAllEgress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, name and namespace
   */
  public constructor(scope: Construct, id: string, props: IsolationIntentProps = {}) {
    checkConstructArgs('new DenyAllEgress()', scope, id, props, 'IsolationIntentProps');
    super(scope, id, denyAllEgressPolicy(scope, childPath(scope, id), props));
  }


  /**
   * Refused: a rule would turn this deny-all policy into an allowance. Allow the traffic with a policy of its
   * own (policies add up), or use a `NetworkPolicy` with `egress: []` and the rules.
   *
   * @param rule the rule that is refused
   */
  public addEgressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    throw denyAllRuleError(this.node.path, 'DenyAllEgress', 'egress', rule);
  }
}

/** The NetworkPolicy props of a `DenyAllEgress` at construct path `where`. */
function denyAllEgressPolicy(scope: Construct, where: string, props?: IsolationIntentProps): NetworkPolicyProps {
  const target = targetOrAll(where, scope, props);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'deny-all-egress']),
    target,
    description: 'Deny all egress from the selected pods.',
    egress: [],
  });
}
