/**
 * The truth table engine (internal): the same semantics as evaluate.ts, computed per endpoint class with
 * bitsets instead of per pair. Rule peer sets are computed once per distinct (namespace, peers) and only over
 * the classes a peer can match (its namespace, the namespaces its namespaceSelector matches, or addresses).
 */
import { BitSet } from './bitset';
import { Cluster, rulesOf } from './cluster';
import { groupSubjects } from './grouping';
import { peerMatches, resolvePortName, ruleAdmitsPort, selectorMatches, Subject } from './match';
import { NormalizedPeer, NormalizedRule } from './model';
import { TrafficDirection } from './verdict';
import { Protocol } from '../protocol';

/** A probe with its protocol filled in. */
export interface Probe {
  readonly protocol: Protocol;
  readonly port?: number;
  readonly portName?: string;
}

/** Allowed cells of one probe, row-major: `cells[source * n + destination]`. */
export function computeCells(cluster: Cluster, subjects: Subject[], probe: Probe): Uint8Array {
  const { classOf, representatives: reps } = groupSubjects(cluster, subjects);
  const classes = new ClassTable(cluster, reps, probe);
  const matrix = classes.matrix();
  const n = subjects.length;
  const C = reps.length;
  const cells = new Uint8Array(n * n);
  for (let s = 0; s < n; s++) {
    const rowBase = classOf[s] * C;
    const out = s * n;
    for (let d = 0; d < n; d++) cells[out + d] = matrix[rowBase + classOf[d]];
  }
  return cells;
}

class ClassTable {
  private readonly size: number;
  private readonly portAt: Array<number | undefined>;
  private readonly byNamespace = new Map<string, number[]>();
  /** Pod classes grouped by their namespace labels (endpoints may override a namespace's labels). */
  private readonly byNamespaceLabels = new Map<string, { labels: Record<string, string>; classes: number[] }>();
  private readonly withAddress: number[] = [];
  private readonly peerSets = new Map<string, BitSet>();
  private readonly namespaceMatches = new Map<string, number[]>();

  constructor(private readonly cluster: Cluster, private readonly reps: Subject[], private readonly probe: Probe) {
    this.size = reps.length;
    this.portAt = reps.map((r) => (probe.portName === undefined ? probe.port : resolvePortName(r, probe.portName, probe.protocol)));
    reps.forEach((r, c) => {
      if (r.ip !== undefined) this.withAddress.push(c);
      if (!r.isPod) return;
      const list = this.byNamespace.get(r.namespace) ?? [];
      list.push(c);
      this.byNamespace.set(r.namespace, list);
      const labelsKey = JSON.stringify(Object.entries(r.namespaceLabels).sort());
      const group = this.byNamespaceLabels.get(labelsKey) ?? { labels: r.namespaceLabels, classes: [] };
      group.classes.push(c);
      this.byNamespaceLabels.set(labelsKey, group);
    });
  }

  /** Class-by-class allowed matrix (row = source class). */
  public matrix(): Uint8Array {
    const C = this.size;
    const ingress = this.reps.map((_, d) => this.ingressFrom(d));
    const egress = this.reps.map((_, s) => this.egressTo(s));
    const m = new Uint8Array(C * C);
    for (let s = 0; s < C; s++) {
      for (let d = 0; d < C; d++) {
        m[s * C + d] = this.portAt[d] !== undefined && egress[s].has(d) && ingress[d].has(s) ? 1 : 0;
      }
    }
    return m;
  }

  /** Source classes the destination class admits. */
  private ingressFrom(d: number): BitSet {
    const rep = this.reps[d];
    const port = this.portAt[d];
    const policies = this.cluster.selectingPolicies(rep, TrafficDirection.INGRESS);
    if (policies.length === 0) {
      return BitSet.full(this.size);
    }
    const allowed = new BitSet(this.size);
    if (port === undefined) {
      return allowed;
    }
    for (const policy of policies) {
      for (const rule of rulesOf(policy, TrafficDirection.INGRESS)) {
        if (ruleAdmitsPort(rule, this.probe.protocol, port, rep)) {
          allowed.addAll(this.ruleSet(policy.namespace, rule));
        }
      }
    }
    return allowed;
  }

  /** Destination classes the source class may reach (port checked per destination, for named ports). */
  private egressTo(s: number): BitSet {
    const policies = this.cluster.selectingPolicies(this.reps[s], TrafficDirection.EGRESS);
    if (policies.length === 0) {
      return BitSet.full(this.size);
    }
    const allowed = new BitSet(this.size);
    for (const policy of policies) {
      for (const rule of rulesOf(policy, TrafficDirection.EGRESS)) {
        allowed.addIntersection(this.ruleSet(policy.namespace, rule), this.portSet(rule));
      }
    }
    return allowed;
  }

  /** Destination classes whose (resolved) port the rule admits. */
  private portSet(rule: NormalizedRule): BitSet {
    const key = `ports|${rulePortsKey(rule)}`;
    return this.cached(key, () => {
      const set = new BitSet(this.size);
      this.reps.forEach((rep, d) => {
        const port = this.portAt[d];
        if (port !== undefined && ruleAdmitsPort(rule, this.probe.protocol, port, rep)) set.add(d);
      });
      return set;
    });
  }

  /** Classes any peer of the rule matches (all classes when the rule has no peers). */
  private ruleSet(namespace: string, rule: NormalizedRule): BitSet {
    if (rule.peers === undefined) {
      return this.cached('all', () => BitSet.full(this.size));
    }
    return this.cached(`rule|${namespace}|${rule.peers.map(peerKey).join('||')}`, () => {
      const set = new BitSet(this.size);
      rule.peers!.forEach((p) => set.addAll(this.peerSet(namespace, p)));
      return set;
    });
  }

  private peerSet(namespace: string, peer: NormalizedPeer): BitSet {
    return this.cached(`peer|${namespace}|${peerKey(peer)}`, () => {
      const set = new BitSet(this.size);
      for (const c of this.candidates(namespace, peer)) {
        if (peerMatches(peer, namespace, this.reps[c])) set.add(c);
      }
      return set;
    });
  }

  /** The only classes a peer can match. */
  private candidates(namespace: string, peer: NormalizedPeer): number[] {
    if (peer.ipBlock !== undefined) {
      return this.withAddress;
    }
    if (peer.namespaceSelector === undefined) {
      return this.byNamespace.get(namespace) ?? [];
    }
    const selector = peer.namespaceSelector;
    let classes = this.namespaceMatches.get(selector.canonical);
    if (classes === undefined) {
      classes = [];
      for (const group of this.byNamespaceLabels.values()) {
        if (selectorMatches(selector, group.labels)) classes.push(...group.classes);
      }
      this.namespaceMatches.set(selector.canonical, classes);
    }
    return classes;
  }

  private cached(key: string, make: () => BitSet): BitSet {
    let set = this.peerSets.get(key);
    if (set === undefined) {
      set = make();
      this.peerSets.set(key, set);
    }
    return set;
  }
}

function peerKey(peer: NormalizedPeer): string {
  if (peer.ipBlock !== undefined) {
    return `ip:${peer.ipBlock.cidr.text}-${peer.ipBlock.except.map((e) => e.text).join(',')}`;
  }
  return `pod:${peer.podSelector?.canonical ?? '*'}ns:${peer.namespaceSelector?.canonical ?? '='}`;
}

function rulePortsKey(rule: NormalizedRule): string {
  return rule.ports === undefined ? '*'
    : rule.ports.map((p) => `${p.protocol}/${p.port ?? ''}-${p.endPort ?? ''}/${p.portName ?? ''}`).join(',');
}
