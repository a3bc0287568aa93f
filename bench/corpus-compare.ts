/**
 * Corpus comparison: our verdicts against the expected connectivity lists of an independent analyzer's test
 * corpus, pair by pair. `npm run bench -- corpus --dir <root>`, where `<root>` holds `tests/<case>/` (the
 * manifests of each case) and `test_outputs/connlist/<case>_connlist_output.txt` (the expected list of the
 * case analyzed with no option). Options:
 *   --dir DIR        the corpus root (required)
 *   --case NAME      only this case (repeatable)
 *   --verbose        print every disagreeing pair, not only the first three of a case
 *
 * The expected list has one line per (source, destination) with some allowed connection:
 * `ns/name[Kind] => 0.0.0.0-9.255.255.255[External] : TCP 80,8080,UDP 53`, or `All Connections`; a pair
 * that is not listed allows nothing, and a workload's traffic to itself is not listed. Pods owned by a
 * controller appear under their owner's name and kind.
 *
 * Each case is read with the command's own reader (files, YAML as kubectl reads it, lists), then our allowed
 * connections are computed between the same workloads and address ranges, for every protocol, at every port
 * where either side's answer can change (each port number, range end and container port of the manifests and
 * of the expected list, and its neighbours), and compared. A case is:
 * - agree: every pair has the same connections;
 * - disagree: some pair differs (listed with the first differing ports);
 * - refused: the reader or the analyzer refused the input (the message is shown);
 * - not comparable: the case depends on what we do not model (other network kinds, ingress controllers
 *   only, a multi-network answer), said why.
 * Cases the other analyzer refuses as malformed (the folders of its fatal-error test,
 * `pkg/netpol/connlist/connlist_test.go` under `<root>`, when present) are read too, and reported as refused
 * by us as well, or read (with what the API server would say, which the reader must follow, not them).
 * Results go to bench/results/corpus.json. The benchmark fails (exit 1) when a case disagrees.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { BenchOutcome } from './analyzer';
import { Endpoint, ProbePort } from '../src/analysis';
import { Io } from '../src/cli/errors';
import { openWorkspace, Workspace } from '../src/cli/workspace';
import { Protocol } from '../src/protocol';

const PROTOCOLS: Protocol[] = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];
/** Kinds whose presence means the expected answer models something we do not: other pod networks, VMs. */
const FOREIGN_KINDS = ['UserDefinedNetwork', 'ClusterUserDefinedNetwork', 'NetworkAttachmentDefinition', 'VirtualMachine'];
const INGRESS_CONTROLLER = '{ingress-controller}';
const CONTROLLERS = ['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController'];

/** Allowed connections: every connection, or port intervals (inclusive) per protocol. */
type Connections = 'all' | Map<Protocol, Array<[number, number]>>;

interface Outcome {
  readonly name: string;
  readonly result: 'agree' | 'disagree' | 'refused' | 'not comparable';
  readonly detail?: string;
  readonly pairs?: number;
  readonly disagreements?: string[];
}

export async function runCorpusBenchmark(args: string[]): Promise<BenchOutcome> {
  const root = optionValues(args, '--dir')[0];
  if (root === undefined || !existsSync(join(root, 'tests'))) {
    console.error('corpus: pass --dir <root>, a directory holding tests/ and test_outputs/connlist/');
    return { ok: false };
  }
  const only = optionValues(args, '--case');
  const verbose = args.includes('--verbose');
  const cases = readdirSync(join(root, 'tests')).filter((c) => statSync(join(root, 'tests', c)).isDirectory())
    .filter((c) => existsSync(expectedFile(root, c)))
    .filter((c) => only.length === 0 || only.includes(c))
    .sort();
  const outcomes: Outcome[] = [];
  for (const name of cases) {
    outcomes.push(await compareCase(root, name));
  }
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    counts.set(o.result, (counts.get(o.result) ?? 0) + 1);
    const line = `${o.result.padEnd(15)} ${o.name}${o.pairs === undefined ? '' : ` (${o.pairs} pairs)`}${o.detail === undefined ? '' : `: ${o.detail}`}`;
    console.log(line);
    for (const d of (o.disagreements ?? []).slice(0, verbose ? undefined : 3)) console.log(`    ${d}`);
    if (!verbose && (o.disagreements?.length ?? 0) > 3) console.log(`    ... ${o.disagreements!.length - 3} more`);
  }
  const refusedThere = await compareRefusals(root, only);
  const summary = ['agree', 'disagree', 'refused', 'not comparable'].map((r) => `${r} ${counts.get(r) ?? 0}`).join(', ');
  console.log(`${outcomes.length} cases with expected output: ${summary}`);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'corpus.json'), JSON.stringify({ cases: outcomes, refusedByThem: refusedThere }, null, 2) + '\n');
  return { ok: (counts.get('disagree') ?? 0) === 0 };
}

