import { Linter } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases } from '../lint-cases';

const cilium = { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'l7', namespace: 'shop' }, spec: {} };
const calico = { apiVersion: 'projectcalico.org/v3', kind: 'GlobalNetworkPolicy', metadata: { name: 'deny' }, spec: {} };

checkCases('unanalyzed-policy-kind', [
  { name: 'fires for a CiliumNetworkPolicy', manifests: [cilium], fields: [''] },
  { name: 'fires for each policy of a List', manifests: [{ kind: 'List', apiVersion: 'v1', items: [cilium, calico] }], fields: ['', ''] },
  { name: 'does not fire for a Kubernetes NetworkPolicy', manifests: [netpol('shop', 'a', {})], fields: [] },
  { name: 'does not fire for a kind without effect on connectivity', manifests: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }], fields: [] },
]);

describe('unanalyzed-policy-kind findings', () => {
  test('name the document and the object, as a warning', () => {
    // WHEN
    const findings = Linter.lintManifests([calico], { sources: ['calico.yaml#0'] }).filter((f) => f.code === 'unanalyzed-policy-kind');
    // THEN
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', source: 'calico.yaml#0', documentIndex: 0 })]);
    expect(findings[0].message).toMatch(/^\[calico\.yaml#0 GlobalNetworkPolicy deny\] is a GlobalNetworkPolicy \(projectcalico\.org\/v3\), which changes connectivity but is not analyzed/);
  });
});

describe('lint over lists', () => {
  test('lints each policy of a NetworkPolicyList with its item as source', () => {
    // GIVEN a policy without namespace, as an item without kind
    const { kind, apiVersion, ...item } = netpol(undefined as any, 'a', {});
    // WHEN
    const findings = Linter.lintManifests([{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [item] }], { sources: ['np.json#0'] });
    // THEN
    expect(findings.filter((f) => f.code === 'missing-namespace').map((f) => f.source)).toEqual(['np.json#0 items[0]']);
  });

  test('reports a malformed item of a NetworkPolicyList as invalid-manifest naming the item', () => {
    // GIVEN
    const { kind, apiVersion, ...item } = netpol('shop', 'a', { ingress: [{ ports: [{ port: 0 }] }] });
    // WHEN
    const findings = Linter.lintManifests([{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [item] }], { sources: ['np.json#0'] });
    // THEN
    expect(findings.map((f) => f.code)).toEqual(['invalid-manifest']);
    expect(findings[0].message).toMatch(/^\[np\.json#0 items\[0\] NetworkPolicy shop\/a\] spec\.ingress\[0\]\.ports\[0\]\.port must be from 1 to 65535/);
  });
});
