import { ApiObject, App, Testing } from 'cdk8s';
import { podApiErrors, restrictedErrors } from './pod-rules';
import { probeKitChart } from '../../examples/snippets/probes';
import { DenyAll } from '../../src';
import { PolicyAnalyzer } from '../../src/analysis';
import { ProbeKit, ProbePlan } from '../../src/probes';
import { ErrorCode, problemOf } from '../problems';
import { deployment, unlintedShopChart } from '../util';

function appChart() {
  const chart = unlintedShopChart(); // everything denied, DNS too
  new ApiObject(chart, 'Web', deployment('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]));
  new DenyAll(chart, 'Lockdown');
  return chart;
}

describe('ProbeKit', () => {
  test('adds the stand-in pods and the canary objects of a plan to a chart', () => {
    // GIVEN: everything denied, so the plan adds an allow canary
    const plan = ProbePlan.fromChart(appChart(), { ports: [{ portName: 'http' }] });
    const chart = Testing.chart();
    // WHEN
    new ProbeKit(chart, 'Probes', { plan, lifetimeSeconds: 1800 });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests.map((m) => `${m.kind} ${m.metadata.namespace ?? ''}/${m.metadata.name}`)).toEqual([
      'Namespace /cdk8s-netpol-probes',
      'Pod cdk8s-netpol-probes/netpol-probe-canary-allow',
      'Pod cdk8s-netpol-probes/netpol-probe-canary-client',
      'Pod shop/netpol-probe-c01',
      'Pod shop/netpol-probe-c01-peer',
    ]);
    const pods = manifests.filter((m) => m.kind === 'Pod');
    pods.forEach((p) => expect([podApiErrors(p), restrictedErrors(p)]).toEqual([[], []]));
    expect(pods.every((p) => p.spec.activeDeadlineSeconds === 1800)).toBe(true);
    // the chart's pods, analyzed with the app's policies, give the plan's verdicts
    const analyzer = PolicyAnalyzer.fromManifests([...Testing.synth(appChart()).filter((m) => m.kind !== 'Deployment'), ...manifests]);
    const pod = (name: string) => analyzer.endpoints().find((e) => e.name === name)!;
    expect(analyzer.evaluate({ source: pod('netpol-probe-c01-peer'), destination: pod('netpol-probe-c01'), portName: 'http' }).allowed)
      .toBe(plan.cells[0].expectAllowed);
    expect(analyzer.evaluate({ source: pod('netpol-probe-canary-client'), destination: pod('netpol-probe-canary-allow'), port: 8080 }).allowed)
      .toBe(true);
  });

  test('the docs example builds a chart of stand-ins', () => {
    const app = new App();
    const probes = probeKitChart(app, appChart());
    const pods = Testing.synth(probes).filter((m) => m.kind === 'Pod');
    expect(pods.length).toBeGreaterThan(0);
    expect(pods.every((p) => p.spec.activeDeadlineSeconds === 3600 && restrictedErrors(p).length === 0)).toBe(true);
  });

  test('throws when the plan is not a ProbePlan', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const problem = problemOf(() => new ProbeKit(chart, 'Probes', { plan: {} as any }));
    // THEN
    expect(problem).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/Probes', problem: 'plan must be a ProbePlan', value: {} });
  });
});
