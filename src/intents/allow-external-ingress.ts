import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { cidrPeers, intentName, renderIntent, requirePorts, requireSelector, selectorSlug } from './intent-support';
import { NetworkPolicy } from '../network-policy';
import { Peer } from '../peer';
import { Port } from '../port';

/** Properties of `AllowExternalIngress`. */
export interface AllowExternalIngressProps extends AllowIntentProps {
  /**
   * The ports to open on the selected pods (required: opening every port to everyone is rarely meant;
   * use `AllowAllIngress` for that).
   */
  readonly ports: Port[];

  /**
   * The source address ranges allowed in, e.g. a load balancer's or a partner's ranges.
   *
   * @default - any source: pods of the cluster and every address outside it
   */
  readonly cidrs?: string[];
}

/**
 * Allows ingress to the selected pods from any source (or the given address ranges) on the given ports,
 * e.g. for a public web tier behind a load balancer that keeps client addresses.
 *
 * Default name: `allow-external-ingress` (prefixed with the selector's label values, e.g.
 * `web-allow-external-ingress`).
 *
 * @example
 * new AllowExternalIngress(chart, 'Public', {
 *   selector: LabelSelector.of({ labels: { app: 'web' } }),
 *   ports: [Port.HTTP, Port.HTTPS],
 * });
 */
export class AllowExternalIngress extends Construct {
  /** The NetworkPolicy this intent renders. */
  public readonly policy: NetworkPolicy;

  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, ports, source ranges
   */
  public constructor(scope: Construct, id: string, props: AllowExternalIngressProps) {
    super(scope, id);
    const selector = requireSelector(this, props);
    const ports = requirePorts(this, props.ports);
    const peers = props.cidrs === undefined ? [Peer.any()] : cidrPeers(this, props.cidrs, undefined);
    this.policy = renderIntent(this, props, {
      defaultName: intentName([selectorSlug(selector), 'allow-external-ingress']),
      selector,
      description: `Allow ingress to the selected pods from ${peers.map((p) => p.toString()).join(', ')} on ${ports.map((p) => p.toString()).join(', ')}.`,
      ingress: [{ peers, ports }],
    });
  }
}
