import { Construct } from 'constructs';
import { AllowPortsIntentProps } from './intent-props';
import { NetworkPolicy, NetworkPolicyProps } from '../network-policy';
import { Peer } from '../peer';
import { checkPorts, intentPolicy, requireTarget } from './private/defaults';
import { intentName, targetSlug } from './private/naming';
import { childPath } from '../private/construct-path';
import { checkConstructArgs } from '../struct-checks';

/**
 * IPv4 ranges that are not public: private (RFC 1918), shared/CGNAT (RFC 6598) and link-local (RFC 3927,
 * which holds the cloud metadata address 169.254.169.254).
 */
const NON_PUBLIC_IPV4 = ['10.0.0.0/8', '100.64.0.0/10', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16'];

/** IPv6 ranges that are not public: unique local (RFC 4193) and link-local. */
const NON_PUBLIC_IPV6 = ['fc00::/7', 'fe80::/10'];

/**
 * Allows egress from the selected pods to public addresses only: `0.0.0.0/0` and `::/0` except the private
 * (10/8, 172.16/12, 192.168/16, fc00::/7), shared/CGNAT (100.64/10) and link-local (169.254/16, fe80::/10)
 * ranges, optionally on ports.
 *
 * Link-local includes the cloud metadata endpoint 169.254.169.254, which stays unreachable. Pods and
 * services of the cluster usually live in the private ranges, so they are not reached either.
 *
 * Default name: `allow-public-egress` (prefixed with the selector's label values).
 *
 * @example
 * new AllowPublicEgress(chart, 'Internet', {
 *   selector: LabelSelector.of({ labels: { app: 'crawler' } }),
 *   ports: [Port.HTTP, Port.HTTPS],
 * });
 */
export class AllowPublicEgress extends NetworkPolicy {
  /** The IPv4 ranges left out. */
  public static readonly NON_PUBLIC_IPV4: string[] = [...NON_PUBLIC_IPV4];

  /** The IPv6 ranges left out. */
  public static readonly NON_PUBLIC_IPV6: string[] = [...NON_PUBLIC_IPV6];

  /**
   * @param scope parent construct
   * @param id construct id
   * @param props source pods, ports
   */
  public constructor(scope: Construct, id: string, props: AllowPortsIntentProps) {
    checkConstructArgs('new AllowPublicEgress()', scope, id, props, 'AllowPortsIntentProps');
    super(scope, id, allowPublicEgressPolicy(scope, childPath(scope, id), props));
  }

}

/** The NetworkPolicy props of an `AllowPublicEgress` at construct path `where`. */
function allowPublicEgressPolicy(scope: Construct, where: string, props: AllowPortsIntentProps): NetworkPolicyProps {
  const target = requireTarget(where, scope, props);
  const ports = checkPorts(where, props.ports);
  const peers = [Peer.ipBlock('0.0.0.0/0', NON_PUBLIC_IPV4), Peer.ipBlock('::/0', NON_PUBLIC_IPV6)];
  return intentPolicy(props, {
    defaultName: intentName([targetSlug(target), 'allow-public-egress']),
    target,
    description: 'Allow egress from the selected pods to public addresses only (no private, CGNAT or link-local ranges).',
    egress: [{ peers, ports }],
  });
}
