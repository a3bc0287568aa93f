import { selectorMatches } from '../../analysis/match';
import { defineCheck } from '../check';
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
    const workloads = context.model.workloads;
    if (workloads.length === 0) {
      return [];
    }
    return context.docs
      .filter((doc) => !workloads.some((w) => w.namespace === doc.policy.namespace && selectorMatches(doc.policy.podSelector, w.labels)))
      .map((doc) => ({
        doc,
        field: 'spec.podSelector',
        messageId: 'noWorkload',
        data: { namespace: doc.policy.namespace },
        got: { matchLabels: doc.policy.podSelector.matchLabels, matchExpressions: doc.policy.podSelector.requirements },
      }));
  },
});
