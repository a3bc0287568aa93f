import { TrafficDirection } from '../direction';
import { Protocol } from '../protocol';
import { compareText } from './internal/order';

export { TrafficDirection };

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
  /** A cluster-wide (Admin or Baseline tier) rule matched with action Accept (v1alpha1: Allow): allowed, no later tier applies. */
  TIER_ACCEPTED = 'TIER_ACCEPTED',
  /** A cluster-wide rule matched with action Deny: denied, no later tier applies. */
  TIER_DENIED = 'TIER_DENIED',
  /** A cluster-wide rule matched with action Pass: the rest of its tier is skipped and the next tier decides. */
  TIER_PASSED = 'TIER_PASSED',
  /**
   * A cluster-wide rule may match, but whether it does depends on what manifests do not show (a `nodes` or
   * `domainNames` peer against an address), and the outcome depends on it: this direction is unknown.
   */
  PEER_UNKNOWN = 'PEER_UNKNOWN',
  /** Cluster-wide policies exist and no tier decided this direction: allowed, the Kubernetes default. */
  DEFAULT_ALLOWED = 'DEFAULT_ALLOWED',
}

/**
 * Where a step of a decision was taken, in evaluation order: Admin, then NetworkPolicy, then Baseline.
 */
export enum PolicyTier {
  /** Admin tier ClusterNetworkPolicy (or AdminNetworkPolicy v1alpha1): evaluated first. */
  ADMIN = 'Admin',
  /** Namespaced networking.k8s.io/v1 NetworkPolicy. */
  NETWORK_POLICY = 'NetworkPolicy',
  /** Baseline tier ClusterNetworkPolicy (or BaselineAdminNetworkPolicy v1alpha1): evaluated last. */
  BASELINE = 'Baseline',
}

/**
 * The outcome of a connection or of one of its directions.
 */
export enum VerdictOutcome {
  /** Allowed. */
  ALLOWED = 'Allowed',
  /** Denied. */
  DENIED = 'Denied',
  /**
   * Cannot be decided from manifests (a `nodes` or `domainNames` peer decides it). Treated as not allowed
   * wherever a yes or no is needed (`allowed` is false), and shown as unknown.
   */
  UNKNOWN = 'Unknown',
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

  /**
   * The tier of the step.
   *
   * @default - not a policy step (the endpoint is an address, or the port name did not resolve)
   */
  readonly tier?: PolicyTier;

  /**
   * The `name` of the cluster-wide rule involved.
   *
   * @default - no named rule involved
   */
  readonly ruleName?: string;

  /**
   * Position of the step in its direction's evaluation chain (0 first); steps of one tier share a position.
   *
   * @default - not part of a chain
   */
  readonly step?: number;
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
  /**
   * The egress side's outcome.
   *
   * @default - ALLOWED or DENIED from `egressAllowed`
   */
  readonly egressOutcome?: VerdictOutcome;
  /**
   * The ingress side's outcome.
   *
   * @default - ALLOWED or DENIED from `ingressAllowed`
   */
  readonly ingressOutcome?: VerdictOutcome;
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

  /** Whether the connection is allowed: egress and ingress both allow it. False when either side is unknown. */
  public readonly allowed: boolean;
  /** Whether the source's egress side allows it (true when the source is not egress-isolated or not a pod). */
  public readonly egressAllowed: boolean;
  /** Whether the destination's ingress side allows it (true when it is not ingress-isolated or not a pod). */
  public readonly ingressAllowed: boolean;
  /** Allowed, denied (either side denies), or unknown (no side denies and one cannot be decided from manifests). */
  public readonly outcome: VerdictOutcome;
  /** The egress side's outcome. */
  public readonly egressOutcome: VerdictOutcome;
  /** The ingress side's outcome. */
  public readonly ingressOutcome: VerdictOutcome;
  /** Whether the outcome is unknown (then `allowed` is false: unknown fails closed). */
  public readonly unknown: boolean;
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
    this.egressOutcome = props.egressOutcome ?? outcomeOf(props.egressAllowed);
    this.ingressOutcome = props.ingressOutcome ?? outcomeOf(props.ingressAllowed);
    this.egressAllowed = props.egressAllowed && this.egressOutcome === VerdictOutcome.ALLOWED;
    this.ingressAllowed = props.ingressAllowed && this.ingressOutcome === VerdictOutcome.ALLOWED;
    this.allowed = this.egressAllowed && this.ingressAllowed;
    this.outcome = combineOutcomes(this.egressOutcome, this.ingressOutcome);
    this.unknown = this.outcome === VerdictOutcome.UNKNOWN;
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

