import { shopApp } from './fixtures';
import { enforcedTruth, fakeCluster, replicas } from './harness';
import { ProbeErrorCode, ProbeMode, ProbePlan, ProbeRun } from '../../src/probes';
import { Protocol } from '../../src/protocol';
import { deployment } from '../util';

const PORTS = [{ portName: 'http' }, { port: 5432 }];
const APP = shopApp();
const PLAN = ProbePlan.fromManifests(APP, { ports: PORTS });
const TRUTH = enforcedTruth(APP, PLAN);
/** Cells from shop/api only: fewer kubectl calls where the whole table adds nothing. */
const SMALL = ProbePlan.fromManifests(APP, { ports: PORTS, sources: ['shop/api'] });

jest.setTimeout(60_000);

describe('ProbeRun | stand-ins', () => {
  test('agrees on every cell of a cluster that enforces what the analyzer says, and cleans up', async () => {
    // GIVEN
    const cluster = fakeCluster(TRUTH);
    // WHEN
    const report = await new ProbeRun(PLAN, { kubectl: cluster.kubectl, context: 'kind-probes', parallel: 3 }).execute();
    // THEN
    expect(report.errorCode).toBeUndefined();
    expect(report.exitCode).toBe(0);
    expect(report.results.map((r) => r.role).slice(0, 3)).toEqual(['deny-canary', 'allow-canary', 'cell']);
    expect(report.results).toHaveLength(PLAN.cells.length + 2);
    expect(report.results.every((r) => r.agrees && r.attempts === 1)).toBe(true);
    expect(cluster.calls().every((c) => c.startsWith('--context kind-probes '))).toBe(true);
    expect(cluster.calls().filter((c) => / exec /.test(c))).toHaveLength(PLAN.cells.length + 2);
    expect(cluster.calls()[cluster.calls().length - 1]).toMatch(/ delete pods,networkpolicies,namespaces --all-namespaces -l probes.cdk8s-netpol.io\/plan=/);
    expect(cluster.pods()).toEqual([]);
  });

  test('reports a cell that flips with expected, observed and the explanation, after one retry', async () => {
    // GIVEN: the CNI drops web -> api on 8080
    const flip = 'shop/netpol-probe-c04>shop/netpol-probe-c02 TCP 8080';
    const cluster = fakeCluster(TRUTH, { flip: [flip] });
    // WHEN
    const fromWeb = ProbePlan.fromManifests(APP, { ports: PORTS, sources: ['shop/web'] });
    const report = await new ProbeRun(fromWeb, { kubectl: cluster.kubectl }).execute();
    // THEN
    expect(report.exitCode).toBe(1);
    expect(report.mismatches.map((r) => [r.cell.id, r.cell.expectAllowed, r.observedAllowed, r.attempts, r.detail]))
      .toEqual([['c04>c02 TCP 8080', true, false, 2, 'TIMEOUT']]);
    expect(report.mismatches[0].cell.explanation).toContain('shop/api-from-web');
    expect(report.toText()).toMatch(/FAIL c04>c02 TCP 8080: expected allowed, observed denied \(TIMEOUT, 2 attempts\)/);
  });

  test('counts a cell that disagrees once and agrees on the retry as agreeing', async () => {
    const cluster = fakeCluster(TRUTH, { flipOnce: ['shop/netpol-probe-c02>shop/netpol-probe-c03 TCP 5432'] });
    const report = await new ProbeRun(SMALL, { kubectl: cluster.kubectl }).execute();
    expect(report.exitCode).toBe(0);
    expect(report.results.find((r) => r.cell.id === 'c02>c03 TCP 5432')!.attempts).toBe(2);
  });

  test('stops with "does not enforce NetworkPolicy" when the deny canary connects', async () => {
    const cluster = fakeCluster(TRUTH, { noEnforcement: true });
    const report = await new ProbeRun(PLAN, { kubectl: cluster.kubectl }).execute();
    expect(report.exitCode).toBe(2);
    expect(report.errorCode).toBe(ProbeErrorCode.NOT_ENFORCED);
    expect(report.errorMessage).toMatch(/^this cluster does not enforce NetworkPolicy: the deny canary c01>c02 TCP 8080 connected/);
    expect(report.results.map((r) => r.role)).toEqual(['deny-canary']);
    expect(cluster.pods()).toEqual([]);
  });

  test('stops when the allow canary does not connect (a broken probe must not look like a deny)', async () => {
    const cluster = fakeCluster([]);
    const report = await new ProbeRun(PLAN, { kubectl: cluster.kubectl }).execute();
    expect(report.errorCode).toBe(ProbeErrorCode.PROBE_BROKEN);
    expect(report.results.map((r) => [r.role, r.agrees])).toEqual([['deny-canary', true], ['allow-canary', false]]);
  });

  test('uses the canary stand-ins the plan adds when no cell must be denied', async () => {
    // GIVEN: no policy
    const app = [deployment('shop', 'web', { app: 'web' }, [{ containerPort: 80 }])];
    const plan = ProbePlan.fromManifests(app, { ports: [{ port: 80 }, { port: 53, protocol: Protocol.UDP }] });
    const cluster = fakeCluster(enforcedTruth(app, plan));
    // WHEN
    const report = await new ProbeRun(plan, { kubectl: cluster.kubectl }).execute();
    // THEN
    expect(report.exitCode).toBe(0);
    expect(report.results[0].cell.id).toBe('canary-client>canary-deny TCP 8080');
    expect(report.results.map((r) => r.cell.id)).toContain('c01>c01 UDP 53');
    expect(cluster.pods()).toEqual([]);
  });

  test.each([
    ['a pod that never starts', { neverStarts: ['shop/netpol-probe-c03'] }, ProbeErrorCode.POD_NOT_RUNNING, /pod shop\/netpol-probe-c03 is not running after 120s \(ContainerCreating\)/],
    ['a failed image pull', { imagePull: ['shop/netpol-probe-c02'] }, ProbeErrorCode.IMAGE_PULL, /pod shop\/netpol-probe-c02 cannot pull its image \(ImagePullBackOff/],
    ['forbidden', { forbidden: ['apply'] }, ProbeErrorCode.FORBIDDEN, /applying the stand-in pods: forbidden/],
    ['an unreachable API server', { unreachable: true }, ProbeErrorCode.UNREACHABLE, /the API server is unreachable/],
    ['forbidden exec', { forbidden: ['exec'] }, ProbeErrorCode.FORBIDDEN, /probing c01>c02 TCP 8080 from monitoring\/netpol-probe-c01: forbidden/],
  ])('stops on %s with its own code, exit 2, and cleans up', async (_name, faults, code, message) => {
    const cluster = fakeCluster(TRUTH, faults);
    const report = await new ProbeRun(PLAN, { kubectl: cluster.kubectl }).execute();
    expect([report.exitCode, report.errorCode]).toEqual([2, code]);
    expect(report.errorMessage).toMatch(message);
    expect(cluster.pods()).toEqual([]);
  });

  test('keeps the pods with keep, and says how to delete them', async () => {
    const cluster = fakeCluster(TRUTH);
    const report = await new ProbeRun(SMALL, { kubectl: cluster.kubectl, keep: true }).execute();
    expect(cluster.pods()).toHaveLength(SMALL.standInManifests().length);
    expect(report.notes[0]).toBe(`kept the probe objects: kubectl delete pods,networkpolicies,namespaces -A -l probes.cdk8s-netpol.io/plan=${SMALL.id}`);
  });

  test('gives the same report in plan order whatever the parallelism and a slow cell', async () => {
    const slow = { 'shop/netpol-probe-c02>shop/netpol-probe-c03 TCP 5432': 1500 };
    const one = await new ProbeRun(SMALL, { kubectl: fakeCluster(TRUTH).kubectl, parallel: 1 }).execute();
    const started = Date.now();
    const many = await new ProbeRun(SMALL, { kubectl: fakeCluster(TRUTH, { slowMs: slow }).kubectl, parallel: 8 }).execute();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(many.toJson()).toEqual(one.toJson());
  });

  test('reports kubectl that cannot be started', async () => {
    const report = await new ProbeRun(PLAN, { kubectl: '/nonexistent/kubectl' }).execute();
    expect(report.errorCode).toBe(ProbeErrorCode.KUBECTL_NOT_FOUND);
    expect(report.errorMessage).toMatch(/cannot run kubectl at "\/nonexistent\/kubectl" \(ENOENT\)/);
  });

  test('stops after interrupt() and still cleans up', async () => {
    const slow = Object.fromEntries(TRUTH.map((k) => [k, 300]));
    const cluster = fakeCluster(TRUTH, { slowMs: slow });
    const run = new ProbeRun(PLAN, { kubectl: cluster.kubectl, parallel: 1 });
    const pending = run.execute();
    setTimeout(() => run.interrupt(), 1500);
    const report = await pending;
    expect(report.errorCode).toBe(ProbeErrorCode.INTERRUPTED);
    expect(report.results.length).toBeLessThan(PLAN.cells.length + 2);
    expect(cluster.pods()).toEqual([]);
  });

  test.each([
    ['parallel 0', { parallel: 0 }, /\[ProbeRun\] parallel must be a whole number from 1 to 64 \(got 0\)/],
    ['a fractional timeout', { connectTimeoutSeconds: 0.5 }, /connectTimeoutSeconds must be a whole number from 1 to 60 \(got 0.5\)/],
    ['an unknown mode', { mode: 'ssh' }, /mode must be a ProbeMode \(got "ssh"\)/],
  ])('throws on %s', (_name, options, message) => {
    expect(() => new ProbeRun(PLAN, options as any)).toThrow(message);
  });
});

describe('ProbeRun | in place', () => {
  const tcpPlan = ProbePlan.fromManifests(APP, { ports: [{ portName: 'http' }, { port: 5432 }], sources: ['monitoring', 'shop/api'] });

  test('probes from real pods with ephemeral netshoot containers; refused counts as let through', async () => {
    // GIVEN: the app's pods run on the cluster
    const cluster = fakeCluster(enforcedTruth(APP, tcpPlan, replicas(APP)));
    cluster.seed(APP.filter((m) => m.kind === 'Deployment'));
    // WHEN
    const report = await new ProbeRun(tcpPlan, { kubectl: cluster.kubectl, mode: ProbeMode.IN_PLACE }).execute();
    // THEN
    expect(report.errorMessage).toBeUndefined();
    expect(report.exitCode).toBe(0);
    expect(report.mode).toBe('in-place');
    const monitoringToDb = report.results.find((r) => r.cell.id === 'c01>c03 TCP 5432')!;
    expect(monitoringToDb).toMatchObject({ observedAllowed: false, detail: 'timed out', sourcePod: 'monitoring/prometheus-0' });
    const apiToDb = report.results.find((r) => r.cell.id === 'c02>c03 TCP 5432')!;
    expect(apiToDb).toMatchObject({ observedAllowed: true, detail: 'connected' });
    const apiToPrometheus = report.results.find((r) => r.cell.id === 'c02>c01 TCP 5432')!;
    expect(apiToPrometheus).toMatchObject({ observedAllowed: true, detail: 'refused (the packet reached the pod)', destinationPod: expect.stringMatching(/^monitoring\/prometheus-0 /) });
    const debug = cluster.calls().find((c) => /^debug /.test(c))!;
    expect(debug).toMatch(/--profile=restricted --custom=\S+ -- nc -z -v -w 1 10\.244\.0\.\d+ \d+$/);
    expect(report.notes.join('\n')).toContain('ephemeral containers stay');
  });

  test('refuses UDP cells', async () => {
    const plan = ProbePlan.fromManifests(APP, { ports: [{ port: 53, protocol: Protocol.UDP }, { portName: 'http' }] });
    const report = await new ProbeRun(plan, { kubectl: fakeCluster([]).kubectl, mode: ProbeMode.IN_PLACE }).execute();
    expect(report.errorCode).toBe(ProbeErrorCode.USAGE);
    expect(report.errorMessage).toMatch(/in place probes TCP only/);
  });

  test('stops when a class has no running pod', async () => {
    const report = await new ProbeRun(tcpPlan, { kubectl: fakeCluster([]).kubectl, mode: ProbeMode.IN_PLACE }).execute();
    expect(report.errorCode).toBe(ProbeErrorCode.NO_POD);
    expect(report.errorMessage).toMatch(/class c01 \(monitoring\/prometheus\) has no running pod in namespace monitoring/);
  });
});
