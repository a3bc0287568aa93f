/**
 * Pods made up from policy selectors, for manifests that hold policies but no workloads (internal).
 *
 * Each selector that names labels (`matchLabels`, and `In` expressions, whose first value is taken) gives one
 * pod with exactly those labels, in the policy's namespace or, for a peer, in the namespace its
 * `namespaceSelector` names with `kubernetes.io/metadata.name`. The subjects and pod peers of the tier policies
 * (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy) give pods the same way, in the
 * namespace their namespace selector names. Selectors with other expressions, and empty selectors, give no
 * pod: which pod they mean is not determined by the selector.
 */
import { Endpoint } from '../analysis';
import { ClusterModel, NAMESPACE_NAME_LABEL, NormalizedPeer, NormalizedSelector } from '../analysis/internal/normalize';

/** One pod per distinct (namespace, labels) that a selector names. */
export function inferEndpoints(model: ClusterModel): Endpoint[] {
  const found = new Map<string, Endpoint>();
  const add = (namespace: string | undefined, selector: NormalizedSelector | undefined) => {
    const labels = selector === undefined ? undefined : labelsOf(selector);
    if (namespace !== undefined && labels !== undefined) {
      const pod = Endpoint.pod({ namespace, labels });
      found.set(pod.key, pod);
    }
  };
  for (const policy of model.policies) {
    add(policy.namespace, policy.podSelector);
    for (const rule of [...policy.ingress, ...policy.egress]) {
      for (const peer of rule.peers ?? []) {
        const pod = peerEndpoint(peer, policy.namespace);
        if (pod !== undefined) found.set(pod.key, pod);
      }
    }
  }
  // Tier policies: the subject and the pod peers, which always name their namespaces by selector.
  for (const policy of model.tierPolicies) {
    const peers = [policy.subject, ...[...policy.ingress, ...policy.egress].flatMap((r) => r.peers)];
    for (const peer of peers) {
      const pod = peer.namespaceSelector === undefined ? undefined
        : peerEndpoint({ namespaceSelector: peer.namespaceSelector, podSelector: peer.podSelector }, '');
      if (pod !== undefined) found.set(pod.key, pod);
    }
  }
  return [...found.values()];
}

/** The pod a peer names (its labels, in the namespace it names), if the peer determines one. */
export function peerEndpoint(peer: NormalizedPeer, policyNamespace: string): Endpoint | undefined {
  const namespace = peerNamespace(peer, policyNamespace);
  const labels = peer.podSelector === undefined ? undefined : labelsOf(peer.podSelector);
  return namespace === undefined || labels === undefined ? undefined : Endpoint.pod({ namespace, labels });
}

function labelsOf(selector: NormalizedSelector): Record<string, string> | undefined {
  if (selector.matchesAll || selector.requirements.some((r) => r.operator !== 'In')) {
    return undefined;
  }
  const labels = { ...selector.matchLabels };
  for (const r of selector.requirements) {
    if (labels[r.key] !== undefined && !r.values.includes(labels[r.key])) {
      return undefined; // contradictory: no pod matches
    }
    labels[r.key] = labels[r.key] ?? r.values[0];
  }
  return labels;
}

function peerNamespace(peer: NormalizedPeer, own: string): string | undefined {
  if (peer.namespaceSelector === undefined) {
    return own;
  }
  const named = labelsOf(peer.namespaceSelector)?.[NAMESPACE_NAME_LABEL];
  return named;
}
