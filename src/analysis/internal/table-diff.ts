/**
 * The cells that differ between two truth tables over the same endpoints and ports (internal), compared class
 * by class. Endpoints that share a class in both tables ("joint classes") have the same cells in both, so each
 * joint class's row is compared once, then expanded to its members in endpoint order.
 */
import { BitMatrix } from './bit-matrix';
import { BitSet } from './bitset';
import type { ClassTable } from './class-table';
import { FlowChange } from '../diff';
import { TruthTable } from '../truth-table';

/** The changed cells in source, destination, then port order (both tables over the same endpoints and ports). */
export function* flowChanges(before: TruthTable, after: TruthTable): Iterable<FlowChange> {
  const old = before._classTable();
  const now = after._classTable();
  const keys = before.keys;
  const ports = before.ports;
  const joint = jointClasses(old.classOf, now.classOf);
  // Unknown cells are compared only when a table has some (a table without them: one empty matrix for all ports).
  const withUnknown = old.unknown !== undefined || now.unknown !== undefined;
  const oldUnknown = withUnknown ? unknownMatrices(old) : [];
  const nowUnknown = withUnknown ? unknownMatrices(now) : [];
  const rows = new Map<number, number[][]>();
  for (let s = 0; s < keys.length; s++) {
    const j = joint.classOf[s];
    let changed = rows.get(j);
    if (changed === undefined) {
      changed = ports.map((_, p) => (!withUnknown ? changedClasses(old.matrices[p], now.matrices[p], joint, j) : [...new Set([
        ...changedClasses(old.matrices[p], now.matrices[p], joint, j),
        ...changedClasses(oldUnknown[p], nowUnknown[p], joint, j),
      ])]));
      rows.set(j, changed);
    }
    const destinations = new Set<number>();
    changed.forEach((list) => list.forEach((c) => joint.members[c].forEach((d) => destinations.add(d))));
    for (const d of [...destinations].sort((a, b) => a - b)) {
      for (let p = 0; p < ports.length; p++) {
        const allowedBefore = old.matrices[p].get(old.classOf[s], old.classOf[d]);
        const allowedAfter = now.matrices[p].get(now.classOf[s], now.classOf[d]);
        const unknownBefore = old.unknown?.[p].get(old.classOf[s], old.classOf[d]) === true;
        const unknownAfter = now.unknown?.[p].get(now.classOf[s], now.classOf[d]) === true;
        if (allowedBefore !== allowedAfter || unknownBefore !== unknownAfter) {
          const { port, portName, protocol } = ports[p];
          yield {
            source: keys[s],
            destination: keys[d],
            port,
            portName,
            protocol,
            allowedBefore,
            allowedAfter,
            ...(unknownBefore ? { unknownBefore } : {}),
            ...(unknownAfter ? { unknownAfter } : {}),
          };
        }
      }
    }
  }
}

interface JointClasses {
  readonly classOf: Int32Array;
  /** Endpoint indices of each joint class, ascending. */
  readonly members: number[][];
  /** Old and new class of each joint class. */
  readonly oldClass: number[];
  readonly newClass: number[];
  /** Joint classes of each old / new class. */
  readonly ofOld: number[][];
  readonly ofNew: number[][];
  /** True when both tables have the same classes (then a joint class is the same number in both). */
  readonly same: boolean;
}

function jointClasses(oldOf: Int32Array, newOf: Int32Array): JointClasses {
  const byPair = new Map<string, number>();
  const classOf = new Int32Array(oldOf.length);
  const members: number[][] = [];
  const oldClass: number[] = [];
  const newClass: number[] = [];
  let same = true;
  oldOf.forEach((o, i) => {
    const key = `${o}/${newOf[i]}`;
    let j = byPair.get(key);
    if (j === undefined) {
      j = members.length;
      byPair.set(key, j);
      members.push([]);
      oldClass.push(o);
      newClass.push(newOf[i]);
      same = same && o === j && newOf[i] === j;
    }
    classOf[i] = j;
    members[j].push(i);
  });
  const ofOld = groupBy(oldClass);
  const ofNew = groupBy(newClass);
  return { classOf, members, oldClass, newClass, ofOld, ofNew, same };
}

function groupBy(values: number[]): number[][] {
  const groups: number[][] = [];
  values.forEach((v, j) => (groups[v] = groups[v] ?? []).push(j));
  return groups;
}

/** Joint destination classes whose cell for joint source class `j` differs, ascending. */
function changedClasses(old: BitMatrix, now: BitMatrix, joint: JointClasses, j: number): number[] {
  const before = old.row(joint.oldClass[j]);
  const after = now.row(joint.newClass[j]);
  if (joint.same) {
    const diff = new BitSet(before.size);
    for (let w = 0; w < diff.words.length; w++) diff.words[w] = before.words[w] ^ after.words[w];
    return diff.elements();
  }
  const reached = new BitSet(joint.members.length);
  const flip = (c: number) => reached.flip(c);
  before.elements().forEach((o) => joint.ofOld[o].forEach(flip));
  after.elements().forEach((n) => joint.ofNew[n].forEach(flip));
  return reached.elements();
}

function unknownMatrices(table: ClassTable): BitMatrix[] {
  if (table.unknown !== undefined) return table.unknown;
  const none = new BitMatrix(table.classCount, table.classCount);
  return table.matrices.map(() => none);
}
