import { Linter } from '../../../src/lint';
import { netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

const MONITORING = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };

checkCases('split-namespace-and-pod-peers', [
  {
    name: 'fires for a namespaceSelector-only and a podSelector-only peer in one ingress rule (the YAML OR trap)',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [MONITORING, pods('prometheus')] }] })],
    fields: ['spec.ingress[0].from'],
  },
  {
    name: 'fires for the same trap in an egress rule',
    manifests: [netpol('shop', 'api', { policyTypes: ['Egress'], egress: [{ to: [pods('db'), MONITORING] }] })],
    fields: ['spec.egress[0].to'],
  },
  {
    name: 'does not fire for both selectors in one peer (the AND)',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [{ ...MONITORING, ...pods('prometheus') }] }] })],
    fields: [],
  },
  {
    name: 'does not fire when the two peers are written as two rules',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [MONITORING] }, { from: [pods('prometheus')] }] })],
    fields: [],
  },
  {
    name: 'does not fire next to an ipBlock or an AND peer',
    manifests: [netpol('shop', 'api', { ingress: [{ from: [MONITORING, { ipBlock: { cidr: '10.0.0.0/8' } }, { ...MONITORING, ...pods('x') }] }] })],
    fields: [],
  },
]);

test('the finding names the OR, the pod labels and the AND fix', () => {
  // GIVEN
  const manifests = [netpol('shop', 'api', { ingress: [{ from: [MONITORING, pods('prometheus')] }] })];
  // WHEN
  const [finding] = Linter.lintManifests(manifests).filter((f) => f.code === 'split-namespace-and-pod-peers');
  // THEN
  expect(finding.severity).toBe('warning');
  expect(finding.message).toContain('ORs');
  expect(finding.message).toContain('{"app":"prometheus"}');
  expect(finding.message).toContain('Peer.podsInNamespaces()');
});
