import { Protocol } from '../protocol';

/**
 * A port a workload's pods listen on, as declared in `spec.containers[].ports[]`.
 *
 * Grants made without a port use the target's declared ports, and a grant to a named port
 * must name one of them.
 */
export interface WorkloadPort {
  /** The port number, 1-65535. */
  readonly port: number;

  /**
   * The port's name (IANA service name), which named ports in rules resolve against.
   *
   * @default - the port has no name, so grants can only reach it by number
   */
  readonly name?: string;

  /**
   * The port's protocol.
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}
