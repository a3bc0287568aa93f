/**
 * Groups endpoints that no selector, ipBlock or named port can tell apart (internal). Two endpoints share a
 * class when they agree on: pod or address, namespace, labels restricted to the keys any pod selector reads,
 * namespace labels restricted to the keys any namespace selector reads, named container ports, and which
 * ipBlock cidr/except ranges (and tier `networks`) contain their address. Selectors of NetworkPolicies and
 * of cluster-wide tier policies (subjects and peers) count alike. Matching a class representative is then exact for
 * every member.
 */
import { Cluster } from './cluster';
import { Subject } from './match';
import { Cidr, cidrContainsIp } from '../../private/cidr';
import { NormalizedPeer, NormalizedSelector } from '../model';

export interface Grouping {
  /** Class index of each subject. */
  readonly classOf: Int32Array;
  /** One representative subject per class. */
  readonly representatives: Subject[];
}

interface Relevance {
  readonly podKeys: string[];
  readonly namespaceKeys: string[];
  readonly ranges: Cidr[];
}

export function groupSubjects(cluster: Cluster, subjects: Subject[]): Grouping {
  const relevance = collectRelevance(cluster);
  const byKey = new Map<string, number>();
  const representatives: Subject[] = [];
  const classOf = new Int32Array(subjects.length);
  subjects.forEach((s, i) => {
    const key = classKey(s, relevance);
    let c = byKey.get(key);
    if (c === undefined) {
      c = representatives.length;
      byKey.set(key, c);
      representatives.push(s);
    }
    classOf[i] = c;
  });
  return { classOf, representatives };
}

function collectRelevance(cluster: Cluster): Relevance {
  const podKeys = new Set<string>();
  const namespaceKeys = new Set<string>();
  const ranges = new Map<string, Cidr>();
  const addSelector = (set: Set<string>, sel?: NormalizedSelector) => sel?.keys.forEach((k) => set.add(k));
  const addPeer = (peer: NormalizedPeer) => {
    addSelector(podKeys, peer.podSelector);
    addSelector(namespaceKeys, peer.namespaceSelector);
    for (const cidr of peer.ipBlock === undefined ? [] : [peer.ipBlock.cidr, ...peer.ipBlock.except]) {
      ranges.set(cidr.text, cidr);
    }
  };
  for (const policy of cluster.model.policies) {
    addSelector(podKeys, policy.podSelector);
    for (const rule of [...policy.ingress, ...policy.egress]) {
      (rule.peers ?? []).forEach(addPeer);
    }
  }
  // Cluster-wide tier policies: subjects and pod peers select by both label sets, networks by address
  // (nodes and domainNames peers tell only pods from addresses apart, which every class key does).
  for (const policy of cluster.model.tierPolicies) {
    addSelector(namespaceKeys, policy.subject.namespaceSelector);
    addSelector(podKeys, policy.subject.podSelector);
    for (const peer of [...policy.ingress, ...policy.egress].flatMap((r) => r.peers)) {
      addSelector(namespaceKeys, peer.namespaceSelector);
      addSelector(podKeys, peer.podSelector);
      (peer.networks ?? []).forEach((cidr) => ranges.set(cidr.text, cidr));
    }
  }
  return { podKeys: [...podKeys].sort(), namespaceKeys: [...namespaceKeys].sort(), ranges: [...ranges.values()] };
}

function classKey(s: Subject, r: Relevance): string {
  const ip = s.ip;
  const ipSignature = ip === undefined ? '-' : r.ranges.map((c) => (cidrContainsIp(c, ip) ? '1' : '0')).join('');
  if (!s.isPod) {
    return `a|${ipSignature}`;
  }
  const pick = (labels: Record<string, string>, keys: string[]) =>
    keys.map((k) => (Object.prototype.hasOwnProperty.call(labels, k) ? `${k}=${labels[k]}` : '')).join('\u0001');
  const named = s.ports.filter((p) => p.name !== undefined).map((p) => `${p.name}:${p.port}:${p.protocol}`).sort().join(',');
  return ['p', s.namespace, pick(s.labels, r.podKeys), pick(s.namespaceLabels, r.namespaceKeys), named, ipSignature].join('|');
}
