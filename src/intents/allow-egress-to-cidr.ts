import { Construct } from 'constructs';
import { CidrIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { cidrPeers } from './private/cidr-peers';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, rangesSlug, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

/**
 * Allows egress from the selected pods to address ranges (`ipBlock`), minus exceptions, optionally on ports.
 *
 * `ipBlock` is meant for addresses outside the cluster; whether it matches pod addresses depends on the CNI.
 *
 * The ranges are `cidrs`, address-range workloads (`Workload.fromCidr()`) in `workloads`, or both.
 *
 * Default name: `allow-egress-to-<workloads>-<cidrs>`, e.g. `allow-egress-to-203-0-113-0-24` or
 * `api-allow-egress-to-payments` (prefixed with the target workload's name or the selector's label values;
 * long names are shortened with a hash).
 *
 * @example
 * new AllowEgressToCidr(chart, 'Partner', {
 *   selector: LabelSelector.of({ labels: { app: 'api' } }),
 *   cidrs: ['203.0.113.0/24'],
 *   ports: [Port.HTTPS],
 * });
 *
 * // named api-allow-egress-to-payments
 * const payments = Workload.fromCidr(chart, 'Payments', { cidr: '198.51.100.0/24' });
 * new AllowEgressToCidr(chart, 'Pay', {
 *   selector: Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } }),
 *   workloads: [payments],
 *   ports: [Port.HTTPS],
 * });
 */
export class AllowEgressToCidr extends NetworkPolicy {
  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, destination ranges, ports
   */
  public constructor(scope: Construct, id: string, props: CidrIntentProps) {
    checkConstructArgs('new AllowEgressToCidr()', scope, id, props, 'CidrIntentProps');
    super(scope, id, allowEgressToCidrPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowEgressToCidr` at construct path `where`. */
function allowEgressToCidrPolicy(scope: Construct, where: string, props: CidrIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const peers = cidrPeers(where, props.cidrs, props.except, props.workloads);
  const ports = checkPorts(where, props.ports);
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-egress-to', rangesSlug(props.workloads ?? [], props.cidrs ?? [])]),
    target,
    description: `Allow egress from the selected pods to ${peers.map((p) => p.toString()).join(', ')}.`,
    egress: [{ peers, ports }],
  });
}
