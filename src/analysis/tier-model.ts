/**
 * The normalized form of the cluster-wide tiered policies (internal): ClusterNetworkPolicy
 * (`policy.networking.k8s.io/v1alpha2`) and its predecessors AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * (`v1alpha1`), read into one shape. See `tier-reading.ts` for how they are read and `tier-evaluate.ts` for
 * what they mean.
 */
import type { ManifestSource, NormalizedSelector } from './model';
import { Cidr } from '../private/cidr';
import { Protocol } from '../protocol';

/** The tier a cluster-wide policy sits in. */
export type TierName = 'Admin' | 'Baseline';

/** What a rule does with the traffic it matches (v1alpha1 `Allow` is read as `Accept`). */
export type TierAction = 'Accept' | 'Deny' | 'Pass';

/** The kinds read into this model. */
export const TIER_KINDS = ['ClusterNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy'] as const;
export type TierKind = typeof TIER_KINDS[number];

/** The API group of all three kinds. */
export const TIER_GROUP = 'policy.networking.k8s.io';

/**
 * One peer of a tier rule; exactly one kind of peer is set. Pod peers: `namespaceSelector` alone means every
 * pod of those namespaces; with `podSelector` both must match (AND).
 */
export interface TierPeer {
  readonly namespaceSelector?: NormalizedSelector;
  readonly podSelector?: NormalizedSelector;
  /** `networks`: CIDRs, matched against any address, pod addresses included. */
  readonly networks?: Cidr[];
  /** `nodes`: node labels, which manifests do not carry. */
  readonly nodes?: NormalizedSelector;
  /** `domainNames`: names resolved by the CNI at run time. */
  readonly domainNames?: string[];
}

/** A protocol match; no `protocol` (a named port of v1alpha2) means the port name decides alone. */
export interface TierPort {
  readonly protocol?: Protocol;
  /** First port; absent with a port name. */
  readonly port?: number;
  /** Inclusive last port of a range. */
  readonly endPort?: number;
  /** A container port name resolved on the destination pod. */
  readonly portName?: string;
}

export interface TierRule {
  /** Index in `spec.ingress` / `spec.egress`. */
  readonly index: number;
  /** The rule's `name`, when given. */
  readonly name?: string;
  readonly action: TierAction;
  /** Never empty (the API requires at least one). */
  readonly peers: TierPeer[];
  /** `undefined`: every port and protocol. */
  readonly ports?: TierPort[];
}

/** The pods a tier policy applies to: namespaces, or namespaces AND pods. */
export interface TierSubject {
  readonly namespaceSelector: NormalizedSelector;
  /** @default - every pod of the selected namespaces */
  readonly podSelector?: NormalizedSelector;
}

export interface NormalizedTierPolicy {
  /** The name for ClusterNetworkPolicy; `AdminNetworkPolicy/<name>` and `BaselineAdminNetworkPolicy/<name>` for v1alpha1. */
  readonly id: string;
  readonly kind: TierKind;
  readonly name: string;
  readonly tier: TierName;
  /** 0-1000, lower first; a BaselineAdminNetworkPolicy (which has none) sorts after every Baseline ClusterNetworkPolicy. */
  readonly priority: number;
  readonly subject: TierSubject;
  readonly ingress: TierRule[];
  readonly egress: TierRule[];
  readonly source: ManifestSource;
}

/** Priority given to a BaselineAdminNetworkPolicy so that it sorts after the Baseline ClusterNetworkPolicies. */
export const BANP_PRIORITY = 1001;

/**
 * The evaluation order of one tier: ascending priority; equal priorities by kind (ClusterNetworkPolicy first)
 * and then by name. The API leaves equal priorities to the implementation; this order is ours, documented in
 * docs/cluster-policies.md, and the lint check `tier-priority-overlap` reports where it matters.
 */
export function compareTierPolicies(a: NormalizedTierPolicy, b: NormalizedTierPolicy): number {
  if (a.tier !== b.tier) return a.tier === 'Admin' ? -1 : 1;
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.kind !== b.kind) return TIER_KINDS.indexOf(a.kind) - TIER_KINDS.indexOf(b.kind);
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
