import { LintCheck } from '../check';
import { LINT_ANNOTATION, policyOverrides } from '../overrides';
import { Severity } from '../severity';

/** A `cdk8s-netpol.dev/lint` annotation with an entry that is not `code=severity`. */
export const invalidLintAnnotation: LintCheck = {
  code: 'invalid-lint-annotation',
  description: `A ${LINT_ANNOTATION} annotation entry that is not code=severity with a known code and severity.`,
  defaultSeverity: Severity.WARNING,
  check: (context) => {
    const codes = context.checkCodes;
    return context.docs.flatMap((doc) => {
      const value = doc.annotations[LINT_ANNOTATION];
      return policyOverrides(value, codes).problems.map((problem) => ({
        doc,
        field: `metadata.annotations["${LINT_ANNOTATION}"]`,
        problem: `is ignored in part: ${problem}`,
        got: value,
        fix: 'Write comma-separated code=severity entries, e.g. "shadowed-rule=off, egress-blocks-dns=warning"',
      }));
    });
  },
};
