import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { generateCluster } from '../../bench/cli-clusters';
import { random } from '../../bench/synthetic-cluster';
import { Endpoint, PolicyAnalyzer, ProbePort, TruthTable } from '../../src/analysis';
import { Protocol } from '../../src/protocol';

/**
 * The truth table with cluster-wide tiers, computed word by word over classes, against evaluate(), which
 * judges one connection at a time: every cell's allowed and unknown bits, on the upstream tier conformance
 * cases and on the tiered benchmark cluster (every pair of a small one, a sample of a large one).
 */
const CONFORMANCE = join(__dirname, '..', 'fixtures', 'conformance', 'tiers');

interface Case {
  readonly cluster: { namespaces: any[]; pods: any[] };
  readonly policies: any[];
  readonly probes: Array<{ port: number; protocol: Protocol }>;
}

function manifestsOf(c: Case): any[] {
  return [
    ...c.cluster.namespaces.map((ns) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels ?? {} } })),
    ...c.cluster.pods.map((pod) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: pod.name, namespace: pod.namespace, labels: pod.labels },
      spec: { containers: [{ name: 'c', image: 'agnhost', ports: pod.ports.map((p: any) => ({ containerPort: p.port, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) })) }] },
      status: { podIP: pod.ip },
    })),
    ...c.policies,
  ];
}

/** Cells where the table and evaluate() differ, as `source -> destination #port: table / evaluate`. */
function disagreements(analyzer: PolicyAnalyzer, table: TruthTable, ports: ProbePort[], pairs: Array<[Endpoint, Endpoint]>): string[] {
  const found: string[] = [];
  ports.forEach((port, p) => {
    for (const [source, destination] of pairs) {
      const verdict = analyzer.evaluate({ source, destination, ...port });
      const allowed = table.isAllowed(source.key, destination.key, p);
      const unknown = table.isUnknown(source.key, destination.key, p);
      if (allowed !== verdict.allowed || unknown !== verdict.unknown) {
        found.push(`${source.key} -> ${destination.key} #${p}: table ${allowed}/${unknown}, evaluate ${verdict.allowed}/${verdict.unknown}`);
      }
    }
  });
  return found;
}

function everyPair(endpoints: Endpoint[]): Array<[Endpoint, Endpoint]> {
  return endpoints.flatMap((s) => endpoints.map((d): [Endpoint, Endpoint] => [s, d]));
}

const ADDRESSES = ['169.254.169.254', '203.0.113.9', '10.1.2.3', 'fd00:ec2::254', '2001:db8::1'].map((a) => Endpoint.ip(a));
const PORTS: ProbePort[] = [{ port: 8080 }, { port: 443 }, { portName: 'http' }, { portName: 'metrics' }, { port: 53, protocol: Protocol.UDP }];

describe('truth table with cluster-wide tiers', () => {
  const cases = readdirSync(CONFORMANCE).filter((f) => f.endsWith('.json')).sort();

  test.each(cases)('%s: every cell, allowed and unknown, is what evaluate() says', (file) => {
    // GIVEN the case's cluster, and addresses inside and outside its networks
    const c: Case = JSON.parse(readFileSync(join(CONFORMANCE, file), 'utf8'));
    const analyzer = PolicyAnalyzer.fromManifests(manifestsOf(c));
    const endpoints = [...analyzer.endpoints(), ...ADDRESSES];
    const ports = c.probes.map((p) => ({ port: p.port, protocol: p.protocol }));
    // WHEN
    const table = analyzer.truthTable({ ports, endpoints });
    // THEN
    expect(disagreements(analyzer, table, ports, everyPair(endpoints))).toEqual([]);
  });

  test('agrees with evaluate() on every pair of the tiered benchmark cluster, with unknown cells toward addresses', () => {
    // GIVEN more classes than one word holds, every tier's rules taking part, a domain name peer
    const analyzer = PolicyAnalyzer.fromManifests(generateCluster('tiers', 70));
    const endpoints = [...analyzer.endpoints(), ...ADDRESSES];
    // WHEN
    const table = analyzer.truthTable({ ports: PORTS, endpoints });
    // THEN every cell agrees, and the table has allowed, denied and unknown cells
    expect(disagreements(analyzer, table, PORTS, everyPair(endpoints))).toEqual([]);
    expect(table.allowedCount(0)).toBeGreaterThan(0);
    expect(table.unknownCount(1)).toBeGreaterThan(0); // HTTPS to the partner domain from production
    expect(table.unknownCount(0)).toBe(0);
    expect(table.allowedCount(1) + table.unknownCount(1)).toBeLessThan(endpoints.length ** 2);
  });

  test('agrees with evaluate() on a sample of a large tiered cluster', () => {
    // GIVEN 1,500 workloads, 1,500 NetworkPolicies and the guardrails
    const analyzer = PolicyAnalyzer.fromManifests(generateCluster('tiers', 1500));
    const endpoints = [...analyzer.endpoints(), ...ADDRESSES];
    const table = analyzer.truthTable({ ports: PORTS, endpoints });
    // WHEN 3,000 pairs are drawn, a third of them toward an address
    const rnd = random(18);
    const pick = (list: Endpoint[]) => list[Math.floor(rnd() * list.length)];
    const pairs = Array.from({ length: 3000 }, (_, i): [Endpoint, Endpoint] => [pick(endpoints), i % 3 === 0 ? pick(ADDRESSES) : pick(endpoints)]);
    // THEN
    expect(disagreements(analyzer, table, PORTS, pairs)).toEqual([]);
    expect(table.unknownCount(1)).toBeGreaterThan(0);
  });
});
