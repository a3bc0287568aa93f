import { deployment, netpol } from '../../util';
import { checkCases, DNS_RULE, pods } from '../lint-cases';

const ISOLATE_EGRESS = { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [pods('db')], ports: [{ port: 5432 }] }] };

function noEgress(): any {
  const policy = netpol('shop', 'sealed', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'] });
  return { ...policy, metadata: { ...policy.metadata, annotations: { 'cdk8s-netpol.dev/no-egress': 'true' } } };
}

checkCases('egress-blocks-dns', [
  { name: 'fires for egress isolation without a DNS rule', manifests: [netpol('shop', 'api', ISOLATE_EGRESS)], fields: ['spec.egress'] },
  {
    name: 'fires for a deny-all-egress policy of a namespace with workloads',
    manifests: [deployment('shop', 'api', { app: 'api' }), netpol('shop', 'deny', { podSelector: {}, policyTypes: ['Egress'] })],
    fields: ['spec.egress'],
  },
  {
    name: 'does not fire when another policy on the same pods allows DNS',
    manifests: [netpol('shop', 'api', ISOLATE_EGRESS), netpol('shop', 'dns', { podSelector: {}, policyTypes: ['Egress'], egress: [DNS_RULE] })],
    fields: [],
  },
  {
    name: 'does not fire when DNS goes to a node-local cache address',
    manifests: [netpol('shop', 'api', { ...ISOLATE_EGRESS, egress: [{ to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ protocol: 'UDP', port: 53 }] }] })],
    fields: [],
  },
  { name: 'does not fire when a policy on the pods is annotated no-egress', manifests: [netpol('shop', 'api', ISOLATE_EGRESS), noEgress()], fields: [] },
  { name: 'does not fire for ingress-only policies', manifests: [netpol('shop', 'api', { podSelector: {}, policyTypes: ['Ingress'] })], fields: [] },
]);
