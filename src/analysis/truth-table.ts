import { Endpoint } from './endpoint';
import { BitMatrix } from './internal/bit-matrix';
import type { ClassTable } from './internal/class-table';
import { ProbePort } from './query';
import { checkIndex, checkString } from '../private/arguments';
import { ErrorCode, invalid } from '../private/errors';
import { Protocol } from '../protocol';

/** The cell value of an unknown verdict (0 denied, 1 allowed). */
export const UNKNOWN_CELL = 2;

/**
 * Options for `PolicyAnalyzer.truthTable()`.
 */
export interface TruthTableOptions {
  /** The ports to probe; the table has one matrix per port. */
  readonly ports: ProbePort[];

  /**
   * Endpoints added after the workloads of the manifests (external addresses, pods not in the manifests).
   *
   * @default - none
   */
  readonly extraEndpoints?: Endpoint[];

  /**
   * Endpoints to use instead of the workloads found in the manifests (`extraEndpoints` are still added).
   *
   * @default - `analyzer.endpoints()`
   */
  readonly endpoints?: Endpoint[];
}

/**
 * A probed port of a truth table.
 */
export interface TruthTablePort {
  /** Short text such as `TCP 80` or `TCP "metrics"`. */
  readonly label: string;
  /**
   * The port number.
   *
   * @default - a named port
   */
  readonly port?: number;
  /**
   * The container port name, resolved per destination.
   *
   * @default - a numbered port
   */
  readonly portName?: string;
  /** The protocol. */
  readonly protocol: Protocol;
}

/**
 * One row of a truth table matrix: what a source may reach.
 */
export interface TruthTableRow {
  /** Key of the source endpoint. */
  readonly source: string;
  /** Whether the source may reach each endpoint, in the order of `TruthTableData.endpoints` (false when unknown). */
  readonly allowed: boolean[];
  /**
   * Which cells are unknown (a `nodes` or `domainNames` peer of a cluster-wide policy decides them), in the same
   * order; present only on rows that have an unknown cell.
   *
   * @default - no cell of the row is unknown
   */
  readonly unknown?: boolean[];
}

/**
 * The matrix of one probed port.
 */
export interface TruthTableMatrix {
  /** The probed port. */
  readonly port: TruthTablePort;
  /** One row per source endpoint, in the order of `TruthTableData.endpoints`. */
  readonly rows: TruthTableRow[];
}

/**
 * A truth table as plain data, for renderers (text, Markdown, JSON, HTML).
 */
export interface TruthTableData {
  /** Endpoint keys: the row and column order of every matrix. */
  readonly endpoints: string[];
  /** The probed ports. */
  readonly ports: TruthTablePort[];
  /** One matrix per port, in the order of `ports`. */
  readonly matrices: TruthTableMatrix[];
}

/**
 * Which endpoint may reach which, per probed port.
 *
 * Stored compactly: endpoints that no selector, ipBlock or named port can tell apart share a class, and each
 * port keeps one bit per (source class, destination class). `toData()` expands it cell by cell, which only
 * suits small tables; the CLI's grouped and sparse outputs read the classes directly.
 */
export class TruthTable {
  /** @internal */
  public static _create(endpoints: Endpoint[], ports: TruthTablePort[], table: ClassTable): TruthTable {
    return new TruthTable(endpoints, ports, table);
  }

  private readonly endpointList: Endpoint[];
  private readonly portList: TruthTablePort[];
  private readonly index = new Map<string, number>();

  private constructor(endpoints: Endpoint[], ports: TruthTablePort[], private readonly table: ClassTable) {
    this.endpointList = [...endpoints];
    this.portList = ports.map((p) => ({ ...p }));
    endpoints.forEach((e, i) => this.index.set(e.key, i));
  }

  /** The endpoints, in row and column order. */
  public get endpoints(): Endpoint[] {
    return [...this.endpointList];
  }

  /** The endpoint keys, in row and column order. */
  public get keys(): string[] {
    return this.endpointList.map((e) => e.key);
  }

  /** The probed ports. */
  public get ports(): TruthTablePort[] {
    return this.portList.map((p) => ({ ...p }));
  }

