import { Construct } from 'constructs';
import { CidrIntentProps } from './intent-props';
import { checkPorts, cidrPeers, cidrSlug, intentName, renderIntent, requireSelector, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';

/**
 * Allows egress from the selected pods to address ranges (`ipBlock`), minus exceptions, optionally on ports.
 *
 * `ipBlock` is meant for addresses outside the cluster; whether it matches pod addresses depends on the CNI.
 *
 * Default name: `allow-egress-to-<cidrs>`, e.g. `allow-egress-to-203-0-113-0-24` (prefixed with the
 * selector's label values; long names are shortened with a hash).
 *
 * @example
 * new AllowEgressToCidr(chart, 'Partner', {
 *   selector: LabelSelector.of({ labels: { app: 'api' } }),
 *   cidrs: ['203.0.113.0/24'],
 *   ports: [Port.HTTPS],
 * });
 */
export class AllowEgressToCidr extends Construct {
  /** The NetworkPolicy this intent renders. */
  public readonly policy: NetworkPolicy;

  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, destination ranges, ports
   */
  public constructor(scope: Construct, id: string, props: CidrIntentProps) {
    super(scope, id);
    const selector = requireSelector(this, props);
    const peers = cidrPeers(this, props.cidrs, props.except);
    const ports = checkPorts(this, props.ports);
    this.policy = renderIntent(this, props, {
      defaultName: intentName([selectorSlug(selector), 'allow-egress-to', cidrSlug(props.cidrs)]),
      selector,
      description: `Allow egress from the selected pods to ${peers.map((p) => p.toString()).join(', ')}.`,
      egress: [{ peers, ports }],
    });
  }
}
