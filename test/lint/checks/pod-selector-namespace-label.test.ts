import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

const BY_NAME = { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } };

checkCases('pod-selector-namespace-label', [
  {
    name: 'fires for a peer pod selector keyed on the namespace name label',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [{ podSelector: BY_NAME }] }] })],
    fields: ['spec.ingress[0].from[0].podSelector'],
  },
  {
    name: 'fires for a matchExpressions requirement on that key, and for the policy podSelector',
    manifests: [netpol('shop', 'api', {
      podSelector: BY_NAME,
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a'] }] } }] }],
    })],
    fields: ['spec.egress[0].to[0].podSelector', 'spec.podSelector'],
  },
  {
    name: 'does not fire for the label on a namespaceSelector',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [{ namespaceSelector: BY_NAME }] }] })],
    fields: [],
  },
]);
