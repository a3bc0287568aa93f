import { LintCheck, Report } from '../check';
import { Severity } from '../severity';
import { ruleCovers, tierObject } from '../tier-rules';

/** A cluster-wide rule after a rule of its policy that already matches everything it matches: it never decides. */
export const tierShadowedRule: LintCheck = {
  code: 'tier-shadowed-rule',
  description: 'A ClusterNetworkPolicy rule after a rule of the same policy that matches all it matches, so it never applies.',
  defaultSeverity: Severity.WARNING,
  check: (context): Report[] => context.model.tierPolicies.flatMap((policy) => (['ingress', 'egress'] as const).flatMap((direction) => {
    const rules = policy[direction];
    return rules.flatMap((later, k): Report[] => {
      const earlier = rules.slice(0, k).find((r) => ruleCovers(r, later));
      if (earlier === undefined) return [];
      const name = (r: typeof later) => `rule ${r.index}${r.name === undefined ? '' : ` "${r.name}"`}`;
      return [{
        where: tierObject(policy),
        source: policy.source,
        field: `spec.${direction}[${later.index}]`,
        got: later.name ?? later.action,
        problem: `is never applied: ${direction} ${name(earlier)} (${earlier.action}) comes first and matches every connection it matches`,
        fix: later.action === earlier.action ? 'Remove the rule' : 'Move the rule before the broader one, or narrow the broader one',
      }];
    });
  })),
};
