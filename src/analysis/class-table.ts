/**
 * The truth table engine (internal): the same semantics as evaluate.ts, computed per endpoint class with bit
 * matrices instead of per pair. For each probed port, each direction is decided row by row (direction-rows.ts):
 * ingress per destination class over source classes, egress per source class over destination classes, a rule
 * adding its peer classes to a row word by word. A connection is allowed when both directions allow it: the
 * egress matrix ANDed with the transposed ingress matrix.
 */
import { BitMatrix } from './bit-matrix';
import { BitSet } from './bitset';
import { Cluster, rulesOf } from './cluster';
import { decideRows, DirectionStep, networkPolicyStep } from './direction-rows';
import { groupSubjects } from './grouping';
import { resolvePortName, ruleAdmitsPort, Subject } from './match';
import { NormalizedPolicy, NormalizedRule } from './model';
import { PeerClasses } from './peer-classes';
import { TrafficDirection } from './verdict';
import { Protocol } from '../protocol';

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

/**
 * A class table from cells computed per endpoint pair (0 denied, 1 allowed, 2 unknown; the tier evaluation's
 * form), each endpoint its own class.
 */
export function tierClassTable(cells: Uint8Array[], n: number): ClassTable {
  const bits = (value: number) => cells.map((c) => {
    const m = new BitMatrix(n, n);
    for (let s = 0; s < n; s++) {
      const row = m.row(s);
      for (let d = 0; d < n; d++) if (c[s * n + d] === value) row.add(d);
    }
    return m;
  });
  return { classOf: Int32Array.from({ length: n }, (_, i) => i), classCount: n, matrices: bits(1), unknown: bits(2) };
}

/** The class-level table of the subjects for every probe. */
export function computeClassTable(cluster: Cluster, subjects: Subject[], probes: Probe[]): ClassTable {
  const { classOf, representatives: reps } = groupSubjects(cluster, subjects);
  const policyNumber = new Map(cluster.model.policies.map((p, i) => [p, i]));
  const listKey = (policies: NormalizedPolicy[]) => policies.map((p) => policyNumber.get(p)).join(',');
  const ingress = reps.map((r) => cluster.selectingPolicies(r, TrafficDirection.INGRESS));
  const egress = reps.map((r) => cluster.selectingPolicies(r, TrafficDirection.EGRESS));
  const context: TableContext = {
    reps,
    peers: new PeerClasses(reps),
    ingress,
    egress,
    ingressKeys: ingress.map((list, d) => `${listKey(list)}|${namedPorts(reps[d])}`),
    egressKeys: egress.map(listKey),
  };
  return { classOf, classCount: reps.length, matrices: probes.map((probe) => probeMatrix(context, probe)) };
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
}

function namedPorts(rep: Subject): string {
  return rep.ports.filter((p) => p.name !== undefined).map((p) => `${p.name}:${p.port}:${p.protocol}`).sort().join(',');
}

function probeMatrix(t: TableContext, probe: Probe): BitMatrix {
  const n = t.reps.length;
  const portAt = t.reps.map((r) => (probe.portName === undefined ? probe.port : resolvePortName(r, probe.portName, probe.protocol)));
  const noSuchPort: DirectionStep = {
    decide: (d, row) => {
      if (portAt[d] === undefined) row.decideRest(); // nothing listens: denied whatever the policies say
    },
  };
  const ingress = decideRows(n, n, [noSuchPort, networkPolicyStep({
    policiesOf: (d) => t.ingress[d],
    peersOf: (d, policy, rule) => (ruleAdmitsPort(rule, probe.protocol, portAt[d]!, t.reps[d])
      ? { peers: t.peers.ofRule(policy.namespace, rule) } : undefined),
  }, (p) => rulesOf(p, TrafficDirection.INGRESS), n)], (d) => `${portAt[d]}|${t.ingressKeys[d]}`);
  const portSets = new Map<string, BitSet>();
  const egress = decideRows(n, n, [networkPolicyStep({
    policiesOf: (s) => t.egress[s],
    // Every port when the rule names none: destinations without the probed port are cleared by the ingress side.
    peersOf: (_s, policy, rule) => ({
      peers: t.peers.ofRule(policy.namespace, rule),
      mask: rule.ports === undefined ? undefined : portSet(t, probe, portAt, rule, portSets),
    }),
  }, (p) => rulesOf(p, TrafficDirection.EGRESS), n)], (s) => t.egressKeys[s]);
  const arriving = ingress.transpose();
  for (let w = 0; w < egress.data.length; w++) egress.data[w] &= arriving.data[w];
  return egress;
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
