import { defineCheck, Report } from '../check';
import { Severity } from '../severity';
import { subjectsDisjoint, tierObject } from '../tier-rules';

/**
 * Two policies of one tier with the same priority that may apply to the same pods in the same direction: the
 * API leaves their order to the implementation. The analyzer orders them by kind, then name; a CNI may not.
 */
export const tierPriorityOverlap = defineCheck({
  code: 'tier-priority-overlap',
  description: 'Two cluster-wide policies of one tier share a priority and may match the same traffic: their order is up to the CNI.',
  defaultSeverity: Severity.WARNING,
  messages: {
    samePriority: {
      problem: 'is also the priority of {{other}} in the {{tier}} tier, and both have {{directions}} rules for pods both may select: '
        + 'which one the CNI evaluates first is not defined (this tool takes {{first}} first, by kind and then name)',
      fix: 'Give the two policies distinct priorities, the one that must win lower',
    },
  },
  check: (context) => {
    const policies = context.model.tierPolicies;
    const reports: Array<Report<'samePriority'>> = [];
    policies.forEach((a, i) => policies.slice(i + 1).forEach((b) => {
      if (a.tier !== b.tier || a.priority !== b.priority || subjectsDisjoint(a, b)) return;
      const both = (['ingress', 'egress'] as const).filter((d) => a[d].length > 0 && b[d].length > 0);
      if (both.length === 0) return;
      reports.push({
        where: tierObject(b),
        source: b.source,
        field: 'spec.priority',
        got: b.priority,
        messageId: 'samePriority',
        data: { other: tierObject(a), tier: a.tier, directions: both.join(' and '), first: a.name },
      });
    }));
    return reports;
  },
});
