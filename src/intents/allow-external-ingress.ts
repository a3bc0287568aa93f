import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { Workload } from '../connections/workload';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { Port } from '../port';
import { cidrPeers } from './private/cidr-peers';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';
import { intentPolicy, requirePorts, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';

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
   * @default - any source: pods of the cluster and every address outside it (unless `workloads` are given)
   */
  readonly cidrs?: string[];

  /**
   * Source address ranges as workloads (`Workload.fromCidr()`, each with its own exceptions), beside or
   * instead of `cidrs`. Workloads of pods are refused.
   *
   * @default - any source: pods of the cluster and every address outside it (unless `cidrs` are given)
   */
  readonly workloads?: Workload[];
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
export class AllowExternalIngress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, ports, source ranges
   */
  public constructor(scope: Construct, id: string, props: AllowExternalIngressProps) {
    checkConstructArgs('new AllowExternalIngress()', scope, id, props, 'AllowExternalIngressProps');
    super(scope, id, allowExternalIngressPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowExternalIngress` at construct path `where`. */
function allowExternalIngressPolicy(scope: Construct, where: string, props: AllowExternalIngressProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const ports = requirePorts(where, props.ports);
  const peers = props.cidrs === undefined && props.workloads === undefined ? [Peer.any()] : cidrPeers(where, props.cidrs, undefined, props.workloads);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-external-ingress']),
    target,
    description: `Allow ingress to the selected pods from ${peers.map((p) => p.toString()).join(', ')} on ${ports.map((p) => p.toString()).join(', ')}.`,
    ingress: [{ peers, ports }],
  });
}
