import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterSubject } from './cluster-peer';
import { ClusterNetworkPolicyProps, ClusterNetworkPolicyRule, ClusterPolicyTier } from './cluster-policy-props';
import { checkClusterPolicyProps, checkClusterRule } from './cluster-rule-checks';
import { clusterStruct } from './cluster-struct-checks';
import { PolicyLint } from '../lint/policy-lint';
import { Port } from '../port';
import { ErrorCode, invalid } from '../private/errors';
import { defaultPolicyName } from '../private/policy-names';
import { checkConstructArgsWith } from '../struct-checks';

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
    PolicyLint._ensureDefault(this);
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
