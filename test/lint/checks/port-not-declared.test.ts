import { Linter } from '../../../src/lint';
import { deployment, netpol } from '../../util';
import { checkCases, pods } from '../lint-cases';

const API = deployment('shop', 'api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9090 }]);
const DB = deployment('shop', 'db', { app: 'db' }, [{ name: 'pg', containerPort: 5432 }]);
const BARE = deployment('shop', 'bare', { app: 'bare' });
const toApi = (ports: any[]) => netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [pods('web')], ports }] });

checkCases('port-not-declared', [
  {
    name: 'fires for an ingress grant to a port number the selected workload does not declare',
    manifests: [API, toApi([{ port: 8080 }, { port: 8081 }])],
    fields: ['spec.ingress[0].ports[1]'],
  },
  {
    name: 'fires for a port name the selected workload does not declare, and for the wrong protocol',
    manifests: [API, toApi([{ port: 'metrics' }, { port: 'metrcs' }, { port: 8080, protocol: 'UDP' }])],
    fields: ['spec.ingress[0].ports[1]', 'spec.ingress[0].ports[2]'],
  },
  {
    name: 'fires for an egress grant to a port the destination pods do not declare',
    manifests: [API, DB, netpol('shop', 'api-out', {
      podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to: [pods('db')], ports: [{ port: 5432 }, { port: 3306 }] }],
    })],
    fields: ['spec.egress[0].ports[1]'],
  },
  {
    name: 'does not fire for ranges that cover a declared port, whole protocols, or workloads that declare no ports',
    manifests: [API, BARE, toApi([{ port: 8000, endPort: 8100 }, { protocol: 'UDP' }]),
      netpol('shop', 'bare', { podSelector: { matchLabels: { app: 'bare' } }, ingress: [{ ports: [{ port: 7000 }] }] })],
    fields: [],
  },
  {
    name: 'fires for a port name toward a workload that declares no ports at all',
    manifests: [BARE, netpol('shop', 'bare', { podSelector: { matchLabels: { app: 'bare' } }, ingress: [{ ports: [{ port: 'http' }] }] })],
    fields: ['spec.ingress[0].ports[0]'],
  },
  {
    name: 'does not fire without workloads in the manifests, or for egress to ipBlocks',
    manifests: [toApi([{ port: 1234 }])],
    fields: [],
  },
]);

test('the finding names the port and the workloads', () => {
  // GIVEN
  const manifests = [API, toApi([{ port: 'metrcs' }])];
  // WHEN
  const [finding] = Linter.lintManifests(manifests).filter((f) => f.code === 'port-not-declared');
  // THEN
  expect(finding.message).toContain('the port named "metrcs" (TCP)');
  expect(finding.message).toContain('shop/api');
  expect(finding.message).toContain('(got "metrcs")');
});
