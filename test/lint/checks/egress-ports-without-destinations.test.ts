import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

checkCases('egress-ports-without-destinations', [
  {
    name: 'fires for an egress rule with ports and no "to"',
    manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }] })],
    fields: ['spec.egress[0]'],
  },
  {
    name: 'does not fire when the rule names destinations',
    manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ to: [pods('db')], ports: [{ port: 5432 }] }] })],
    fields: [],
  },
  {
    name: 'does not fire for an ingress rule with ports and no "from"',
    manifests: [netpol('shop', 'api', { ingress: [{ ports: [{ port: 443 }] }] })],
    fields: [],
  },
]);
