import { Construct } from 'constructs';
import { CidrIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { cidrPeers } from './private/cidr-peers';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, rangesSlug, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

/**
 * Allows ingress to the selected pods from address ranges (`ipBlock`), minus exceptions, optionally on ports.
 *
 * `ipBlock` is meant for addresses outside the cluster; whether it matches pod addresses depends on the CNI.
 *
 * The ranges are `cidrs`, address-range workloads (`Workload.fromCidr()`) in `workloads`, or both.
 *
 * Default name: `allow-ingress-from-<workloads>-<cidrs>`, e.g. `allow-ingress-from-203-0-113-0-24` or
 * `api-allow-ingress-from-office` (prefixed with the target workload's name or the selector's label values;
 * long names are shortened with a hash).
 *
 * @example
 * new AllowIngressFromCidr(chart, 'Office', {
 *   selector: LabelSelector.of({ labels: { app: 'api' } }),
 *   cidrs: ['198.51.100.0/24'],
 *   ports: [Port.tcp(8443)],
 * });
 *
 * // named api-allow-ingress-from-vpn
 * new AllowIngressFromCidr(chart, 'FromVpn', {
 *   selector: LabelSelector.of({ labels: { app: 'api' } }),
 *   workloads: [Workload.fromCidr(chart, 'Vpn', { cidr: '192.0.2.0/24' })],
 *   ports: [Port.tcp(8443)],
 * });
 */
export class AllowIngressFromCidr extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props target pods, source ranges, ports
   */
  public constructor(scope: Construct, id: string, props: CidrIntentProps) {
    checkConstructArgs('new AllowIngressFromCidr()', scope, id, props, 'CidrIntentProps');
    super(scope, id, allowIngressFromCidrPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowIngressFromCidr` at construct path `where`. */
function allowIngressFromCidrPolicy(scope: Construct, where: string, props: CidrIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const peers = cidrPeers(where, props.cidrs, props.except, props.workloads);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-ingress-from', rangesSlug(props.workloads ?? [], props.cidrs ?? [])]),
    target,
    description: `Allow ingress to the selected pods from ${peers.map((p) => p.toString()).join(', ')}.`,
    ingress: [{ peers, ports }],
  });
}
