import { defineCheck } from '../engine/check';
import { lintIndex } from '../engine/lint-index';
import { Severity } from '../severity';

/** With workloads in the manifests, a policy selecting none of them is usually a label typo. */
export const selectsNoWorkload = defineCheck({
  code: 'selects-no-workload',
  description: 'A policy whose podSelector matches no workload of the manifests (checked only when they define workloads).',
  defaultSeverity: Severity.WARNING,
  messages: {
    noWorkload: {
      problem: 'matches no workload of namespace "{{namespace}}" in these manifests',
      fix: 'Check the labels against the pod templates, or lint together with the manifests that define those pods',
    },
  },
  check: (context) => {
    if (context.model.workloads.length === 0) {
      return [];
    }
    return context.docs
      .filter((doc) => !lintIndex(context).selectsAnyWorkload(doc.policy))
      .map((doc) => ({
        doc,
        field: 'spec.podSelector',
        messageId: 'noWorkload',
        data: { namespace: doc.policy.namespace },
        got: { matchLabels: doc.policy.podSelector.matchLabels, matchExpressions: doc.policy.podSelector.requirements },
      }));
  },
});
