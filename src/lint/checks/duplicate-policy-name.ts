import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/** Two documents with the same namespace/name: the later one silently replaces the earlier one on apply. */
export const duplicatePolicyName = defineCheck({
  code: 'duplicate-policy-name',
  description: 'Two policies with the same name in one namespace: the later replaces the earlier when applied.',
  defaultSeverity: Severity.ERROR,
  messages: {
    replaces: {
      problem: 'is already used in namespace "{{namespace}}" by {{earlier}}, which this document replaces when applied',
      fix: 'Give each policy of a namespace its own name, or merge the rules into one policy',
    },
  },
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
        messageId: 'replaces',
        data: { namespace: doc.policy.namespace, earlier },
        got: doc.policy.name,
      }];
    });
  },
});
