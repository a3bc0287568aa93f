import { LintCheck } from '../check';
import { coveredRules, describeRule } from '../rule-pairs';
import { Severity } from '../severity';

/** A rule that allows nothing more than a broader rule on the same pods already allows. */
export const shadowedRule: LintCheck = {
  code: 'shadowed-rule',
  description: 'A rule made redundant by a broader rule on the same pods and direction.',
  defaultSeverity: Severity.WARNING,
  check: (context) => coveredRules(context).filter((c) => !c.equivalent).map(({ covered, by }) => ({
    doc: covered.doc,
    field: covered.path,
    problem: `is redundant: ${describeRule(by, covered)} already allows every peer and port it allows`,
    got: describeRule(by, covered),
    fix: 'Remove the narrower rule, or narrow the broader one if it allows more than meant',
  })),
};
