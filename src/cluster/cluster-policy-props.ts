/**
 * The shape of a ClusterNetworkPolicy: its tier, its rules' actions, its props and rules (checked by
 * cluster-rule-checks.ts, rendered by cluster-network-policy.ts).
 */
import { ClusterPeer, ClusterSubject } from './cluster-peer';
import { Port } from '../port';

/**
 * The tier of a ClusterNetworkPolicy: Admin before NetworkPolicy, Baseline after.
 */
export enum ClusterPolicyTier {
  /** Evaluated before every NetworkPolicy: what it accepts or denies, no namespace can change. */
  ADMIN = 'Admin',
  /** Evaluated only where no NetworkPolicy selects the pod: a default that namespaces can override. */
  BASELINE = 'Baseline',
}

/**
 * What a ClusterNetworkPolicy rule does with the traffic it matches.
 */
export enum ClusterRuleAction {
  /** Allow it; no later rule or tier of this direction applies. */
  ACCEPT = 'Accept',
  /** Drop it; no later rule or tier applies. */
  DENY = 'Deny',
  /** Skip the rest of this tier: the next tier (NetworkPolicy after Admin, the default after Baseline) decides. */
  PASS = 'Pass',
}

/**
 * One rule of a ClusterNetworkPolicy. Rules are evaluated in order; the first that matches decides.
 */
export interface ClusterNetworkPolicyRule {
  /**
   * What to do with matching traffic.
   */
  readonly action: ClusterRuleAction;

  /**
   * The other side: 1 to 25 peers. Ingress takes namespaces and pods; egress also networks, nodes and
   * domain names (domain names only with Accept).
   */
  readonly peers: ClusterPeer[];

  /**
   * Ports the rule is about (1 to 25): numbers and ranges of TCP, UDP or SCTP, or named ports (whose
   * protocol comes from the container port). Never a whole protocol (`Port.allTcp()`): the API has no form for it.
   *
   * @default - every port and protocol
   */
  readonly ports?: Port[];

  /**
   * A name for the rule, at most 100 characters, shown by the CNI and by the analyzer's explanations.
   *
   * @default - no name
   */
  readonly name?: string;
}

/** Properties of a `ClusterNetworkPolicy`. */
export interface ClusterNetworkPolicyProps {
  /**
   * `metadata.name`: a DNS-1123 subdomain of at most 63 characters.
   *
   * @default - derived from the construct path below the chart, in kebab-case
   */
  readonly name?: string;

  /** The tier. */
  readonly tier: ClusterPolicyTier;

  /**
   * 0 to 1000: lower is evaluated first within the tier. Two policies of one tier with the same priority
   * that match the same traffic are ambiguous in the API; give them distinct priorities.
   */
  readonly priority: number;

  /** The pods the policy applies to. */
  readonly subject: ClusterSubject;

  /**
   * Ingress rules, in order (at most 25).
   *
   * @default - none: the policy does not affect ingress (unless `addIngressRule()` is called)
   */
  readonly ingress?: ClusterNetworkPolicyRule[];

  /**
   * Egress rules, in order (at most 25).
   *
   * @default - none: the policy does not affect egress (unless `addEgressRule()` is called)
   */
  readonly egress?: ClusterNetworkPolicyRule[];
}
