import { Cni } from '../cni/cni';
import { FLANNEL_SOURCES } from '../cni/cni-support';
import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/** Flannel alone implements no NetworkPolicy: every policy is accepted by the API server and ignored. */
export const cniNoEnforcement = defineCheck({
  code: 'cni-no-enforcement',
  description: 'The declared CNI (Flannel alone) enforces no NetworkPolicy at all.',
  defaultSeverity: Severity.ERROR,
  messages: {
    noEnforcement: {
      problem: 'is Flannel, which enforces no NetworkPolicy: the {{count}} policies here would be accepted and ignored (see {{source}})',
      fix: 'Run Canal (Flannel networking with Calico policy) or Calico, then declare Cni.CANAL or Cni.CALICO',
    },
  },
  check: (context) => {
    if (context.cni.enforcer.id !== Cni.FLANNEL.id || context.docs.length === 0) {
      return [];
    }
    return [{
      where: 'LintOptions.cni',
      messageId: 'noEnforcement',
      data: { count: context.docs.length, source: FLANNEL_SOURCES[0] },
      got: context.cni.id,
    }];
  },
});
