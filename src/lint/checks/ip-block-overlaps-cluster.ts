/**
 * ipBlock ranges that overlap the cluster's pod or service CIDRs (declared in `LintOptions.clusterCidrs`).
 * ipBlock is meant for addresses outside the cluster; whether it matches pod IPs depends on the CNI:
 * Calico matches them (projectcalico/calico#6634), Cilium does not (cilium/cilium#9209, #35212).
 * Service IPs are translated to pod IPs before policy is applied on most CNIs (unconfirmed per CNI).
 */
import { cidrContainsCidr, cidrsOverlap } from '../../private/cidr';
import { Cni } from '../cni/cni';
import { defineCheck } from '../engine/check';
import { allPeers } from '../engine/rule-walk';
import { Severity } from '../severity';

/** What the overlap does: the message for the declared CNI. */
function consequence(cni: Cni): 'admitsPods' | 'admitsNothing' | 'dependsOnCni' {
  switch (cni.enforcer.id) {
    case Cni.CALICO.id:
    case Cni.CANAL.id:
      return 'admitsPods';
    case Cni.CILIUM.id:
      return 'admitsNothing';
    default:
      return 'dependsOnCni';
  }
}

const FIX = 'Select pods with podSelector/namespaceSelector, and add the cluster ranges to except (e.g. Peer.ipBlock(cidr, [podCidr, serviceCidr]))';

export const ipBlockOverlapsCluster = defineCheck({
  code: 'ip-block-overlaps-cluster',
  description: 'An ipBlock that overlaps the declared pod or service CIDRs (clusterCidrs): pod IPs are ephemeral and CNIs differ.',
  defaultSeverity: Severity.WARNING,
  messages: {
    admitsPods: { problem: 'overlaps the cluster range(s) {{ranges}}; Calico matches pod IPs with ipBlock, so this also admits those pods by address', fix: FIX },
    admitsNothing: { problem: 'overlaps the cluster range(s) {{ranges}}; Cilium does not match in-cluster IPs with ipBlock, so this part of the range admits nothing', fix: FIX },
    dependsOnCni: { problem: 'overlaps the cluster range(s) {{ranges}}; whether pod IPs match ipBlock depends on the CNI', fix: FIX },
  },
  check: (context) => allPeers(context.docs).flatMap((at) => {
    const block = at.peer.ipBlock;
    if (block === undefined) {
      return [];
    }
    const hit = context.clusterCidrs.filter((c) => cidrsOverlap(block.cidr, c) && !block.except.some((e) => cidrContainsCidr(e, c)));
    if (hit.length === 0) {
      return [];
    }
    return [{
      doc: at.doc,
      field: `${at.peerPath}.ipBlock`,
      messageId: consequence(context.cni),
      data: { ranges: hit.map((c) => c.text).join(', ') },
      got: block.cidr.text,
    }];
  }),
});