interface Refusal {
  readonly name: string;
  readonly ours: 'refused' | 'read';
  readonly message?: string;
}

/** The folders the other analyzer's fatal-error test names, read by us. */
async function compareRefusals(root: string, only: string[]): Promise<Refusal[]> {
  const test = join(root, 'pkg', 'netpol', 'connlist', 'connlist_test.go');
  if (!existsSync(test)) return [];
  const source = readFileSync(test, 'utf8');
  const start = source.indexOf('func TestConnlistAnalyzeFatalErrors');
  const body = source.slice(start, source.indexOf('\nfunc ', start + 1));
  const dirs = [...body.matchAll(/dirName:\s*(?:"([^"]+)"|filepath\.Join\(((?:"[^"]+",?\s*)+)\))/g)]
    .map((m) => m[1] ?? [...m[2].matchAll(/"([^"]+)"/g)].map((x) => x[1]).join('/'))
    .filter((d) => only.length === 0 || only.includes(d));
  const result: Refusal[] = [];
  for (const dir of [...new Set(dirs)].sort()) {
    const io: Io = { out: () => undefined, err: () => undefined, colour: false, readStdin: async () => '' };
    try {
      await openWorkspace([join(root, 'tests', dir)], io);
      result.push({ name: dir, ours: 'read' });
    } catch (e) {
      result.push({ name: dir, ours: 'refused', message: (e as Error).message.replace(join(root, 'tests'), '<tests>') });
    }
  }
  const read = result.filter((r) => r.ours === 'read');
  console.log(`${result.length} cases the other analyzer refuses: ${result.length - read.length} refused by us too, ${read.length} read`);
  result.forEach((r) => console.log(`  ${r.ours.padEnd(8)} ${r.name}${r.message === undefined ? '' : `: ${r.message}`}`));
  return result;
}

function expectedFile(root: string, name: string): string {
  return join(root, 'test_outputs', 'connlist', `${name}_connlist_output.txt`);
}

function optionValues(args: string[], name: string): string[] {
  return args.flatMap((a, i) => (a === name && i + 1 < args.length ? [args[i + 1]] : []));
}

async function compareCase(root: string, name: string): Promise<Outcome> {
  const text = readFileSync(expectedFile(root, name), 'utf8');
  const notes: string[] = [];
  const io: Io = { out: () => undefined, err: (t) => notes.push(t), colour: false, readStdin: async () => '' };
  let workspace: Workspace;
  try {
    workspace = await openWorkspace([join(root, 'tests', name)], io);
  } catch (e) {
    return { name, result: 'refused', detail: (e as Error).message.replace(join(root, 'tests'), '<tests>') };
  }
  const inputs = workspace.model.inputs;
  const foreign = Object.keys(inputs.ignoredKinds).filter((k) => FOREIGN_KINDS.includes(k));
  if (inputs.unanalyzed.length > 0 || foreign.length > 0) {
    const kinds = [...new Set([...inputs.unanalyzed.map((u) => u.kind), ...foreign])].sort();
    return { name, result: 'not comparable', detail: `the answer depends on kinds not analyzed: ${kinds.join(', ')}` };
  }
  const expected = parseExpected(text);
  if (expected === undefined) {
    return { name, result: 'not comparable', detail: 'the expected output is not a single connectivity list (a multi-network answer)' };
  }
  return comparePairs(name, workspace, expected);
}

/** `source => destination : connections` lines; undefined when the file has other sections. */
function parseExpected(text: string): Map<string, Map<string, Connections>> | undefined {
  const pairs = new Map<string, Map<string, Connections>>();
  for (const line of text.split('\n').map((l) => l.trim()).filter((l) => l !== '')) {
    const m = /^(\S+) => (\S+) : (.+)$/.exec(line);
    if (m === null) return undefined;
    const [, source, destination, conns] = m;
    if (!pairs.has(source)) pairs.set(source, new Map());
    pairs.get(source)!.set(destination, parseConnections(conns));
  }
  return pairs;
}

function parseConnections(text: string): Connections {
  if (text === 'All Connections') return 'all';
  const result = new Map<Protocol, Array<[number, number]>>();
  let protocol: Protocol | undefined;
  for (const item of text.split(',')) {
    const m = /^(?:(TCP|UDP|SCTP) )?(\d+)(?:-(\d+))?$/.exec(item.trim());
    if (m === null) throw new Error(`cannot read connections ${JSON.stringify(text)}`);
    if (m[1] !== undefined) protocol = m[1] as Protocol;
    if (protocol === undefined) throw new Error(`connections without a protocol: ${JSON.stringify(text)}`);
    const from = Number(m[2]);
    const to = m[3] === undefined ? from : Number(m[3]);
    if (!result.has(protocol)) result.set(protocol, []);
    result.get(protocol)!.push([from, to]);
  }
  return result;
}

