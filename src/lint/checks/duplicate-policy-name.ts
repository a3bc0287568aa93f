import { LintCheck } from '../check';
import { Severity } from '../severity';

/** Two documents with the same namespace/name: the later one silently replaces the earlier one on apply. */
export const duplicatePolicyName: LintCheck = {
  code: 'duplicate-policy-name',
  description: 'Two policies with the same name in one namespace: the later replaces the earlier when applied.',
  defaultSeverity: Severity.ERROR,
  check: (context) => {
    const first = new Map<string, string>();
    return context.docs.flatMap((doc) => {
      const earlier = first.get(doc.policy.id);
      if (earlier === undefined) {
        first.set(doc.policy.id, doc.source.document);
        return [];
      }
      return [{
        doc,
        field: 'metadata.name',
        problem: `is already used in namespace "${doc.policy.namespace}" by ${earlier}, which this document replaces when applied`,
        got: doc.policy.name,
        fix: 'Give each policy of a namespace its own name, or merge the rules into one policy',
      }];
    });
  },
};
