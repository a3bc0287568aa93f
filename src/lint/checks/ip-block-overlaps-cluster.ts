/**
 * ipBlock ranges that overlap the cluster's pod or service CIDRs (declared in `LintOptions.clusterCidrs`).
 * ipBlock is meant for addresses outside the cluster; whether it matches pod IPs depends on the CNI:
 * Calico matches them (projectcalico/calico#6634), Cilium does not (cilium/cilium#9209, #35212).
 * Service IPs are translated to pod IPs before policy is applied on most CNIs (unconfirmed per CNI).
 */
import { cidrContainsCidr, cidrsOverlap } from '../../private/cidr';
import { LintCheck } from '../check';
import { Cni } from '../cni';
import { allPeers } from '../rule-walk';
import { Severity } from '../severity';

function consequence(cni: Cni): string {
  switch (cni.enforcer) {
    case Cni.CALICO:
    case Cni.CANAL:
      return 'Calico matches pod IPs with ipBlock, so this also admits those pods by address';
    case Cni.CILIUM:
      return 'Cilium does not match in-cluster IPs with ipBlock, so this part of the range admits nothing';
    default:
      return 'whether pod IPs match ipBlock depends on the CNI';
  }
}

export const ipBlockOverlapsCluster: LintCheck = {
  code: 'ip-block-overlaps-cluster',
  description: 'An ipBlock that overlaps the declared pod or service CIDRs (clusterCidrs): pod IPs are ephemeral and CNIs differ.',
  defaultSeverity: Severity.WARNING,
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
      problem: `overlaps the cluster range(s) ${hit.map((c) => c.text).join(', ')}; ${consequence(context.cni)}`,
      got: block.cidr.text,
      fix: 'Select pods with podSelector/namespaceSelector, and add the cluster ranges to except (e.g. Peer.ipBlock(cidr, [podCidr, serviceCidr]))',
    }];
  }),
};
