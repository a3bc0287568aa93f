import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { ROOT, runCli } from './run-cli';
import { ProbePlan } from '../../src/probes';
import { shopApp } from '../probes/fixtures';
import { enforcedTruth, fakeCluster } from '../probes/harness';
import { podApiErrors, restrictedErrors } from '../probes/pod-rules';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'probe-cli-'));
const APP = join(dir, 'app.json');
writeFileSync(APP, JSON.stringify(shopApp()));
const PORTS = ['--port', 'http,5432'];

function planDir(extra: string[] = []): string {
  const out = mkdtempSync(join(dir, 'plan-'));
  const run = runCli(['probe', 'plan', APP, ...PORTS, '-o', out, ...extra]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return out;
}

describe('cdk8s-netpol probe plan', () => {
  test('prints the plan as JSON, with how it came to its cells on stderr', () => {
    // WHEN
    const run = runCli(['probe', 'plan', APP, ...PORTS]);
    // THEN
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan).toEqual(ProbePlan.fromManifests(shopApp(), { ports: [{ portName: 'http' }, { port: 5432 }] }).toJson());
    expect(run.stderr).toContain('note: 4 workloads fall into 4 classes');
  });

  test('writes plan.json and stand-ins.yaml, focused and sampled', () => {
    // WHEN
    const out = mkdtempSync(join(dir, 'plan-'));
    const run = runCli(['probe', 'plan', APP, ...PORTS, '-o', out, '--from', 'shop', '--to', 'shop/api', '--sample', '3', '--seed', '5']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout.split(out).join('<dir>')).toMatchSnapshot();
    const plan = JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8'));
    expect(plan.cells).toHaveLength(3);
    const docs = parseAllDocuments(readFileSync(join(out, 'stand-ins.yaml'), 'utf8')).map((d) => d.toJS());
    expect(docs.every((p) => p.kind === 'Pod')).toBe(true);
    docs.forEach((p) => expect([podApiErrors(p), restrictedErrors(p)]).toEqual([[], []]));
  });

  test.each([
    [['--sample', 'many'], /\[--sample\] must be a whole number \(got "many"\)/],
    [['--from', 'nowhere'], /\[ProbePlan sources\] no workload or namespace of the plan matches \(got "nowhere"\)/],
  ])('fails with exit 2 on %j', (args, message) => {
    const run = runCli(['probe', 'plan', APP, ...PORTS, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('cdk8s-netpol probe run', () => {
  const plan = planDir();
  const truth = enforcedTruth(shopApp(), ProbePlan.fromJson(JSON.parse(readFileSync(join(plan, 'plan.json'), 'utf8'))));
  const small = planDir(['--from', 'monitoring']);

  test.each(['text', 'markdown', 'junit'])('reports every probe agreeing as %s, exit 0', (format) => {
    const cluster = fakeCluster(truth);
    const run = runCli(['probe', 'run', small, '--kubectl', cluster.kubectl, '--context', 'kind-probes', '-f', format]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatchSnapshot();
    expect(cluster.pods()).toEqual([]);
  });

  test('reports as JSON the canaries, then every cell in plan order', () => {
    const cluster = fakeCluster(truth);
    const run = runCli(['probe', 'run', small, '--kubectl', cluster.kubectl, '-f', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const cells = JSON.parse(readFileSync(join(small, 'plan.json'), 'utf8')).cells;
    expect(report).toMatchObject({ exitCode: 0, agreed: cells.length + 2, mismatched: 0, mode: 'stand-ins' });
    expect(report.results.map((r: any) => r.cell.id)).toEqual(['c01>c02 TCP 8080', 'c02>c01 TCP 5432', ...cells.map((c: any) => c.id)]);
    expect(report.results[0]).toMatchObject({ role: 'deny-canary', observedAllowed: false, detail: 'TIMEOUT', sourcePod: 'monitoring/netpol-probe-c01' });
  });

  test('exits 1 on a mismatch and shows the analyzer\'s explanation', () => {
    const cluster = fakeCluster(truth, { flip: ['shop/netpol-probe-c02-peer>shop/netpol-probe-c02 TCP 8080'] });
    const run = runCli(['probe', 'run', join(plan, 'plan.json'), '--kubectl', cluster.kubectl, '--parallel', '2']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('mismatch c02>c02 TCP 8080: shop/netpol-probe-c02-peer -> shop/netpol-probe-c02');
    expect(run.stdout).toContain('expected denied, observed allowed; the analyzer says:');
    expect(run.stdout).toContain('- Ingress NO_RULE_MATCHES shop/api-from-web');
  });

  test.each([
    ['an unreachable API server', { unreachable: true }, 'UNREACHABLE'],
    ['forbidden', { forbidden: ['apply'] }, 'FORBIDDEN'],
    ['a failed image pull', { imagePull: ['shop/netpol-probe-c03'] }, 'IMAGE_PULL'],
    ['a CNI that enforces nothing', { noEnforcement: true }, 'NOT_ENFORCED'],
  ])('exits 2 on %s and names it', (_name, faults, code) => {
    const cluster = fakeCluster(truth, faults);
    const run = runCli(['probe', 'run', plan, '--kubectl', cluster.kubectl, '-f', 'json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).errorCode).toBe(code);
    expect(run.stderr).toMatch(new RegExp(`^cdk8s-netpol: ${code}: `));
  });

  test('cleans up when interrupted with Ctrl-C (SIGINT)', async () => {
    // GIVEN: every cell takes a while
    const cluster = fakeCluster(truth, { slowMs: Object.fromEntries(truth.map((k) => [k, 400])) });
    const child = spawn(process.execPath, [join(ROOT, 'lib', 'cli', 'main.js'), 'probe', 'run', plan, '--kubectl', cluster.kubectl, '--parallel', '1'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    // WHEN: interrupted once the probes are running
    while (!cluster.calls().some((c) => /^exec /.test(c))) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    // THEN
    expect(code).toBe(2);
    expect(stderr).toContain('interrupted; deleting the probe objects');
    expect(stdout).toContain('probe run stopped: INTERRUPTED');
    expect(cluster.calls()[cluster.calls().length - 1]).toMatch(/^delete pods,networkpolicies,namespaces/);
    expect(cluster.pods()).toEqual([]);
  });

  test.each([
    ['a missing plan', ['probe', 'run', join(dir, 'missing.json')], /\[<plan>\] cannot read the plan: ENOENT/],
    ['a plan that is not a plan', ['probe', 'run', APP], /\[ProbePlan.fromJson\(\)\] the plan must be a JSON object/],
    ['a bad --parallel', ['probe', 'run', 'PLAN', '--parallel', '0'], /\[ProbeRun\] parallel must be a whole number from 1 to 64 \(got 0\)/],
    ['an unknown format', ['probe', 'run', 'PLAN', '-f', 'xml'], /option '-f, --format <format>' argument 'xml' is invalid/],
  ])('fails with exit 2 on %s', (_name, args, message) => {
    const run = runCli(args.map((a) => (a === 'PLAN' ? plan : a)));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(plan, 'plan.json'))).toBe(true);
  });
});
