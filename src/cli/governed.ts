/**
 * Which pairs of endpoints a policy governs (internal). Traffic from A to B is governed when some policy can
 * decide it, on any port:
 * - a NetworkPolicy isolates A for egress or B for ingress (then it is allowed only if a rule allows it);
 * - a cluster-wide tier policy (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy) has a
 *   rule for the pair: its subject selects A and one of its egress rules has a peer that matches B (or may:
 *   a `nodes` or `domainNames` peer against an address), or its subject selects B and an ingress rule's peer
 *   matches A. A Pass rule counts: it hands the pair to the next tier, which is a decision about it.
 * Every other pair is allowed by default, whatever the policies say (or denied because the destination lacks
 * a named port, which no policy decides either), so the outputs hide it unless `--all-pairs` asks for it: the
 * matrix leaves its cell blank, the graph and the list of flows leave it out, and an endpoint in no governed
 * pair at all leaves the table. Each says on stderr how much it hid.
 */
import { Io } from './errors';
import { TableView } from './table-view';
import { EndpointChoice } from './workspace';
import { Endpoint } from '../analysis';
import { BitSet } from '../analysis/internal/bitset';
import { Cluster } from '../analysis/internal/cluster';
import { selectorMatches, Subject } from '../analysis/internal/match';
import { ClusterModel } from '../analysis/internal/normalize';
import { peerMatch, subjectSelects } from '../analysis/internal/tier-evaluate';
import { TierPeer } from '../analysis/tier-model';

/** The pairs a tier rule can decide: every source of `sources` to every destination of `destinations`. */
interface Rectangle {
  readonly sources: BitSet;
  readonly destinations: BitSet;
}

/** The governed pairs of a list of endpoints, by index in the list (or by key). */
export class Governance {
  /** The pairs the policies of the models govern among `endpoints`. */
  public static of(models: ClusterModel[], endpoints: Endpoint[]): Governance {
    const n = endpoints.length;
    const egress = new BitSet(n);
    const ingress = new BitSet(n);
    const rectangles: Rectangle[] = [];
    for (const model of models) {
      const cluster = new Cluster(model);
      const subjects = endpoints.map((e) => cluster.resolve(e));
      const isolated = (s: Subject, direction: 'isolatesIngress' | 'isolatesEgress') => s.isPod
        && cluster.policiesIn(s.namespace).some((p) => p[direction] && selectorMatches(p.podSelector, s.labels));
      subjects.forEach((s, i) => {
        if (isolated(s, 'isolatesEgress')) egress.add(i);
        if (isolated(s, 'isolatesIngress')) ingress.add(i);
      });
      rectangles.push(...tierRectangles(model, subjects));
    }
    return new Governance(endpoints.map((e) => e.key), egress, ingress, rectangles);
  }

  private readonly index: Map<string, number>;

  private constructor(keys: string[], private readonly egress: BitSet, private readonly ingress: BitSet,
    private readonly rectangles: Rectangle[]) {
    this.index = new Map(keys.map((k, i) => [k, i]));
  }

  /** Whether a policy governs traffic from the endpoint at `source` to the one at `destination` (indices). */
  public governsAt(source: number, destination: number): boolean {
    return this.egress.has(source) || this.ingress.has(destination)
      || this.rectangles.some((r) => r.sources.has(source) && r.destinations.has(destination));
  }

  /** Whether a policy governs traffic from `source` to `destination` (keys of the list); false for other keys. */
  public governs(source: string, destination: string): boolean {
    const s = this.index.get(source);
    const d = this.index.get(destination);
    return s !== undefined && d !== undefined && this.governsAt(s, d);
  }

  /** Whether a NetworkPolicy isolates the endpoint (key) for egress. */
  public isolatedForEgress(key: string): boolean {
    const i = this.index.get(key);
    return i !== undefined && this.egress.has(i);
  }

  /** Whether a NetworkPolicy isolates the endpoint (key) for ingress. */
  public isolatedForIngress(key: string): boolean {
    const i = this.index.get(key);
    return i !== undefined && this.ingress.has(i);
  }