  /** Whether `sourceKey` may reach `destinationKey` on the port at `portIndex`. */
  public isAllowed(sourceKey: string, destinationKey: string, portIndex: number): boolean {
    checkString('TruthTable.isAllowed()', 'sourceKey', sourceKey);
    checkString('TruthTable.isAllowed()', 'destinationKey', destinationKey);
    checkIndex('TruthTable.isAllowed()', 'portIndex', portIndex);
    const m = this.matrix(portIndex);
    const classOf = this.table.classOf;
    return m.get(classOf[this.position(sourceKey)], classOf[this.position(destinationKey)]);
  }

  /**
   * Whether the cell cannot be decided from manifests (then `isAllowed` is false: unknown fails closed).
   */
  public isUnknown(sourceKey: string, destinationKey: string, portIndex: number): boolean {
    checkString('TruthTable.isUnknown()', 'sourceKey', sourceKey);
    checkString('TruthTable.isUnknown()', 'destinationKey', destinationKey);
    checkIndex('TruthTable.isUnknown()', 'portIndex', portIndex);
    this.matrix(portIndex);
    const unknown = this.table.unknown?.[portIndex];
    const classOf = this.table.classOf;
    return unknown !== undefined && unknown.get(classOf[this.position(sourceKey)], classOf[this.position(destinationKey)]);
  }

  /** How many (source, destination) cells of the port at `portIndex` are allowed. */
  public allowedCount(portIndex: number): number {
    checkIndex('TruthTable.allowedCount()', 'portIndex', portIndex);
    return countCells(this.matrix(portIndex), this._classSizes());
  }

  /** How many (source, destination) cells of the port at `portIndex` are unknown. */
  public unknownCount(portIndex: number): number {
    checkIndex('TruthTable.unknownCount()', 'portIndex', portIndex);
    this.matrix(portIndex);
    const unknown = this.table.unknown?.[portIndex];
    return unknown === undefined ? 0 : countCells(unknown, this._classSizes());
  }

  /** The whole table as plain data, cell by cell. */
  public toData(): TruthTableData {
    const keys = this.keys;
    const classOf = this.table.classOf;
    const matrices = this.portList.map((port, p) => {
      const m = this.table.matrices[p];
      const unknown = this.table.unknown?.[p];
      const rows = keys.map((source, s) => {
        const allowed = Array.from(classOf, (d) => m.get(classOf[s], d));
        const marks = unknown === undefined ? [] : Array.from(classOf, (d) => unknown.get(classOf[s], d));
        return marks.includes(true) ? { source, allowed, unknown: marks } : { source, allowed };
      });
      return { port: { ...port }, rows };
    });
    return { endpoints: keys, ports: this.ports, matrices };
  }

  /** @internal The class-level table: class of each endpoint, one bit matrix per port. */
  public _classTable(): ClassTable {
    return this.table;
  }

  /** @internal How many endpoints each class has. */
  public _classSizes(): Int32Array {
    const sizes = new Int32Array(this.table.classCount);
    this.table.classOf.forEach((c) => sizes[c]++);
    return sizes;
  }

  private matrix(portIndex: number): BitMatrix {
    const m = this.table.matrices[portIndex];
    if (m === undefined) {
      throw invalid(ErrorCode.INDEX_OUT_OF_RANGE, 'TruthTable', `port index must be from 0 to ${this.table.matrices.length - 1}`, portIndex, 'Use an index into ports');
    }
    return m;
  }

  private position(key: string): number {
    const i = this.index.get(key);
    if (i === undefined) {
      throw invalid(ErrorCode.NOT_FOUND, 'TruthTable', 'no endpoint has this key', key, 'Use one of the keys in truthTable.keys');
    }
    return i;
  }
}

/** Cells set in a class matrix, each class pair counted once per pair of members. */
function countCells(m: BitMatrix, sizes: Int32Array): number {
  let count = 0;
  for (let c = 0; c < m.rows; c++) {
    let reach = 0;
    for (const d of m.row(c).elements()) reach += sizes[d];
    count += sizes[c] * reach;
  }
  return count;
}
