import { defineCheck, Report } from '../engine/check';
import { ruleCovers, tierObject } from '../engine/tier-rules';
import { Severity } from '../severity';

const PROBLEM = 'is never applied: {{direction}} {{earlier}} ({{action}}) comes first and matches every connection it matches';

/** A cluster-wide rule after a rule of its policy that already matches everything it matches: it never decides. */
export const tierShadowedRule = defineCheck({
  code: 'tier-shadowed-rule',
  description: 'A ClusterNetworkPolicy rule after a rule of the same policy that matches all it matches, so it never applies.',
  defaultSeverity: Severity.WARNING,
  messages: {
    sameAction: { problem: PROBLEM, fix: 'Remove the rule' },
    otherAction: { problem: PROBLEM, fix: 'Move the rule before the broader one, or narrow the broader one' },
  },
  check: (context) => context.model.tierPolicies.flatMap((policy) => (['ingress', 'egress'] as const).flatMap((direction) => {
    const rules = policy[direction];
    return rules.flatMap((later, k): Array<Report<'sameAction' | 'otherAction'>> => {
      const earlier = rules.slice(0, k).find((r) => ruleCovers(r, later));
      if (earlier === undefined) return [];
      const name = (r: typeof later) => `rule ${r.index}${r.name === undefined ? '' : ` "${r.name}"`}`;
      return [{
        where: tierObject(policy),
        source: policy.source,
        field: `spec.${direction}[${later.index}]`,
        got: later.name ?? later.action,
        messageId: later.action === earlier.action ? 'sameAction' : 'otherAction',
        data: { direction, earlier: name(earlier), action: earlier.action },
      }];
    });
  })),
});
