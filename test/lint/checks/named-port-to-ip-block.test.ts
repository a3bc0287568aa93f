import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

checkCases('named-port-to-ip-block', [
  {
    name: 'fires for a named port in an egress rule to an ipBlock',
    manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'https' }] }] })],
    fields: ['spec.egress[0].ports[0]'],
  },
  {
    name: 'does not fire for a named port toward pods',
    manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ to: [pods('db')], ports: [{ port: 'postgres' }] }] })],
    fields: [],
  },
  {
    name: 'does not fire for a numeric port toward an ipBlock',
    manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }] })],
    fields: [],
  },
]);
