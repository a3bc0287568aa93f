import { NAMESPACE_NAME_LABEL, NormalizedSelector } from '../../analysis/model';
import { defineCheck, Report } from '../engine/check';
import { PolicyDoc } from '../engine/context';
import { allPeers } from '../engine/rule-walk';
import { Severity } from '../severity';

function report(doc: PolicyDoc, field: string, selector: NormalizedSelector): Array<Report<'namespaceLabel'>> {
  if (!selector.keys.includes(NAMESPACE_NAME_LABEL)) {
    return [];
  }
  const value = selector.matchLabels[NAMESPACE_NAME_LABEL];
  return [{
    doc,
    field,
    messageId: 'namespaceLabel',
    got: value !== undefined ? { [NAMESPACE_NAME_LABEL]: value } : selector.requirements.filter((r) => r.key === NAMESPACE_NAME_LABEL),
  }];
}

/** `podSelector: {matchLabels: {kubernetes.io/metadata.name: x}}`: a namespace label used to select pods. */
export const podSelectorNamespaceLabel = defineCheck({
  code: 'pod-selector-namespace-label',
  description: `A pod selector keyed on ${NAMESPACE_NAME_LABEL}, a label of namespaces: it matches no pod (a namespaceSelector was meant).`,
  defaultSeverity: Severity.WARNING,
  messages: {
    namespaceLabel: {
      problem: `selects pods by the label ${NAMESPACE_NAME_LABEL}, which Kubernetes sets on namespaces, not on pods: it matches no pod unless someone labels one so`,
      fix: 'Select the namespace with a namespaceSelector on that label (Peer.namespace() or Peer.podsInNamespace() in cdk8s-netpol)',
    },
  },
  check: (context) => [
    ...context.docs.flatMap((doc) => report(doc, 'spec.podSelector', doc.policy.podSelector)),
    ...allPeers(context.docs).flatMap((at) => (at.peer.podSelector === undefined ? [] : report(at.doc, `${at.peerPath}.podSelector`, at.peer.podSelector))),
  ],
});
