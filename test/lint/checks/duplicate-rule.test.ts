import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

const API = { podSelector: { matchLabels: { app: 'api' } } };

checkCases('duplicate-rule', [
  {
    name: 'fires on the later of two identical rules',
    manifests: [netpol('shop', 'api', { ...API, ingress: [{ from: [pods('web')], ports: [{ port: 80 }] }, { from: [pods('web')], ports: [{ port: 80, protocol: 'TCP' }] }] })],
    fields: ['spec.ingress[1]'],
  },
  {
    name: 'does not fire for rules that differ in ports',
    manifests: [netpol('shop', 'api', { ...API, ingress: [{ from: [pods('web')], ports: [{ port: 80 }] }, { from: [pods('web')], ports: [{ port: 81 }] }] })],
    fields: [],
  },
]);