function allows(conns: Connections | undefined, protocol: Protocol, port: number): boolean {
  if (conns === undefined) return false;
  if (conns === 'all') return true;
  return (conns.get(protocol) ?? []).some(([a, b]) => port >= a && port <= b);
}

/** One endpoint of ours: a workload (named as the expected list names it) or the first address of a piece. */
interface Unit {
  readonly endpoint: Endpoint;
  /** The expected list's name of the workload; undefined for an address. */
  readonly peer?: string;
  /** The address as a number, for an address. */
  readonly address?: number;
}

function comparePairs(name: string, workspace: Workspace, expected: Map<string, Map<string, Connections>>): Outcome {
  const owners = ownersOf(workspace.loaded.manifests);
  const pods: Unit[] = workspace.analyzer.endpoints().map((e) => ({ endpoint: e, peer: peerName(e, workspace, owners) }));
  const names = new Set(pods.map((u) => u.peer!));
  // The expected list merges, per workload, the addresses with the same connections into ranges; the ranges
  // of one workload are disjoint. Cut the address space where any range, cidr or except starts or ends.
  const ranges = new Map<string, Array<[number, number]>>();
  const peers = new Set<string>();
  expected.forEach((row, s) => [s, ...row.keys()].forEach((p) => peers.add(p)));
  for (const p of peers) {
    if (p.endsWith('[External]')) {
      const r = parseRanges(p.slice(0, -'[External]'.length));
      if (r === undefined) return { name, result: 'not comparable', detail: `an address range of the expected list is not IPv4: ${p}` };
      ranges.set(p, r);
    }
  }
  const unknownPeers = [...peers].filter((p) => !ranges.has(p) && !names.has(p) && p !== INGRESS_CONTROLLER);
  if (unknownPeers.length > 0) {
    return { name, result: 'disagree', detail: `the expected list names workloads we did not find: ${unknownPeers.slice(0, 5).join(', ')}` };
  }
  const cuts = new Set<number>([0]);
  collectCidrs(workspace.loaded.manifests).forEach(([a, b]) => { cuts.add(a); cuts.add(b + 1); });
  ranges.forEach((list) => list.forEach(([a, b]) => { cuts.add(a); cuts.add(b + 1); }));
  const addresses: Unit[] = [...cuts].filter((c) => c < 2 ** 32).sort((a, b) => a - b)
    .map((a) => ({ endpoint: Endpoint.ip(ipText(a)), address: a }));
  const expectedOf = (s: Unit, d: Unit): Connections | undefined => {
    if (s.peer !== undefined && d.peer !== undefined) return expected.get(s.peer)?.get(d.peer);
    const [pod, address] = s.peer !== undefined ? [s, d.address!] : [d, s.address!];
    for (const [peer, list] of ranges) {
      if (!list.some(([a, b]) => address >= a && address <= b)) continue;
      const conns = s.peer !== undefined ? expected.get(pod.peer!)?.get(peer) : expected.get(peer)?.get(pod.peer!);
      if (conns !== undefined) return conns;
    }
    return undefined;
  };
  const points = probePoints(workspace.loaded.manifests, expected);
  const probes: ProbePort[] = PROTOCOLS.flatMap((protocol) => points.map((port) => ({ port, protocol })));
  const table = workspace.analyzer.truthTable({
    ports: probes,
    endpoints: pods.map((u) => u.endpoint),
    extraEndpoints: addresses.map((u) => u.endpoint),
  });
  const wrongByPair = new Map<string, string[]>();
  let compared = 0;
  let unknown = 0;
  const units = [...pods, ...addresses];
  for (const s of units) {
    for (const d of units) {
      if (s === d || (s.peer === undefined && d.peer === undefined)) continue;
      // Pods of one owner: the expected list never lists an owner's traffic to itself.
      if (s.peer !== undefined && s.peer === d.peer) continue;
      compared++;
      const want = expectedOf(s, d);
      probes.forEach((p, k) => {
        if (table.isUnknown(s.endpoint.key, d.endpoint.key, k)) {
          unknown++;
          return;
        }
        const ours = table.isAllowed(s.endpoint.key, d.endpoint.key, k);
        if (ours === allows(want, p.protocol!, p.port!)) return;
        const pair = `${s.peer ?? s.endpoint.address} => ${d.peer ?? d.endpoint.address}`;
        const list = wrongByPair.get(pair) ?? [];
        if (list.length < 4) list.push(`${p.protocol} ${p.port}: ours ${ours ? 'allowed' : 'denied'}`);
        wrongByPair.set(pair, list);
      });
    }
  }
  const controller = expected.has(INGRESS_CONTROLLER) ? [`${expected.get(INGRESS_CONTROLLER)!.size} pair(s) from the ingress controller not compared`] : [];
  const unsure = unknown > 0 ? [`${unknown} cell(s) unknown to us (nodes or domain names), not compared`] : [];
  const notes = [...controller, ...unsure];
  return {
    name,
    result: wrongByPair.size > 0 ? 'disagree' : 'agree',
    pairs: compared,
    detail: notes.length === 0 ? undefined : notes.join('; '),
    disagreements: [...wrongByPair].map(([pair, list]) => `${pair}: ${list.join('; ')}`),
  };
}

