import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { intentPolicy, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

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
export class AllowAllIngress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, name and namespace
   */
  public constructor(scope: Construct, id: string, props: AllowIntentProps) {
    checkConstructArgs('new AllowAllIngress()', scope, id, props, 'AllowIntentProps');
    super(scope, id, allowAllIngressPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowAllIngress` at construct path `where`. */
function allowAllIngressPolicy(scope: Construct, where: string, props: AllowIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-all-ingress']),
    target,
    description: 'Allow all ingress to the selected pods.',
    ingress: [{ peers: [Peer.any()] }],
  });
}
