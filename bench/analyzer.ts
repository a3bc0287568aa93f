/**
 * Analyzer benchmark: the full truth table of a synthetic cluster, against a naive per-pair evaluator.
 * Options: --workloads N (1000), --policies M (1000), --runs R (5), --sample S (2000 pairs per port),
 * --generator synthetic|unique|mixed|tiers (synthetic: bench/synthetic-cluster.ts, one port; unique, mixed and
 * tiers: bench/cli-clusters.ts with N workloads and N policies, five ports: TCP 8080, 443, "http", "metrics",
 * UDP 53; unique is the worst case, every workload its own class; tiers is unique under cluster-wide
 * guardrails). Times are CPU time of the table's computation. The sample is checked against the naive
 * evaluator, which knows NetworkPolicies only; with tiers, against `evaluate()` (allowed and unknown).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generateCluster, Generator } from './cli-clusters';
import { NaiveEndpoint, NaiveEvaluator } from './naive-evaluator';
import { buildCluster, random } from './synthetic-cluster';
import { Endpoint, PolicyAnalyzer, ProbePort, TruthTable } from '../src/analysis';
import { Protocol } from '../src/protocol';

export interface BenchOutcome {
  /** False when a check inside the benchmark failed. */
  readonly ok: boolean;
}

const PORT = 8080;
const FIVE_PORTS: ProbePort[] = [{ port: 8080 }, { port: 443 }, { portName: 'http' }, { portName: 'metrics' }, { port: 53, protocol: Protocol.UDP }];

interface Setup {
  readonly manifests: any[];
  readonly policyCount: number;
  readonly addresses: string[];
  readonly ports: ProbePort[];
}

function setup(generator: string, workloads: number, policies: number): Setup {
  if (generator === 'synthetic') {
    const cluster = buildCluster(workloads, policies);
    return { manifests: cluster.manifests, policyCount: cluster.policyCount, addresses: cluster.addresses, ports: [{ port: PORT }] };
  }
  const manifests = generateCluster(generator as Generator, workloads);
  const addresses = generator === 'tiers' ? ['203.0.113.9', '10.1.2.3', '169.254.169.254'] : ['203.0.113.9', '10.1.2.3'];
  return { manifests, policyCount: manifests.filter((m) => m.kind === 'NetworkPolicy').length, addresses, ports: FIVE_PORTS };
}

export function runAnalyzerBenchmark(args: string[]): BenchOutcome {
  const workloads = numberArg(args, '--workloads', 1000);
  const policies = numberArg(args, '--policies', 1000);
  const runs = numberArg(args, '--runs', 5);
  const sampleSize = numberArg(args, '--sample', 2000);
  const generator = stringArg(args, '--generator', 'synthetic');
  const cluster = setup(generator, workloads, policies);
  const parse = timed(() => PolicyAnalyzer.fromManifests(cluster.manifests));
  const analyzer = parse.value;
  const endpoints = [...analyzer.endpoints(), ...cluster.addresses.map((a) => Endpoint.ip(a))];
  const ports = cluster.ports;
  const tableTimes: number[] = [];
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  let table = analyzer.truthTable({ ports, endpoints });
  const tableMb = (process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heapBefore) / 2 ** 20;
  for (let r = 0; r < runs; r++) {
    const t = timed(() => analyzer.truthTable({ ports, endpoints }));
    tableTimes.push(t.ms);
    table = t.value;
  }
  const n = endpoints.length;
  const naive = new NaiveEvaluator(cluster.manifests);
  const naiveEndpoints = endpoints.map((e) => toNaive(e, cluster.manifests));
  const tiered = generator === 'tiers';
  const rnd = random(7);
  let disagreements = 0;
  let naiveMs = 0;
  ports.forEach((port, p) => {
    const sample = samplePairs(table, p, endpoints.length, sampleSize, rnd);
    naiveMs += timed(() => sample.forEach(([s, d]) => {
      const [source, destination] = [endpoints[s], endpoints[d]];
      if (tiered) {
        const verdict = analyzer.evaluate({ source, destination, ...port });
        const unknown = table.isUnknown(source.key, destination.key, p);
        if (verdict.allowed !== table.isAllowed(source.key, destination.key, p) || verdict.unknown !== unknown) disagreements++;
        return;
      }
      const number = port.port ?? destination.ports.find((c) => c.name === port.portName && (c.protocol ?? 'TCP') === (port.protocol ?? 'TCP'))?.port;
      const slow = number !== undefined && naive.allowed(naiveEndpoints[s], naiveEndpoints[d], number, port.protocol ?? Protocol.TCP);
      if (slow !== table.isAllowed(source.key, destination.key, p)) disagreements++;
    })).ms;
  });
  const naiveRun = { ms: naiveMs };
  const tableMedian = median(tableTimes);
  const naiveFullEstimate = (naiveRun.ms / (sampleSize * ports.length)) * n * n * ports.length;
  const result = {
    generator,
    workloads,
    policies: cluster.policyCount,
    endpoints: n,
    pairs: n * n,
    port: table.ports.map((p) => p.label).join(', '),
    tableMemoryMb: round(tableMb),
    maxRssMb: round(process.resourceUsage().maxRSS / 1024),
    parseMs: round(parse.ms),
    truthTableMedianMs: round(tableMedian),
    truthTableRunsMs: tableTimes.map(round),
    allowedCells: table.allowedCount(0),
    naiveSamplePairs: sampleSize * ports.length,
    naiveSampleMs: round(naiveRun.ms),
    naiveFullEstimateMs: round(naiveFullEstimate),
    naiveEstimated: true,
    speedup: round(naiveFullEstimate / tableMedian),
    disagreements,
  };
  printTable(result);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'analyzer.json'), JSON.stringify(result, null, 2) + '\n');
  if (disagreements > 0) {
    console.error(`FAIL: the fast and naive evaluators disagree on ${disagreements} of ${sampleSize} sampled pairs`);
  }
  return { ok: disagreements === 0 };
}

