import { compareText } from './order';
import { Protocol } from '../protocol';

/**
 * The direction of traffic a policy rule controls; values are the `policyTypes` wire strings.
 */
export enum TrafficDirection {
  /** Traffic into the selected pods. */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods. */
  EGRESS = 'Egress',
}

/**
 * Why a direction of a connection is allowed or denied. A closed set: tools may switch on it.
 */
export enum ReasonCode {
  /** The endpoint is an address, not a pod: no policy can select it, so this direction is not restricted. */
  NOT_A_POD = 'NOT_A_POD',
  /** No policy selects the pod for this direction, so everything is allowed. */
  NOT_ISOLATED = 'NOT_ISOLATED',
  /** A rule of a policy that selects the pod admits the peer and the port. */
  ALLOWED_BY_RULE = 'ALLOWED_BY_RULE',
  /** A policy selects the pod for this direction and none of its rules admits the peer and the port. */
  NO_RULE_MATCHES = 'NO_RULE_MATCHES',
  /** The queried port name is not a container port (with that protocol) of the destination. */
  UNKNOWN_PORT_NAME = 'UNKNOWN_PORT_NAME',
}

/**
 * One step of an explanation: data first, prose second.
 */
export interface Reason {
  /** What happened. */
  readonly code: ReasonCode;

  /** Which direction of the connection this step is about. */
  readonly direction: TrafficDirection;

  /**
   * `namespace/name` of the policy involved.
   *
   * @default - no policy involved
   */
  readonly policy?: string;

  /**
   * Index into the policy's `spec.ingress` or `spec.egress`.
   *
   * @default - no single rule involved
   */
  readonly ruleIndex?: number;

  /** One line for humans. */
  readonly message: string;
}

/**
 * The data a verdict is made from.
 */
export interface VerdictProps {
  /** Key of the source endpoint. */
  readonly source: string;
  /** Key of the destination endpoint. */
  readonly destination: string;
  /**
   * The destination port number.
   *
   * @default - a port name that did not resolve on the destination
   */
  readonly port?: number;
  /**
   * The port name queried.
   *
   * @default - queried by number
   */
  readonly portName?: string;
  /** The protocol. */
  readonly protocol: Protocol;
  /** Whether the source's egress side lets the connection out. */
  readonly egressAllowed: boolean;
  /** Whether the destination's ingress side lets the connection in. */
  readonly ingressAllowed: boolean;
  /** The steps of the decision, in any order. */
  readonly reasons: Reason[];
}

/**
 * Whether a connection is allowed, and why.
 */
export class Verdict {
  /** @internal */
  public static _create(props: VerdictProps): Verdict {
    return new Verdict(props);
  }

  /** Whether the connection is allowed: egress and ingress both allow it. */
  public readonly allowed: boolean;
  /** Whether the source's egress side allows it (true when the source is not egress-isolated or not a pod). */
  public readonly egressAllowed: boolean;
  /** Whether the destination's ingress side allows it (true when it is not ingress-isolated or not a pod). */
  public readonly ingressAllowed: boolean;
  /** Key of the source endpoint. */
  public readonly source: string;
  /** Key of the destination endpoint. */
  public readonly destination: string;
  /**
   * The destination port number.
   *
   * @default - a port name that did not resolve on the destination
   */
  public readonly port?: number;
  /**
   * The port name queried.
   *
   * @default - queried by number
   */
  public readonly portName?: string;
  /** The protocol. */
  public readonly protocol: Protocol;

  private readonly reasonList: Reason[];

  private constructor(props: VerdictProps) {
    this.source = props.source;
    this.destination = props.destination;
    this.port = props.port;
    this.portName = props.portName;
    this.protocol = props.protocol;
    this.egressAllowed = props.egressAllowed;
    this.ingressAllowed = props.ingressAllowed;
    this.allowed = props.egressAllowed && props.ingressAllowed;
    this.reasonList = [...props.reasons].sort(compareReasons).map((r) => ({ ...r }));
  }

  /** The steps of the decision, sorted by policy (`namespace/name`), then rule index, then direction. */
  public get reasons(): Reason[] {
    return this.reasonList.map((r) => ({ ...r }));
  }

  /** The reason codes, in the order of `reasons`. */
  public get codes(): ReasonCode[] {
    return this.reasonList.map((r) => r.code);
  }

  /** A stable, multi-line explanation: the outcome, each direction, then one line per reason. */
  public explain(): string {
    const word = (ok: boolean) => (ok ? 'allowed' : 'denied');
    const lines = [
      `${word(this.allowed).toUpperCase()}: ${this.source} -> ${this.destination} on ${this.describePort()}`,
      `  egress from ${this.source}: ${word(this.egressAllowed)}`,
      `  ingress to ${this.destination}: ${word(this.ingressAllowed)}`,
    ];
    for (const r of this.reasonList) {
      const where = r.policy === undefined ? '' : ` ${r.policy}${r.ruleIndex === undefined ? '' : `#${r.ruleIndex}`}`;
      lines.push(`  - ${r.direction} ${r.code}${where}: ${r.message}`);
    }
    return lines.join('\n');
  }

  private describePort(): string {
    const name = this.portName === undefined ? '' : ` (${JSON.stringify(this.portName)})`;
    return `${this.protocol} ${this.port ?? '?'}${name}`;
  }
}

function compareReasons(a: Reason, b: Reason): number {
  return compareText(a.policy ?? '', b.policy ?? '')
    || (a.ruleIndex ?? -1) - (b.ruleIndex ?? -1)
    || compareText(a.direction, b.direction)
    || compareText(a.code, b.code)
    || compareText(a.message, b.message);
}

