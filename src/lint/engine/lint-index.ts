/**
 * What several checks need about one lint run, computed once and shared (internal): the cluster with its
 * policy index, the workloads of each namespace indexed by label, the pods each policy selects, the rules
 * covered by other rules, and per pod whether its DNS egress is allowed. Each part is built on first use.
 */
import type { LintContext, PolicyDoc } from './context';
import { Cluster } from '../../analysis/internal/cluster';
import { LabelIndex } from '../../analysis/internal/label-index';
import { ClusterModel, NormalizedPolicy, NormalizedSelector, NormalizedWorkload } from '../../analysis/model';

const MATCH_ALL: NormalizedSelector = { matchLabels: {}, requirements: [], keys: [], matchesAll: true, canonical: '{}' };

export class LintIndex {
  private clusterValue?: Cluster;
  private workloadsByNamespace?: Map<string, LabelIndex<NormalizedWorkload>>;
  private readonly noWorkloads = new LabelIndex<NormalizedWorkload>([], (w) => w.labels);
  private readonly memos = new Map<string, unknown>();

  constructor(public readonly model: ClusterModel, public readonly docs: PolicyDoc[]) {}

  /** The analyzer's view of the model (policies indexed by namespace and selector). */
  public get cluster(): Cluster {
    if (this.clusterValue === undefined) {
      this.clusterValue = new Cluster(this.model);
    }
    return this.clusterValue;
  }

  /** The workloads of the policy's namespace that its podSelector matches, in manifest order. */
  public selectedWorkloads(policy: NormalizedPolicy): NormalizedWorkload[] {
    return this.workloadsIn(policy.namespace).select(policy.podSelector);
  }

  /** The workloads of a namespace that a selector matches (every workload there without one), in manifest order. */
  public workloadsMatching(namespace: string, selector: NormalizedSelector | undefined): NormalizedWorkload[] {
    const index = this.workloadsIn(namespace);
    return selector === undefined ? index.select(MATCH_ALL) : index.select(selector);
  }

  /** The namespaces that have workloads. */
  public workloadNamespaces(): string[] {
    return [...this.byNamespace().keys()];
  }

  /** Whether the policy's podSelector matches any workload of its namespace. */
  public selectsAnyWorkload(policy: NormalizedPolicy): boolean {
    return this.workloadsIn(policy.namespace).matchesAny(policy.podSelector);
  }

  /** A value computed once per run under `key` (e.g. the covered rules, a per-pod DNS verdict). */
  public memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) {
      this.memos.set(key, make());
    }
    return this.memos.get(key) as T;
  }

  private workloadsIn(namespace: string): LabelIndex<NormalizedWorkload> {
    return this.byNamespace().get(namespace) ?? this.noWorkloads;
  }

  private byNamespace(): Map<string, LabelIndex<NormalizedWorkload>> {
    if (this.workloadsByNamespace === undefined) {
      const lists = new Map<string, NormalizedWorkload[]>();
      for (const w of this.model.workloads) {
        const list = lists.get(w.namespace);
        if (list === undefined) lists.set(w.namespace, [w]);
        else list.push(w);
      }
      this.workloadsByNamespace = new Map([...lists].map(([ns, list]) => [ns, new LabelIndex(list, (w) => w.labels)]));
    }
    return this.workloadsByNamespace;
  }
}

/** The run's shared index (the engine builds one per run; a context made by hand gets its own). */
export function lintIndex(context: LintContext): LintIndex {
  return context.index ?? new LintIndex(context.model, context.docs);
}
