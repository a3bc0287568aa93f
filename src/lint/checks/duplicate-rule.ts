import { defineCheck } from '../engine/check';
import { coveredRules, describeRule } from '../engine/rule-pairs';
import { Severity } from '../severity';

/** Two rules on the same pods that admit exactly the same traffic. */
export const duplicateRule = defineCheck({
  code: 'duplicate-rule',
  description: 'A rule that repeats another rule on the same pods and direction.',
  defaultSeverity: Severity.WARNING,
  messages: {
    repeats: { problem: 'repeats {{other}}, which allows the same peers and ports', fix: 'Remove one of the two rules' },
  },
  check: (context) => coveredRules(context).filter((c) => c.equivalent).map(({ covered, by }) => ({
    doc: covered.doc,
    field: covered.path,
    messageId: 'repeats',
    data: { other: describeRule(by, covered) },
    got: describeRule(by, covered),
  })),
});
