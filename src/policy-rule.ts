import { IPeer } from './peer';
import { Port } from './port';

/**
 * One rule: traffic to or from these peers on these ports is allowed.
 */
export interface NetworkPolicyRule {
  /**
   * The other side of the traffic: peers or workloads, at least one; use `Peer.any()` for every peer.
   * A workload in another namespace than the policy is written as its namespace AND its pods.
   */
  readonly peers: IPeer[];

  /**
   * Ports the traffic may use (on the selected pods for ingress, on the destination for egress).
   *
   * @default - every port and protocol
   */
  readonly ports?: Port[];

  /**
   * Why this rule exists; written to an annotation so reviewers can read it next to the YAML.
   *
   * @default - no description
   */
  readonly description?: string;
}
