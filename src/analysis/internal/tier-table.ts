/* eslint-disable no-bitwise */ // class numbers to word numbers
/**
 * The cluster-wide tiers as steps of the truth table's rows (internal): the Admin tier before the
 * NetworkPolicy tier and the Baseline tier after it, each deciding the undecided peers of a row word by word,
 * as tier-evaluate.ts decides one connection. Classes come from grouping.ts, which reads the tier policies'
 * selectors and networks too, so a class representative is matched exactly for every member.
 */
import { BitSet } from './bitset';
import { DirectionStep, OpenWords, SavedRow } from './direction-rows';
import { Subject } from './match';
import { PeerClasses } from './peer-classes';
import { subjectSelects, tierRuleAdmitsPort } from './tier-evaluate';
import { Protocol } from '../../protocol';
import { NormalizedTierPolicy, TierName, TierRule } from '../tier-model';
import { TrafficDirection } from '../verdict';

/** Which tier policies select each class. */
export interface TierSubjects {
  /** Per class, the Admin and the Baseline policies that select it, in evaluation order. */
  readonly admin: NormalizedTierPolicy[][];
  readonly baseline: NormalizedTierPolicy[][];
  /**
   * Per class, what its tier steps depend on besides the probed port: the numbers of the policies that
   * select it and its named ports. Classes with the same key go through the same tier steps.
   */
  readonly keys: string[];
  /**
   * The words of the address classes when an egress rule has a `nodes` or `domainNames` peer (which may match
   * an address): there cells may be unknown. The API allows such peers in egress rules only, and the reading
   * refuses them in ingress rules, so ingress rows never leave a peer open.
   */
  readonly openEgress?: OpenWords;
}

/** The tier policies selecting each class; undefined when there are none. */
export function tierSubjects(policies: NormalizedTierPolicy[], reps: Subject[], namedPorts: (rep: Subject) => string): TierSubjects | undefined {
  if (policies.length === 0) {
    return undefined;
  }
  const selecting = reps.map((r) => policies.map((p, i) => (subjectSelects(p, r) ? i : -1)).filter((i) => i >= 0));
  const addresses = reps.flatMap((r, c) => (r.isPod ? [] : [c]));
  const unknowable = addresses.length > 0
    && policies.some((p) => p.egress.some((rule) => rule.peers.some((peer) => peer.nodes !== undefined || peer.domainNames !== undefined)));
  return {
    admin: selecting.map((list) => list.map((i) => policies[i]).filter((p) => p.tier === 'Admin')),
    baseline: selecting.map((list) => list.map((i) => policies[i]).filter((p) => p.tier === 'Baseline')),
    keys: selecting.map((list, c) => `${list.join(',')}|${namedPorts(reps[c])}`),
    ...(unknowable ? { openEgress: { first: addresses[0] >>> 5, end: (addresses[addresses.length - 1] >>> 5) + 1 } } : {}),
  };
}

/** The probed port as each class resolves it (undefined: the class has no such port). */
export interface ProbeAt {
  readonly protocol: Protocol;
  readonly portAt: Array<number | undefined>;
}

/**
 * One tier's step for a direction. A rule applies when its ports admit the probed port: on the subject for
 * ingress (it is the destination), on each peer for egress (a mask over destination classes). A Pass hands
 * the peers to the NetworkPolicy tier from the Admin tier, and to the default (allowed) from the Baseline tier.
 */
export function tierStep(tier: TierName, direction: TrafficDirection, subjects: TierSubjects, peers: PeerClasses,
  reps: Subject[], probe: ProbeAt): DirectionStep {
  const egress = direction === TrafficDirection.EGRESS;
  const policiesOf = tier === 'Admin' ? subjects.admin : subjects.baseline;
  const masks = new Map<TierRule, BitSet | undefined>();
  const mask = (rule: TierRule) => {
    if (!masks.has(rule)) masks.set(rule, rule.ports === undefined ? undefined : portMask(rule, reps, probe));
    return masks.get(rule);
  };
  // The Admin tier is the first step of a row: rows with the same key start from the same state after it.
  const saved = new Map<string, SavedRow>();
  return {
    decide: (subject, row) => {
      const policies = policiesOf[subject];
      const port = probe.portAt[subject];
      if (policies.length === 0 || (!egress && port === undefined)) {
        return; // no tier policy selects the subject, or nothing listens on the probed port (denied before)
      }
      const key = tier === 'Admin' ? `${egress ? '' : port}|${subjects.keys[subject]}` : undefined;
      const known = key === undefined ? undefined : saved.get(key);
      if (known !== undefined) {
        row.restore(known);
        return;
      }
      for (const policy of policies) {
        for (const rule of egress ? policy.egress : policy.ingress) {
          if (!egress && !tierRuleAdmitsPort(rule, probe.protocol, port!, reps[subject])) continue;
          const action = tier === 'Baseline' && rule.action === 'Pass' ? 'Accept' : rule.action;
          row.tierRule(action, peers.ofTierRule(rule), egress ? mask(rule) : undefined);
        }
      }
      row.endTier();
      if (key !== undefined && saved.size < SAVED_ROWS) saved.set(key, row.save());
    },
  };
}

/** At most this many saved rows per step (each three rows of words). */
const SAVED_ROWS = 256;

/** Destination classes on whose resolved port the rule's ports admit the probe. */
function portMask(rule: TierRule, reps: Subject[], probe: ProbeAt): BitSet {
  const set = new BitSet(reps.length);
  reps.forEach((rep, d) => {
    const port = probe.portAt[d];
    if (port !== undefined && tierRuleAdmitsPort(rule, probe.protocol, port, rep)) set.add(d);
  });
  return set;
}
