import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { NetworkPolicyRule } from '../policy-rule';
import { denyAllRuleError, intentPolicy, targetOrAll } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs, checkRuleArgument } from '../struct-checks';

/**
 * Denies all ingress and all egress of the selected pods (every pod of the namespace by default).
 *
 * Renders one NetworkPolicy with `policyTypes: [Ingress, Egress]` and no rules. This also blocks DNS;
 * `NamespaceBaseline` is the same with DNS egress allowed.
 *
 * Default name: `deny-all` (prefixed with the selector's label values, e.g. `web-deny-all`).
 *
 * `addIngressRule()` and `addEgressRule()` throw: a deny-all policy with a rule would no longer deny all.
 * Allow traffic with policies of their own.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-and-all-egress-traffic
 * @example
 * new DenyAll(chart, 'Lockdown', { namespace: 'quarantine' });
 */
export class DenyAll extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, name and namespace
   */
  public constructor(scope: Construct, id: string, props: IsolationIntentProps = {}) {
    checkConstructArgs('new DenyAll()', scope, id, props, 'IsolationIntentProps');
    super(scope, id, denyAllPolicy(scope, childPath(scope, id), props));
  }


  /**
   * Refused: a rule would turn this deny-all policy into an allowance. Allow the traffic with a policy of its
   * own (policies add up), or use a `NetworkPolicy` with `ingress: []` and the rules.
   *
   * @param rule the rule that is refused
   */
  public addIngressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    throw denyAllRuleError(this.node.path, 'DenyAll', 'ingress', rule);
  }

  /**
   * Refused: a rule would turn this deny-all policy into an allowance. Allow the traffic with a policy of its
   * own (policies add up), or use a `NetworkPolicy` with `egress: []` and the rules.
   *
   * @param rule the rule that is refused
   */
  public addEgressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    throw denyAllRuleError(this.node.path, 'DenyAll', 'egress', rule);
  }
}

/** The NetworkPolicy props of a `DenyAll` at construct path `where`. */
function denyAllPolicy(scope: Construct, where: string, props?: IsolationIntentProps): NetworkPolicyProps {
  const target = targetOrAll(where, scope, props);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'deny-all']),
    target,
    description: 'Deny all ingress to and all egress from the selected pods.',
    ingress: [],
    egress: [],
  });
}