  /**
   * A stable, multi-line explanation: the outcome, each direction (with its chain of tiers when cluster-wide
   * policies took part), then one line per reason.
   */
  public explain(): string {
    const word = (o: VerdictOutcome) => o.toLowerCase();
    const lines = [
      `${word(this.outcome).toUpperCase()}: ${this.source} -> ${this.destination} on ${this.describePort()}`,
      `  egress from ${this.source}: ${word(this.egressOutcome)}${chainOf(this.reasonList, TrafficDirection.EGRESS)}`,
      `  ingress to ${this.destination}: ${word(this.ingressOutcome)}${chainOf(this.reasonList, TrafficDirection.INGRESS)}`,
    ];
    const tiered = this.reasonList.some(isTierStep);
    for (const r of this.reasonList) {
      const where = r.policy === undefined ? '' : ` ${r.policy}${r.ruleIndex === undefined ? '' : `#${r.ruleIndex}`}`;
      const tier = r.tier === undefined || !tiered ? '' : `[${r.tier}] `;
      lines.push(`  - ${r.direction} ${tier}${r.code}${where}: ${r.message}`);
    }
    return lines.join('\n');
  }

  private describePort(): string {
    const name = this.portName === undefined ? '' : ` (${JSON.stringify(this.portName)})`;
    return `${this.protocol} ${this.port ?? '?'}${name}`;
  }
}

function outcomeOf(allowed: boolean): VerdictOutcome {
  return allowed ? VerdictOutcome.ALLOWED : VerdictOutcome.DENIED;
}

function combineOutcomes(a: VerdictOutcome, b: VerdictOutcome): VerdictOutcome {
  if (a === VerdictOutcome.DENIED || b === VerdictOutcome.DENIED) return VerdictOutcome.DENIED;
  if (a === VerdictOutcome.UNKNOWN || b === VerdictOutcome.UNKNOWN) return VerdictOutcome.UNKNOWN;
  return VerdictOutcome.ALLOWED;
}

/** ` (chain: [Admin] p rule 0 "x": Pass -> [NetworkPolicy] ns/np: allowed by ingress rule 0)`, or '' without tier steps. */
function chainOf(reasons: Reason[], direction: TrafficDirection): string {
  const steps = reasons.filter((r) => r.direction === direction && r.step !== undefined);
  if (!steps.some(isTierStep)) {
    return '';
  }
  const byStep = new Map<number, string[]>();
  for (const r of steps) {
    byStep.set(r.step!, [...(byStep.get(r.step!) ?? []), stepText(r)]);
  }
  const parts = [...byStep.keys()].sort((a, b) => a - b).map((k) => byStep.get(k)!.join('; '));
  return ` (${parts.join(' -> ')})`;
}

/** A step of a cluster-wide tier (then the explanation shows the chain and every reason's tier). */
function isTierStep(r: Reason): boolean {
  return r.tier === PolicyTier.ADMIN || r.tier === PolicyTier.BASELINE || r.code === ReasonCode.DEFAULT_ALLOWED;
}

function stepText(r: Reason): string {
  const rule = `${r.policy} rule ${r.ruleIndex}${r.ruleName === undefined ? '' : ` ${JSON.stringify(r.ruleName)}`}`;
  const word = r.direction === TrafficDirection.INGRESS ? 'ingress' : 'egress';
  switch (r.code) {
    case ReasonCode.TIER_ACCEPTED: return `[${r.tier}] ${rule}: Accept`;
    case ReasonCode.TIER_DENIED: return `[${r.tier}] ${rule}: Deny`;
    case ReasonCode.TIER_PASSED: return `[${r.tier}] ${rule}: Pass`;
    case ReasonCode.PEER_UNKNOWN: return `[${r.tier}] ${rule}: unknown`;
    case ReasonCode.ALLOWED_BY_RULE: return `[NetworkPolicy] ${r.policy}: allowed by ${word} rule ${r.ruleIndex}`;
    case ReasonCode.NO_RULE_MATCHES: return `[NetworkPolicy] ${r.policy}: no ${word} rule admits it`;
    case ReasonCode.NOT_ISOLATED: return `[NetworkPolicy] no policy selects it for ${word}`;
    default: return 'allowed by default';
  }
}

function compareReasons(a: Reason, b: Reason): number {
  return (a.step ?? -1) - (b.step ?? -1)
    || compareText(a.policy ?? '', b.policy ?? '')
    || (a.ruleIndex ?? -1) - (b.ruleIndex ?? -1)
    || compareText(a.direction, b.direction)
    || compareText(a.code, b.code)
    || compareText(a.message, b.message);
}