/** Half random pairs, half drawn from the allowed cells of the port (random pairs are nearly all denied). */
function samplePairs(table: TruthTable, port: number, n: number, size: number, rnd: () => number): number[][] {
  const pairs = Array.from({ length: Math.ceil(size / 2) }, () => [Math.floor(rnd() * n), Math.floor(rnd() * n)]);
  const { classOf, matrices } = table._classTable();
  const members: number[][] = [];
  classOf.forEach((c, i) => (members[c] = members[c] ?? []).push(i));
  const allowedClasses: number[][] = [];
  members.forEach((_, c) => matrices[port].row(c).elements().forEach((d) => allowedClasses.push([c, d])));
  while (pairs.length < size && allowedClasses.length > 0) {
    const [c, d] = allowedClasses[Math.floor(rnd() * allowedClasses.length)];
    pairs.push([members[c][Math.floor(rnd() * members[c].length)], members[d][Math.floor(rnd() * members[d].length)]]);
  }
  return pairs;
}

function toNaive(e: Endpoint, manifests: any[]): NaiveEndpoint {
  const ns = manifests.find((m) => m.kind === 'Namespace' && m.metadata.name === e.namespace);
  const namespaceLabels = { ...(ns?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': e.namespace ?? '' };
  return { key: e.key, isPod: e.isPod, namespace: e.namespace ?? '', labels: e.labels, namespaceLabels, ports: e.ports, ip: e.address };
}

function printTable(r: Record<string, unknown>): void {
  const rows: Array<[string, string]> = [
    ['cluster', `${r.generator}: ${r.workloads} workloads, ${r.policies} policies, ${r.endpoints} endpoints (${r.pairs} pairs), ${r.port}`],
    ['parse + normalize', `${r.parseMs} ms CPU`],
    ['truth table (median)', `${r.truthTableMedianMs} ms CPU  runs: ${(r.truthTableRunsMs as number[]).join(', ')}`],
    ['table memory', `${r.tableMemoryMb} MB (heap and buffers after the first table); process peak RSS ${r.maxRssMb} MB`],
    ['allowed cells', String(r.allowedCells)],
    [r.generator === 'tiers' ? 'evaluate() baseline' : 'naive baseline', `${r.naiveSampleMs} ms for ${r.naiveSamplePairs} sampled pairs`],
    ['naive full (estimated)', `${r.naiveFullEstimateMs} ms (extrapolated from the sample, not run in full)`],
    ['speedup', `${r.speedup}x`],
    ['agreement on sample', r.disagreements === 0 ? 'all sampled pairs agree' : `${r.disagreements} DISAGREE`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('analyzer benchmark');
  rows.forEach(([k, v]) => console.log(`  ${k.padEnd(width)}  ${v}`));
}

/** CPU time (user + system) of fn: on a shared machine wall time measures the neighbours too. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function stringArg(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

function numberArg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}
