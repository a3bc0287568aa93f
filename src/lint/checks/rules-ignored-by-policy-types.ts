import { defineCheck } from '../engine/check';
import { allRules, ruleIsEffective } from '../engine/rule-walk';
import { Severity } from '../severity';

/** Rules for a direction that `policyTypes` leaves out have no effect at all. */
export const rulesIgnoredByPolicyTypes = defineCheck({
  code: 'rules-ignored-by-policy-types',
  description: 'Rules for a direction that policyTypes omits: Kubernetes ignores them.',
  defaultSeverity: Severity.WARNING,
  messages: {
    ignored: { problem: 'is ignored because policyTypes does not list {{direction}}', fix: 'Add {{direction}} to policyTypes, or remove the rule' },
  },
  check: (context) => allRules(context.docs).filter((at) => !ruleIsEffective(at)).map((at) => ({
    doc: at.doc,
    field: at.path,
    messageId: 'ignored',
    data: { direction: at.direction },
    got: at.doc.policy.policyTypes,
  })),
});
