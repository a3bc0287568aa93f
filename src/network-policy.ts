import { Chart, JsonPatch, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Peer } from './peer';
import { checkedRule, DirectionRules } from './policy-rule';
import { Port } from './port';
import { undefinedIfEmpty } from './private/canonical';
import { childPath } from './private/construct-path';
import { ErrorCode, invalid } from './private/errors';
import { checkNamespaceName } from './private/k8s-names';
import { objectMetaJson, rendersDirectly, sortedPlain, SpecToken } from './private/kube-json';
import { checkPolicyName, defaultPolicyName, PolicyNameRegistry } from './private/policy-names';
import { LabelSelector } from './selectors/label-selector';
import { checkConstructArgs, checkJsonPatches, checkRuleArgument } from './struct-checks';

/**
 * A direction of traffic a NetworkPolicy governs (the wire string of `policyTypes[]`).
 */
export enum PolicyType {
  /** Traffic into the selected pods. */
  INGRESS = 'Ingress',
  /** Traffic out of the selected pods. */
  EGRESS = 'Egress',
}

/**
 * One rule: traffic to or from these peers on these ports is allowed.
 */
export interface NetworkPolicyRule {
  /**
   * The other side of the traffic. At least one; use `Peer.any()` for every peer.
   */
  readonly peers: Peer[];

  /**
   * Ports the traffic may use (on the selected pods for ingress, on the destination for egress).
   *
   * @default - every port and protocol
   */
  readonly ports?: Port[];

  /**
   * Why this rule exists; written to an annotation so reviewers can read it next to the YAML.
   *
   * @default - no description
   */
  readonly description?: string;
}

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
   * @default - the chart's namespace; when the chart has none either, the manifest has no namespace and
   * `kubectl apply` puts it into the current context's namespace
   */
  readonly namespace?: string;

  /** The pods this policy applies to; `LabelSelector.all()` for every pod of the namespace. */
  readonly selector: LabelSelector;

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
 * The policy is itself the cdk8s `ApiObject` (a `KubeNetworkPolicy`): one construct per policy, whose
 * construct path is the path of the object in the manifest. `name` is `metadata.name`.
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
export class NetworkPolicy extends k8s.KubeNetworkPolicy {
  /**
   * `instanceof` by the prototype chain; cdk8s makes it true for every ApiObject on any ApiObject class.
   * @param x the value to test
   * @internal
   */
  public static [Symbol.hasInstance](x: unknown): x is NetworkPolicy {
    return typeof x === 'object' && x !== null && Object.prototype.isPrototypeOf.call(this.prototype, x);
  }

  /**
   * The namespace of the policy.
   *
   * @default - none: the namespace of the `kubectl` context
   */
  public readonly namespace?: string;

  /** The pods this policy applies to. */
  public readonly selector: LabelSelector;

  /**
   * The rules of each isolated direction (absent: the direction is not isolated). Plain fields rather than a
   * map of maps: thousands of policies are made per synth, and each allocation counts.
   */
  private ingressRules?: DirectionRules;
  private egressRules?: DirectionRules;
  /** Whether the direction's rule-descriptions annotation is registered (only once a rule has a description). */
  private ingressDescribed = false;
  private egressDescribed = false;
  /** Whether a JSON patch was added, which only cdk8s's generic rendering applies. */
  private patched = false;

  /**
   * @param scope parent construct
   * @param id construct id; feeds the default name
   * @param props the policy
   */
  public constructor(scope: Construct, id: string, props: NetworkPolicyProps) {
    checkConstructArgs('new NetworkPolicy()', scope, id, props, 'NetworkPolicyProps');
    const where = childPath(scope, id);
    if (props === undefined || !(props.selector instanceof LabelSelector)) {
      throw invalid(ErrorCode.WRONG_TYPE, where, 'selector is required and must be a LabelSelector', props?.selector,
        'Pass selector: LabelSelector.of({ labels: {...} }), or LabelSelector.all() for every pod of the namespace');
    }
    const name = checkPolicyName(where, props.name ?? defaultPolicyName(scope, id));
    const namespace = props.namespace === undefined ? Chart.of(scope).namespace : props.namespace;
    if (namespace !== undefined) {
      checkNamespaceName(where, namespace);
    }
    const annotations: Record<string, string> = {};
    if (props.description !== undefined && props.description !== '') {
      annotations[DESCRIPTION_ANNOTATION] = props.description;
    }
    const spec = new SpecToken();
    super(scope, id, { metadata: { name, namespace, annotations }, spec: spec as unknown as k8s.NetworkPolicySpec });
    spec.source = this;
    this.selector = props.selector;
    this.namespace = namespace;
    if (props.ingress !== undefined) this.isolate(PolicyType.INGRESS, props.ingress);
    if (props.egress !== undefined) this.isolate(PolicyType.EGRESS, props.egress);
    if (this.ingressRules === undefined && this.egressRules === undefined) {
      // Checked at synth, since a rule added later isolates its direction. cdk8s validates every construct
      // once per chart, so only policies that may need the check carry it.
      this.node.addValidation({ validate: () => this.isolationProblems() });
    }
    PolicyNameRegistry.of(this).register(this);
  }

