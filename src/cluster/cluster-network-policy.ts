import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterPeer, ClusterSubject } from './cluster-peer';
import { checkClusterPolicyProps, checkClusterRule } from './cluster-rule-checks';
import { clusterStruct } from './cluster-struct-checks';
import { Port } from '../port';
import { ErrorCode, invalid } from '../private/errors';
import { defaultPolicyName } from '../private/policy-names';
import { checkConstructArgsWith } from '../struct-checks';

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

/**
 * A cluster-wide, tiered network policy (`policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy).
 * Cluster-scoped: it has no namespace, also in a chart that has one.
 *
 * Every rule of the CRD's schema and validations is checked when the policy is made or a rule is added.
 *
 * @example
 * new ClusterNetworkPolicy(chart, 'NoMetadata', {
 *   tier: ClusterPolicyTier.ADMIN,
 *   priority: 0,
 *   subject: ClusterSubject.namespaces(LabelSelector.all()),
 *   egress: [{ name: 'deny-metadata', action: ClusterRuleAction.DENY, peers: [ClusterPeer.networks(['169.254.169.254/32'])] }],
 * });
 */
export class ClusterNetworkPolicy extends ApiObject {
  /** The API version written. */
  public static readonly API_VERSION = 'policy.networking.k8s.io/v1alpha2';

  /** The tier. */
  public readonly tier: ClusterPolicyTier;
  /** The priority within the tier. */
  public readonly priority: number;
  /** The pods the policy applies to. */
  public readonly subject: ClusterSubject;

  private readonly where: string;
  private readonly ingressRules: ClusterNetworkPolicyRule[] = [];
  private readonly egressRules: ClusterNetworkPolicyRule[] = [];
  /** Set when the manifest was produced: a rule added later would not reach it. */
  private synthesized = false;

  /**
   * @param scope parent construct
   * @param id construct id; feeds the default name
   * @param props the policy
   */
  public constructor(scope: Construct, id: string, props: ClusterNetworkPolicyProps) {
    const where = checkConstructArgsWith('new ClusterNetworkPolicy()', scope, id, props, clusterStruct('ClusterNetworkPolicyProps'));
    const name = checkClusterPolicyProps(where, props, props.name ?? defaultPolicyName(scope, id));
    super(scope, id, { apiVersion: ClusterNetworkPolicy.API_VERSION, kind: 'ClusterNetworkPolicy', metadata: { name } });
    this.where = where;
    this.tier = props.tier;
    this.priority = props.priority;
    this.subject = props.subject;
    (props.ingress ?? []).forEach((rule) => this.addIngressRule(rule));
    (props.egress ?? []).forEach((rule) => this.addEgressRule(rule));
  }

  /** Adds an ingress rule after the existing ones. Refused once the policy was synthesized. */
  public addIngressRule(rule: ClusterNetworkPolicyRule): void {
    clusterStruct('ClusterNetworkPolicyRule')(this.where, 'rule', rule);
    this.refuseIfSynthesized('ingress');
    checkClusterRule(this.where, 'ingress', this.ingressRules.length, rule);
    this.ingressRules.push(rule);
  }

  /** Adds an egress rule after the existing ones. Refused once the policy was synthesized. */
  public addEgressRule(rule: ClusterNetworkPolicyRule): void {
    clusterStruct('ClusterNetworkPolicyRule')(this.where, 'rule', rule);
    this.refuseIfSynthesized('egress');
    checkClusterRule(this.where, 'egress', this.egressRules.length, rule);
    this.egressRules.push(rule);
  }

  private refuseIfSynthesized(direction: string): void {
    if (this.synthesized) {
      throw invalid(ErrorCode.ALREADY_SYNTHESIZED, this.where, `policy was already synthesized, so a new ${direction} rule would not reach its manifest`,
        direction, 'Add every rule before synthesizing the app');
    }
  }

  /** The manifest: no namespace (cluster-scoped), rules in the order given. */
  public toJson(): any {
    this.synthesized = true;
    const json = super.toJson();
    delete json.metadata.namespace;
    const spec: Record<string, any> = { priority: this.priority, subject: this.subject._toKube(), tier: this.tier };
    if (this.egressRules.length > 0) spec.egress = this.egressRules.map((r) => ruleJson(r, 'to'));
    if (this.ingressRules.length > 0) spec.ingress = this.ingressRules.map((r) => ruleJson(r, 'from'));
    return { ...json, spec: JSON.parse(JSON.stringify(spec)) }; // plain data: absent selector parts dropped
  }
}

function ruleJson(rule: ClusterNetworkPolicyRule, peersField: 'from' | 'to'): Record<string, any> {
  const json: Record<string, any> = { action: rule.action };
  json[peersField] = rule.peers.map((p) => p._toKube());
  if (rule.name !== undefined) json.name = rule.name;
  if (rule.ports !== undefined && rule.ports.length > 0) json.protocols = rule.ports.map(protocolJson);
  return sortKeys(json);
}

function protocolJson(port: Port): Record<string, any> {
  if (port.portName !== undefined) {
    return { destinationNamedPort: port.portName };
  }
  const end = port.endPort ?? port.portNumber!;
  const destinationPort = end === port.portNumber ? { number: port.portNumber } : { range: { end, start: port.portNumber } };
  return { [port.protocol.toLowerCase()]: { destinationPort } };
}

function sortKeys(json: Record<string, any>): Record<string, any> {
  const sorted: Record<string, any> = {};
  for (const key of Object.keys(json).sort()) sorted[key] = json[key];
  return sorted;
}
