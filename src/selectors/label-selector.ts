import { k8s } from 'cdk8s-plus-28';
import { checkString, checkStringMap } from '../private/arguments';
import { LABEL_REQUIREMENT, LABEL_SELECTOR } from '../private/brands';
import { compareStrings, sortedUnique, undefinedIfEmpty, undefinedIfEmptyMap } from '../private/canonical';
import { ErrorCode, invalid } from '../private/errors';
import { labelKeyProblem, labelValueProblem } from '../private/k8s-names';
import { checkLabelSelectorOptions } from '../struct-checks';

/**
 * The operator of a label requirement (the wire string of `matchExpressions[].operator`).
 */
export enum LabelOperator {
  /** The label's value is one of the values. */
  IN = 'In',
  /** The label is absent, or its value is none of the values. */
  NOT_IN = 'NotIn',
  /** The label is present, whatever its value. */
  EXISTS = 'Exists',
  /** The label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/**
 * One `matchExpressions` entry of a label selector.
 *
 * @example LabelRequirement.isIn('tier', ['web', 'api'])
 */
export class LabelRequirement {
  /**
   * The label's value is one of `values`.
   *
   * @param key label key
   * @param values at least one label value
   *
   * @example LabelRequirement.isIn('tier', ['frontend', 'backend'])
   */
  public static isIn(key: string, values: string[]): LabelRequirement {
    return LabelRequirement.withValues('LabelRequirement.isIn()', key, LabelOperator.IN, values);
  }

  /**
   * The label is absent, or its value is none of `values`.
   *
   * @param key label key
   * @param values at least one label value
   *
   * @example LabelRequirement.isNotIn('track', ['canary'])
   */
  public static isNotIn(key: string, values: string[]): LabelRequirement {
    return LabelRequirement.withValues('LabelRequirement.isNotIn()', key, LabelOperator.NOT_IN, values);
  }

  /**
   * The label is present, with any value.
   *
   * @param key label key
   *
   * @example LabelRequirement.exists('team')
   */
  public static exists(key: string): LabelRequirement {
    return new LabelRequirement(checkKey('LabelRequirement.exists()', key), LabelOperator.EXISTS, []);
  }

  /**
   * The label is absent.
   *
   * @param key label key
   *
   * @example LabelRequirement.doesNotExist('legacy')
   */
  public static doesNotExist(key: string): LabelRequirement {
    return new LabelRequirement(checkKey('LabelRequirement.doesNotExist()', key), LabelOperator.DOES_NOT_EXIST, []);
  }

  private static withValues(where: string, key: string, operator: LabelOperator, values: string[]): LabelRequirement {
    checkKey(where, key);
    if (!Array.isArray(values) || values.length === 0) {
      throw invalid(ErrorCode.EMPTY_LIST, where, `${operator} needs at least one value`, values,
        `Give the values to match, or use LabelRequirement.${operator === LabelOperator.IN ? 'exists' : 'doesNotExist'}(${JSON.stringify(key)})`);
    }
    values.forEach((value) => checkValue(where, value));
    return new LabelRequirement(key, operator, sortedUnique(values));
  }

  private readonly _values: string[];

  private constructor(
    /** The label key. */
    public readonly key: string,
    /** The operator. */
    public readonly operator: LabelOperator,
    values: string[],
  ) {
    this._values = values;
  }

  /** The values (sorted, unique; empty for Exists and DoesNotExist). */
  public get values(): string[] {
    return [...this._values];
  }

  /** @internal */
  public _toKube(): k8s.LabelSelectorRequirement {
    return { key: this.key, operator: this.operator, values: undefinedIfEmpty([...this._values]) };
  }
}

/** Options for `LabelSelector.of()`. */
export interface LabelSelectorOptions {
  /**
   * Labels that must all be present with exactly these values (`matchLabels`).
   *
   * @default - no label equality requirements
   */
  readonly labels?: Record<string, string>;

  /**
   * Requirements that must all hold (`matchExpressions`).
   *
   * @default - no expressions
   */
  readonly expressions?: LabelRequirement[];
}

/**
 * Pods a policy can apply to: what `toPodSelection()` says they are.
 *
 * A `LabelSelector` selects pods in the policy's own namespace; a `Workload` also names the namespace its pods
 * live in, and its own name, which intents use in their default names.
 */
export interface IPodSelector {
  /** The pods: their label selector, and where known the namespace they live in and a name for them. */
  toPodSelection(): PodSelection;
}

/** The pods an `IPodSelector` stands for. */
export interface PodSelection {
  /** The labels of the pods. */
  readonly selector: LabelSelector;

  /**
   * The namespace the pods live in.
   *
   * @default - the namespace of the policy that selects them
   */
  readonly namespace?: string;

  /**
   * A name for the pods, used in default policy names (`web` gives `web-allow-external-ingress`).
   *
   * @default - the label values of the selector
   */
  readonly name?: string;
}

/**
 * A Kubernetes label selector: labels and expressions that must all match.
 *
 * An empty selector matches everything; it is only made by `LabelSelector.all()`, never by accident.
 *
 * @example LabelSelector.of({ labels: { app: 'web' }, expressions: [LabelRequirement.isIn('tier', ['a', 'b'])] })
 */
export class LabelSelector implements IPodSelector {
  /**
   * A selector with the given labels and expressions.
   *
   * @param options labels and expressions; at least one of them must be non-empty
   *
   * @example LabelSelector.of({ labels: { app: 'web' }, expressions: [LabelRequirement.exists('tier')] })
   */
  public static of(options: LabelSelectorOptions): LabelSelector {
    return LabelSelector.make('LabelSelector.of()', options);
  }

