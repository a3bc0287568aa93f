/**
 * Pairs of effective rules that apply to the same pods in the same direction (internal): rules of one policy,
 * or of policies of one namespace with the same podSelector. Used by the shadowed and duplicate rule checks,
 * which share one computation per run. Rules are grouped by (direction, namespace, podSelector) first, so a
 * rule is compared only with the rules of its group.
 */
import { LintContext } from './context';
import { lintIndex } from './lint-index';
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
  return lintIndex(context).memo('covered-rules', () => findCoveredRules(context));
}

function findCoveredRules(context: LintContext): CoveredRule[] {
  const groups = new Map<string, RuleAt[]>();
  const position = new Map<RuleAt, number>();
  allRules(context.docs).filter(ruleIsEffective).forEach((rule, i) => {
    position.set(rule, i);
    const key = podsKey(rule);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [rule]);
    else group.push(rule);
  });
  const result: CoveredRule[] = [];
  for (const group of groups.values()) {
    group.forEach((rule, i) => {
      const found = firstCover(group, rule, i);
      if (found !== undefined) result.push(found);
    });
  }
  return result.sort((a, b) => position.get(a.covered)! - position.get(b.covered)!); // rule order
}

/** The first rule of the group (in rule order) that covers the rule, unless only later equivalent ones do. */
function firstCover(group: RuleAt[], rule: RuleAt, i: number): CoveredRule | undefined {
  for (let j = 0; j < group.length; j++) {
    const other = group[j];
    if (i === j || !ruleCovers(other.rule, rule.rule)) {
      continue;
    }
    const equivalent = ruleCovers(rule.rule, other.rule);
    if (!equivalent || j < i) {
      return { covered: rule, by: other, equivalent };
    }
  }
  return undefined;
}

/** Rules apply to the same pods when direction, namespace and podSelector are the same. */
function podsKey(at: RuleAt): string {
  return `${at.direction}\u0000${at.doc.policy.namespace}\u0000${at.doc.policy.podSelector.canonical}`;
}

/** `NetworkPolicy shop/api spec.ingress[1]`, or just the path within the same document. */
export function describeRule(at: RuleAt, from: RuleAt): string {
  return at.doc === from.doc ? at.path : `${at.doc.object} ${at.path}`;
}
