import { MULTUS_SOURCES } from '../cni/cni-support';
import { defineCheck } from '../engine/check';
import { Severity } from '../severity';

/** With Multus, NetworkPolicy is enforced by the delegate on the cluster network only. */
export const cniMultusSecondaryNetworks = defineCheck({
  code: 'cni-multus-secondary-networks',
  description: 'With Multus, policies apply to the cluster network interface only, not to secondary networks.',
  defaultSeverity: Severity.INFO,
  messages: {
    secondaryNetworks: {
      problem: 'is Multus: {{delegate}} enforces these policies on the cluster network interface only; secondary interfaces are not covered (see {{source}})',
      fix: 'Protect secondary networks with MultiNetworkPolicy (k8snetworkplumbingwg/multi-networkpolicy) if pods have any',
    },
  },
  check: (context) => {
    if (context.cni.multusDelegate === undefined || context.docs.length === 0) {
      return [];
    }
    return [{
      where: 'LintOptions.cni',
      messageId: 'secondaryNetworks',
      data: { delegate: context.cni.multusDelegate.id, source: MULTUS_SOURCES[0] },
      got: context.cni.id,
    }];
  },
});