  /**
   * A selector with only equality labels.
   *
   * @param labels at least one label
   *
   * @example LabelSelector.matchLabels({ app: 'web' })
   */
  public static matchLabels(labels: Record<string, string>): LabelSelector {
    return LabelSelector.make('LabelSelector.matchLabels()', { labels: checkStringMap('LabelSelector.matchLabels()', 'labels', labels) });
  }

  /**
   * The empty selector: every pod (or every namespace, where namespaces are selected).
   *
   * @example LabelSelector.all()
   */
  public static all(): LabelSelector {
    return new LabelSelector({}, []);
  }

  private static make(where: string, options: LabelSelectorOptions): LabelSelector {
    checkLabelSelectorOptions(where, 'options', options);
    const labels = { ...(options.labels ?? {}) };
    const expressions = [...(options.expressions ?? [])];
    if (Object.keys(labels).length === 0 && expressions.length === 0) {
      throw invalid(ErrorCode.EMPTY_SELECTOR, where, 'selector has no labels and no expressions, which would match everything', options ?? {},
        'Give at least one label or expression, or use LabelSelector.all() if every pod is meant');
    }
    for (const [key, value] of Object.entries(labels)) {
      checkKey(where, key);
      checkValue(where, value, key);
    }
    return new LabelSelector(labels, expressions);
  }

  private readonly _labels: Record<string, string>;
  private readonly _expressions: LabelRequirement[];
  private _kube?: k8s.LabelSelector;

  private constructor(labels: Record<string, string>, expressions: LabelRequirement[]) {
    this._labels = labels;
    this._expressions = expressions;
  }

  /** The equality labels (a copy). */
  public get labels(): Record<string, string> {
    return { ...this._labels };
  }

  /** The expressions (a copy). */
  public get expressions(): LabelRequirement[] {
    return [...this._expressions];
  }

  /** The pods this selector matches, in the namespace of the policy that uses it. */
  public toPodSelection(): PodSelection {
    return { selector: this };
  }

  /** Whether this selector matches everything (no labels, no expressions). */
  public isEmpty(): boolean {
    return Object.keys(this._labels).length === 0 && this._expressions.length === 0;
  }

  /**
   * A new selector with one more equality label (this one is unchanged).
   *
   * @param key label key
   * @param value label value
   */
  public withLabel(key: string, value: string): LabelSelector {
    checkString('LabelSelector.withLabel()', 'key', key);
    checkString('LabelSelector.withLabel()', 'value', value);
    return LabelSelector.make('LabelSelector.withLabel()', { labels: { ...this._labels, [key]: value }, expressions: this._expressions });
  }

  /** Readable form, e.g. `app=web,tier in (a,b)`, or `<all>`. */
  public toString(): string {
    if (this.isEmpty()) {
      return '<all>';
    }
    const kube = this._toKube();
    const labels = Object.entries(kube.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
    const expressions = (kube.matchExpressions ?? []).map((e) => describeExpression(e));
    return [...labels, ...expressions].join(',');
  }

  /**
   * The canonical Kubernetes form; computed once, since a selector never changes. The object is shared by every
   * peer and policy that uses this selector: callers must not mutate it.
   * @internal
   */
  public _toKube(): k8s.LabelSelector {
    if (this._kube === undefined) {
      this._kube = this.render();
    }
    return this._kube;
  }

  private render(): k8s.LabelSelector {
    const keys = Object.keys(this._labels);
    const matchLabels: Record<string, string> = {};
    for (const key of keys.length > 1 ? keys.sort(compareStrings) : keys) {
      matchLabels[key] = this._labels[key];
    }
    if (this._expressions.length === 0) {
      return { matchLabels: undefinedIfEmptyMap(matchLabels), matchExpressions: undefined };
    }
    const byKey = new Map<string, k8s.LabelSelectorRequirement>();
    for (const expression of this._expressions) {
      const kube = expression._toKube();
      byKey.set(`${kube.key}\u0000${kube.operator}\u0000${(kube.values ?? []).join('\u0000')}`, kube);
    }
    const matchExpressions = [...byKey.keys()].sort(compareStrings).map((k) => byKey.get(k)!);
    return { matchLabels: undefinedIfEmptyMap(matchLabels), matchExpressions: undefinedIfEmpty(matchExpressions) };
  }
}

LABEL_REQUIREMENT.mark(LabelRequirement);
LABEL_SELECTOR.mark(LabelSelector);

function describeExpression(e: k8s.LabelSelectorRequirement): string {
  switch (e.operator) {
    case LabelOperator.EXISTS: return e.key;
    case LabelOperator.DOES_NOT_EXIST: return `!${e.key}`;
    case LabelOperator.IN: return `${e.key} in (${(e.values ?? []).join(',')})`;
    default: return `${e.key} notin (${(e.values ?? []).join(',')})`;
  }
}

function checkKey(where: string, key: string): string {
  const problem = labelKeyProblem(key);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_LABEL_KEY, where, problem.problem, key, problem.fix);
  }
  return key;
}

function checkValue(where: string, value: string, key?: string): void {
  const problem = labelValueProblem(value);
  if (problem !== undefined) {
    const what = key === undefined ? problem.problem : `${problem.problem} for key ${JSON.stringify(key)}`;
    throw invalid(ErrorCode.INVALID_LABEL_VALUE, where, what, value, problem.fix);
  }
}
