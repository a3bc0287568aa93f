import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

const API = { podSelector: { matchLabels: { app: 'api' } } };

checkCases('shadowed-rule', [
  {
    name: 'fires for a rule inside a broader rule of the same policy',
    manifests: [netpol('shop', 'api', { ...API, ingress: [{ from: [pods('web')] }, { from: [pods('web')], ports: [{ port: 8080 }] }] })],
    fields: ['spec.ingress[1]'],
  },
  {
    name: 'fires across policies that select the same pods',
    manifests: [
      netpol('shop', 'wide', { ...API, ingress: [{ ports: [{ port: 8000, endPort: 8999 }] }] }),
      netpol('shop', 'narrow', { ...API, ingress: [{ from: [pods('web')], ports: [{ port: 8080 }] }] }),
    ],
    fields: ['spec.ingress[0]'],
  },
  {
    name: 'fires for an ipBlock inside a broader one',
    manifests: [netpol('shop', 'api', {
      ...API, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }, { to: [{ ipBlock: { cidr: '10.1.0.0/16' } }] }],
    })],
    fields: ['spec.egress[1]'],
  },
  {
    name: 'does not fire when the broader rule excepts part of the narrower one',
    manifests: [netpol('shop', 'api', {
      ...API,
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.2.0/24'] } }] }, { to: [{ ipBlock: { cidr: '10.1.0.0/16' } }] }],
    })],
    fields: [],
  },
  {
    name: 'does not fire for rules on different pods',
    manifests: [
      netpol('shop', 'wide', { ...API, ingress: [{}] }),
      netpol('shop', 'other', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [pods('web')] }] }),
    ],
    fields: [],
  },
  {
    name: 'does not fire for identical rules (duplicate-rule reports those)',
    manifests: [netpol('shop', 'api', { ...API, ingress: [{ from: [pods('web')] }, { from: [pods('web')] }] })],
    fields: [],
  },
]);
