import { Endpoint, PolicyAnalyzer, VerdictOutcome } from '../../src/analysis';
import { Protocol } from '../../src/protocol';
import { netpol } from '../util';
import { cnp, nsName } from './tier-manifests';

/** Tier policies reading namespace labels, pod labels, named ports, networks and nodes, next to a NetworkPolicy. */
const MANIFESTS = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a', labels: { tenant: 'x' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b', labels: { tenant: 'x' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'c', labels: { tenant: 'y' } } },
  cnp('tenants', {
    tier: 'Admin',
    priority: 1,
    subject: { namespaces: { matchLabels: { tenant: 'x' } } },
    ingress: [
      { action: 'Pass', from: [{ namespaces: { matchLabels: { tenant: 'x' } } }] },
      { action: 'Accept', from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { role: 'scraper' } } } }], protocols: [{ destinationNamedPort: 'metrics' }] },
      { action: 'Deny', from: [{ namespaces: {} }] },
    ],
  }),
  cnp('egress', {
    tier: 'Admin',
    priority: 2,
    subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } },
    egress: [
      { action: 'Deny', to: [{ networks: ['10.9.0.0/16'] }] },
      { action: 'Deny', to: [{ nodes: {} }] },
    ],
  }),
  cnp('baseline', { tier: 'Baseline', priority: 1, subject: { namespaces: nsName('c') }, ingress: [{ action: 'Deny', from: [{ namespaces: nsName('a') }] }] }),
  netpol('b', 'only-web', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }),
];

const ENDPOINTS: Endpoint[] = [];
for (const ns of ['a', 'b', 'c', 'd']) {
  for (const [name, labels] of [['web', { app: 'web' }], ['web2', { app: 'web' }], ['db', { app: 'db' }], ['scraper', { role: 'scraper' }]] as const) {
    ENDPOINTS.push(Endpoint.pod({ namespace: ns, name, labels, ports: [{ name: 'metrics', port: 9100 }], ip: `10.9.${ns.charCodeAt(0) - 96}.${ENDPOINTS.length + 1}` }));
  }
}
ENDPOINTS.push(Endpoint.ip('10.9.200.1'), Endpoint.ip('192.0.2.1'), Endpoint.ip('192.0.2.2'));

describe('the truth table with tier policies', () => {
  test.each([[80, Protocol.TCP], [9100, Protocol.TCP], [9100, Protocol.UDP]])('agrees with evaluate() on every cell of port %s/%s', (port, protocol) => {
    // GIVEN endpoints that the grouping may merge into classes
    const analyzer = PolicyAnalyzer.fromManifests(MANIFESTS);
    // WHEN the table is computed
    const table = analyzer.truthTable({ ports: [{ port, protocol }], endpoints: ENDPOINTS });
    // THEN every cell equals the single-query verdict, unknown included
    const wrong: string[] = [];
    const outcomes = new Set<VerdictOutcome>();
    for (const s of ENDPOINTS) {
      for (const d of ENDPOINTS) {
        const v = analyzer.evaluate({ source: s, destination: d, port, protocol });
        outcomes.add(v.outcome);
        if (table.isAllowed(s.key, d.key, 0) !== v.allowed || table.isUnknown(s.key, d.key, 0) !== v.unknown) wrong.push(`${s.key} -> ${d.key}`);
      }
    }
    expect(wrong).toEqual([]);
    expect([...outcomes].sort()).toEqual([VerdictOutcome.ALLOWED, VerdictOutcome.DENIED, VerdictOutcome.UNKNOWN]);
  });
});
