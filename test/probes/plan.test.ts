import { ApiObject } from 'cdk8s';
import { manyWorkloads, shopApp } from './fixtures';
import { DenyAll, ErrorCode } from '../../src';
import { PolicyAnalyzer } from '../../src/analysis';
import { ProbePlan } from '../../src/probes';
import { Protocol } from '../../src/protocol';
import { deployment, netpol, shopChart } from '../util';

function thrown(action: () => unknown): any {
  try {
    action();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}

const PORTS = [{ portName: 'http' }, { port: 5432 }];

describe('ProbePlan |', () => {
  test('makes one cell per (source class, destination class, port) with the truth table verdict', () => {
    // GIVEN
    const manifests = shopApp();
    // WHEN
    const plan = ProbePlan.fromManifests(manifests, { ports: PORTS });
    // THEN
    expect(plan.classes.map((c) => [c.id, c.members])).toEqual([
      ['c01', ['monitoring/prometheus']], ['c02', ['shop/api']], ['c03', ['shop/db']], ['c04', ['shop/web']],
    ]);
    expect(plan.cells.map((c) => `${c.id} ${c.expectAllowed ? 'allowed' : 'denied'}`)).toMatchSnapshot();
    const analyzer = PolicyAnalyzer.fromManifests(manifests);
    const web = analyzer.endpoints().find((e) => e.key === 'shop/web')!;
    const api = analyzer.endpoints().find((e) => e.key === 'shop/api')!;
    const cell = plan.cells.find((c) => c.id === 'c04>c02 TCP 8080')!;
    expect(cell.expectAllowed).toBe(true);
    expect(analyzer.evaluate({ source: web, destination: api, portName: 'http' }).allowed).toBe(true);
    expect(cell.explanation).toContain('ALLOWED_BY_RULE shop/api-from-web#0');
    expect(plan.cells.find((c) => c.id === 'c04>c03 TCP 5432')!.expectAllowed).toBe(false);
  });

  test('skips cells whose named port the destination does not have, and says how many', () => {
    // GIVEN / WHEN
    const plan = ProbePlan.fromManifests(shopApp(), { ports: PORTS });
    // THEN: "http" resolves on api (8080) and web (80) only; 4 classes x 2 destinations without it
    expect(plan.cells.filter((c) => c.portLabel === 'TCP "http"').map((c) => c.destinationClass).sort())
      .toEqual(['c02', 'c02', 'c02', 'c02', 'c04', 'c04', 'c04', 'c04']);
    expect(plan.notes.join('\n')).toContain('8 cells have no port to connect to');
    expect(plan.cells).toHaveLength(4 * 4 * 2 - 8);
  });

  test('picks canaries from the table: a denied and an allowed cell, TCP and across classes first', () => {
    // GIVEN / WHEN
    const plan = ProbePlan.fromManifests(shopApp(), { ports: PORTS });
    // THEN
    expect(plan.denyCanary.expectAllowed).toBe(false);
    expect(plan.allowCanary.expectAllowed).toBe(true);
    expect(plan.denyCanary.sourceClass).not.toBe(plan.denyCanary.destinationClass);
    expect(plan.extraManifests()).toEqual([]);
  });

  test('adds canary stand-ins in a namespace of their own when no cell can be denied', () => {
    // GIVEN: no policy at all
    const manifests = [deployment('shop', 'web', { app: 'web' }), deployment('shop', 'api', { app: 'api' })];
    // WHEN
    const plan = ProbePlan.fromManifests(manifests, { ports: [{ port: 80 }] });
    // THEN
    expect(plan.cells.every((c) => c.expectAllowed)).toBe(true);
    expect(plan.denyCanary).toMatchObject({ id: 'canary-client>canary-deny TCP 8080', expectAllowed: false });
    expect(plan.denyCanary.explanation).toContain('NO_RULE_MATCHES');
    expect(plan.classes.map((c) => c.id)).toEqual(['c01', 'canary-client', 'canary-deny']);
    expect(plan.extraManifests().map((m) => `${m.kind} ${m.metadata.name}`)).toEqual(['Namespace cdk8s-netpol-probes', 'NetworkPolicy netpol-probe-canary-deny']);
  });

  test('adds an allow canary when every cell is denied', () => {
    // GIVEN: deny all ingress
    const manifests = [deployment('shop', 'web', { app: 'web' }), netpol('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })];
    // WHEN
    const plan = ProbePlan.fromManifests(manifests, { ports: [{ port: 80 }], canaryNamespace: 'probe-canaries' });
    // THEN
    expect(plan.allowCanary).toMatchObject({ id: 'canary-client>canary-allow TCP 8080', expectAllowed: true });
    expect(plan.extraManifests().map((m) => `${m.kind} ${m.metadata.name}`)).toEqual(['Namespace probe-canaries']);
  });

  test('focuses on sources and destinations given as namespaces or workloads', () => {
    // GIVEN / WHEN
    const plan = ProbePlan.fromManifests(shopApp(), { ports: PORTS, sources: ['monitoring'], destinations: ['shop/api'] });
    // THEN
    expect(plan.cells.map((c) => c.id)).toEqual(['c01>c02 TCP 8080', 'c01>c02 TCP 5432']);
    expect(plan.notes.join('\n')).toContain('Focus');
  });

  test('samples deterministically by seed, in table order', () => {
    // GIVEN
    const manifests = shopApp();
    // WHEN
    const a = ProbePlan.fromManifests(manifests, { ports: PORTS, sample: 5, seed: 7 });
    const b = ProbePlan.fromManifests(manifests, { ports: PORTS, sample: 5, seed: 7 });
    const c = ProbePlan.fromManifests(manifests, { ports: PORTS, sample: 5, seed: 8 });
    // THEN
    expect(a.toJson()).toEqual(b.toJson());
    expect(a.cells).toHaveLength(5);
    expect(a.cells.map((x) => x.id)).not.toEqual(c.cells.map((x) => x.id));
    const all = ProbePlan.fromManifests(manifests, { ports: PORTS }).cells.map((x) => x.id);
    const positions = a.cells.map((x) => all.indexOf(x.id));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  test('follows classes, not workloads, on 1,000 workloads', () => {
    // GIVEN: 1,000 workloads in 10 namespaces with 3 tiers: 30 classes
    const manifests = manyWorkloads(1000, 10, 3);
    // WHEN
    const plan = ProbePlan.fromManifests(manifests, { ports: [{ port: 8080 }, { port: 53, protocol: Protocol.UDP }] });
    // THEN
    expect(plan.workloadCount).toBe(1000);
    expect(plan.classes).toHaveLength(30);
    expect(plan.cells).toHaveLength(30 * 30 * 2);
    expect(plan.notes[1]).toBe('30 source classes x 30 destination classes x 2 ports = 1,800 cells (not 1,000 x 1,000 x 2 = 2,000,000 workload pairs).');
    expect(plan.classes.reduce((n, c) => n + c.members.length, 0)).toBe(1000);
    // a tier-1 stand-in may be reached from tier 0 of its namespace on 8080, and from nothing else
    const allowed = plan.cells.filter((c) => c.expectAllowed && c.protocol === Protocol.TCP);
    expect(allowed).toHaveLength(10 * 2);
  });

  test('round-trips through JSON', () => {
    // GIVEN
    const plan = ProbePlan.fromManifests(shopApp(), { ports: PORTS });
    // WHEN
    const again = ProbePlan.fromJson(JSON.parse(JSON.stringify(plan.toJson())));
    // THEN
    expect(again.toJson()).toEqual(plan.toJson());
    expect(again.standInManifests()).toEqual(plan.standInManifests());
  });

  test('reads a chart', () => {
    // GIVEN: two workloads and a deny-all in the chart's namespace
    const chart = shopChart();
    new ApiObject(chart, 'Web', deployment('shop', 'web', { app: 'web' }));
    new ApiObject(chart, 'Api', deployment('shop', 'api', { app: 'api' }));
    new DenyAll(chart, 'Lockdown');
    // WHEN
    const plan = ProbePlan.fromChart(chart, { ports: [{ port: 80 }] });
    // THEN: no policy reads `app`, so both workloads are one class
    expect(plan.classes[0].members).toEqual(['shop/api', 'shop/web']);
    expect(plan.cells.map((c) => `${c.id} ${c.expectAllowed}`)).toEqual(['c01>c01 TCP 80 false']);
    expect(plan.allowCanary.sourceClass).toBe('canary-client');
  });
});

describe('ProbePlan | bad input', () => {
  test.each([
    ['a focus that matches nothing', { ports: PORTS, sources: ['nowhere'] }, ErrorCode.NOT_FOUND, /\[ProbePlan sources\] no workload or namespace of the plan matches \(got "nowhere"\)/],
    ['a sample of zero', { ports: PORTS, sample: 0 }, ErrorCode.WRONG_TYPE, /\[ProbePlan sample\] must be a whole number of at least 1 \(got 0\)/],
    ['a canary namespace of the application', { ports: PORTS, canaryNamespace: 'shop' }, ErrorCode.CONFLICTING_OPTIONS, /\[ProbePlan canaryNamespace\] holds workloads/],
    ['a bad port', { ports: [{ port: 0 }] }, ErrorCode.PORT_OUT_OF_RANGE, /ports\[0\]\.port must be a whole number/],
  ])('fails on %s', (_name, options, code, message) => {
    expect(thrown(() => ProbePlan.fromManifests(shopApp(), options as any))).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  test('fails when a workload carries a reserved probe label', () => {
    const manifests = [deployment('shop', 'web', { 'probes.cdk8s-netpol.io/plan': 'x' })];
    expect(thrown(() => ProbePlan.fromManifests(manifests, { ports: PORTS })).code).toBe(ErrorCode.INVALID_LABEL_KEY);
    expect(() => ProbePlan.fromManifests(manifests, { ports: PORTS })).toThrow(/\[ProbePlan\] workload shop\/web carries a label under probes.cdk8s-netpol.io\//);
  });

  test('fails when there is no pod', () => {
    expect(() => ProbePlan.fromManifests([], { ports: PORTS })).toThrow(/\[ProbePlan\] there are no pods to probe/);
  });

  test.each([
    ['not an object', 42, /\[ProbePlan.fromJson\(\)\] the plan must be a JSON object \(got 42\)/],
    ['another format', { format: 'x' }, /format must be "cdk8s-netpol\/probe-plan@1"/],
  ])('fromJson fails on %s', (_name, json, message) => {
    expect(() => ProbePlan.fromJson(json)).toThrow(message);
  });

  test('fromJson fails on a cell naming an unknown class', () => {
    const json = ProbePlan.fromManifests(shopApp(), { ports: PORTS }).toJson();
    json.cells[0].sourceClass = 'c99';
    expect(thrown(() => ProbePlan.fromJson(json)).code).toBe(ErrorCode.MALFORMED_FIELD);
    expect(() => ProbePlan.fromJson(json)).toThrow(/cells\[0\]\.sourceClass must name a class of the plan \(got "c99"\)/);
  });
});
