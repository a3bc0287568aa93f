import { Construct } from 'constructs';
import { IsolationIntentProps } from './intent-props';
import { intentName, renderIntent, selectorOrAll, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';

/**
 * Denies all egress from the selected pods (every pod of the namespace by default).
 *
 * Renders one NetworkPolicy with `policyTypes: [Egress]` and no egress rules. Other policies can still
 * allow specific traffic: policies only ever add allowances. Note that this
 * blocks DNS as well; add `AllowDnsEgress`, or use `NamespaceBaseline`.
 *
 * Default name: `deny-all-egress` (prefixed with the selector's label values, e.g. `web-deny-all-egress`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-egress-traffic
 * @example
 * new DenyAllEgress(chart, 'DenyEgress', { namespace: 'shop' });
 */
export class DenyAllEgress extends Construct {
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
      defaultName: intentName([selectorSlug(selector), 'deny-all-egress']),
      selector,
      description: 'Deny all egress from the selected pods.',
      egress: [],
    });
  }
}
