import { generateCluster } from '../../bench/cli-clusters';
import { buildCluster } from '../../bench/synthetic-cluster';
import { Endpoint, PolicyAnalyzer, ProbePort } from '../../src/analysis';
import { Protocol } from '../../src/protocol';
import { ErrorCode, problemOf } from '../problems';
import { API, deployment, INTERNET, netpol, WEB } from '../util';

const POLICIES = [
  netpol('shop', 'api', {
    podSelector: { matchLabels: { app: 'api' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'http' }] }],
  }),
];

describe('truth table', () => {
  test('holds one matrix per port over the endpoints in order', () => {
    // GIVEN
    const analyzer = PolicyAnalyzer.fromManifests(POLICIES);
    // WHEN
    const table = analyzer.truthTable({ ports: [{ port: 8080 }, { portName: 'http' }, { port: 53, protocol: Protocol.UDP }], endpoints: [WEB, API, INTERNET] });
    // THEN
    expect(table.keys).toEqual(['shop/web', 'shop/api', 'ip:203.0.113.7']);
    expect(table.ports.map((p) => p.label)).toEqual(['TCP 8080', 'TCP "http"', 'UDP 53']);
    expect(table.isAllowed('shop/web', 'shop/api', 0)).toBe(true);
    expect(table.isAllowed('ip:203.0.113.7', 'shop/api', 0)).toBe(false);
    expect(table.isAllowed('shop/api', 'shop/web', 0)).toBe(true);
    expect(table.isAllowed('shop/web', 'shop/api', 2)).toBe(false);
  });

  test('denies cells whose port name does not resolve on the destination', () => {
    // GIVEN
    const analyzer = PolicyAnalyzer.fromManifests(POLICIES);
    // WHEN
    const table = analyzer.truthTable({ ports: [{ portName: 'http' }], endpoints: [WEB, API] });
    // THEN
    expect(table.isAllowed('shop/web', 'shop/api', 0)).toBe(true);
    expect(table.isAllowed('shop/api', 'shop/web', 0)).toBe(false);
    expect(table.allowedCount(0)).toBe(1);
  });

  test('gives plain data for renderers', () => {
    // GIVEN
    const analyzer = PolicyAnalyzer.fromManifests([...POLICIES, deployment('shop', 'web', { app: 'web' })]);
    // WHEN
    const data = analyzer.truthTable({ ports: [{ port: 8080 }], extraEndpoints: [API] }).toData();
    // THEN
    expect(data).toEqual({
      endpoints: ['shop/web', 'shop/api'],
      ports: [{ label: 'TCP 8080', port: 8080, protocol: 'TCP' }],
      matrices: [{
        port: { label: 'TCP 8080', port: 8080, protocol: 'TCP' },
        rows: [{ source: 'shop/web', allowed: [true, true] }, { source: 'shop/api', allowed: [true, false] }],
      }],
    });
  });

  test('throws when two endpoints share a key, or a key or port index is unknown', () => {
    // GIVEN
    const analyzer = PolicyAnalyzer.fromManifests(POLICIES);
    const table = analyzer.truthTable({ ports: [{ port: 80 }], endpoints: [WEB] });
    // WHEN / THEN
    expect(problemOf(() => analyzer.truthTable({ ports: [{ port: 80 }], endpoints: [WEB, WEB] }))).toMatchObject({ code: ErrorCode.DUPLICATE, where: 'PolicyAnalyzer.truthTable()', value: 'shop/web' });
    expect(problemOf(() => table.isAllowed('shop/web', 'shop/nope', 0))).toMatchObject({ code: ErrorCode.NOT_FOUND, where: 'TruthTable', value: 'shop/nope' });
    expect(problemOf(() => table.isAllowed('shop/web', 'shop/web', 1))).toMatchObject({ code: ErrorCode.INDEX_OUT_OF_RANGE, where: 'TruthTable', value: 1 });
    expect(problemOf(() => analyzer.truthTable({ ports: [{}] }))).toMatchObject({ code: ErrorCode.CONFLICTING_OPTIONS, where: 'PolicyAnalyzer.truthTable()', value: {} });
  });

  test('agrees with evaluate() on every pair of a synthetic cluster, for numbered, named, ranged and UDP ports', () => {
    // GIVEN a mixed cluster: deny-all, DNS, tier rules, named ports, ipBlocks with except, NotIn namespaces
    const cluster = buildCluster(60, 60, 3);
    const analyzer = PolicyAnalyzer.fromManifests(cluster.manifests);
    const endpoints = [...analyzer.endpoints(), ...cluster.addresses.map((a) => Endpoint.ip(a))];
    const ports: ProbePort[] = [{ port: 8080 }, { port: 443 }, { port: 8500 }, { portName: 'metrics' }, { port: 53, protocol: Protocol.UDP }];
    // WHEN
    const table = analyzer.truthTable({ ports, endpoints });
    // THEN
    const disagreements: string[] = [];
    ports.forEach((port, p) => {
      for (const source of endpoints) {
        for (const destination of endpoints) {
          const allowed = analyzer.evaluate({ source, destination, ...port }).allowed;
          if (allowed !== table.isAllowed(source.key, destination.key, p)) disagreements.push(`${source.key} -> ${destination.key} #${p}`);
        }
      }
    });
    expect(disagreements).toEqual([]);
    expect(table.allowedCount(0)).toBeGreaterThan(0);
    expect(table.allowedCount(0)).toBeLessThan(endpoints.length * endpoints.length);
  });
});

