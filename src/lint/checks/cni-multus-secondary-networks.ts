import { LintCheck, Report } from '../check';
import { MULTUS_SOURCES } from '../cni-support';
import { Severity } from '../severity';

/** With Multus, NetworkPolicy is enforced by the delegate on the cluster network only. */
export const cniMultusSecondaryNetworks: LintCheck = {
  code: 'cni-multus-secondary-networks',
  description: 'With Multus, policies apply to the cluster network interface only, not to secondary networks.',
  defaultSeverity: Severity.INFO,
  check: (context): Report[] => {
    if (context.cni.multusDelegate === undefined || context.docs.length === 0) {
      return [];
    }
    return [{
      where: 'LintOptions.cni',
      problem: `is Multus: ${context.cni.multusDelegate.id} enforces these policies on the cluster network interface only; secondary interfaces are not covered (see ${MULTUS_SOURCES[0]})`,
      got: context.cni.id,
      fix: 'Protect secondary networks with MultiNetworkPolicy (k8snetworkplumbingwg/multi-networkpolicy) if pods have any',
    }];
  },
};
