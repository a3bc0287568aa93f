/**
 * Evaluation of one direction of a connection through the tiers (internal), as the ClusterNetworkPolicy API
 * defines it: the Admin tier by ascending priority and rules in order, where Accept and Deny end the
 * evaluation and Pass skips to the NetworkPolicy tier; then NetworkPolicy (if one selects the pod, it decides);
 * then the Baseline tier (Pass skips to the default); then allowed. A rule whose match cannot be known from
 * manifests (a `nodes` or `domainNames` peer against an address) makes the direction unknown unless both
 * answers lead to the same outcome.
 */
import { selectorMatches, Subject } from './match';
import { cidrContainsIp } from '../../private/cidr';
import { Protocol } from '../../protocol';
import { NormalizedTierPolicy, TierName, TierPeer, TierPort, TierRule } from '../tier-model';
import { PolicyTier, Reason, ReasonCode, TrafficDirection, VerdictOutcome } from '../verdict';

/** The connection being judged, with the port resolved to a number. */
export interface TierConnection {
  readonly source: Subject;
  readonly destination: Subject;
  readonly port: number;
  readonly protocol: Protocol;
}

/** The outcome of one direction and the chain of steps that led to it. */
export interface SideOutcome {
  readonly outcome: VerdictOutcome;
  readonly reasons: Reason[];
}

/** A match that may be unknowable from manifests. */
export type Match = 'yes' | 'no' | 'unknown';

interface Step {
  readonly policy: NormalizedTierPolicy;
  readonly rule: TierRule;
}

/** Whether a tier policy's subject selects the pod (host-networked pods are never selected; we see none). */
export function subjectSelects(policy: NormalizedTierPolicy, pod: Subject): boolean {
  return pod.isPod && selectorMatches(policy.subject.namespaceSelector, pod.namespaceLabels)
    && (policy.subject.podSelector === undefined || selectorMatches(policy.subject.podSelector, pod.labels));
}

/**
 * One direction for a pod: `policies` in evaluation order (Admin first), `networkPolicy` the NetworkPolicy
 * tier's answer for this direction, undefined when no NetworkPolicy selects the pod for it.
 */
export function judgeTiers(policies: NormalizedTierPolicy[], c: TierConnection, direction: TrafficDirection,
  networkPolicy: () => SideOutcome | undefined): SideOutcome {
  const egress = direction === TrafficDirection.EGRESS;
  const subject = egress ? c.source : c.destination;
  const selecting = policies.filter((p) => subjectSelects(p, subject));
  const stepsOf = (tier: TierName): Step[] => selecting.filter((p) => p.tier === tier)
    .flatMap((policy) => (egress ? policy.egress : policy.ingress).map((rule) => ({ policy, rule })));
  const walker = new Walker(c, direction, stepsOf('Admin'), stepsOf('Baseline'), networkPolicy);
  return walker.admin(0, 0);
}

class Walker {
  private readonly word: string;
  private npAnswer?: SideOutcome | null;

  constructor(private readonly c: TierConnection, private readonly direction: TrafficDirection,
    private readonly adminSteps: Step[], private readonly baselineSteps: Step[],
    private readonly networkPolicy: () => SideOutcome | undefined) {
    this.word = direction === TrafficDirection.EGRESS ? 'egress' : 'ingress';
  }

  public admin(i: number, depth: number): SideOutcome {
    return this.walk(this.adminSteps, i, depth, PolicyTier.ADMIN, (d) => this.networkPolicyTier(d));
  }

  private baseline(i: number, depth: number): SideOutcome {
    return this.walk(this.baselineSteps, i, depth, PolicyTier.BASELINE, (d) => this.byDefault(d));
  }

  /** The tier's rules from `i`; `next` is where a Pass (or running out of rules) goes. */
  private walk(steps: Step[], i: number, depth: number, tier: PolicyTier, next: (depth: number) => SideOutcome): SideOutcome {
    for (let k = i; k < steps.length; k++) {
      const match = this.matches(steps[k].rule);
      if (match === 'no') continue;
      const taken = this.act(steps[k], depth, tier, next);
      if (match === 'yes') return taken;
      const skipped = this.walk(steps, k + 1, depth, tier, next);
      return this.either(steps[k], depth, tier, taken, skipped);
    }
    return next(depth);
  }

  private act(step: Step, depth: number, tier: PolicyTier, next: (depth: number) => SideOutcome): SideOutcome {
    const action = step.rule.action;
    const code = action === 'Accept' ? ReasonCode.TIER_ACCEPTED : action === 'Deny' ? ReasonCode.TIER_DENIED : ReasonCode.TIER_PASSED;
    const effect = action === 'Accept' ? 'accepts' : action === 'Deny' ? 'denies' : 'passes to the next tier';
    const reason = this.reason(step, depth, tier, code, `${this.word} rule ${step.rule.index} ${effect} ${this.what()}`);
    if (action === 'Pass') {
      const rest = next(depth + 1);
      return { outcome: rest.outcome, reasons: [reason, ...rest.reasons] };
    }
    return { outcome: action === 'Accept' ? VerdictOutcome.ALLOWED : VerdictOutcome.DENIED, reasons: [reason] };
  }