test.each([['unique', 75], ['mixed', 140]] as const)('agrees with evaluate() on every pair of the %s benchmark cluster of %d workloads', (generator, n) => {
  // GIVEN more classes than one 32-bit word holds, and addresses inside and outside the ipBlocks
  const analyzer = PolicyAnalyzer.fromManifests(generateCluster(generator, n));
  const endpoints = [...analyzer.endpoints(), Endpoint.ip('203.0.113.9'), Endpoint.ip('10.1.2.3')];
  const ports: ProbePort[] = [{ port: 8080 }, { port: 443 }, { portName: 'http' }, { portName: 'metrics' }, { port: 53, protocol: Protocol.UDP }];
  // WHEN
  const table = analyzer.truthTable({ ports, endpoints });
  // THEN every cell agrees, and the counts are the counts of allowed cells
  const disagreements: string[] = [];
  ports.forEach((port, p) => {
    let allowedCells = 0;
    for (const source of endpoints) {
      for (const destination of endpoints) {
        const allowed = analyzer.evaluate({ source, destination, ...port }).allowed;
        allowedCells += allowed ? 1 : 0;
        if (allowed !== table.isAllowed(source.key, destination.key, p)) disagreements.push(`${source.key} -> ${destination.key} #${p}`);
      }
    }
    if (table.allowedCount(p) !== allowedCells) disagreements.push(`count #${p}: ${table.allowedCount(p)} != ${allowedCells}`);
  });
  expect(disagreements).toEqual([]);
});

describe('diff', () => {
  test('lists the flows a policy change opens or closes, sorted', () => {
    // GIVEN the api admits web on "http"; after the change it admits nobody and the cache may reach web no more
    const before = PolicyAnalyzer.fromManifests([...POLICIES, deployment('shop', 'web', { app: 'web' })]);
    const after = PolicyAnalyzer.fromManifests([
      netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } } }),
      netpol('shop', 'cache', { podSelector: { matchLabels: { app: 'cache' } }, policyTypes: ['Egress'] }),
      deployment('shop', 'web', { app: 'web' }),
      deployment('shop', 'cache', { app: 'cache' }),
    ]);
    // WHEN
    const changes = PolicyAnalyzer.diff(before, after, { ports: [{ port: 8080 }], extraEndpoints: [API] });
    // THEN
    expect(changes).toEqual([
      { source: 'shop/cache', destination: 'shop/cache', port: 8080, portName: undefined, protocol: 'TCP', allowedBefore: true, allowedAfter: false },
      { source: 'shop/cache', destination: 'shop/web', port: 8080, portName: undefined, protocol: 'TCP', allowedBefore: true, allowedAfter: false },
      { source: 'shop/web', destination: 'shop/api', port: 8080, portName: undefined, protocol: 'TCP', allowedBefore: true, allowedAfter: false },
    ]);
  });

  test('is empty when nothing changes', () => {
    // GIVEN
    const a = PolicyAnalyzer.fromManifests(POLICIES);
    // WHEN
    const changes = PolicyAnalyzer.diff(a, PolicyAnalyzer.fromManifests(POLICIES), { ports: [{ port: 8080 }], extraEndpoints: [WEB, API] });
    // THEN
    expect(changes).toEqual([]);
  });
});
