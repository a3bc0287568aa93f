import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { intentName, renderIntent, selectorOrAll, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';

/**
 * Denies all ingress to the selected pods (every pod of the namespace by default).
 *
 * Renders one NetworkPolicy with `policyTypes: [Ingress]` and no ingress rules. Other policies can still
 * allow specific traffic: policies only ever add allowances.
 *
 * Default name: `deny-all-ingress` (prefixed with the selector's label values, e.g. `web-deny-all-ingress`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic
 * @example
 * new DenyAllIngress(chart, 'DenyIngress', { namespace: 'shop' });
 */
export class DenyAllIngress extends Construct {
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
      defaultName: intentName([selectorSlug(selector), 'deny-all-ingress']),
      selector,
      description: 'Deny all ingress to the selected pods.',
      ingress: [],
    });
  }
}
