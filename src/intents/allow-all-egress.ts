import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { intentPolicy, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

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
export class AllowAllEgress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, name and namespace
   */
  public constructor(scope: Construct, id: string, props: AllowIntentProps) {
    checkConstructArgs('new AllowAllEgress()', scope, id, props, 'AllowIntentProps');
    super(scope, id, allowAllEgressPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowAllEgress` at construct path `where`. */
function allowAllEgressPolicy(scope: Construct, where: string, props: AllowIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-all-egress']),
    target,
    description: 'Allow all egress from the selected pods.',
    egress: [{ peers: [Peer.any()] }],
  });
}
