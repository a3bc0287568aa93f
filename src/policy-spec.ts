/**
 * The spec of a policy (internal; not exported from the package): what a NetworkPolicy produces at synth from
 * its selector and the rules of its isolated directions, and the pods and namespace a policy's props select.
 */
import { Chart, IAnyProducer } from 'cdk8s';
import { Construct } from 'constructs';
import { TrafficDirection } from './direction';
import { checkedRule, DescribedRule, DirectionRules } from './direction-rules';
import { NetworkPolicyRule } from './policy-rule';
import { LABEL_SELECTOR } from './private/brands';
import { undefinedIfEmpty } from './private/canonical';
import { ErrorCode, invalid } from './private/errors';
import { checkNamespaceName } from './private/k8s-names';
import { WireSpec } from './private/wire';
import { IPodSelector, LabelSelector, PodSelection } from './selectors/label-selector';
import { checkPodLabels } from './selectors/pod-labels';
import { podsOf } from './struct-checks';

/** Rules that are only known at synth (the aggregated grants of a workload), read when the spec is produced. */
export type RuleSource = () => NetworkPolicyRule[];

/** One isolated direction of a policy: the rules added to it, and the sources read at synth. */
export class IsolatedDirection {
  public readonly added = new DirectionRules();
  public readonly sources: RuleSource[] = [];
  /** Whether a rule of this direction has (or may have) a description. */
  public described = false;
}

/**
 * What a NetworkPolicy renders, produced at synth (`Lazy.any(spec)`): the selector, the isolated directions and
 * their rules as they are by then. Once produced, the rules are final: `add()` refuses, so that what was
 * written is what the construct holds.
 */
export class PolicySpec implements IAnyProducer {
  public ingress?: IsolatedDirection;
  public egress?: IsolatedDirection;
  /** The rules of each direction as rendered; set when the spec is first produced. */
  private final?: { ingress?: DescribedRule[]; egress?: DescribedRule[] };

  /**
   * @param where the construct path of the policy
   * @param selector the pods the policy applies to
   * @param namespace the namespace of the policy, from which workloads named in rules are seen
   */
  public constructor(private readonly where: string, private readonly selector: LabelSelector, private readonly namespace: string | undefined) {}

  /** Whether the spec was produced (the policy was synthesized), after which rules are refused. */
  public get isFinal(): boolean {
    return this.final !== undefined;
  }

  /** The direction, isolating it if it was not yet. */
  public isolate(direction: TrafficDirection): IsolatedDirection {
    if (direction === TrafficDirection.INGRESS) {
      return this.ingress ??= new IsolatedDirection();
    }
    return this.egress ??= new IsolatedDirection();
  }

  /** The directions isolated, in the order Ingress, Egress. */
  public policyTypes(): TrafficDirection[] {
    if (this.ingress !== undefined) {
      return this.egress === undefined ? [TrafficDirection.INGRESS] : [TrafficDirection.INGRESS, TrafficDirection.EGRESS];
    }
    return this.egress === undefined ? [] : [TrafficDirection.EGRESS];
  }

  /** The spec, from the rules known now; the rules are final from here on. */
  public produce(): WireSpec {
    const final = this.rules();
    return {
      podSelector: this.selector._toKube(),
      policyTypes: this.policyTypes(),
      ingress: final.ingress?.map(({ rule }) => ({ from: undefinedIfEmpty(rule.peers), ports: undefinedIfEmpty(rule.ports) })),
      egress: final.egress?.map(({ rule }) => ({ to: undefinedIfEmpty(rule.peers), ports: undefinedIfEmpty(rule.ports) })),
    };
  }

  /** The rules of each direction, final once read. */
  public rules(): { ingress?: DescribedRule[]; egress?: DescribedRule[] } {
    if (this.final === undefined) {
      this.final = { ingress: this.finalRules('ingress', this.ingress), egress: this.finalRules('egress', this.egress) };
    }
    return this.final;
  }

  /**
   * The egress rules as they are now, in any order, without making them final (a chart synthesized alone
   * leaves the policies of the other charts open, though the lint reads the whole app).
   */
  public currentEgress(): readonly DescribedRule[] | undefined {
    if (this.final !== undefined || this.egress === undefined) {
      return this.final?.egress;
    }
    return this.egress.sources.length === 0 ? this.egress.added.unsorted : this.finalRules('egress', this.egress);
  }

  private finalRules(name: 'ingress' | 'egress', direction: IsolatedDirection | undefined): DescribedRule[] | undefined {
    if (direction === undefined) {
      return undefined;
    }
    if (direction.sources.length === 0) {
      return direction.added.list();
    }
    const all = direction.added.copy();
    for (const source of direction.sources) {
      for (const rule of source()) {
        all.add(checkedRule(this.where, name, rule, this.namespace));
      }
    }
    return all.list();
  }
}

/**
 * The pods and the namespace of a policy whose props name `selector` and `namespace`: a workload's pods live
 * in its namespace, which is the policy's unless another is given (then refused, since a policy only selects
 * pods of its own namespace).
 */
export function targetOf(where: string, scope: Construct, selector: IPodSelector, namespace: string | undefined): PodSelection {
  const selection = LABEL_SELECTOR.has(selector) ? { selector: selector as LabelSelector } : podsOf<PodSelection>(where, 'selector', selector);
  if (namespace !== undefined && selection.namespace !== undefined && namespace !== selection.namespace) {
    throw invalid(ErrorCode.TARGET_IN_OTHER_NAMESPACE, where, `the selected pods live in namespace ${JSON.stringify(selection.namespace)}, `
      + `but a policy only selects pods of its own namespace ${JSON.stringify(namespace)}`, namespace,
    `Leave namespace out (the policy goes to ${JSON.stringify(selection.namespace)}), or select pods of ${JSON.stringify(namespace)}`);
  }
  checkPodLabels(where, 'selector', selection.selector);
  const chosen = namespace ?? selection.namespace ?? Chart.of(scope).namespace;
  if (chosen !== undefined) {
    checkNamespaceName(where, chosen);
  }
  return { selector: selection.selector, namespace: chosen, name: selection.name };
}
