import { LintCheck } from '../check';
import { coveredRules, describeRule } from '../rule-pairs';
import { Severity } from '../severity';

/** Two rules on the same pods that admit exactly the same traffic. */
export const duplicateRule: LintCheck = {
  code: 'duplicate-rule',
  description: 'A rule that repeats another rule on the same pods and direction.',
  defaultSeverity: Severity.WARNING,
  check: (context) => coveredRules(context).filter((c) => c.equivalent).map(({ covered, by }) => ({
    doc: covered.doc,
    field: covered.path,
    problem: `repeats ${describeRule(by, covered)}, which allows the same peers and ports`,
    got: describeRule(by, covered),
    fix: 'Remove one of the two rules',
  })),
};
