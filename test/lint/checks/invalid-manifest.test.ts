import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

checkCases('invalid-manifest', [
  { name: 'fires for a document the API server refuses (lowercase protocol)', manifests: [netpol('shop', 'api', { ingress: [{ ports: [{ protocol: 'tcp', port: 80 }] }] })], fields: [''] },
  {
    name: 'fires once for each malformed rule of one document',
    manifests: [netpol('shop', 'api', { ingress: [{ ports: [{ protocol: 'tcp', port: 80 }] }, { ports: [{ port: 0 }] }], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/33' } }] }] })],
    fields: ['', '', ''],
  },
  { name: 'does not fire for a valid policy', manifests: [netpol('shop', 'api', { ingress: [{ ports: [{ protocol: 'TCP', port: 80 }] }] })], fields: [] },
]);
