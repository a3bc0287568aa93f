import { Endpoint } from './endpoint';
import { Protocol } from '../protocol';

/**
 * A connection to ask about: from a source to a destination on one port.
 *
 * Give either `port` (a number) or `portName` (a container port name of the destination pod).
 */
export interface TrafficQuery {
  /** Where the connection starts. */
  readonly source: Endpoint;

  /** Where the connection goes. */
  readonly destination: Endpoint;

  /**
   * The destination port number, 1-65535.
   *
   * @default - `portName` must be given
   */
  readonly port?: number;

  /**
   * A container port name of the destination pod, resolved to its number (with `protocol`).
   *
   * @default - `port` must be given
   */
  readonly portName?: string;

  /**
   * The protocol of the connection.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/**
 * A port to probe in a truth table or a diff: a number, or a container port name resolved per destination pod.
 */
export interface ProbePort {
  /**
   * The port number, 1-65535.
   *
   * @default - `portName` must be given
   */
  readonly port?: number;

  /**
   * A container port name, resolved on each destination pod (cells are denied where it does not resolve).
   *
   * @default - `port` must be given
   */
  readonly portName?: string;

  /**
   * The protocol.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}
