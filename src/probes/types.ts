import { ContainerPort } from '../analysis/endpoint';
import { ProbePort } from '../analysis/query';
import { Protocol } from '../protocol';

/**
 * A class of endpoints: workloads that no pod selector, namespace selector, ipBlock or named port of the
 * analyzed policies can tell apart, so one stand-in pod speaks for all of them.
 */
export interface ProbeClass {
  /** Short, stable id such as `c03` (`canary-deny` and friends for canaries the plan adds). */
  readonly id: string;
  /** The namespace of every member. */
  readonly namespace: string;
  /** The labels of the class's first member; the stand-in pod carries them. */
  readonly labels: Record<string, string>;
  /** The container ports of the class's first member (named ports resolve against them). */
  readonly ports: ContainerPort[];
  /** Keys (`namespace/name`) of the workloads in the class, sorted. */
  readonly members: string[];
}

/**
 * One probe: a connection from a source class to a destination class on one port, with the verdict the
 * analyzer expects.
 */
export interface ProbeCell {
  /** Stable id: `<source>><destination> <protocol> <port>`, e.g. `c01>c03 TCP 8080`. */
  readonly id: string;
  /** Id of the source class. */
  readonly sourceClass: string;
  /** Id of the destination class. */
  readonly destinationClass: string;
  /** The probed port as the plan's `ports` list gives it (`TCP 80`, `TCP "http"`). */
  readonly portLabel: string;
  /** The port number connected to on the destination (a named port resolved on the destination class). */
  readonly targetPort: number;
  /** The protocol. */
  readonly protocol: Protocol;
  /** Whether the analyzer expects the connection to be allowed. */
  readonly expectAllowed: boolean;
  /** The analyzer's explanation of the expected verdict. */
  readonly explanation: string;
}

/**
 * Options for building a probe plan.
 */
export interface ProbePlanOptions {
  /** The ports to probe. */
  readonly ports: ProbePort[];

  /**
   * Only cells whose source class has a member matching one of these: a namespace (`shop`) or a workload
   * key (`shop/web`).
   *
   * @default - every source class
   */
  readonly sources?: string[];

  /**
   * Only cells whose destination class has a member matching one of these (as `sources`).
   *
   * @default - every destination class
   */
  readonly destinations?: string[];

  /**
   * Keep at most this many cells, chosen at random (deterministically, by `seed`).
   *
   * @default - every cell
   */
  readonly sample?: number;

  /**
   * Seed of the sample.
   *
   * @default 1
   */
  readonly seed?: number;

  /**
   * Namespace for the canary stand-ins the plan adds when no cell of the whole table must be denied (or
   * allowed). The run creates it and deletes it afterwards.
   *
   * @default "cdk8s-netpol-probes"
   */
  readonly canaryNamespace?: string;
}
