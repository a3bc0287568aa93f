import { ApiObject, GroupVersionKind, JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { TrafficDirection } from './direction';
import { checkedRule, DescribedRule, describeRules } from './direction-rules';
import { PolicyLint } from './lint/policy-lint';
import { NetworkPolicyRule } from './policy-rule';
import { IsolatedDirection, PolicySpec, RuleSource, targetOf } from './policy-spec';
import { NETWORK_POLICY } from './private/brands';
import { ErrorCode, invalid } from './private/errors';
import { checkPolicyName, defaultPolicyName, PolicyNameRegistry } from './private/policy-names';
import { IPodSelector, LabelSelector } from './selectors/label-selector';
import { checkConstructArgs, checkJsonPatches, checkRuleArgument } from './struct-checks';

/** Properties of a `NetworkPolicy`. */
export interface NetworkPolicyProps {
  /**
   * `metadata.name`: a DNS-1123 subdomain of at most 63 characters.
   *
   * @default - derived from the construct path below the chart, in kebab-case (`AllowWeb` -> `allow-web`)
   */
  readonly name?: string;

  /**
   * The namespace of the policy and of the pods it selects.
   *
   * @default - the namespace of the selected workload, else the chart's namespace; when the chart has none
   * either, the manifest has no namespace and `kubectl apply` puts it into the current context's namespace
   */
  readonly namespace?: string;

  /**
   * The pods this policy applies to: a `LabelSelector` (`LabelSelector.all()` for every pod of the namespace),
   * or a `Workload` of pods, whose namespace is then the policy's unless `namespace` says otherwise.
   */
  readonly selector: IPodSelector;

  /**
   * Ingress rules. `[]` isolates the selected pods for ingress and allows nothing.
   *
   * @default - ingress is not isolated by this policy (unless `addIngressRule()` is called)
   */
  readonly ingress?: NetworkPolicyRule[];

  /**
   * Egress rules. `[]` isolates the selected pods for egress and allows nothing.
   *
   * @default - egress is not isolated by this policy (unless `addEgressRule()` is called)
   */
  readonly egress?: NetworkPolicyRule[];

  /**
   * What this policy is for; written to the `cdk8s-netpol.dev/description` annotation.
   *
   * @default - no description
   */
  readonly description?: string;
}

/** Prefix of the annotations this library writes. */
const ANNOTATION_PREFIX = 'cdk8s-netpol.dev';
/** The annotation that holds the policy's description. */
const DESCRIPTION_ANNOTATION = `${ANNOTATION_PREFIX}/description`;

/**
 * A `networking.k8s.io/v1` NetworkPolicy with canonical, deterministic output.
 *
 * `policyTypes` is always written explicitly; selectors, peers, ports and rules are sorted and deduplicated,
 * so the same program always synthesizes byte-identical YAML.
 *
 * The policy is itself the cdk8s `ApiObject` (kind NetworkPolicy): one construct per policy, whose construct
 * path is the path of the object in the manifest. `name` is `metadata.name`. Its spec is produced at synth,
 * so rules may be added until then; once the policy was synthesized, adding a rule is refused.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 * @example
 * new NetworkPolicy(chart, 'Api', {
 *   namespace: 'shop',
 *   selector: LabelSelector.of({ labels: { app: 'api' } }),
 *   ingress: [{ peers: [Peer.pods(LabelSelector.of({ labels: { app: 'web' } }))], ports: [Port.tcp(8080)] }],
 *   egress: [],
 * });
 */
export class NetworkPolicy extends ApiObject {
  /** The apiVersion and kind of a NetworkPolicy. */
  public static readonly GVK: GroupVersionKind = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' };

  /**
   * Whether `x` is a NetworkPolicy (or an intent, which is one), made by this or by any other installed copy of
   * this library. Use it rather than `instanceof`, which cdk8s answers for every `ApiObject` alike.
   *
   * @param x the value to test
   * @example
   * const isPolicy = NetworkPolicy.isNetworkPolicy(chart.node.tryFindChild('Api'));
   */
  public static isNetworkPolicy(x: any): x is NetworkPolicy {
    return NETWORK_POLICY.has(x);
  }

  /**
   * The namespace of the policy.
   *
   * @default - none: the namespace of the `kubectl` context
   */
  public readonly namespace?: string;

  /** The pods this policy applies to. */
  public readonly selector: LabelSelector;

  /** The spec, produced at synth. */
  private readonly spec: PolicySpec;
  /** Whether JSON patches were added, which only a rendering applies. */
  private patched = false;

  /**
   * @param scope parent construct
   * @param id construct id; feeds the default name
   * @param props the policy
   */
  public constructor(scope: Construct, id: string, props: NetworkPolicyProps) {
    const where = checkConstructArgs('new NetworkPolicy()', scope, id, props, 'NetworkPolicyProps');
    const target = targetOf(where, scope, props.selector, props.namespace);
    const name = checkPolicyName(where, props.name ?? defaultPolicyName(scope, id));
    const namespace = target.namespace;
    const annotations: Record<string, string> = {};
    if (props.description !== undefined && props.description !== '') {
      annotations[DESCRIPTION_ANNOTATION] = props.description;
    }
    const spec = new PolicySpec(where, target.selector, namespace);
    super(scope, id, { ...NetworkPolicy.GVK, metadata: { name, namespace, annotations }, spec: Lazy.any(spec) });
    this.spec = spec;
    this.selector = target.selector;
    this.namespace = namespace;
    if (props.ingress !== undefined) this.isolate(TrafficDirection.INGRESS, props.ingress);
    if (props.egress !== undefined) this.isolate(TrafficDirection.EGRESS, props.egress);
    if (spec.ingress === undefined && spec.egress === undefined) {
      // Checked at synth, since a rule added later isolates its direction. cdk8s validates every construct
      // once per chart, so only policies that may need the check carry it.
      this.node.addValidation({ validate: () => this.isolationProblems() });
    }
    PolicyNameRegistry.of(this).register(this);
    PolicyLint._ensureDefault(this);
  }

  /**
   * The manifest as synth writes it, for the lint at synth, without a second rendering: the same JSON as
   * `toJson()` (up to key order and absent fields); with JSON patches, the rendering itself.
   * @internal
   */
  public _manifestForLint(): unknown {
    if (this.patched) {
      return this.toJson();
    }
    return { ...NetworkPolicy.GVK, metadata: this.metadata.toJson(), spec: this.spec.produce() };
  }

  /**
   * The egress rules as synth would write them now (an empty list of peers or ports meaning all), or
   * undefined when egress is not isolated; for the lint at synth, which judges them without producing the
   * spec, and without making them final.
   * @internal
   */
  public _egressRulesForLint(): readonly DescribedRule[] | undefined {
    return this.spec.currentEgress();
  }

  /**
   * Applies RFC 6902 JSON patches to the synthesized manifest, as on any cdk8s `ApiObject`.
   *
   * @param ops the JSON-Patch operations
   */
  public addJsonPatch(...ops: JsonPatch[]): void {
    checkJsonPatches(this.node.path, ops);
    super.addJsonPatch(...ops);
    this.patched = true;
  }

  /**
   * Adds an ingress rule (and isolates the selected pods for ingress). Identical rules are merged.
   * Refused once the policy was synthesized.
   *
   * @param rule peers, ports and description
   */
  public addIngressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    this.addRule(TrafficDirection.INGRESS, rule);
  }

  /**
   * Adds an egress rule (and isolates the selected pods for egress). Identical rules are merged.
   * Refused once the policy was synthesized.
   *
   * @param rule peers, ports and description
   */
  public addEgressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    this.addRule(TrafficDirection.EGRESS, rule);
  }

  /** The directions this policy isolates, in the order Ingress, Egress. */
  public get policyTypes(): TrafficDirection[] {
    return this.spec.policyTypes();
  }

  /**
   * Adds rules that are only known at synth (isolating the direction now): `rules()` is read once, when the
   * spec is produced. Refused once the policy was synthesized.
   * @internal
   */
  public _addRuleSource(direction: TrafficDirection, rules: RuleSource): void {
    this.refuseIfFinal(direction, rules);
    const isolated = this.spec.isolate(direction);
    isolated.sources.push(rules);
    this.describeRules(direction, isolated);
  }

  /**
   * Whether the policy was synthesized, after which its rules are final.
   * @internal
   */
  public get _isFinal(): boolean {
    return this.spec.isFinal;
  }

  private isolate(direction: TrafficDirection, rules: NetworkPolicyRule[]): void {
    const name = direction === TrafficDirection.INGRESS ? 'ingress' : 'egress';
    if (!Array.isArray(rules)) {
      throw invalid(ErrorCode.WRONG_TYPE, this.node.path, `${name} must be a list of rules`, rules,
        `Pass a list; [] isolates ${name} and allows nothing`);
    }
    this.spec.isolate(direction);
    for (const rule of rules) {
      this.addRule(direction, rule);
    }
  }

  private addRule(direction: TrafficDirection, rule: NetworkPolicyRule): void {
    this.refuseIfFinal(direction, rule);
    const checked = checkedRule(this.node.path, direction === TrafficDirection.INGRESS ? 'ingress' : 'egress', rule, this.namespace);
    const isolated = this.spec.isolate(direction);
    isolated.added.add(checked);
    if (checked.descriptions.length > 0) this.describeRules(direction, isolated);
  }

  private refuseIfFinal(direction: TrafficDirection, rule: unknown): void {
    if (this.spec.isFinal) {
      const name = direction === TrafficDirection.INGRESS ? 'ingress' : 'egress';
      const got = Array.isArray((rule as NetworkPolicyRule)?.peers) ? (rule as NetworkPolicyRule).peers.map((peer) => String(peer)) : rule;
      throw invalid(ErrorCode.ALREADY_SYNTHESIZED, this.node.path, `policy was already synthesized, so a new ${name} rule would not reach its manifest`,
        got, 'Add every rule before synthesizing the app');
    }
  }

  /**
   * Registers (once) the annotation that lists this direction's rule descriptions; called when the direction
   * gets a described rule. Without one the annotation would render as nothing, so it is left out.
   */
  private describeRules(direction: TrafficDirection, isolated: IsolatedDirection): void {
    if (isolated.described) {
      return;
    }
    isolated.described = true;
    const key = `${ANNOTATION_PREFIX}/${direction.toLowerCase()}-rules`;
    const produce = direction === TrafficDirection.INGRESS
      ? () => describeRules(this.spec.rules().ingress!)
      : () => describeRules(this.spec.rules().egress!);
    this.metadata.addAnnotation(key, Lazy.any({ produce }) as unknown as string);
  }

  /** Fails synth when no direction was isolated, neither by props nor by a rule added later. */
  private isolationProblems(): string[] {
    if (this.spec.ingress !== undefined || this.spec.egress !== undefined) {
      return [];
    }
    return ['policy isolates no direction, and Kubernetes would read it as denying all ingress (got no ingress or egress). '
      + 'Pass ingress: [] / egress: [] or add a rule, or use DenyAllIngress to state the intent.'];
  }
}

NETWORK_POLICY.mark(NetworkPolicy);
