import { Endpoint } from './endpoint';
import { ProbePort } from './query';
import { Protocol } from '../protocol';

/**
 * Options for `PolicyAnalyzer.diff()`.
 */
export interface DiffOptions {
  /** The ports to compare. */
  readonly ports: ProbePort[];

  /**
   * Endpoints compared in addition to the workloads of both manifest sets.
   *
   * @default - only the workloads found before and after
   */
  readonly extraEndpoints?: Endpoint[];
}

/**
 * A connection whose verdict changed between two sets of manifests.
 */
export interface FlowChange {
  /** Key of the source endpoint. */
  readonly source: string;
  /** Key of the destination endpoint. */
  readonly destination: string;
  /**
   * The port number.
   *
   * @default - a named port
   */
  readonly port?: number;
  /**
   * The container port name.
   *
   * @default - a numbered port
   */
  readonly portName?: string;
  /** The protocol. */
  readonly protocol: Protocol;
  /** Whether it was allowed before. */
  readonly allowedBefore: boolean;
  /** Whether it is allowed after. */
  readonly allowedAfter: boolean;
  /**
   * Whether the verdict before was unknown (a `nodes` or `domainNames` peer decides it); then `allowedBefore` is false.
   *
   * @default false
   */
  readonly unknownBefore?: boolean;
  /**
   * Whether the verdict after is unknown; then `allowedAfter` is false.
   *
   * @default false
   */
  readonly unknownAfter?: boolean;
}
