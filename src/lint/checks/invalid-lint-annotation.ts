import { defineCheck } from '../engine/check';
import { LINT_ANNOTATION, policyOverrides } from '../engine/overrides';
import { Severity } from '../severity';

/** A `cdk8s-netpol.dev/lint` annotation with an entry that is not `code=severity`. */
export const invalidLintAnnotation = defineCheck({
  code: 'invalid-lint-annotation',
  description: `A ${LINT_ANNOTATION} annotation entry that is not code=severity with a known code and severity.`,
  defaultSeverity: Severity.WARNING,
  messages: {
    ignoredEntry: {
      problem: 'is ignored in part: {{problem}}',
      fix: 'Write comma-separated code=severity entries, e.g. "shadowed-rule=off, egress-blocks-dns=warning"',
    },
  },
  check: (context) => {
    const codes = context.checkCodes;
    return context.docs.flatMap((doc) => {
      const value = doc.annotations[LINT_ANNOTATION];
      return policyOverrides(value, codes).problems.map((problem) => ({
        doc,
        field: `metadata.annotations["${LINT_ANNOTATION}"]`,
        messageId: 'ignoredEntry',
        data: { problem },
        got: value,
      }));
    });
  },
});
