import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/**
 * An object that enforces network policy (Cilium, Calico, MultiNetworkPolicy) that
 * the analyzer leaves out: every verdict about the pods it selects may be wrong.
 */
export const unanalyzedPolicyKind = defineCheck({
  code: 'unanalyzed-policy-kind',
  description: 'A policy of a kind the analyzer does not evaluate (Cilium, Calico, MultiNetworkPolicy, ...): verdicts leave it out.',
  defaultSeverity: Severity.WARNING,
  messages: {
    notAnalyzed: {
      problem: 'is a {{kind}} ({{apiVersion}}), which changes connectivity but is not analyzed, '
        + 'so explain, matrix, diff and graph answer as if it did not exist',
      fix: 'Review its effect separately, or express the rule as a networking.k8s.io/v1 NetworkPolicy',
    },
  },
  check: (context) => context.inputs.unanalyzed.map((o) => ({
    source: o.source,
    where: `${o.source.document} ${o.object}`,
    messageId: 'notAnalyzed',
    data: { kind: o.kind, apiVersion: o.apiVersion === '' ? 'no apiVersion' : o.apiVersion },
    got: o.kind,
  })),
});
