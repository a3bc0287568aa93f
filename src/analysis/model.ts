/**
 * The normalized cluster model (internal, shared by the analyzer, the lint checks and the CLI).
 *
 * Everything here is plain data with Kubernetes defaults applied; see `normalize.ts` for how to build it.
 */
import { Protocol } from '../protocol';
import { ContainerPort } from './endpoint';
import type { NormalizedTierPolicy } from './tier-model';
import { Cidr, IpAddress } from '../private/cidr';

/** Where a manifest came from, for messages. */
export interface ManifestSource {
  /** `dist/app.k8s.yaml#2`, or `manifests[2]` when no name was given. */
  readonly document: string;
  /** Index in the input array. */
  readonly index: number;
}

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Sorted and deduplicated; empty for Exists/DoesNotExist. */
  readonly values: string[];
}

/** A label selector; `{}` (no labels, no requirements) matches everything. */
export interface NormalizedSelector {
  readonly matchLabels: Record<string, string>;
  readonly requirements: SelectorRequirement[];
  /** Every label key the selector looks at. */
  readonly keys: string[];
  /** True for `{}`. */
  readonly matchesAll: boolean;
  /** Canonical JSON, equal for selectors that mean the same. */
  readonly canonical: string;
}

export interface NormalizedIpBlock {
  readonly cidr: Cidr;
  readonly except: Cidr[];
}

/** A peer: `ipBlock` alone, or pod and/or namespace selectors (AND). */
export interface NormalizedPeer {
  /** @default - with a namespaceSelector: every pod there; without: never absent for pod peers */
  readonly podSelector?: NormalizedSelector;
  /** @default - the policy's own namespace */
  readonly namespaceSelector?: NormalizedSelector;
  readonly ipBlock?: NormalizedIpBlock;
}

/** A port entry with its protocol defaulted. No `port` = every port of the protocol. */
export interface NormalizedPort {
  readonly protocol: Protocol;
  readonly port?: number;
  /** Inclusive; only with a numeric port. */
  readonly endPort?: number;
  /** A container port name resolved on the destination pod. */
  readonly portName?: string;
}

export interface NormalizedRule {
  /** Index in `spec.ingress` / `spec.egress`. */
  readonly index: number;
  /** `undefined` when `from`/`to` is absent or empty: every peer. */
  readonly peers?: NormalizedPeer[];
  /** `undefined` when `ports` is absent or empty: every port and protocol. */
  readonly ports?: NormalizedPort[];
}

export interface NormalizedPolicy {
  /** `namespace/name`. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  /** Absent `spec.podSelector` is `{}`. */
  readonly podSelector: NormalizedSelector;
  /** Explicit, or inferred: Ingress, plus Egress iff `spec.egress` has at least one rule. Ordered Ingress, Egress. */
  readonly policyTypes: Array<'Ingress' | 'Egress'>;
  /** Whether `policyTypes` was written (false = inferred). */
  readonly policyTypesExplicit: boolean;
  readonly isolatesIngress: boolean;
  readonly isolatesEgress: boolean;
  /** Rules as written, also when the direction is not in policyTypes (then they have no effect). */
  readonly ingress: NormalizedRule[];
  readonly egress: NormalizedRule[];
  readonly source: ManifestSource;
}

export interface NormalizedNamespace {
  readonly name: string;
  /** Always includes `kubernetes.io/metadata.name`. */
  readonly labels: Record<string, string>;
  /** False for namespaces only referenced by other objects. */
  readonly declared: boolean;
}

export interface NormalizedWorkload {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** Pod (template) labels. */
  readonly labels: Record<string, string>;
  /** Container ports of all containers, protocol filled in. */
  readonly ports: ContainerPort[];
  /** `status.podIP` of a Pod, when present. */
  readonly ip?: IpAddress;
  readonly ipText?: string;
  readonly source: ManifestSource;
}

export interface ClusterModel {
  /** Declared namespaces plus every namespace referenced by a policy or workload, sorted by name. */
  readonly namespaces: NormalizedNamespace[];
  readonly workloads: NormalizedWorkload[];
  /** Sorted by id. A later document with the same namespace/name replaces an earlier one (as `kubectl apply`). */
  readonly policies: NormalizedPolicy[];
  /** ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy, in evaluation order (see tier-model.ts). */
  readonly tierPolicies: NormalizedTierPolicy[];
}

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
