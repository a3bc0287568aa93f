import { defineCheck } from '../engine/check';
import { allPeers } from '../engine/rule-walk';
import { Severity } from '../severity';

/** `namespaceSelector: {}` AND a podSelector: whoever can label a pod in any namespace is admitted. */
export const spoofableNamespacePeer = defineCheck({
  code: 'spoofable-namespace-peer',
  description: 'A peer with a pod selector in every namespace (namespaceSelector: {}): anyone who can label a pod anywhere matches.',
  defaultSeverity: Severity.WARNING,
  messages: {
    anyNamespace: {
      problem: 'selects pods by label in every namespace, so any namespace can match by labelling a pod the same way',
      fix: 'Name the namespaces the pods live in (Peer.podsInNamespace(), or a namespaceSelector with kubernetes.io/metadata.name)',
    },
  },
  check: (context) => allPeers(context.docs)
    .filter((at) => at.peer.namespaceSelector?.matchesAll === true && at.peer.podSelector !== undefined && !at.peer.podSelector.matchesAll)
    .map((at) => ({
      doc: at.doc,
      field: at.peerPath,
      messageId: 'anyNamespace',
      got: { namespaceSelector: {}, podSelector: at.peer.podSelector!.matchLabels },
    })),
});
