import { netpol } from '../../util';
import { checkCases, DNS_RULE } from '../lint-cases';

const UDP_ONLY = { ...DNS_RULE, ports: [{ protocol: 'UDP', port: 53 }] };

checkCases('egress-blocks-dns-tcp', [
  { name: 'fires when only UDP 53 is allowed', manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [UDP_ONLY] })], fields: ['spec.egress'] },
  { name: 'does not fire when UDP and TCP 53 are allowed', manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [DNS_RULE] })], fields: [] },
  { name: 'does not fire when UDP is blocked too (egress-blocks-dns reports that)', manifests: [netpol('shop', 'api', { policyTypes: ['Egress'] })], fields: [] },
]);