  /**
   * Renders the manifest: the same object, key for key and in the same order, as cdk8s's generic rendering of
   * an `ApiObject`. The spec, built here from plain data, is copied once with its keys sorted instead of being
   * resolved, sanitized and converted value by value. The generic rendering still runs when a JSON patch was
   * added, the app has custom resolvers, or `CDK8S_DISABLE_SORT` is set.
   */
  public toJson(): any {
    if (!rendersDirectly(this, this.patched)) {
      return super.toJson();
    }
    try {
      return {
        ...k8s.KubeNetworkPolicy.GVK,
        metadata: objectMetaJson(this.metadata.toJson()),
        spec: sortedPlain(this._renderSpec()),
      };
    } catch (e) {
      throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`);
    }
  }

  /**
   * Applies RFC 6902 JSON patches to the synthesized manifest, as on any cdk8s `ApiObject`.
   *
   * @param ops the JSON-Patch operations
   */
  public addJsonPatch(...ops: JsonPatch[]): void {
    checkJsonPatches(this.node.path, ops);
    this.patched = true;
    super.addJsonPatch(...ops);
  }

  /**
   * Adds an ingress rule (and isolates the selected pods for ingress). Identical rules are merged.
   *
   * @param rule peers, ports and description
   */
  public addIngressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    this.addRule(PolicyType.INGRESS, rule);
  }

  /**
   * Adds an egress rule (and isolates the selected pods for egress). Identical rules are merged.
   *
   * @param rule peers, ports and description
   */
  public addEgressRule(rule: NetworkPolicyRule): void {
    checkRuleArgument(this.node.path, rule);
    this.addRule(PolicyType.EGRESS, rule);
  }

  /** The directions this policy isolates, in the order Ingress, Egress. */
  public get policyTypes(): PolicyType[] {
    const types: PolicyType[] = [];
    if (this.ingressRules !== undefined) types.push(PolicyType.INGRESS);
    if (this.egressRules !== undefined) types.push(PolicyType.EGRESS);
    return types;
  }

  private isolate(type: PolicyType, rules: NetworkPolicyRule[]): void {
    if (!Array.isArray(rules)) {
      throw invalid(ErrorCode.WRONG_TYPE, this.node.path, `${type.toLowerCase()} must be a list of rules`, rules,
        `Pass a list; [] isolates ${type.toLowerCase()} and allows nothing`);
    }
    this.rulesOf(type);
    for (let i = 0; i < rules.length; i++) {
      this.addRule(type, rules[i]);
    }
  }

  private addRule(type: PolicyType, rule: NetworkPolicyRule): void {
    const stored = this.rulesOf(type).add(checkedRule(this.node.path, type === PolicyType.INGRESS ? 'ingress' : 'egress', rule));
    if (stored.descriptions.length > 0) this.describeRules(type);
  }

  /** The rules of a direction, isolating it if it was not yet. */
  private rulesOf(type: PolicyType): DirectionRules {
    if (type === PolicyType.INGRESS) {
      return this.ingressRules ??= new DirectionRules();
    }
    return this.egressRules ??= new DirectionRules();
  }

  /**
   * Registers (once) the annotation that lists this direction's rule descriptions; called when the direction
   * gets a described rule. Without one the annotation would render as nothing, so it is left out.
   */
  private describeRules(type: PolicyType): void {
    if (type === PolicyType.INGRESS ? this.ingressDescribed : this.egressDescribed) {
      return;
    }
    if (type === PolicyType.INGRESS) this.ingressDescribed = true;
    else this.egressDescribed = true;
    const key = `${ANNOTATION_PREFIX}/${type.toLowerCase()}-rules`;
    const rules = this.rulesOf(type);
    this.metadata.addAnnotation(key, Lazy.any({ produce: () => rules.descriptions() }) as unknown as string);
  }

  /**
   * The spec, from the rules known now.
   * @internal
   */
  public _renderSpec(): k8s.NetworkPolicySpec {
    const ingress = this.ingressRules === undefined ? undefined
      : this.ingressRules.list().map((r) => ({ from: undefinedIfEmpty(r.form.peers), ports: undefinedIfEmpty(r.form.ports) }));
    const egress = this.egressRules === undefined ? undefined
      : this.egressRules.list().map((r) => ({ to: undefinedIfEmpty(r.form.peers), ports: undefinedIfEmpty(r.form.ports) }));
    return { podSelector: this.selector._toKube(), policyTypes: this.policyTypes, ingress, egress };
  }

  /** Fails synth when no direction was isolated, neither by props nor by a rule added later. */
  private isolationProblems(): string[] {
    if (this.ingressRules !== undefined || this.egressRules !== undefined) {
      return [];
    }
    return ['policy isolates no direction, and Kubernetes would read it as denying all ingress (got no ingress or egress). '
      + 'Pass ingress: [] / egress: [] or add a rule, or use DenyAllIngress to state the intent.'];
  }
}
