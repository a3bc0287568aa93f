import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { LabelSelector } from '../selectors/label-selector';
import { checkConstructArgs } from '../struct-checks';

/**
 * Allows ingress to the selected pods from every pod of the policy's own namespace; pods of other
 * namespaces and addresses outside the cluster are denied.
 *
 * Default name: `allow-same-namespace` (prefixed with the selector's label values).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 * @example
 * new AllowSameNamespace(chart, 'Neighbours', { namespace: 'shop', selector: LabelSelector.all() });
 */
export class AllowSameNamespace extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, ports
   */
  public constructor(scope: Construct, id: string, props: AllowPortsIntentProps) {
    checkConstructArgs('new AllowSameNamespace()', scope, id, props, 'AllowPortsIntentProps');
    super(scope, id, allowSameNamespacePolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowSameNamespace` at construct path `where`. */
function allowSameNamespacePolicy(scope: Construct, where: string, props: AllowPortsIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-same-namespace']),
    target,
    description: 'Allow ingress to the selected pods from every pod of this namespace.',
    ingress: [{ peers: [Peer.pods(LabelSelector.all())], ports }],
  });
}