  /** A rule that may or may not match: the same outcome either way, or unknown. */
  private either(step: Step, depth: number, tier: PolicyTier, taken: SideOutcome, skipped: SideOutcome): SideOutcome {
    if (taken.outcome === skipped.outcome) {
      return skipped;
    }
    const message = `${this.word} rule ${step.rule.index} (${step.rule.action}) has a nodes or domainNames peer that may be ${this.peerKey()}, `
      + `which manifests cannot show: ${taken.outcome.toLowerCase()} if it matches, ${skipped.outcome.toLowerCase()} if not`;
    return { outcome: VerdictOutcome.UNKNOWN, reasons: [this.reason(step, depth, tier, ReasonCode.PEER_UNKNOWN, message)] };
  }

  private networkPolicyTier(depth: number): SideOutcome {
    if (this.npAnswer === undefined) {
      this.npAnswer = this.networkPolicy() ?? null;
    }
    if (this.npAnswer !== null) {
      return { outcome: this.npAnswer.outcome, reasons: this.npAnswer.reasons.map((r) => ({ ...r, step: depth })) };
    }
    const message = `no NetworkPolicy selects ${this.subjectKey()} for ${this.word}, so the Baseline tier decides`;
    const reason: Reason = { code: ReasonCode.NOT_ISOLATED, direction: this.direction, tier: PolicyTier.NETWORK_POLICY, step: depth, message };
    const rest = this.baseline(0, depth + 1);
    return { outcome: rest.outcome, reasons: [reason, ...rest.reasons] };
  }

  private byDefault(depth: number): SideOutcome {
    const message = `no tier decides ${this.word} ${this.what()}, so it is allowed (the Kubernetes default)`;
    return { outcome: VerdictOutcome.ALLOWED, reasons: [{ code: ReasonCode.DEFAULT_ALLOWED, direction: this.direction, step: depth, message }] };
  }

  private reason(step: Step, depth: number, tier: PolicyTier, code: ReasonCode, message: string): Reason {
    return {
      code,
      direction: this.direction,
      tier,
      step: depth,
      policy: step.policy.id,
      ruleIndex: step.rule.index,
      ...(step.rule.name === undefined ? {} : { ruleName: step.rule.name }),
      message,
    };
  }

  private matches(rule: TierRule): Match {
    if (!tierRuleAdmitsPort(rule, this.c.protocol, this.c.port, this.c.destination)) {
      return 'no';
    }
    const peer = this.direction === TrafficDirection.EGRESS ? this.c.destination : this.c.source;
    let result: Match = 'no';
    for (const p of rule.peers) {
      const m = peerMatch(p, peer);
      if (m === 'yes') return 'yes';
      if (m === 'unknown') result = 'unknown';
    }
    return result;
  }

  private what(): string {
    return `${this.direction === TrafficDirection.EGRESS ? 'to' : 'from'} ${this.peerKey()} on ${this.c.protocol} ${this.c.port}`;
  }

  private peerKey(): string {
    return (this.direction === TrafficDirection.EGRESS ? this.c.destination : this.c.source).key;
  }

  private subjectKey(): string {
    return (this.direction === TrafficDirection.EGRESS ? this.c.source : this.c.destination).key;
  }
}

/** Whether a tier rule's protocols admit the port on the destination (no protocols: every port). */
export function tierRuleAdmitsPort(rule: TierRule, protocol: Protocol, port: number, destination: Subject): boolean {
  return rule.ports === undefined || rule.ports.some((entry) => tierPortMatches(entry, protocol, port, destination));
}

function tierPortMatches(entry: TierPort, protocol: Protocol, port: number, destination: Subject): boolean {
  if (entry.portName !== undefined) {
    return destination.isPod && destination.ports.some((cp) => cp.name === entry.portName
      && (cp.protocol ?? Protocol.TCP) === protocol && cp.port === port
      && (entry.protocol === undefined || entry.protocol === protocol));
  }
  if (entry.protocol !== protocol) return false;
  return entry.port === undefined || (port >= entry.port && port <= (entry.endPort ?? entry.port));
}

/**
 * One peer against the other end. Pod peers match pods (the namespace labels, AND the pod labels); `networks`
 * match any address, pod addresses included, and never a pod whose address the manifests do not give; `nodes`
 * and `domainNames` never match a pod (pods in manifests are not node addresses, and domain names name
 * destinations outside the cluster) and match an address only perhaps.
 */
export function peerMatch(peer: TierPeer, other: Subject): Match {
  if (peer.networks !== undefined) {
    const ip = other.ip;
    return ip !== undefined && peer.networks.some((n) => cidrContainsIp(n, ip)) ? 'yes' : 'no';
  }
  if (peer.nodes !== undefined || peer.domainNames !== undefined) {
    return other.isPod ? 'no' : 'unknown';
  }
  if (!other.isPod || !selectorMatches(peer.namespaceSelector!, other.namespaceLabels)) {
    return 'no';
  }
  return peer.podSelector === undefined || selectorMatches(peer.podSelector, other.labels) ? 'yes' : 'no';
}
