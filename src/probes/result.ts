import { ProbeCell } from './types';

/**
 * Why a run stopped before it could compare every cell (exit code 2).
 */
export enum ProbeErrorCode {
  /** The run was not set up right (options, or a plan the mode cannot run). */
  USAGE = 'USAGE',
  /** The kubectl executable could not be started. */
  KUBECTL_NOT_FOUND = 'KUBECTL_NOT_FOUND',
  /** The API server did not answer. */
  UNREACHABLE = 'UNREACHABLE',
  /** The API server refused an operation the run needs. */
  FORBIDDEN = 'FORBIDDEN',
  /** A probe pod's image could not be pulled. */
  IMAGE_PULL = 'IMAGE_PULL',
  /** A probe pod did not reach the Running phase in time. */
  POD_NOT_RUNNING = 'POD_NOT_RUNNING',
  /** The deny canary connected: the cluster does not enforce NetworkPolicy. */
  NOT_ENFORCED = 'NOT_ENFORCED',
  /** The allow canary did not connect: the probes themselves do not work, so no deny can be trusted. */
  PROBE_BROKEN = 'PROBE_BROKEN',
  /** In place: a class has no running pod to probe from or to. */
  NO_POD = 'NO_POD',
  /** The run was interrupted (SIGINT). */
  INTERRUPTED = 'INTERRUPTED',
  /** kubectl failed in another way. */
  KUBECTL_FAILED = 'KUBECTL_FAILED',
}

/**
 * What one cell did on the cluster.
 */
export interface ProbeResult {
  /** The cell, as the plan has it. */
  readonly cell: ProbeCell;
  /** `deny-canary`, `allow-canary` or `cell`. */
  readonly role: string;
  /** Whether the connection was let through. */
  readonly observedAllowed: boolean;
  /** Whether the observation matches the expected verdict. */
  readonly agrees: boolean;
  /** How many times the cell was probed (a cell that disagrees is probed once more). */
  readonly attempts: number;
  /** What the probe printed on its last attempt, e.g. `connected`, `TIMEOUT`, `REFUSED`. */
  readonly detail: string;
  /** The source pod (`namespace/name`) the probe ran in. */
  readonly sourcePod: string;
  /** The destination pod (`namespace/name`) and address connected to. */
  readonly destinationPod: string;
}
