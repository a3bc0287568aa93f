/* eslint-disable no-bitwise */ // directions combine word by word
/**
 * The truth table engine (internal): the same semantics as evaluate.ts, computed per endpoint class with bit
 * matrices instead of per pair. For each probed port, each direction is decided row by row (direction-rows.ts):
 * ingress per destination class over source classes, egress per source class over destination classes, a rule
 * adding its peer classes to a row word by word. With cluster-wide tier policies, the Admin tier's rules
 * decide a row first, then the NetworkPolicy tier, then the Baseline tier (tier-table.ts). A connection is
 * allowed when both directions allow it: the egress matrix ANDed with the transposed ingress matrix; unknown
 * where a `nodes` or `domainNames` peer leaves the egress side open and the ingress side allows.
 */
import { BitMatrix } from './bit-matrix';
import { BitSet } from './bitset';
import { Cluster, rulesOf } from './cluster';
import { DecidedRows, decideRows, DirectionStep, networkPolicyStep, OpenWords } from './direction-rows';
import { groupSubjects } from './grouping';
import { resolvePortName, ruleAdmitsPort, Subject } from './match';
import { NormalizedPolicy, NormalizedRule } from '../model';
import { PeerClasses } from './peer-classes';
import { tierStep, TierSubjects, tierSubjects } from './tier-table';
import { Protocol } from '../../protocol';
import { TrafficDirection } from '../verdict';

/** A probe with its protocol filled in. */
export interface Probe {
  readonly protocol: Protocol;
  readonly port?: number;
  readonly portName?: string;
}

/** A truth table at class level. */
export interface ClassTable {
  /** Class index of each subject. */
  readonly classOf: Int32Array;
  readonly classCount: number;
  /** Per probe: row = source class, column = destination class, bit set = allowed. */
  readonly matrices: BitMatrix[];
  /**
   * Per probe, the cells no verdict can be given for from manifests (a cluster-wide policy's `nodes` or
   * `domainNames` peer decides them; their allowed bit is clear).
   *
   * @default - every cell is known
   */
  readonly unknown?: BitMatrix[];
}

/** The class-level table of the subjects for every probe. */
export function computeClassTable(cluster: Cluster, subjects: Subject[], probes: Probe[]): ClassTable {
  const { classOf, representatives: reps } = groupSubjects(cluster, subjects);
  const policyNumber = new Map(cluster.model.policies.map((p, i) => [p, i]));
  const listKey = (policies: NormalizedPolicy[]) => policies.map((p) => policyNumber.get(p)).join(',');
  const ingress = reps.map((r) => cluster.selectingPolicies(r, TrafficDirection.INGRESS));
  const egress = reps.map((r) => cluster.selectingPolicies(r, TrafficDirection.EGRESS));
  const tiers = tierSubjects(cluster.model.tierPolicies, reps, namedPorts);
  const tierKey = (c: number) => (tiers === undefined ? '' : `|${tiers.keys[c]}`);
  let empty: BitMatrix | undefined;
  const context: TableContext = {
    reps,
    peers: new PeerClasses(reps),
    ingress,
    egress,
    ingressKeys: ingress.map((list, d) => `${listKey(list)}|${namedPorts(reps[d])}${tierKey(d)}`),
    egressKeys: egress.map((list, s) => `${listKey(list)}${tierKey(s)}`),
    tiers,
    none: () => (empty = empty ?? new BitMatrix(reps.length, reps.length)),
  };
  const tables = probes.map((probe) => probeMatrices(context, probe));
  const unknown = tiers?.openEgress !== undefined ? tables.map((t) => t.unknown!) : undefined;
  return { classOf, classCount: reps.length, matrices: tables.map((t) => t.allowed), ...(unknown === undefined ? {} : { unknown }) };
}

interface TableContext {
  readonly reps: Subject[];
  readonly peers: PeerClasses;
  /** Per class, the policies isolating it for ingress / egress. */
  readonly ingress: NormalizedPolicy[][];
  readonly egress: NormalizedPolicy[][];
  /**
   * Per class, what its ingress row depends on besides the probed port (its policies and named ports), and
   * what its egress row depends on (its policies): classes with equal keys share a row.
   */
  readonly ingressKeys: string[];
  readonly egressKeys: string[];
  /** The cluster-wide tier policies selecting each class; undefined without any. */
  readonly tiers?: TierSubjects;
  /** One matrix without any cell, shared by the probes without unknown cells. */
  readonly none: () => BitMatrix;
}

function namedPorts(rep: Subject): string {
  return rep.ports.filter((p) => p.name !== undefined).map((p) => `${p.name}:${p.port}:${p.protocol}`).sort().join(',');
}

