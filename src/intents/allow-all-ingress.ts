import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { intentName, renderIntent, requireSelector, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';
import { Peer } from '../peer';

/**
 * Allows all ingress to the selected pods, from every source on every port, whatever other policies deny.
 *
 * Renders one NetworkPolicy with `policyTypes: [Ingress]` and the single rule `{}`.
 *
 * Default name: `allow-all-ingress` (prefixed with the selector's label values, e.g. `web-allow-all-ingress`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-ingress-traffic
 * @example
 * new AllowAllIngress(chart, 'OpenWeb', { selector: LabelSelector.of({ labels: { app: 'web' } }) });
 */
export class AllowAllIngress extends Construct {
  /** The NetworkPolicy this intent renders. */
  public readonly policy: NetworkPolicy;

  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, name and namespace
   */
  public constructor(scope: Construct, id: string, props: AllowIntentProps) {
    super(scope, id);
    const selector = requireSelector(this, props);
    this.policy = renderIntent(this, props, {
      defaultName: intentName([selectorSlug(selector), 'allow-all-ingress']),
      selector,
      description: 'Allow all ingress to the selected pods.',
      ingress: [{ peers: [Peer.any()], description: 'every source, every port' }],
    });
  }
}
