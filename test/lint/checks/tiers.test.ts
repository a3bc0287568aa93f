import { Cni } from '../../../src/lint';
import { anp, banp, cnp, nsName } from '../../cluster/tier-manifests';
import { namespaceManifest, netpol } from '../../util';
import { checkCases } from '../lint-cases';

const ALL = { namespaces: {} };
const admin = (name: string, priority: number, spec: any) => cnp(name, { tier: 'Admin', priority, subject: { namespaces: nsName('shop') }, ...spec });
const deny = (from: any) => ({ action: 'Deny', from: [from] });
const SHOP = namespaceManifest('shop');
const tcpRange = (start: number, end: number) => ({ tcp: { destinationPort: { range: { start, end } } } });

checkCases('tier-priority-overlap', [
  { name: 'fires on two Admin policies of one priority with rules in one direction', manifests: [admin('a', 5, { ingress: [deny(ALL)] }), admin('b', 5, { ingress: [deny(ALL)] })], fields: ['spec.priority'] },
  { name: 'does not fire on distinct priorities', manifests: [admin('a', 5, { ingress: [deny(ALL)] }), admin('b', 6, { ingress: [deny(ALL)] })], fields: [] },
  { name: 'does not fire on rules of different directions', manifests: [admin('a', 5, { ingress: [deny(ALL)] }), admin('b', 5, { egress: [{ action: 'Deny', to: [ALL] }] })], fields: [] },
  {
    name: 'does not fire on subjects that can never share a pod',
    manifests: [admin('a', 5, { ingress: [deny(ALL)] }),
      cnp('b', { tier: 'Admin', priority: 5, subject: { namespaces: nsName('blog') }, ingress: [deny(ALL)] })],
    fields: [],
  },
  {
    name: 'does not fire on subjects that an expression keeps apart (the old check read matchLabels only)',
    manifests: [admin('a', 5, { ingress: [deny(ALL)] }),
      cnp('b', { tier: 'Admin', priority: 5, subject: { namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['shop'] }] } }, ingress: [deny(ALL)] })],
    fields: [],
  },
  {
    name: 'does not fire on rules whose peers no pod matches both (the old check compared directions only)',
    manifests: [admin('a', 5, { ingress: [deny({ namespaces: nsName('monitoring') })] }), admin('b', 5, { ingress: [deny({ namespaces: nsName('logging') })] })],
    fields: [],
  },
  {
    name: 'does not fire on rules of disjoint ports',
    manifests: [
      admin('a', 5, { ingress: [{ ...deny(ALL), protocols: [{ tcp: { destinationPort: { number: 80 } } }] }] }),
      admin('b', 5, { ingress: [{ ...deny(ALL), protocols: [{ tcp: { destinationPort: { range: { start: 443, end: 8443 } } } }] }] }),
    ],
    fields: [],
  },
  {
    name: 'fires on subjects that meet through expressions, and peers and ports that meet',
    manifests: [
      cnp('a', { tier: 'Admin', priority: 5, subject: { namespaces: { matchLabels: { env: 'prod' } } }, ingress: [{ ...deny(ALL), protocols: [{ tcp: { destinationPort: { number: 80 } } }] }] }),
      cnp('b', {
        tier: 'Admin',
        priority: 5,
        subject: { namespaces: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } },
        ingress: [{ ...deny({ namespaces: nsName('monitoring') }), protocols: [{ tcp: { destinationPort: { range: { start: 1, end: 100 } } } }] }],
      }),
    ],
    fields: ['spec.priority'],
  },
  {
    name: 'does not fire on a subject that requires a label the other excludes',
    manifests: [
      cnp('a', { tier: 'Admin', priority: 5, subject: { namespaces: { matchLabels: { env: 'prod' } } }, ingress: [deny(ALL)] }),
      cnp('b', { tier: 'Admin', priority: 5, subject: { namespaces: { matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] } }, ingress: [deny(ALL)] }),
    ],
    fields: [],
  },
  { name: 'does not fire across tiers', manifests: [admin('a', 5, { ingress: [deny(ALL)] }), cnp('b', { tier: 'Baseline', priority: 5, subject: { namespaces: {} }, ingress: [deny(ALL)] })], fields: [] },
]);

