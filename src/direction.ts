/**
 * A direction of traffic: what a NetworkPolicy isolates (the wire strings of `spec.policyTypes[]`) and the
 * side of a connection the analyzer judges.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export enum TrafficDirection {
  /** Traffic into the selected pods. */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods. */
  EGRESS = 'Egress',
}
