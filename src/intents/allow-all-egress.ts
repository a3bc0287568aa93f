import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { intentName, renderIntent, requireSelector, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';
import { Peer } from '../peer';

/**
 * Allows all egress from the selected pods, to every destination on every port, whatever other policies deny.
 *
 * Renders one NetworkPolicy with `policyTypes: [Egress]` and the single rule `{}`.
 *
 * Default name: `allow-all-egress` (prefixed with the selector's label values, e.g. `web-allow-all-egress`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#allow-all-egress-traffic
 * @example
 * new AllowAllEgress(chart, 'OpenEgress', { selector: LabelSelector.of({ labels: { app: 'web' } }) });
 */
export class AllowAllEgress extends Construct {
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
      defaultName: intentName([selectorSlug(selector), 'allow-all-egress']),
      selector,
      description: 'Allow all egress from the selected pods.',
      egress: [{ peers: [Peer.any()], description: 'every destination, every port' }],
    });
  }
}
