import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { intentName, renderIntent, selectorOrAll, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';

/**
 * Denies all ingress and all egress of the selected pods (every pod of the namespace by default).
 *
 * Renders one NetworkPolicy with `policyTypes: [Ingress, Egress]` and no rules. This also blocks DNS;
 * `NamespaceBaseline` is the same with DNS egress allowed.
 *
 * Default name: `deny-all` (prefixed with the selector's label values, e.g. `web-deny-all`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-and-all-egress-traffic
 * @example
 * new DenyAll(chart, 'Lockdown', { namespace: 'quarantine' });
 */
export class DenyAll extends Construct {
  /** The NetworkPolicy this intent renders. */
  public readonly policy: NetworkPolicy;

  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, name and namespace
   */
  public constructor(scope: Construct, id: string, props: IsolationIntentProps = {}) {
    super(scope, id);
    const selector = selectorOrAll(this, props?.selector);
    this.policy = renderIntent(this, props, {
      defaultName: intentName([selectorSlug(selector), 'deny-all']),
      selector,
      description: 'Deny all ingress to and all egress from the selected pods.',
      ingress: [],
      egress: [],
    });
  }
}
