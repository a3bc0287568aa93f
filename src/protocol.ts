/**
 * A network protocol a NetworkPolicy port can name.
 *
 * @see https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/#NetworkPolicySpec
 */
export enum Protocol {
  /** Transmission Control Protocol (the Kubernetes default). */
  TCP = 'TCP',
  /** User Datagram Protocol. */
  UDP = 'UDP',
  /** Stream Control Transmission Protocol. */
  SCTP = 'SCTP',
}
