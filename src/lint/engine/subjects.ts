/**
 * The pods a policy selects, for checks that judge traffic (internal): the workloads of the manifests when
 * they define any, else one representative pod built from the policy's own podSelector.
 */
import { LintContext } from './context';
import { lintIndex } from './lint-index';
import { Subject } from '../../analysis/internal/match';
import { NormalizedPolicy, NormalizedSelector, NormalizedWorkload } from '../../analysis/model';

/** Label value used for `Exists` requirements of a representative pod. */
const ANY_VALUE = 'any';

/**
 * The pods of the policy's namespace it selects (workloads, or one representative pod). A workload is the
 * same subject object on every call of one run, so checks can remember what they found about it.
 */
export function selectedSubjects(context: LintContext, policy: NormalizedPolicy): Subject[] {
  const index = lintIndex(context);
  if (context.model.workloads.length === 0) {
    const labels = representativeLabels(policy.podSelector);
    const namespaceLabels = index.cluster.namespaceLabels(policy.namespace);
    return [{ key: `${policy.namespace}/<pod ${JSON.stringify(labels)}>`, isPod: true, namespace: policy.namespace, labels, namespaceLabels, ports: [] }];
  }
  const subjects = index.memo('workload-subjects', () => new Map<NormalizedWorkload, Subject>());
  return index.selectedWorkloads(policy).map((w) => {
    let subject = subjects.get(w);
    if (subject === undefined) {
      const namespaceLabels = index.cluster.namespaceLabels(w.namespace);
      subject = { key: `${w.namespace}/${w.name}`, isPod: true, namespace: w.namespace, labels: w.labels, namespaceLabels, ports: w.ports };
      subjects.set(w, subject);
    }
    return subject;
  });
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
