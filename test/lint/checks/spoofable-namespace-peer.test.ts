import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

checkCases('spoofable-namespace-peer', [
  {
    name: 'fires for a pod selector in every namespace',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'prometheus' } } }] }] })],
    fields: ['spec.ingress[0].from[0]'],
  },
  {
    name: 'does not fire when the namespace is named',
    manifests: [netpol('shop', 'api', {
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } }] }],
    })],
    fields: [],
  },
  {
    name: 'does not fire for every pod of every namespace (broad, but not spoofable)',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    fields: [],
  },
]);