/** `ns/name[Kind]` as the expected list names a workload: a pod owned by a controller goes by its owner. */
function peerName(e: Endpoint, workspace: Workspace, owners: Map<string, { kind: string; name: string }>): string {
  const [bare, kindSuffix] = (e.name ?? '').split('@');
  const candidates = workspace.model.workloads
    .filter((w) => w.namespace === e.namespace && w.name === bare && (kindSuffix === undefined || w.kind === kindSuffix));
  const w = candidates[candidates.length - 1];
  const owner = w.kind === 'Pod' ? owners.get(`${w.namespace}/${w.name}`) : undefined;
  // Only a workload controller names a pod's group: a static pod owned by its Node stays a Pod.
  return owner === undefined ? `${w.namespace}/${w.name}[${w.kind}]` : `${w.namespace}/${owner.name}[${owner.kind}]`;
}

/** The controller (or first owner) of each Pod, by `namespace/name`, lists included. */
function ownersOf(manifests: unknown[]): Map<string, { kind: string; name: string }> {
  const owners = new Map<string, { kind: string; name: string }>();
  const visit = (doc: any) => {
    if (doc === null || typeof doc !== 'object') return;
    if (Array.isArray(doc.items)) doc.items.forEach(visit);
    const refs = doc.metadata?.ownerReferences;
    if ((doc.kind === 'Pod' || doc.kind === undefined) && Array.isArray(refs) && refs.length > 0) {
      const ref = refs.find((r: any) => r?.controller === true) ?? refs[0];
      if (!CONTROLLERS.includes(String(ref?.kind))) return;
      owners.set(`${doc.metadata.namespace ?? 'default'}/${doc.metadata.name}`, { kind: String(ref.kind), name: String(ref.name) });
    }
  };
  manifests.forEach(visit);
  return owners;
}

/** Every port where an answer can change: numbers of the manifests and of the expected list, and neighbours. */
function probePoints(manifests: unknown[], expected: Map<string, Map<string, Connections>>): number[] {
  const edges = new Set<number>([1, 65535]);
  const add = (n: number) => [n - 1, n, n + 1].forEach((p) => p >= 1 && p <= 65535 && edges.add(p));
  const visit = (v: any, key: string) => {
    if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v !== null && typeof v === 'object') Object.entries(v).forEach(([k, x]) => visit(x, k));
    else if (typeof v === 'number' && Number.isInteger(v) && /port|start|end/i.test(key)) add(v);
  };
  manifests.forEach((m) => visit(m, ''));
  expected.forEach((row) => row.forEach((c) => {
    if (c !== 'all') c.forEach((list) => list.forEach(([a, b]) => { add(a); add(b); }));
  }));
  return [...edges].sort((a, b) => a - b);
}

/** IPv4 CIDRs anywhere in the manifests (ipBlock cidr/except, tier networks), as inclusive ranges. */
function collectCidrs(manifests: unknown[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const visit = (v: any) => {
    if (Array.isArray(v)) {v.forEach(visit);} else if (v !== null && typeof v === 'object') {Object.values(v).forEach(visit);} else if (typeof v === 'string') {
      const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(v.trim());
      const base = m === null ? undefined : ipNumber(m[1]);
      if (m !== null && base !== undefined && Number(m[2]) <= 32) {
        const size = 2 ** (32 - Number(m[2]));
        const start = Math.floor(base / size) * size;
        found.push([start, start + size - 1]);
      }
    }
  };
  manifests.forEach(visit);
  return found;
}

/** `a.b.c.d-e.f.g.h` (comma-separated for several) as inclusive ranges; undefined for anything else. */
function parseRanges(text: string): Array<[number, number]> | undefined {
  const result: Array<[number, number]> = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    const from = ipNumber(a);
    const to = b === undefined ? from : ipNumber(b);
    if (from === undefined || to === undefined) return undefined;
    result.push([from, to]);
  }
  return result;
}

function ipNumber(text: string | undefined): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text ?? '');
  if (m === null) return undefined;
  const octets = m.slice(1).map(Number);
  return octets.some((o) => o > 255) ? undefined : octets.reduce((n, o) => n * 256 + o, 0);
}

function ipText(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}
