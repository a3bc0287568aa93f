/**
 * Pairs of effective rules that apply to the same pods in the same direction (internal): rules of one policy,
 * or of policies of one namespace with the same podSelector. Used by the shadowed and duplicate rule checks.
 */
import { LintContext } from './context';
import { ruleCovers } from './rule-cover';
import { allRules, RuleAt, ruleIsEffective } from './rule-walk';

/** A rule and an earlier-or-other rule on the same pods that covers it. */
export interface CoveredRule {
  readonly covered: RuleAt;
  readonly by: RuleAt;
  /** The two rules admit exactly the same traffic. */
  readonly equivalent: boolean;
}

/**
 * Each rule covered by another on the same pods, once, with the first covering rule. Of two equivalent
 * rules only the later one (in document and rule order) is reported.
 */
export function coveredRules(context: LintContext): CoveredRule[] {
  const rules = allRules(context.docs).filter(ruleIsEffective);
  const result: CoveredRule[] = [];
  rules.forEach((rule, i) => {
    for (let j = 0; j < rules.length; j++) {
      const other = rules[j];
      if (i === j || !samePods(rule, other) || !ruleCovers(other.rule, rule.rule)) {
        continue;
      }
      const equivalent = ruleCovers(rule.rule, other.rule);
      if (!equivalent || j < i) {
        result.push({ covered: rule, by: other, equivalent });
        return;
      }
    }
  });
  return result;
}

function samePods(a: RuleAt, b: RuleAt): boolean {
  return a.direction === b.direction && a.doc.policy.namespace === b.doc.policy.namespace
    && a.doc.policy.podSelector.canonical === b.doc.policy.podSelector.canonical;
}

/** `NetworkPolicy shop/api spec.ingress[1]`, or just the path within the same document. */
export function describeRule(at: RuleAt, from: RuleAt): string {
  return at.doc === from.doc ? at.path : `${at.doc.object} ${at.path}`;
}
