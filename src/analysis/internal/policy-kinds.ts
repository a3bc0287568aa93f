/**
 * Kinds that change connectivity but that the analyzer does not evaluate (internal). The one list of them:
 * `check` warns about each object of these kinds, and every other command notes that its answer leaves them
 * out. When a kind becomes analyzed, remove it here.
 */

/** A kind of object that enforces network policy, and the API groups it comes in. */
export interface UnanalyzedPolicyKind {
  readonly kind: string;
  /** API groups of `apiVersion` (`group/version`). */
  readonly groups: string[];
}

export const UNANALYZED_POLICY_KINDS: UnanalyzedPolicyKind[] = [
  { kind: 'CiliumNetworkPolicy', groups: ['cilium.io'] },
  { kind: 'CiliumClusterwideNetworkPolicy', groups: ['cilium.io'] },
  { kind: 'NetworkPolicy', groups: ['projectcalico.org', 'crd.projectcalico.org'] },
  { kind: 'GlobalNetworkPolicy', groups: ['projectcalico.org', 'crd.projectcalico.org'] },
  { kind: 'MultiNetworkPolicy', groups: ['k8s.cni.cncf.io'] },
  // OVN-Kubernetes user-defined networks: pods of different primary networks cannot reach each other, whatever
  // the NetworkPolicies say.
  { kind: 'UserDefinedNetwork', groups: ['k8s.ovn.org'] },
  { kind: 'ClusterUserDefinedNetwork', groups: ['k8s.ovn.org'] },
];

/** The API group of an `apiVersion` (`networking.k8s.io/v1` -> `networking.k8s.io`; `v1` -> ``). */
export function apiGroup(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') {
    return '';
  }
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * Whether an object of this kind and apiVersion enforces policy that is not analyzed. A `NetworkPolicy` is
 * told apart by its group (Calico's are not Kubernetes'); the other kinds are recognized by kind alone, so a
 * wrong or missing apiVersion does not hide one.
 */
export function isUnanalyzedPolicy(kind: string, apiVersion: unknown): boolean {
  const entries = UNANALYZED_POLICY_KINDS.filter((k) => k.kind === kind);
  if (entries.length === 0) {
    return false;
  }
  return kind !== 'NetworkPolicy' || entries.some((k) => k.groups.includes(apiGroup(apiVersion)));
}
