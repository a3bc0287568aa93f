/**
 * Canonical rendering of one rule's peers and ports (internal; not exported from the package).
 *
 * Peers and ports are immutable values that keep their canonical JSON once computed, so a rule's key is joined
 * from those texts instead of serializing the whole rule again, and the common rule (one peer, one port) needs
 * no sorting at all.
 */
import { k8s } from 'cdk8s-plus-28';
import { Peer } from './peer';
import { Port } from './port';
import { compareStrings, Keyed, SortableKeyed } from './private/canonical';

/** A rule's peers and ports, deduplicated and in canonical order, and the key that identifies the rule. */
export interface RuleForm {
  /** Equals `canonicalJson({ peers, ports })`. */
  readonly key: string;
  readonly peers: k8s.NetworkPolicyPeer[];
  readonly ports: k8s.NetworkPolicyPort[];
}

/**
 * Peers deduplicated and sorted by canonical JSON; ports deduplicated and sorted by `Port._sortKey()`.
 * The rendered objects are shared between rules that use the same values: callers must not mutate them.
 */
export function renderRuleForm(peers: Peer[], ports: Port[]): RuleForm {
  const peerForms = peers.length === 1 ? peers[0]._canonicalForms() : mergePeers(peers);
  const portForms = ports.length === 1 ? [ports[0]._canonicalForm()] : mergePorts(ports);
  return {
    key: ruleKey(peerForms.map((form) => form.key), portForms.map((form) => form.key)),
    peers: peerForms.map((form) => form.kube),
    ports: portForms.map((form) => form.kube),
  };
}

/** `canonicalJson({ peers, ports })` from the canonical JSON of each peer and port (`peers` sorts before `ports`). */
export function ruleKey(peerKeys: string[], portKeys: string[]): string {
  return `{"peers":[${peerKeys.join(',')}],"ports":[${portKeys.join(',')}]}`;
}

function mergePeers(peers: Peer[]): Keyed<k8s.NetworkPolicyPeer>[] {
  const byKey = new Map<string, Keyed<k8s.NetworkPolicyPeer>>();
  for (const peer of peers) {
    for (const form of peer._canonicalForms()) {
      byKey.set(form.key, form);
    }
  }
  return [...byKey.keys()].sort(compareStrings).map((key) => byKey.get(key)!);
}

function mergePorts(ports: Port[]): SortableKeyed<k8s.NetworkPolicyPort>[] {
  const bySortKey = new Map<string, SortableKeyed<k8s.NetworkPolicyPort>>();
  for (const port of ports) {
    const form = port._canonicalForm();
    bySortKey.set(form.sortKey, form);
  }
  return [...bySortKey.keys()].sort(compareStrings).map((key) => bySortKey.get(key)!);
}
