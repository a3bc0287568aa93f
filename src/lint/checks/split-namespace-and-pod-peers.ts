import { NormalizedPeer } from '../../analysis/model';
import { defineCheck } from '../engine/check';
import { allRules } from '../engine/rule-walk';
import { Severity } from '../severity';

const namespaceOnly = (p: NormalizedPeer) => p.ipBlock === undefined && p.namespaceSelector !== undefined && p.podSelector === undefined;
const podsOnly = (p: NormalizedPeer) => p.ipBlock === undefined && p.namespaceSelector === undefined && p.podSelector !== undefined;

/**
 * The OR trap: `- namespaceSelector: ...` and `- podSelector: ...` as two list items admit every pod of those
 * namespaces OR the labelled pods, where one item with both selectors (AND) was almost always meant.
 */
export const splitNamespaceAndPodPeers = defineCheck({
  code: 'split-namespace-and-pod-peers',
  description: 'A rule whose peers include a namespaceSelector-only peer and a podSelector-only peer: they are ORed, so every pod of those namespaces is admitted.',
  defaultSeverity: Severity.WARNING,
  messages: {
    ored: {
      problem: 'lists a namespaceSelector-only peer and a podSelector-only peer as separate items, which Kubernetes ORs: every pod of the selected namespaces is admitted, not only the pods labelled {{labels}}',
      fix: 'For the AND, put both selectors into one peer (no "-" before podSelector; Peer.podsInNamespaces() in cdk8s-netpol); if the OR is meant, write the two peers as two rules',
    },
  },
  check: (context) => allRules(context.docs).flatMap((at) => {
    const peers = at.rule.peers ?? [];
    const namespaces = peers.filter(namespaceOnly);
    const pods = peers.filter(podsOnly);
    if (namespaces.length === 0 || pods.length === 0) {
      return [];
    }
    return [{
      doc: at.doc,
      field: `${at.path}.${at.peersField}`,
      messageId: 'ored',
      data: { labels: JSON.stringify(pods[0].podSelector!.matchLabels) },
      got: [{ namespaceSelector: namespaces[0].namespaceSelector!.matchLabels }, { podSelector: pods[0].podSelector!.matchLabels }],
    }];
  }),
});