checkCases('tier-shadowed-rule', [
  { name: 'fires on a rule after one of every namespace', manifests: [admin('a', 1, { ingress: [deny(ALL), { action: 'Accept', from: [{ namespaces: nsName('monitoring') }] }] })], fields: ['spec.ingress[1]'] },
  { name: 'fires on a rule with the same action after a broader one', manifests: [admin('a', 1, { ingress: [deny(ALL), deny({ namespaces: nsName('monitoring') })] })], fields: ['spec.ingress[1]'] },
  {
    name: 'fires on a port already covered by a range',
    manifests: [admin('a', 1, {
      egress: [
        { action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ tcp: { destinationPort: { range: { start: 1, end: 1000 } } } }] },
        { action: 'Accept', to: [{ networks: ['10.1.0.0/16'] }], protocols: [{ tcp: { destinationPort: { number: 80 } } }] },
      ],
    })],
    fields: ['spec.egress[1]'],
  },
  {
    name: 'does not fire when the earlier rule has ports the later one does not',
    manifests: [admin('a', 1, {
      ingress: [
        { ...deny(ALL), protocols: [{ tcp: { destinationPort: { number: 80 } } }] }, deny(nsName('x')),
      ],
    })],
    fields: [],
  },
  { name: 'does not fire on narrower rules first', manifests: [admin('a', 1, { ingress: [{ action: 'Accept', from: [{ namespaces: nsName('monitoring') }] }, deny(ALL)] })], fields: [] },
  // Cases the old check (one earlier entry holding the later one, selectors equal as written) missed
  {
    name: 'fires on ports that two earlier ranges cover together',
    manifests: [admin('a', 1, {
      ingress: [
        { ...deny(ALL), protocols: [tcpRange(1, 100), tcpRange(101, 200)] },
        { ...deny({ namespaces: nsName('x') }), protocols: [{ tcp: { destinationPort: { range: { start: 50, end: 150 } } } }] },
      ],
    })],
    fields: ['spec.ingress[1]'],
  },
  {
    name: 'fires on networks that two earlier networks cover together',
    manifests: [admin('a', 1, {
      egress: [
        { action: 'Deny', to: [{ networks: ['10.0.0.0/9', '10.128.0.0/9'] }] },
        { action: 'Accept', to: [{ networks: ['10.0.0.0/8'] }] },
      ],
    })],
    fields: ['spec.egress[1]'],
  },
  {
    name: 'fires on a namespace an earlier expression already names',
    manifests: [admin('a', 1, {
      ingress: [
        deny({ namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['logging', 'monitoring'] }] } }),
        { action: 'Accept', from: [{ namespaces: nsName('monitoring') }] },
      ],
    })],
    fields: ['spec.ingress[1]'],
  },
  {
    name: 'fires on pods an earlier pod selector of the same namespaces holds',
    manifests: [admin('a', 1, {
      ingress: [
        deny({ pods: { namespaceSelector: nsName('shop'), podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] } } }),
        deny({ pods: { namespaceSelector: nsName('shop'), podSelector: { matchLabels: { app: 'web', tier: 'front' } } } }),
      ],
    })],
    fields: ['spec.ingress[1]'],
  },
  {
    name: 'fires on any peer after networks of every address',
    manifests: [admin('a', 1, {
      egress: [
        { action: 'Deny', to: [{ networks: ['0.0.0.0/0', '::/0'] }] },
        { action: 'Accept', to: [{ namespaces: nsName('kube-system') }] },
      ],
    })],
    fields: ['spec.egress[1]'],
  },
  {
    name: 'does not fire when the later namespaces reach past the earlier ones',
    manifests: [admin('a', 1, {
      ingress: [
        deny({ namespaces: nsName('monitoring') }),
        deny({ namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['logging', 'monitoring'] }] } }),
      ],
    })],
    fields: [],
  },
  {
    name: 'does not fire when the later range reaches past the earlier ranges',
    manifests: [admin('a', 1, {
      ingress: [
        { ...deny(ALL), protocols: [tcpRange(1, 100), tcpRange(102, 200)] },
        { ...deny(ALL), protocols: [{ tcp: { destinationPort: { range: { start: 50, end: 150 } } } }] },
      ],
    })],
    fields: [],
  },
]);

