/* eslint-disable no-bitwise */ // rows are decided word by word
/**
 * One direction of a truth table, decided row by row (internal). A row belongs to a subject class (the
 * destination for ingress, the source for egress) and holds one bit per peer class: whether that direction
 * allows the peer on the probed port.
 *
 * A row is decided by steps, in order, each looking only at the peers still undecided: a step may allow some
 * of them, and it removes from `undecided()` every peer it decided (allowed or denied). What no step decides is
 * allowed, as for a pod that no policy isolates. The steps are the tiers: the Admin tier (per rule in order,
 * Accept adds `undecided & peers` to `allowed`, Deny only removes them, Pass hands them to the next tier),
 * the NetworkPolicy tier, the Baseline tier (Pass goes to the default), then the default.
 *
 * A tier rule whose peer may or may not match (a `nodes` or `domainNames` peer against an address) decides the
 * peer on one way through the steps and leaves it undecided on the other: the row then also keeps `denied`,
 * the peers that some way denies. A peer both allowed and denied on some way is unknown.
 */
import { BitMatrix } from './bit-matrix';
import { BitSet } from './bitset';
import { ClassSet } from './class-set';
import { NormalizedPolicy, NormalizedRule } from '../model';
import type { TierRulePeers } from './peer-classes';
import type { TierAction } from '../tier-model';

/**
 * The words of a row where peers may stay open (the addresses, which `nodes` and `domainNames` peers may
 * match): `first` to `end`, exclusive. Only there is `denied` kept; a pod peer is decided one way only, so
 * elsewhere what is not allowed is denied.
 */
export interface OpenWords {
  readonly first: number;
  readonly end: number;
}

/** A row's state between steps, to start another row that went through the same steps (see `RowState.save`). */
export interface SavedRow {
  readonly state: 'every' | 'none' | 'some';
  readonly allowed: Uint32Array;
  readonly rest?: Uint32Array;
  readonly denied?: Uint32Array;
}

/**
 * A row being decided: the peers allowed so far, and the peers no step has decided yet. "Every peer" and
 * "no peer" are kept as flags, so a step that decides a whole row (the usual case) never fills or clears it.
 */
export class RowState {
  private state: 'every' | 'none' | 'some' = 'every';
  private passing = false;

  /**
   * @param denied the peers some way through the steps denies, over the `open` words only (its word 0 is
   *   the row's word `open.first`)
   * @param passed scratch for the peers a Pass hands to the next tier (clear between rows)
   */
  constructor(public readonly allowed: BitSet, private readonly rest: BitSet, public readonly denied?: BitSet,
    public readonly open?: OpenWords, private readonly passed?: BitSet) {}

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

  /** Marks every undecided peer decided: those the step did not allow (`allowedByStep`) are denied. */
  public decideRest(allowedByStep?: BitSet): void {
    if (this.denied !== undefined && this.state !== 'none') {
      const live = this.undecided().words;
      const denied = this.denied.words;
      const allowed = allowedByStep?.words;
      const { first, end } = this.open!;
      for (let w = first; w < end; w++) denied[w - first] |= live[w] & ~(allowed === undefined ? 0 : allowed[w]);
    }
    this.state = 'none';
  }

  /** The state after the steps so far. */
  public save(): SavedRow {
    return {
      state: this.state,
      allowed: this.allowed.words.slice(),
      rest: this.state === 'some' ? this.rest.words.slice() : undefined,
      denied: this.denied?.words.slice(),
    };
  }

  /** Continues from a saved state (of a row that started as this one did, with the same steps). */
  public restore(saved: SavedRow): void {
    this.allowed.words.set(saved.allowed);
    if (saved.denied !== undefined) this.denied!.words.set(saved.denied);
    if (saved.rest !== undefined) this.rest.words.set(saved.rest);
    this.state = saved.state;
  }

