import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Endpoint, PolicyAnalyzer } from '../../src/analysis';
import { Protocol } from '../../src/protocol';

/**
 * Conformance: every probe cell of every case in test/fixtures/conformance (upstream e2e suite facts and
 * API-reference semantics) must match, both through evaluate() and through the truth table.
 */
interface Case {
  readonly file: string;
  readonly ignoreLoopback: boolean;
  readonly cluster: { namespaces: any[]; pods: any[] };
  readonly policies: any[];
  readonly probes: Array<{ port: number; protocol: Protocol; expect: Record<string, Record<string, boolean>> }>;
}

const DIR = join(__dirname, '..', 'fixtures', 'conformance');
/** The NetworkPolicy cases at the top, and the cluster-wide tier cases (ClusterNetworkPolicy) under tiers/. */
const CASES: Case[] = ['', 'tiers'].flatMap((sub) => readdirSync(join(DIR, sub)).filter((f) => f.endsWith('.json')).sort()
  .map((file) => ({ file: sub === '' ? file : `${sub}/${file}`, ...JSON.parse(readFileSync(join(DIR, sub, file), 'utf8')) })));

/** The case's cluster as manifests: Namespaces, Pods (labels, named container ports, status.podIP), policies. */
function manifestsOf(c: Case): any[] {
  const namespaces = c.cluster.namespaces.map((ns) => ({
    apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels ?? {} },
  }));
  const pods = c.cluster.pods.map((pod) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace, labels: pod.labels },
    spec: {
      containers: [{
        name: 'c',
        image: 'agnhost',
        ports: pod.ports.map((p: any) => ({ containerPort: p.port, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) })),
      }],
    },
    status: { podIP: pod.ip },
  }));
  return [...namespaces, ...pods, ...c.policies];
}

/** Every key of the probes that names an address, as an endpoint. */
function addressesOf(c: Case): Endpoint[] {
  const keys = new Set<string>();
  for (const probe of c.probes) {
    for (const [source, row] of Object.entries(probe.expect)) {
      [source, ...Object.keys(row)].filter((k) => k.startsWith('ip:')).forEach((k) => keys.add(k));
    }
  }
  return [...keys].sort().map((k) => Endpoint.ip(k.slice(3)));
}

interface Cell { probe: number; source: string; destination: string; expected: boolean }

function cellsOf(c: Case): Cell[] {
  const cells: Cell[] = [];
  c.probes.forEach((probe, p) => {
    for (const [source, row] of Object.entries(probe.expect)) {
      for (const [destination, expected] of Object.entries(row)) {
        if (!(c.ignoreLoopback && source === destination)) cells.push({ probe: p, source, destination, expected });
      }
    }
  });
  return cells;
}

describe('conformance', () => {
  test('the fixtures hold every case of the shared suite', () => {
    // GIVEN the copied fixtures  WHEN counted  THEN both groups are present
    expect(CASES.filter((c) => c.file.startsWith('s')).length).toBeGreaterThanOrEqual(24);
    expect(CASES.filter((c) => c.file.startsWith('tiers/')).length).toBeGreaterThanOrEqual(46);
    expect(CASES.length).toBeGreaterThanOrEqual(99);
  });

  test.each(CASES.map((c) => [c.file, c] as const))('%s: evaluate() gives the expected verdict for every probe cell', (_name, c) => {
    // GIVEN the case's cluster as manifests
    const analyzer = PolicyAnalyzer.fromManifests(manifestsOf(c));
    const endpoints = new Map([...analyzer.endpoints(), ...addressesOf(c)].map((e) => [e.key, e]));
    // WHEN every cell is evaluated
    const wrong = cellsOf(c).filter((cell) => {
      const probe = c.probes[cell.probe];
      const verdict = analyzer.evaluate({
        source: endpoints.get(cell.source)!,
        destination: endpoints.get(cell.destination)!,
        port: probe.port,
        protocol: probe.protocol,
      });
      return verdict.allowed !== cell.expected;
    }).map((cell) => `${cell.source} -> ${cell.destination} ${c.probes[cell.probe].protocol} ${c.probes[cell.probe].port}: expected ${cell.expected}`);
    // THEN none differs
    expect(wrong).toEqual([]);
  });

  test.each(CASES.map((c) => [c.file, c] as const))('%s: the truth table gives the expected verdict for every probe cell', (_name, c) => {
    // GIVEN the case's cluster as manifests
    const analyzer = PolicyAnalyzer.fromManifests(manifestsOf(c));
    // WHEN a truth table is computed for every probed port, with the external addresses added
    const table = analyzer.truthTable({
      ports: c.probes.map((p) => ({ port: p.port, protocol: p.protocol })),
      extraEndpoints: addressesOf(c),
    });
    // THEN every cell matches
    const wrong = cellsOf(c).filter((cell) => table.isAllowed(cell.source, cell.destination, cell.probe) !== cell.expected)
      .map((cell) => `${cell.source} -> ${cell.destination} probe ${cell.probe}: expected ${cell.expected}`);
    expect(wrong).toEqual([]);
  });
});
