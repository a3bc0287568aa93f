/**
 * One direction of a truth table, decided row by row (internal). A row belongs to a subject class (the
 * destination for ingress, the source for egress) and holds one bit per peer class: whether that direction
 * allows the peer on the probed port.
 *
 * A row is decided by steps, in order, each looking only at the peers still undecided: a step may allow some
 * of them, and it removes from `undecided()` every peer it decided (allowed or denied). What no step decides is
 * allowed, as for a pod that no policy isolates. Today the only step is the NetworkPolicy tier; cluster-wide
 * tiers go before it (an Admin tier: per rule in order, Allow adds `undecided & peers` to `allowed`, Deny only
 * removes them, Pass hands them on) and after it (a Baseline tier), without touching it.
 */
import { BitMatrix } from './bit-matrix';
import { BitSet } from './bitset';
import { ClassSet } from './class-set';
import { NormalizedPolicy, NormalizedRule } from './model';

/**
 * A row being decided: the peers allowed so far, and the peers no step has decided yet. "Every peer" and
 * "no peer" are kept as flags, so a step that decides a whole row (the usual case) never fills or clears it.
 */
export class RowState {
  private state: 'every' | 'none' | 'some' = 'every';

  constructor(public readonly allowed: BitSet, private readonly rest: BitSet) {}

  /** Whether no step has decided anything yet. */
  public get everyUndecided(): boolean {
    return this.state === 'every';
  }

  /** The undecided peers; a step may narrow the set it returns. */
  public undecided(): BitSet {
    if (this.state === 'every') this.rest.fill();
    if (this.state === 'none') this.rest.clear();
    this.state = 'some';
    return this.rest;
  }

  /** Marks every undecided peer decided: those the step did not allow are denied. */
  public decideRest(): void {
    this.state = 'none';
  }

  /** What no step decided is allowed. */
  public allowRest(): void {
    if (this.state === 'every') this.allowed.fill();
    if (this.state === 'some') this.allowed.addAll(this.rest);
    this.state = 'none';
  }
}

/** One step of the decision, for one subject class. */
export interface DirectionStep {
  decide(subject: number, row: RowState): void;
}

/**
 * Decides every row: `subjects` rows over `peers` columns. Subjects with the same `rowKey` get the same row
 * (e.g. the same selecting policies and the same resolved port): it is decided once and copied.
 */
export function decideRows(subjects: number, peers: number, steps: DirectionStep[], rowKey: (subject: number) => string): BitMatrix {
  const matrix = new BitMatrix(subjects, peers);
  const rest = new BitSet(peers);
  const decided = new Map<string, number>();
  for (let s = 0; s < subjects; s++) {
    const key = rowKey(s);
    const same = decided.get(key);
    if (same !== undefined) {
      matrix.data.copyWithin(s * matrix.stride, same * matrix.stride, (same + 1) * matrix.stride);
      continue;
    }
    decided.set(key, s);
    const row = new RowState(matrix.row(s), rest);
    for (const step of steps) {
      step.decide(s, row);
    }
    row.allowRest();
  }
  return matrix;
}

/** The peers a rule allows, within `mask` when which peers its ports admit depends on the peer. */
export interface RulePeers {
  readonly peers: ClassSet;
  readonly mask?: BitSet;
}

/** What the NetworkPolicy step needs to know about a subject class and its rules. */
export interface PolicyRules {
  /** The policies that select the subject class and isolate it for this direction. */
  policiesOf(subject: number): NormalizedPolicy[];
  /** The peers the rule allows the subject on the probed port; undefined when its ports do not admit it. */
  peersOf(subject: number, policy: NormalizedPolicy, rule: NormalizedRule): RulePeers | undefined;
}

/**
 * The NetworkPolicy tier: a subject that some policy isolates for the direction gets exactly what the union of
 * those policies' rules allows; the others are left undecided. Rules of several policies often share their
 * peers (the same selector in each): each distinct set is added once.
 */
export function networkPolicyStep(rules: PolicyRules, rulesOf: (p: NormalizedPolicy) => NormalizedRule[], peers: number): DirectionStep {
  const union = new BitSet(peers);
  return {
    decide: (subject, row) => {
      const policies = rules.policiesOf(subject);
      if (policies.length === 0) {
        return;
      }
      // With nothing decided before, the rules' peers go straight into the row.
      const into = row.everyUndecided ? row.allowed : union;
      if (into === union) union.clear();
      const added: RulePeers[] = [];
      for (const policy of policies) {
        for (const rule of rulesOf(policy)) {
          const found = rules.peersOf(subject, policy, rule);
          if (found === undefined || added.some((a) => a.peers === found.peers && a.mask === found.mask)) continue;
          added.push(found);
          if (found.mask === undefined) found.peers.addTo(into);
          else found.peers.addMaskedTo(into, found.mask);
        }
      }
      if (into === union) row.allowed.addIntersection(row.undecided(), union);
      row.decideRest();
    },
  };
}
