import { NormalizedTierPolicy } from '../../analysis/tier-model';
import { defineCheck, Report } from '../engine/check';
import { rulesMeet, subjectsMeet, tierObject } from '../engine/tier-rules';
import { Severity } from '../severity';

/**
 * Two policies of one tier with the same priority with rules that can match one connection: a pod both
 * subjects can select, and a peer and port a rule of each matches in the same direction (tier-rules.ts,
 * over every pod, namespace and address there could be). The API leaves their order to the implementation;
 * the analyzer orders them by kind, then name; a CNI may not.
 */
export const tierPriorityOverlap = defineCheck({
  code: 'tier-priority-overlap',
  description: 'Two cluster-wide policies of one tier share a priority and may match the same traffic: their order is up to the CNI.',
  defaultSeverity: Severity.WARNING,
  messages: {
    samePriority: {
      problem: 'is also the priority of {{other}} in the {{tier}} tier, and rules of both match the same {{directions}} connections of pods both may select: '
        + 'which one the CNI evaluates first is not defined (this tool takes {{first}} first, by kind and then name)',
      fix: 'Give the two policies distinct priorities, the one that must win lower',
    },
  },
  check: (context) => {
    // Only policies of one tier and priority are compared: group them first, so the work grows with the
    // size of each group, not with the square of all tier policies.
    const groups = new Map<string, NormalizedTierPolicy[]>();
    for (const p of context.model.tierPolicies) {
      const key = `${p.tier}/${p.priority}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [p]);
      else group.push(p);
    }
    const reports: Array<Report<'samePriority'>> = [];
    for (const policies of groups.values()) {
      policies.forEach((a, i) => policies.slice(i + 1).forEach((b) => {
        if (!subjectsMeet(a, b)) return;
        const both = (['ingress', 'egress'] as const).filter((d) => a[d].some((r) => b[d].some((q) => rulesMeet(r, q))));
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
    }
    return reports;
  },
});