  /** Whether the endpoint at `i` takes part in at least one governed pair (with itself included), in linear time. */
  public isRelevant(i: number): boolean {
    return this.egress.has(i) || this.ingress.has(i) || !this.egress.isEmpty() || !this.ingress.isEmpty()
      || this.rectangles.some((r) => (r.sources.has(i) && !r.destinations.isEmpty()) || (r.destinations.has(i) && !r.sources.isEmpty()));
  }

  /** The destinations (indices) whose pair with the source at `source` a policy governs. */
  public governedRow(source: number): BitSet {
    const n = this.index.size;
    if (this.egress.has(source)) return BitSet.full(n);
    const row = new BitSet(n);
    row.addAll(this.ingress);
    this.rectangles.forEach((r) => r.sources.has(source) && row.addAll(r.destinations));
    return row;
  }

  /** How many pairs (cells of the table) no policy governs; without tier rules, in linear time. */
  public ungovernedCount(): number {
    const n = this.index.size;
    if (this.rectangles.length === 0) {
      return (n - this.egress.count()) * (n - this.ingress.count());
    }
    let governed = 0;
    for (let s = 0; s < n; s++) governed += this.governedRow(s).count();
    return n * n - governed;
  }
}

/** The view with the cells no policy governs hidden, and counts over the cells it shows. */
export function governedView<V extends TableView>(view: V, governance: Governance): V {
  const hiddenCount = governance.ungovernedCount();
  if (hiddenCount === 0) {
    return view;
  }
  const rows = new Map<number, BitSet>();
  const rowOf = (s: number) => {
    let row = rows.get(s);
    if (row === undefined) {
      row = governance.governedRow(s);
      rows.set(s, row);
    }
    return row;
  };
  const allowedCount = (p: number) => view.keys.reduce((sum, _, s) => {
    const governed = rowOf(s);
    return sum + view.rowCells(p, s).filter((a, d) => a && governed.has(d)).length;
  }, 0);
  return { ...view, allowedCount, hidden: (s: number, d: number) => !rowOf(s).has(d), hiddenCount };
}

/** The pairs each tier rule can decide among the subjects. */
function tierRectangles(model: ClusterModel, subjects: Subject[]): Rectangle[] {
  const setOf = (test: (s: Subject) => boolean) => {
    const set = new BitSet(subjects.length);
    subjects.forEach((s, i) => test(s) && set.add(i));
    return set;
  };
  const matching = (peers: TierPeer[]) => setOf((s) => peers.some((p) => peerMatch(p, s) !== 'no'));
  return model.tierPolicies.flatMap((policy) => {
    const selected = setOf((s) => subjectSelects(policy, s));
    if (selected.isEmpty()) return [];
    return [
      ...policy.egress.map((rule) => ({ sources: selected, destinations: matching(rule.peers) })),
      ...policy.ingress.map((rule) => ({ sources: matching(rule.peers), destinations: selected })),
    ];
  });
}

/**
 * The choice without the endpoints that take part in no governed pair, unless `allPairs`; says on stderr how
 * many were hidden, so nothing leaves the output silently.
 */
export function governedChoice(choice: EndpointChoice, models: ClusterModel[], allPairs: boolean | undefined, io: Io): EndpointChoice {
  if (allPairs === true) {
    return choice;
  }
  const all = [...choice.endpoints, ...choice.extras];
  const governance = Governance.of(models, all);
  const keep = new Set(all.filter((_, i) => governance.isRelevant(i)).map((e) => e.key));
  noteHidden(io, all.length - keep.size, 'endpoint(s)');
  return { ...choice, endpoints: choice.endpoints.filter((e) => keep.has(e.key)), extras: choice.extras.filter((e) => keep.has(e.key)) };
}

/** `note: 3 <what> hidden: ...; --all-pairs shows them`, when any were hidden. */
export function noteHidden(io: Io, count: number, what: string): void {
  if (count > 0) {
    io.err(`note: ${count} ${what} hidden: no policy governs them, so their traffic is allowed by default; --all-pairs shows them\n`);
  }
}
