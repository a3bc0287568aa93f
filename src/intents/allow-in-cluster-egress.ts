import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { checkPorts, intentName, renderIntent, requireSelector, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';
import { Peer } from '../peer';

/**
 * Allows egress from the selected pods to every pod of every namespace (`namespaceSelector: {}`), optionally
 * on ports. Addresses outside the cluster stay denied.
 *
 * Default name: `allow-in-cluster-egress` (prefixed with the selector's label values).
 *
 * @example
 * new AllowInClusterEgress(chart, 'Internal', { selector: LabelSelector.of({ labels: { app: 'api' } }) });
 */
export class AllowInClusterEgress extends Construct {
  /** The NetworkPolicy this intent renders. */
  public readonly policy: NetworkPolicy;

  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, ports
   */
  public constructor(scope: Construct, id: string, props: AllowPortsIntentProps) {
    super(scope, id);
    const selector = requireSelector(this, props);
    const ports = checkPorts(this, props.ports);
    this.policy = renderIntent(this, props, {
      defaultName: intentName([selectorSlug(selector), 'allow-in-cluster-egress']),
      selector,
      description: 'Allow egress from the selected pods to every pod of the cluster.',
      egress: [{ peers: [Peer.allPodsInCluster()], ports }],
    });
  }
}
