/**
 * The pods a policy selects, for checks that judge traffic (internal): the workloads of the manifests when
 * they define any, else one representative pod built from the policy's own podSelector.
 */
import { LintContext } from './context';
import { Cluster } from '../analysis/cluster';
import { selectorMatches, Subject } from '../analysis/match';
import { NormalizedPolicy, NormalizedSelector } from '../analysis/model';

/** Label value used for `Exists` requirements of a representative pod. */
const ANY_VALUE = 'any';

/** The pods of the policy's namespace it selects (workloads, or one representative pod). */
export function selectedSubjects(context: LintContext, cluster: Cluster, policy: NormalizedPolicy): Subject[] {
  const namespaceLabels = cluster.namespaceLabels(policy.namespace);
  if (context.model.workloads.length === 0) {
    const labels = representativeLabels(policy.podSelector);
    return [{ key: `${policy.namespace}/<pod ${JSON.stringify(labels)}>`, isPod: true, namespace: policy.namespace, labels, namespaceLabels, ports: [] }];
  }
  return context.model.workloads
    .filter((w) => w.namespace === policy.namespace && selectorMatches(policy.podSelector, w.labels))
    .map((w) => ({ key: `${w.namespace}/${w.name}`, isPod: true, namespace: w.namespace, labels: w.labels, namespaceLabels, ports: w.ports }));
}

/** Labels of a pod the selector matches: its matchLabels, the first `In` value, a value for `Exists`. */
export function representativeLabels(selector: NormalizedSelector): Record<string, string> {
  const labels: Record<string, string> = { ...selector.matchLabels };
  for (const req of selector.requirements) {
    if (req.operator === 'In' && labels[req.key] === undefined) {
      labels[req.key] = req.values[0];
    } else if (req.operator === 'Exists' && labels[req.key] === undefined) {
      labels[req.key] = ANY_VALUE;
    }
  }
  return labels;
}
