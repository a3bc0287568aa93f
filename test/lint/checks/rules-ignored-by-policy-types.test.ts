import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

checkCases('rules-ignored-by-policy-types', [
  {
    name: 'fires for egress rules when policyTypes lists only Ingress',
    manifests: [netpol('shop', 'api', { policyTypes: ['Ingress'], egress: [{ to: [pods('db')] }] })],
    fields: ['spec.egress[0]'],
  },
  {
    name: 'does not fire when policyTypes is inferred from the rules',
    manifests: [netpol('shop', 'api', { egress: [{ to: [pods('db')] }] })],
    fields: [],
  },
]);
