/* eslint-disable no-bitwise */ // the words of a class window are bit arithmetic
/**
 * Which endpoint classes each rule's peers match (internal). Computed once per table, whatever the ports,
 * and shared by rules with the same peers in the same namespace. A peer is matched only against the classes
 * it can match: its own namespace's, those whose namespace labels its namespaceSelector matches (narrowed by
 * label index to the pods of its podSelector), or the classes with an address for an ipBlock.
 */
import { ClassSet } from './class-set';
import { LabelIndex } from './label-index';
import { peerMatches, selectorMatches, Subject } from './match';
import { cidrContainsIp } from '../../private/cidr';
import { NormalizedPeer, NormalizedRule, NormalizedSelector } from '../model';
import { TierPeer, TierRule } from '../tier-model';

/**
 * The classes a tier rule's peers match, as words of a bitset from the word of the first class to the word of
 * the last: `sure` those some peer matches, `maybe` the addresses a `nodes` or `domainNames` peer may match
 * (manifests cannot show which), never in `sure`.
 */
export interface TierRulePeers {
  readonly first: number;
  readonly sure: Uint32Array;
  readonly maybe: Uint32Array;
}

interface LabelGroup {
  readonly labels: Record<string, string>;
  readonly pods: LabelIndex<number>;
}

export class PeerClasses {
  private readonly size: number;
  private readonly everyClass: ClassSet;
  private readonly byNamespace = new Map<string, LabelIndex<number>>();
  /** Pod classes grouped by their namespace labels (an endpoint may bring its own). */
  private readonly byNamespaceLabels: LabelGroup[] = [];
  private readonly withAddress: number[] = [];
  private readonly byRule = new Map<NormalizedRule, ClassSet>();
  private readonly byKey = new Map<string, ClassSet>();
  private readonly byTierRule = new Map<TierRule, TierRulePeers>();

  constructor(private readonly reps: Subject[]) {
    this.size = reps.length;
    this.everyClass = ClassSet.of(reps.map((_, c) => c));
    const namespaces = new Map<string, number[]>();
    const labelGroups = new Map<string, { labels: Record<string, string>; classes: number[] }>();
    reps.forEach((r, c) => {
      if (r.ip !== undefined) this.withAddress.push(c);
      if (!r.isPod) return;
      push(namespaces, r.namespace, c);
      const key = JSON.stringify(Object.entries(r.namespaceLabels).sort());
      const group = labelGroups.get(key) ?? { labels: r.namespaceLabels, classes: [] };
      group.classes.push(c);
      labelGroups.set(key, group);
    });
    const index = (classes: number[]) => new LabelIndex(classes, (c) => reps[c].labels);
    namespaces.forEach((classes, ns) => this.byNamespace.set(ns, index(classes)));
    labelGroups.forEach((g) => this.byNamespaceLabels.push({ labels: g.labels, pods: index(g.classes) }));
  }

  /** Classes any peer of the rule (of a policy in `namespace`) matches; every class when it names no peers. */
  public ofRule(namespace: string, rule: NormalizedRule): ClassSet {
    let set = this.byRule.get(rule);
    if (set === undefined) {
      set = rule.peers === undefined ? this.everyClass
        : this.shared(`rule|${namespace}|${rule.peers.map(peerKey).join('||')}`,
          () => ClassSet.union(rule.peers!.map((p) => this.ofPeer(namespace, p)), this.size));
      this.byRule.set(rule, set);
    }
    return set;
  }

  /** Classes a cluster-wide tier rule's peers match, surely or perhaps. */
  public ofTierRule(rule: TierRule): TierRulePeers {
    let found = this.byTierRule.get(rule);
    if (found === undefined) {
      const sure = new Set(rule.peers.flatMap((p) => this.matchingTier(p)));
      const unknowable = rule.peers.some((p) => p.nodes !== undefined || p.domainNames !== undefined);
      const maybe = unknowable ? this.reps.flatMap((r, c) => (r.isPod || sure.has(c) ? [] : [c])) : [];
      found = tierWords([...sure].sort((a, b) => a - b), maybe);
      this.byTierRule.set(rule, found);
    }
    return found;
  }

  /** The classes a tier peer surely matches: pods by namespace AND pod labels, any address in `networks`. */
  private matchingTier(peer: TierPeer): number[] {
    if (peer.networks !== undefined) {
      return this.withAddress.filter((c) => peer.networks!.some((n) => cidrContainsIp(n, this.reps[c].ip!)));
    }
    if (peer.namespaceSelector === undefined) {
      return []; // nodes and domainNames never match a pod
    }
    const namespaces = peer.namespaceSelector;
    const pods = peer.podSelector ?? MATCH_ALL;
    return this.byNamespaceLabels.filter((g) => selectorMatches(namespaces, g.labels)).flatMap((g) => g.pods.select(pods));
  }

  private ofPeer(namespace: string, peer: NormalizedPeer): ClassSet {
    return this.shared(`peer|${namespace}|${peerKey(peer)}`, () => ClassSet.of(this.matching(namespace, peer)));
  }

  /** The classes the peer matches, ascending. */
  private matching(namespace: string, peer: NormalizedPeer): number[] {
    if (peer.ipBlock !== undefined) {
      return this.withAddress.filter((c) => peerMatches(peer, namespace, this.reps[c]));
    }
    const pods = (index: LabelIndex<number>) => (peer.podSelector === undefined ? index.select(MATCH_ALL) : index.select(peer.podSelector));
    if (peer.namespaceSelector === undefined) {
      const index = this.byNamespace.get(namespace);
      return index === undefined ? [] : pods(index);
    }
    const selector = peer.namespaceSelector;
    const found = this.byNamespaceLabels.filter((g) => selectorMatches(selector, g.labels)).flatMap((g) => pods(g.pods));
    return found.sort((a, b) => a - b);
  }

  private shared(key: string, make: () => ClassSet): ClassSet {
    let set = this.byKey.get(key);
    if (set === undefined) {
      set = make();
      this.byKey.set(key, set);
    }
    return set;
  }
}

const MATCH_ALL: NormalizedSelector = { matchLabels: {}, requirements: [], keys: [], matchesAll: true, canonical: '{}' };

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function peerKey(peer: NormalizedPeer): string {
  if (peer.ipBlock !== undefined) {
    return `ip:${peer.ipBlock.cidr.text}-${peer.ipBlock.except.map((e) => e.text).join(',')}`;
  }
  return `pod:${peer.podSelector?.canonical ?? '*'}ns:${peer.namespaceSelector?.canonical ?? '='}`;
}

/** Both lists (ascending) as words over one window. */
function tierWords(sure: number[], maybe: number[]): TierRulePeers {
  if (sure.length === 0 && maybe.length === 0) {
    return { first: 0, sure: new Uint32Array(0), maybe: new Uint32Array(0) };
  }
  const ends = [sure[0], maybe[0], sure[sure.length - 1], maybe[maybe.length - 1]].filter((c) => c !== undefined);
  const first = Math.min(...ends) >>> 5;
  const span = (Math.max(...ends) >>> 5) - first + 1;
  const words = (list: number[]) => {
    const w = new Uint32Array(span);
    for (const c of list) w[(c >>> 5) - first] |= 1 << (c & 31);
    return w;
  };
  return { first, sure: words(sure), maybe: words(maybe) };
}
