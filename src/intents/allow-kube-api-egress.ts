import { Construct } from 'constructs';
import { AllowIntentProps } from './intent-props';
import { Workload } from '../connections/workload';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Port } from '../port';
import { cidrPeers } from './private/cidr-peers';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

/** Properties of `AllowKubeApiEgress`. */
export interface AllowKubeApiEgressProps extends AllowIntentProps {
  /**
   * The API server endpoint addresses (see `kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes`),
   * e.g. `['10.0.0.10/32']`. Policies see the endpoints, not the `kubernetes` Service's cluster IP.
   * With `workloads`, at least one address in all.
   *
   * @default - none: the addresses are the `workloads`
   */
  readonly cidrs?: string[];

  /**
   * The API server endpoint addresses as workloads (`Workload.fromCidr()`), beside or instead of `cidrs`.
   * Workloads of pods are refused.
   *
   * @default - none: the addresses are the `cidrs`
   */
  readonly workloads?: Workload[];

  /**
   * The API server ports.
   *
   * @default - TCP 443 and TCP 6443
   */
  readonly ports?: Port[];
}

/**
 * Allows the selected pods to reach the Kubernetes API server endpoints (operators, controllers, CI agents).
 *
 * Default name: `allow-kube-api-egress` (prefixed with the selector's label values).
 *
 * @example
 * new AllowKubeApiEgress(chart, 'Api', {
 *   selector: LabelSelector.of({ labels: { app: 'operator' } }),
 *   cidrs: ['10.0.0.10/32', '10.0.0.11/32'],
 * });
 */
export class AllowKubeApiEgress extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, API server addresses and ports
   */
  public constructor(scope: Construct, id: string, props: AllowKubeApiEgressProps) {
    checkConstructArgs('new AllowKubeApiEgress()', scope, id, props, 'AllowKubeApiEgressProps');
    super(scope, id, allowKubeApiEgressPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowKubeApiEgress` at construct path `where`. */
function allowKubeApiEgressPolicy(scope: Construct, where: string, props: AllowKubeApiEgressProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const peers = cidrPeers(where, props.cidrs, undefined, props.workloads);
  const ports = checkPorts(where, props.ports) ?? [Port.HTTPS, Port.KUBE_API];
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-kube-api-egress']),
    target,
    description: 'Allow egress from the selected pods to the Kubernetes API server.',
    egress: [{ peers, ports }],
  });
}
