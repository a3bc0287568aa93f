import { LintCheck } from '../check';
import { lintIndex } from '../lint-index';
import { Severity } from '../severity';

/** With workloads in the manifests, a policy selecting none of them is usually a label typo. */
export const selectsNoWorkload: LintCheck = {
  code: 'selects-no-workload',
  description: 'A policy whose podSelector matches no workload of the manifests (checked only when they define workloads).',
  defaultSeverity: Severity.WARNING,
  check: (context) => {
    if (context.model.workloads.length === 0) {
      return [];
    }
    const index = lintIndex(context);
    return context.docs
      .filter((doc) => !index.selectsAnyWorkload(doc.policy))
      .map((doc) => ({
        doc,
        field: 'spec.podSelector',
        problem: `matches no workload of namespace "${doc.policy.namespace}" in these manifests`,
        got: { matchLabels: doc.policy.podSelector.matchLabels, matchExpressions: doc.policy.podSelector.requirements },
        fix: 'Check the labels against the pod templates, or lint together with the manifests that define those pods',
      }));
  },
};
