/** Tier policy manifests for the tests. */

/** A ClusterNetworkPolicy manifest. */
export function cnp(name: string, spec: any): any {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec };
}

/** An AdminNetworkPolicy (v1alpha1) manifest. */
export function anp(name: string, spec: any): any {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name }, spec };
}

/** A BaselineAdminNetworkPolicy (v1alpha1) manifest. */
export function banp(spec: any, name = 'default'): any {
  return { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name }, spec };
}

/** A selector of namespaces by name. */
export function nsName(name: string): any {
  return { matchLabels: { 'kubernetes.io/metadata.name': name } };
}
