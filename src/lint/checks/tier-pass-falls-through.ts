import { selectorMatches } from '../../analysis/internal/match';
import { defineCheck, Report } from '../engine/check';
import { tierObject } from '../engine/tier-rules';
import { Severity } from '../severity';

/**
 * An Admin tier Pass hands traffic to the NetworkPolicy tier; where no NetworkPolicy isolates the pods it
 * applies to, nothing decides there and the traffic falls through to the Baseline tier (or the default allow).
 */
export const tierPassFallsThrough = defineCheck({
  code: 'tier-pass-falls-through',
  description: 'An Admin Pass rule whose pods no NetworkPolicy isolates in that direction: the Baseline tier (or the default) decides.',
  defaultSeverity: Severity.INFO,
  messages: {
    fallsThrough: {
      problem: 'passes {{direction}} to the NetworkPolicy tier, but no NetworkPolicy isolates {{direction}} in {{namespaces}}: '
        + 'the passed traffic falls through to the Baseline tier, or is allowed by default',
      fix: 'Add the NetworkPolicies the Pass expects, or Accept or Deny here if that is what is meant',
    },
  },
  check: (context) => context.model.tierPolicies.filter((p) => p.tier === 'Admin').flatMap((policy) => {
    const namespaces = context.model.namespaces.filter((ns) => selectorMatches(policy.subject.namespaceSelector, ns.labels));
    if (namespaces.length === 0) return [];
    return (['ingress', 'egress'] as const).flatMap((direction): Array<Report<'fallsThrough'>> => {
      const isolated = namespaces.some((ns) => context.model.policies.some((np) => np.namespace === ns.name
        && (direction === 'ingress' ? np.isolatesIngress : np.isolatesEgress)));
      if (isolated) return [];
      return policy[direction].filter((r) => r.action === 'Pass').map((rule) => ({
        where: tierObject(policy),
        source: policy.source,
        field: `spec.${direction}[${rule.index}].action`,
        got: rule.action,
        messageId: 'fallsThrough',
        data: { direction, namespaces: namespaces.map((n) => n.name).join(', ') },
      }));
    });
  }),
});
