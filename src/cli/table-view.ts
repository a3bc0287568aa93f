/**
 * A truth table as the renderers read it (internal): the cells of a row, the ports whose matrices are the
 * same, and the endpoint classes. Made from a `TruthTable` (bit matrices over classes, any size) or from
 * `TruthTableData` (plain cells, small tables).
 */
import { TruthTable, TruthTableData, TruthTablePort } from '../analysis';
import { BitMatrix } from '../analysis/internal/bit-matrix';
import type { ClassTable } from '../analysis/internal/class-table';

export interface TableView {
  readonly keys: string[];
  /** The port of each matrix. */
  readonly ports: TruthTablePort[];
  /** The `ports` member of the data (the same ports, for a table). */
  readonly listedPorts: TruthTablePort[];
  /** Whether any cell is unknown. */
  readonly hasUnknown: boolean;
  /** Port indices grouped by identical matrices, in the order of their first port. */
  readonly portGroups: number[][];
  /**
   * Whether a cell is hidden because no policy governs the pair (see governed.ts); `allowedCount` then counts
   * the cells shown.
   *
   * @default - every cell is shown
   */
  readonly hidden?: (source: number, destination: number) => boolean;
  /** How many cells `hidden` hides. */
  readonly hiddenCount?: number;
  allowedCount(port: number): number;
  /** Whether the source at `source` may reach each endpoint, in key order. */
  rowCells(port: number, source: number): boolean[];
  /** Which cells of the row are unknown; undefined when none is. */
  rowUnknown(port: number, source: number): boolean[] | undefined;
}

/** The classes of a table: endpoints no selector tells apart, numbered in order of their first member. */
export interface ClassView {
  readonly table: ClassTable;
  /** Endpoint indices of each class, ascending. */
  readonly members: number[][];
}

export function viewOfTable(table: TruthTable): TableView & ClassView {
  const classes = table._classTable();
  const ports = table.ports;
  const groups: number[][] = [];
  const unknown = classes.unknown;
  const sameUnknown = (a: number, b: number) => unknown === undefined || unknown[a].equals(unknown[b]);
  ports.forEach((_, p) => {
    const same = groups.find((g) => classes.matrices[g[0]].equals(classes.matrices[p]) && sameUnknown(g[0], p));
    if (same === undefined) groups.push([p]);
    else same.push(p);
  });
  const members: number[][] = Array.from({ length: classes.classCount }, () => []);
  classes.classOf.forEach((c, i) => members[c].push(i));
  return {
    keys: table.keys,
    ports,
    listedPorts: ports,
    portGroups: groups,
    allowedCount: (p) => table.allowedCount(p),
    rowCells: (p, s) => {
      const m = classes.matrices[p];
      const c = classes.classOf[s];
      return Array.from(classes.classOf, (d) => m.get(c, d));
    },
    rowUnknown: (p, s) => {
      const m = unknown?.[p];
      if (m === undefined || m.row(classes.classOf[s]).isEmpty()) return undefined;
      return Array.from(classes.classOf, (d) => m.get(classes.classOf[s], d));
    },
    hasUnknown: unknown !== undefined && unknown.some((m) => m.data.some((w) => w !== 0)),
    table: classes,
    members,
  };
}

/** A view of plain data: each endpoint its own class. */
export function viewOfData(data: TruthTableData): TableView & ClassView {
  const n = data.endpoints.length;
  const groups = new Map<string, number[]>();
  data.matrices.forEach((matrix, p) => {
    const key = matrix.rows.map((r) => r.allowed.map((a, d) => (a ? '1' : r.unknown?.[d] ? '?' : '0')).join('')).join('|');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  });
  const matrices = data.matrices.map((matrix) => {
    const bits = new BitMatrix(n, n);
    matrix.rows.forEach((row, s) => row.allowed.forEach((a, d) => a && bits.row(s).add(d)));
    return bits;
  });
  const hasUnknown = data.matrices.some((m) => m.rows.some((r) => r.unknown !== undefined));
  const unknown = !hasUnknown ? undefined : data.matrices.map((matrix) => {
    const bits = new BitMatrix(n, n);
    matrix.rows.forEach((row, s) => row.unknown?.forEach((u, d) => u && bits.row(s).add(d)));
    return bits;
  });
  return {
    keys: data.endpoints,
    ports: data.matrices.map((m) => m.port),
    listedPorts: data.ports,
    portGroups: [...groups.values()],
    allowedCount: (p) => data.matrices[p].rows.reduce((sum, row) => sum + row.allowed.filter((a) => a).length, 0),
    rowCells: (p, s) => data.matrices[p].rows[s].allowed,
    rowUnknown: (p, s) => data.matrices[p].rows[s].unknown,
    hasUnknown,
    table: { classOf: Int32Array.from(data.endpoints, (_, i) => i), classCount: n, matrices, unknown },
    members: data.endpoints.map((_, i) => [i]),
  };
}