/**
 * One probe: each direction decided row by row through the tiers (Admin, NetworkPolicy, Baseline, then the
 * default), then combined: allowed where both directions allow, unknown where neither denies and one is open.
 */
function probeMatrices(t: TableContext, probe: Probe): { allowed: BitMatrix; unknown?: BitMatrix } {
  const n = t.reps.length;
  const portAt = t.reps.map((r) => (probe.portName === undefined ? probe.port : resolvePortName(r, probe.portName, probe.protocol)));
  const noSuchPort: DirectionStep = {
    decide: (d, row) => {
      if (portAt[d] === undefined) row.decideRest(); // nothing listens: denied whatever the policies say
    },
  };
  const tiered = (direction: TrafficDirection, networkPolicy: DirectionStep): DirectionStep[] => (t.tiers === undefined ? [networkPolicy] : [
    tierStep('Admin', direction, t.tiers, t.peers, t.reps, { protocol: probe.protocol, portAt }),
    networkPolicy,
    tierStep('Baseline', direction, t.tiers, t.peers, t.reps, { protocol: probe.protocol, portAt }),
  ]);
  const ingress = decideRows(n, n, [noSuchPort, ...tiered(TrafficDirection.INGRESS, networkPolicyStep({
    policiesOf: (d) => t.ingress[d],
    peersOf: (d, policy, rule) => (ruleAdmitsPort(rule, probe.protocol, portAt[d]!, t.reps[d])
      ? { peers: t.peers.ofRule(policy.namespace, rule) } : undefined),
  }, (p) => rulesOf(p, TrafficDirection.INGRESS), n))], (d) => `${portAt[d]}|${t.ingressKeys[d]}`);
  const portSets = new Map<string, BitSet>();
  const egress = decideRows(n, n, tiered(TrafficDirection.EGRESS, networkPolicyStep({
    policiesOf: (s) => t.egress[s],
    // Every port when the rule names none: destinations without the probed port are cleared by the ingress side.
    peersOf: (_s, policy, rule) => ({
      peers: t.peers.ofRule(policy.namespace, rule),
      mask: rule.ports === undefined ? undefined : portSet(t, probe, portAt, rule, portSets),
    }),
  }, (p) => rulesOf(p, TrafficDirection.EGRESS), n)), (s) => t.egressKeys[s], t.tiers?.openEgress);
  return combine(egress, ingress.allowed.transpose(), t.tiers?.openEgress, t.none);
}

/**
 * Both directions, the ingress rows transposed to (source, destination): allowed where both surely allow;
 * unknown where both allow on some way and the egress row also denies on another (a peer that may or may
 * not match, in the open words only). `none` stands for every probe without unknown cells.
 */
function combine(egress: DecidedRows, arriving: BitMatrix, open: OpenWords | undefined,
  none: () => BitMatrix): { allowed: BitMatrix; unknown?: BitMatrix } {
  const allowed = egress.allowed;
  const a = allowed.data;
  const i = arriving.data;
  for (let w = 0; w < a.length; w++) a[w] &= i[w];
  if (egress.denied === undefined || open === undefined) {
    return { allowed };
  }
  const d = egress.denied.data;
  const width = egress.denied.stride;
  const stride = allowed.stride;
  let unknown: BitMatrix | undefined;
  for (let r = 0; r < allowed.rows; r++) {
    for (let k = 0; k < width; k++) {
      const w = r * stride + open.first + k;
      const unsure = a[w] & d[r * width + k];
      if (unsure === 0) continue;
      a[w] &= ~unsure;
      unknown = unknown ?? new BitMatrix(allowed.rows, allowed.columns);
      unknown.data[w] = unsure;
    }
  }
  return { allowed, unknown: unknown ?? none() };
}

/** Destination classes whose (resolved) port the rule's ports admit, shared by rules with the same ports. */
function portSet(t: TableContext, probe: Probe, portAt: Array<number | undefined>, rule: NormalizedRule, cache: Map<string, BitSet>): BitSet {
  const key = rule.ports!.map((p) => `${p.protocol}/${p.port ?? ''}-${p.endPort ?? ''}/${p.portName ?? ''}`).join(',');
  let set = cache.get(key);
  if (set === undefined) {
    set = new BitSet(t.reps.length);
    for (let d = 0; d < t.reps.length; d++) {
      const port = portAt[d];
      if (port !== undefined && ruleAdmitsPort(rule, probe.protocol, port, t.reps[d])) set.add(d);
    }
    cache.set(key, set);
  }
  return set;
}