  /**
   * A tier rule over the undecided peers, within `mask` when its ports admit only some of them: the peers it
   * surely matches are decided (Accept allows, Deny denies, Pass hands them to the next tier); those it may
   * match are decided so on one way and stay undecided on the other.
   */
  public tierRule(action: TierAction, peers: TierRulePeers, mask?: BitSet): void {
    if (this.state === 'none' || peers.sure.length === 0) {
      return;
    }
    const live = this.undecided().words;
    // A Deny needs recording only where peers may stay open: elsewhere what is not allowed is denied.
    const into = action === 'Accept' ? this.allowed.words : action === 'Deny' ? this.denied?.words : this.passed!.words;
    const offset = action === 'Deny' ? this.open?.first ?? 0 : 0;
    const allowed = mask?.words;
    for (let k = 0; k < peers.sure.length; k++) {
      const w = peers.first + k;
      const m = allowed === undefined ? 0xffffffff : allowed[w];
      const sure = peers.sure[k] & m;
      const at = w - offset;
      if (into !== undefined && at >= 0 && at < into.length) into[at] |= live[w] & (sure | (peers.maybe[k] & m));
      live[w] &= ~sure;
    }
    this.passing = this.passing || action === 'Pass';
  }

  /** The end of a tier: the peers its rules passed are undecided again, for the next tier. */
  public endTier(): void {
    if (!this.passing) {
      return;
    }
    this.passing = false;
    this.undecided().addAll(this.passed!);
    this.passed!.clear();
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

/** The rows of one direction: allowed, and (when kept) denied on some way through the steps, over the open words. */
export interface DecidedRows {
  readonly allowed: BitMatrix;
  /** @default - every peer not allowed is denied */
  readonly denied?: BitMatrix;
}

/**
 * Decides every row: `subjects` rows over `peers` columns. Subjects with the same `rowKey` get the same row
 * (e.g. the same selecting policies and the same resolved port): it is decided once and copied. `open`: where
 * a step may leave a peer open (see `RowState`).
 */
export function decideRows(subjects: number, peers: number, steps: DirectionStep[], rowKey: (subject: number) => string,
  open?: OpenWords): DecidedRows {
  const allowed = new BitMatrix(subjects, peers);
  const denied = open !== undefined ? new BitMatrix(subjects, (open.end - open.first) * 32) : undefined;
  const rest = new BitSet(peers);
  const passed = new BitSet(peers);
  const decided = new Map<string, number>();
  const stride = allowed.stride;
  for (let s = 0; s < subjects; s++) {
    const key = rowKey(s);
    const same = decided.get(key);
    if (same !== undefined) {
      allowed.data.copyWithin(s * stride, same * stride, (same + 1) * stride);
      denied?.data.copyWithin(s * denied.stride, same * denied.stride, (same + 1) * denied.stride);
      continue;
    }
    decided.set(key, s);
    const row = new RowState(allowed.row(s), rest, denied?.row(s), open, passed);
    for (const step of steps) {
      step.decide(s, row);
    }
    row.allowRest();
  }
  return { allowed, denied };
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
      // With nothing decided before, the rules' peers go straight into the row; after a tier decided some
      // peers, only the undecided ones are added. Where peers may stay open, the union of the rules tells
      // which undecided peers are denied.
      const live = row.everyUndecided ? undefined : row.undecided();
      const open = row.open;
      if (open !== undefined) union.words.fill(0, open.first, open.end);
      const added: RulePeers[] = [];
      for (const policy of policies) {
        for (const rule of rulesOf(policy)) {
          const found = rules.peersOf(subject, policy, rule);
          if (found === undefined || added.some((a) => a.peers === found.peers && a.mask === found.mask)) continue;
          added.push(found);
          addPeers(row.allowed, found, live);
          if (open !== undefined) addPeers(union, found);
        }
      }
      row.decideRest(union);
    },
  };
}

/** into |= peers (& mask) (& within) */
function addPeers(into: BitSet, found: RulePeers, within?: BitSet): void {
  if (within === undefined) {
    if (found.mask === undefined) found.peers.addTo(into);
    else found.peers.addMaskedTo(into, found.mask);
  } else if (found.mask === undefined) {
    found.peers.addMaskedTo(into, within);
  } else {
    found.peers.addMaskedTo(into, within, found.mask);
  }
}
