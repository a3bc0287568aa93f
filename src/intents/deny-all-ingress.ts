import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { NetworkPolicyRule } from '../policy-rule';
import { denyAllRuleError, intentPolicy, targetOrAll } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs, checkRuleArgument } from '../struct-checks';

/**
 * Denies all ingress to the selected pods (every pod of the namespace by default).
 *
 * Renders one NetworkPolicy with `policyTypes: [Ingress]` and no ingress rules. Other policies can still
 * allow specific traffic: policies only ever add allowances.
 *
 * Default name: `deny-all-ingress` (prefixed with the selector's label values, e.g. `web-deny-all-ingress`).
 *
 * `addIngressRule()` throws: a deny-all policy with a rule would no longer deny all. Allow traffic with
 * policies of their own.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic
 * @example
 * new DenyAllIngress(chart, 'DenyIngress', { namespace: 'shop' });
 */
export class DenyAllIngress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, name and namespace
   */
  public constructor(scope: Construct, id: string, props: IsolationIntentProps = {}) {
    checkConstructArgs('new DenyAllIngress()', scope, id, props, 'IsolationIntentProps');
    super(scope, id, denyAllIngressPolicy(scope, childPath(scope, id), props));
  }


  /**
   * Refused: a rule would turn this deny-all policy into an allowance. Allow the traffic with a policy of its
   * own (policies add up), or use a `NetworkPolicy` with `ingress: []` and the rules.
   *
   * @param rule the rule that is refused
   */
  public addIngressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    throw denyAllRuleError(this.node.path, 'DenyAllIngress', 'ingress', rule);
  }
}

/** The NetworkPolicy props of a `DenyAllIngress` at construct path `where`. */
function denyAllIngressPolicy(scope: Construct, where: string, props?: IsolationIntentProps): NetworkPolicyProps {
  const target = targetOrAll(where, scope, props);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'deny-all-ingress']),
    target,
    description: 'Deny all ingress to the selected pods.',
    ingress: [],
  });
}