checkCases('tier-pass-falls-through', [
  { name: 'fires on a Pass into a namespace without NetworkPolicies', manifests: [SHOP, admin('a', 1, { ingress: [{ action: 'Pass', from: [ALL] }] })], fields: ['spec.ingress[0].action'] },
  {
    name: 'does not fire when a NetworkPolicy isolates that direction there',
    manifests: [SHOP, admin('a', 1, { ingress: [{ action: 'Pass', from: [ALL] }] }),
      netpol('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })],
    fields: [],
  },
  { name: 'does not fire when the namespace is not in the manifests', manifests: [admin('a', 1, { ingress: [{ action: 'Pass', from: [ALL] }] })], fields: [] },
]);

const DNS_ACCEPT = { action: 'Accept', to: [{ pods: { namespaceSelector: nsName('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }] };
checkCases('baseline-blocks-dns', [
  { name: 'fires on a Baseline deny of all egress', manifests: [SHOP, cnp('b', { tier: 'Baseline', priority: 1, subject: ALL, egress: [{ action: 'Deny', to: [ALL] }] })], fields: ['spec.egress[0]'] },
  { name: 'fires on a Baseline deny of all ingress, which reaches the DNS pods', manifests: [SHOP, cnp('b', { tier: 'Baseline', priority: 1, subject: ALL, ingress: [deny(ALL)] })], fields: ['spec.ingress[0]'] },
  { name: 'does not fire when DNS is accepted first', manifests: [SHOP, cnp('b', { tier: 'Baseline', priority: 1, subject: { namespaces: nsName('shop') }, egress: [DNS_ACCEPT, { action: 'Deny', to: [ALL] }] })], fields: [] },
  { name: 'reads a v1alpha1 BaselineAdminNetworkPolicy too', manifests: [SHOP, banp({ subject: ALL, egress: [{ action: 'Deny', to: [ALL] }] })], fields: ['spec.egress[0]'] },
]);

const DOMAINS = admin('d', 1, { egress: [{ action: 'Accept', to: [{ domainNames: ['example.com'] }] }] });
checkCases('cni-unsupported-tier', [
  { name: 'fires on a ClusterNetworkPolicy on Weave Net', manifests: [admin('a', 1, {})], options: { cni: Cni.WEAVE_NET }, fields: ['kind'] },
  { name: 'fires on an AdminNetworkPolicy on Calico (removed in 3.32)', manifests: [anp('a', { priority: 1, subject: ALL })], options: { cni: Cni.CALICO }, fields: ['kind'] },
  { name: 'does not fire on a ClusterNetworkPolicy on Calico', manifests: [admin('a', 1, {})], options: { cni: Cni.CALICO }, fields: [] },
  { name: 'fires on domain names on Calico (standard fields only)', manifests: [DOMAINS], options: { cni: Cni.CALICO }, fields: ['spec.egress[0].to[0].domainNames'] },
  { name: 'fires on a ClusterNetworkPolicy on Cilium (flag and CRD needed) and through Multus', manifests: [admin('a', 1, {})], options: { cni: Cni.multus(Cni.CILIUM) }, fields: ['kind'] },
  { name: 'does not fire without a declared CNI', manifests: [DOMAINS], fields: [] },
]);
