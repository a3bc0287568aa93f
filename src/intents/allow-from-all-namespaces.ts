import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

/**
 * Allows ingress to the selected pods from every pod in every namespace of the cluster
 * (`namespaceSelector: {}`); addresses outside the cluster stay denied.
 *
 * Default name: `allow-from-all-namespaces` (prefixed with the selector's label values).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 * @example
 * new AllowFromAllNamespaces(chart, 'SharedCache', {
 *   selector: LabelSelector.of({ labels: { app: 'cache' } }),
 *   ports: [Port.REDIS],
 * });
 */
export class AllowFromAllNamespaces extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, ports
   */
  public constructor(scope: Construct, id: string, props: AllowPortsIntentProps) {
    checkConstructArgs('new AllowFromAllNamespaces()', scope, id, props, 'AllowPortsIntentProps');
    super(scope, id, allowFromAllNamespacesPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowFromAllNamespaces` at construct path `where`. */
function allowFromAllNamespacesPolicy(scope: Construct, where: string, props: AllowPortsIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-from-all-namespaces']),
    target,
    description: 'Allow ingress to the selected pods from every pod of the cluster.',
    ingress: [{ peers: [Peer.allPodsInCluster()], ports }],
  });
}
