import { defineCheck } from '../engine/check';
import { coveredRules, describeRule } from '../engine/rule-pairs';
import { Severity } from '../severity';

/** A rule that allows nothing more than a broader rule on the same pods already allows. */
export const shadowedRule = defineCheck({
  code: 'shadowed-rule',
  description: 'A rule made redundant by a broader rule on the same pods and direction.',
  defaultSeverity: Severity.WARNING,
  messages: {
    redundant: {
      problem: 'is redundant: {{other}} already allows every peer and port it allows',
      fix: 'Remove the narrower rule, or narrow the broader one if it allows more than meant',
    },
  },
  check: (context) => coveredRules(context).filter((c) => !c.equivalent).map(({ covered, by }) => ({
    doc: covered.doc,
    field: covered.path,
    messageId: 'redundant',
    data: { other: describeRule(by, covered) },
    got: describeRule(by, covered),
  })),
});
