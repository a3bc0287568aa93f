import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

/**
 * Allows egress from the selected pods to every pod of every namespace (`namespaceSelector: {}`), optionally
 * on ports. Addresses outside the cluster stay denied.
 *
 * Default name: `allow-in-cluster-egress` (prefixed with the selector's label values).
 *
 * @example
 * new AllowInClusterEgress(chart, 'Internal', { selector: LabelSelector.of({ labels: { app: 'api' } }) });
 */
export class AllowInClusterEgress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, ports
   */
  public constructor(scope: Construct, id: string, props: AllowPortsIntentProps) {
    checkConstructArgs('new AllowInClusterEgress()', scope, id, props, 'AllowPortsIntentProps');
    super(scope, id, allowInClusterEgressPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowInClusterEgress` at construct path `where`. */
function allowInClusterEgressPolicy(scope: Construct, where: string, props: AllowPortsIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-in-cluster-egress']),
    target,
    description: 'Allow egress from the selected pods to every pod of the cluster.',
    egress: [{ peers: [Peer.allPodsInCluster()], ports }],
  });
}
