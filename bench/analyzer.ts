/**
 * Analyzer benchmark: the full truth table of a synthetic cluster for one port, against a naive per-pair
 * evaluator. Options: --workloads N (1000), --policies M (1000), --runs R (5), --sample S (2000 pairs).
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { NaiveEndpoint, NaiveEvaluator } from './naive-evaluator';
import { buildCluster, random } from './synthetic-cluster';
import { Endpoint, PolicyAnalyzer, TruthTable } from '../src/analysis';
import { Protocol } from '../src/protocol';

export interface BenchOutcome {
  /** False when a check inside the benchmark failed. */
  readonly ok: boolean;
}

const PORT = 8080;

export function runAnalyzerBenchmark(args: string[]): BenchOutcome {
  const workloads = numberArg(args, '--workloads', 1000);
  const policies = numberArg(args, '--policies', 1000);
  const runs = numberArg(args, '--runs', 5);
  const sampleSize = numberArg(args, '--sample', 2000);
  const cluster = buildCluster(workloads, policies);
  const parse = timed(() => PolicyAnalyzer.fromManifests(cluster.manifests));
  const analyzer = parse.value;
  const endpoints = [...analyzer.endpoints(), ...cluster.addresses.map((a) => Endpoint.ip(a))];
  const tableTimes: number[] = [];
  let table = analyzer.truthTable({ ports: [{ port: PORT }], endpoints });
  for (let r = 0; r < runs; r++) {
    const t = timed(() => analyzer.truthTable({ ports: [{ port: PORT }], endpoints }));
    tableTimes.push(t.ms);
    table = t.value;
  }
  const n = endpoints.length;
  const naive = new NaiveEvaluator(cluster.manifests);
  const naiveEndpoints = endpoints.map((e) => toNaive(e, cluster.manifests));
  const rnd = random(7);
  const sample = samplePairs(table, endpoints.length, sampleSize, rnd);
  let disagreements = 0;
  const naiveRun = timed(() => sample.forEach(([s, d]) => {
    const slow = naive.allowed(naiveEndpoints[s], naiveEndpoints[d], PORT, Protocol.TCP);
    if (slow !== table.isAllowed(endpoints[s].key, endpoints[d].key, 0)) disagreements++;
  }));
  const tableMedian = median(tableTimes);
  const naiveFullEstimate = (naiveRun.ms / sampleSize) * n * n;
  const result = {
    workloads,
    policies: cluster.policyCount,
    endpoints: n,
    pairs: n * n,
    port: `TCP ${PORT}`,
    parseMs: round(parse.ms),
    truthTableMedianMs: round(tableMedian),
    truthTableRunsMs: tableTimes.map(round),
    allowedCells: table.allowedCount(0),
    naiveSamplePairs: sampleSize,
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

/** Half random pairs, half drawn from the allowed cells (random pairs are nearly all denied). */
function samplePairs(table: TruthTable, n: number, size: number, rnd: () => number): number[][] {
  const pairs = Array.from({ length: Math.ceil(size / 2) }, () => [Math.floor(rnd() * n), Math.floor(rnd() * n)]);
  const data = table.toData().matrices[0].rows;
  const allowed: number[][] = [];
  data.forEach((row, s) => row.allowed.forEach((ok, d) => ok && allowed.push([s, d])));
  for (let i = 0; pairs.length < size && allowed.length > 0; i++) {
    pairs.push(allowed[Math.floor(rnd() * allowed.length)]);
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
    ['cluster', `${r.workloads} workloads, ${r.policies} policies, ${r.endpoints} endpoints (${r.pairs} pairs), ${r.port}`],
    ['parse + normalize', `${r.parseMs} ms`],
    ['truth table (median)', `${r.truthTableMedianMs} ms  runs: ${(r.truthTableRunsMs as number[]).join(', ')}`],
    ['allowed cells', String(r.allowedCells)],
    ['naive baseline', `${r.naiveSampleMs} ms for ${r.naiveSamplePairs} sampled pairs`],
    ['naive full (estimated)', `${r.naiveFullEstimateMs} ms (extrapolated from the sample, not run in full)`],
    ['speedup', `${r.speedup}x`],
    ['agreement on sample', r.disagreements === 0 ? 'all sampled pairs agree' : `${r.disagreements} DISAGREE`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('analyzer benchmark');
  rows.forEach(([k, v]) => console.log(`  ${k.padEnd(width)}  ${v}`));
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function numberArg(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
}
