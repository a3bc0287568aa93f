import { Endpoint } from './endpoint';
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
 */
export class TruthTable {
  /** @internal */
  public static _create(endpoints: Endpoint[], ports: TruthTablePort[], cells: Uint8Array[]): TruthTable {
    return new TruthTable(endpoints, ports, cells);
  }

  private readonly endpointList: Endpoint[];
  private readonly portList: TruthTablePort[];
  private readonly index = new Map<string, number>();

  private constructor(endpoints: Endpoint[], ports: TruthTablePort[], private readonly cells: Uint8Array[]) {
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
    const n = this.endpointList.length;
    return this.matrix(portIndex)[this.position(sourceKey) * n + this.position(destinationKey)] === 1;
  }

  /**
   * Whether the cell cannot be decided from manifests (then `isAllowed` is false: unknown fails closed).
   */
  public isUnknown(sourceKey: string, destinationKey: string, portIndex: number): boolean {
    checkString('TruthTable.isUnknown()', 'sourceKey', sourceKey);
    checkString('TruthTable.isUnknown()', 'destinationKey', destinationKey);
    checkIndex('TruthTable.isUnknown()', 'portIndex', portIndex);
    const n = this.endpointList.length;
    return this.matrix(portIndex)[this.position(sourceKey) * n + this.position(destinationKey)] === UNKNOWN_CELL;
  }

  /** How many (source, destination) cells of the port at `portIndex` are allowed. */
  public allowedCount(portIndex: number): number {
    checkIndex('TruthTable.allowedCount()', 'portIndex', portIndex);
    return this.matrix(portIndex).reduce((sum, cell) => sum + (cell === 1 ? 1 : 0), 0);
  }

  /** How many (source, destination) cells of the port at `portIndex` are unknown. */
  public unknownCount(portIndex: number): number {
    checkIndex('TruthTable.unknownCount()', 'portIndex', portIndex);
    return this.matrix(portIndex).reduce((sum, cell) => sum + (cell === UNKNOWN_CELL ? 1 : 0), 0);
  }

  /** The whole table as plain data. */
  public toData(): TruthTableData {
    const keys = this.keys;
    const n = keys.length;
    const matrices = this.portList.map((port, p) => ({
      port: { ...port },
      rows: keys.map((source, s) => {
        const row = this.cells[p].subarray(s * n, (s + 1) * n);
        const allowed = Array.from(row, (c) => c === 1);
        return row.includes(UNKNOWN_CELL) ? { source, allowed, unknown: Array.from(row, (c) => c === UNKNOWN_CELL) } : { source, allowed };
      }),
    }));
    return { endpoints: keys, ports: this.ports, matrices };
  }

  private matrix(portIndex: number): Uint8Array {
    const m = this.cells[portIndex];
    if (m === undefined) {
      throw invalid(ErrorCode.INDEX_OUT_OF_RANGE, 'TruthTable', `port index must be from 0 to ${this.cells.length - 1}`, portIndex, 'Use an index into ports');
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
