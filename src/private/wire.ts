/**
 * The manifest shapes the constructs produce (internal): plain JSON data as `kubectl` reads it, so that cdk8s
 * renders it as it is, with no conversion of generated types on the way.
 */
import { k8s } from 'cdk8s-plus-28';

/** A port of a rule: `port` is the number or the container port name. */
export interface WirePort {
  readonly protocol: string;
  readonly port?: number | string;
  readonly endPort?: number;
}

/** An ingress rule. */
export interface WireIngressRule {
  readonly from?: k8s.NetworkPolicyPeer[];
  readonly ports?: WirePort[];
}

/** An egress rule. */
export interface WireEgressRule {
  readonly to?: k8s.NetworkPolicyPeer[];
  readonly ports?: WirePort[];
}

/** The spec of a NetworkPolicy. */
export interface WireSpec {
  readonly podSelector: k8s.LabelSelector;
  readonly policyTypes: string[];
  readonly ingress?: WireIngressRule[];
  readonly egress?: WireEgressRule[];
}
