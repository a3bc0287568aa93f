/**
 * The lint every app gets at synth without asking: the error-level checks fail synth, once per app, with one
 * error per problem; PolicyLint.of() replaces it, PolicyLint.disable() and the policy annotations switch it off.
 */
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  AllowDnsEgress, AllowEgressToCidr, DenyAllEgress, DnsProfile, LabelSelector, NetworkPolicy, Peer, Port,
  PolicyAnalyzer,
} from '../../src';
import { Endpoint } from '../../src/analysis';
import { Linter, PolicyLint, Severity } from '../../src/lint';
import { objectsToRead } from '../../src/lint/default-lint';
import * as engine from '../../src/lint/engine/engine';
import { apiObjects } from '../../src/lint/lint-host';
import { ErrorCode, problemOf } from '../problems';
import { deployment, KUBE_DNS, synthError, udp } from '../util';

const API = LabelSelector.of({ labels: { app: 'api' } });

/** An app with chart `shop` holding one policy that isolates egress of app=api and allows nothing. */
function blockingApp(): { app: App; chart: Chart } {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  new NetworkPolicy(chart, 'Sealed', { selector: API, egress: [] });
  return { app, chart };
}

/** The lines of the validation error (cdk8s writes one per problem, after a heading); [] when synth passes. */
function lines(synth: () => unknown): string[] {
  const text = synthError(synth);
  return text === '' ? [] : text.split('\n').slice(1).map((line) => line.trim());
}

describe('the default lint at synth', () => {
  test('fails app.synth() and Testing.synth() on DNS blocked by an egress deny, without PolicyLint.of()', () => {
    // GIVEN
    const { app, chart } = blockingApp();
    // WHEN / THEN: one line, naming the lint, the object and the check
    const expected = [expect.stringMatching(/^\[NetpolLint\] \[shop\/Sealed\] spec\.egress: isolates egress of pod shop\/<pod \{"app":"api"\}> .*\[egress-blocks-dns\]$/)];
    expect(lines(() => app.synthYaml())).toEqual(expected);
    expect(lines(() => Testing.synth(chart))).toEqual(expected);
  });

  test('passes once the pods may reach the cluster DNS, and the manifests are unchanged by it', () => {
    // GIVEN
    const { app, chart } = blockingApp();
    // WHEN
    new AllowDnsEgress(chart, 'Dns', { selector: API });
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([]);
    expect(Testing.synth(chart).map((m) => m.metadata.name)).toEqual(['sealed', 'api-allow-dns-egress']);
  });

  test('reports only error-level findings, and prints nothing for warnings', () => {
    // GIVEN a policy with a warning-level finding only (a rule that another rule covers)
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const app = Testing.app();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new NetworkPolicy(chart, 'Web', { selector: LabelSelector.all(), ingress: [{ peers: [Peer.pods(API)], ports: [Port.tcp(8080)] }, { peers: [Peer.any()], ports: [Port.tcp(8080)] }] });
      // WHEN
      const run = lines(() => app.synthYaml());
      // THEN the full lint finds a warning there, the default one fails nothing and writes nothing
      expect(Linter.lintManifests(chart.toJson()).map((f) => f.severity)).toContain(Severity.WARNING);
      expect(run).toEqual([]);
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
    }
  });

  test('lints once per synthesis for the whole app, however many charts', async () => {
    // GIVEN five charts, each blocking DNS
    const app = Testing.app();
    for (let c = 0; c < 5; c++) {
      new NetworkPolicy(new Chart(app, `ns-${c}`, { namespace: `ns-${c}` }), 'Sealed', { selector: API, egress: [] });
    }
    const runs = jest.spyOn(engine, 'runLint');
    try {
      // WHEN
      const found = lines(() => app.synthYaml());
      // THEN one run and one line per chart's problem
      expect(runs).toHaveBeenCalledTimes(1);
      expect(found).toHaveLength(5);
      await Promise.resolve();
      lines(() => app.synthYaml());
      expect(runs).toHaveBeenCalledTimes(2);
    } finally {
      runs.mockRestore();
    }
  });

  test('PolicyLint.disable() on the app switches it off; calling it twice is harmless', () => {
    // GIVEN
    const { app } = blockingApp();
    // WHEN
    PolicyLint.disable(app);
    PolicyLint.disable(app);
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([]);
  });

  test('PolicyLint.disable() on a chart leaves that chart alone and still lints the others', () => {
    // GIVEN two charts that block DNS
    const { app, chart } = blockingApp();
    new NetworkPolicy(new Chart(app, 'blog', { namespace: 'blog' }), 'Sealed', { selector: API, egress: [] });
    // WHEN
    PolicyLint.disable(chart);
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([expect.stringMatching(/^\[NetpolLint\] \[blog\/Sealed\] .*\[egress-blocks-dns\]$/)]);
  });

  test('a policy annotation switches the check off for that policy', () => {
    // GIVEN
    const { app, chart } = blockingApp();
    // WHEN
    (chart.node.findChild('Sealed') as NetworkPolicy).metadata.addAnnotation('cdk8s-netpol.dev/lint', 'egress-blocks-dns=off');
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([]);
  });

  test('PolicyLint.of() on the app replaces it: the configured lint reports, once', () => {
    // GIVEN
    const { app } = blockingApp();
    // WHEN
    PolicyLint.of(app, { printWarnings: false });
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([expect.stringMatching(/^\[NetpolLint\] \[shop\/Sealed\] .*\[egress-blocks-dns\]$/)]);
  });

  test('PolicyLint.of() on a chart: the chart\'s lint reports its objects, the default lint does not repeat it', () => {
    // GIVEN
    const { app, chart } = blockingApp();
    // WHEN
    PolicyLint.of(chart, { printWarnings: false });
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([expect.stringMatching(/^\[shop\/NetpolLint\] \[shop\/Sealed\] .*\[egress-blocks-dns\]$/)]);
  });

  test('refuses PolicyLint.of() and PolicyLint.disable() on one scope, in either order', () => {
    // GIVEN
    const first = blockingApp().app;
    const second = blockingApp().app;
    // WHEN
    PolicyLint.disable(first);
    PolicyLint.of(second);
    // THEN
    expect(problemOf(() => PolicyLint.of(first))).toMatchObject({ code: ErrorCode.DUPLICATE, where: '', value: 'PolicyLint.of()' });
    expect(problemOf(() => PolicyLint.disable(second))).toMatchObject({ code: ErrorCode.DUPLICATE, where: '', value: 'PolicyLint.disable()' });
    expect(problemOf(() => PolicyLint.disable('app' as any))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'PolicyLint.disable()', value: 'app' });
  });

  test('does not fail PolicyAnalyzer.fromChart(), which answers what the manifests allow', () => {
    // GIVEN
    const { chart } = blockingApp();
    // WHEN
    const verdict = PolicyAnalyzer.fromChart(chart).evaluate(udp(Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' } }), KUBE_DNS, 53));
    // THEN the analysis runs, and synth still fails
    expect(verdict.allowed).toBe(false);
    expect(lines(() => Testing.synth(chart))).toHaveLength(1);
  });

  test('reports an object the library did not make, beside the library\'s policies', () => {
    // GIVEN a hand-written KubeNetworkPolicy that blocks DNS, and a library policy
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new AllowDnsEgress(chart, 'Dns', { selector: API });
    new k8s.KubeNetworkPolicy(chart, 'Raw', { metadata: { name: 'raw' }, spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'] } });
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([expect.stringMatching(/^\[NetpolLint\] \[shop\/Raw\] .*\[egress-blocks-dns\]$/)]);
  });

  test('the library\'s intents with OpenShift DNS or a DNS of their own pass it', () => {
    // GIVEN
    const app = Testing.app();
    const openshift = new Chart(app, 'a', { namespace: 'a' });
    new AllowDnsEgress(openshift, 'Dns', { selector: LabelSelector.all(), dns: DnsProfile.openshift() });
    new AllowEgressToCidr(openshift, 'Api', { selector: API, cidrs: ['203.0.113.0/24'], ports: [Port.HTTPS] });
    const own = new Chart(app, 'b', { namespace: 'b' });
    new AllowDnsEgress(own, 'Dns', { selector: LabelSelector.all(), dns: DnsProfile.custom([Peer.ipBlock('10.0.0.2/32')], [Port.DNS_UDP]) });
    // THEN
    expect(lines(() => app.synthYaml())).toEqual([]);
    expect(Testing.synth(own)[0].metadata.annotations['cdk8s-netpol.dev/allows-dns']).toBe('true');
    expect(Testing.synth(openshift)[0].metadata.annotations['cdk8s-netpol.dev/allows-dns']).toBeUndefined();
  });
});

describe('what the default lint reads', () => {
  /** The error lines of the full lint with every check but the error-level ones off, for comparison. */
  function fullErrorLines(build: (app: App) => void): string[] {
    const app = Testing.app();
    build(app);
    const off = Object.fromEntries(Linter.checks().filter((c) => c.defaultSeverity !== Severity.ERROR).map((c) => [c.code, 'off']));
    PolicyLint.of(app, { severities: off, printWarnings: false });
    return lines(() => app.synthYaml()).map((line) => line.replace(/^\[NetpolLint\] /, ''));
  }

  function defaultLines(build: (app: App) => void): string[] {
    const app = Testing.app();
    build(app);
    return lines(() => app.synthYaml()).map((line) => line.replace(/^\[NetpolLint\] /, ''));
  }

  const APPS: Array<[string, (app: App) => void]> = [
    ['DNS allowed by a second policy in the namespace of the deny', (app) => {
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new DenyAllEgress(chart, 'Deny');
      new AllowDnsEgress(chart, 'Dns', { selector: LabelSelector.all() });
      new AllowEgressToCidr(chart, 'Api', { selector: API, cidrs: ['203.0.113.0/24'], ports: [Port.HTTPS] });
    }],
    ['DNS allowed only in another namespace', (app) => {
      new DenyAllEgress(new Chart(app, 'shop', { namespace: 'shop' }), 'Deny');
      new AllowDnsEgress(new Chart(app, 'blog', { namespace: 'blog' }), 'Dns', { selector: LabelSelector.all() });
    }],
    ['DNS allowed for some pods of the namespace only', (app) => {
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new DenyAllEgress(chart, 'Deny');
      new AllowDnsEgress(chart, 'Dns', { selector: API });
    }],
    ['pods meant to have no egress, marked on an ingress policy', (app) => {
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new NetworkPolicy(chart, 'Sealed', { selector: API, egress: [] });
      new NetworkPolicy(chart, 'Mark', { selector: API, ingress: [] }).metadata.addAnnotation('cdk8s-netpol.dev/no-egress', 'true');
    }],
    ['a workload the library did not make, and a hand-written policy', (app) => {
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new ApiObject(chart, 'Web', deployment('shop', 'web', { app: 'api' }));
      new NetworkPolicy(chart, 'Sealed', { selector: API, egress: [] });
      new k8s.KubeNetworkPolicy(chart, 'Raw', { metadata: { name: 'sealed-2' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    }],
  ];

  test.each(APPS)('%s: the same errors as the full lint with its error-level checks', (_name, build) => {
    expect(defaultLines(build)).toEqual(fullErrorLines(build));
  });

  test('the apps above include both outcomes, so the comparison can fail', () => {
    const outcomes = APPS.map(([, build]) => defaultLines(build).length > 0);
    expect(outcomes).toContain(true);
    expect(outcomes).toContain(false);
  });

  test('reads none of the library\'s policies where every egress policy allows DNS itself, and all in a namespace where one does not', () => {
    // GIVEN
    const app = Testing.app();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new AllowDnsEgress(shop, 'Dns', { selector: API });
    new NetworkPolicy(shop, 'Ingress', { selector: API, ingress: [] });
    const blog = new Chart(app, 'blog', { namespace: 'blog' });
    new DenyAllEgress(blog, 'Deny');
    new NetworkPolicy(blog, 'Ingress', { selector: API, ingress: [] });
    // WHEN
    const read = objectsToRead(apiObjects(app)).map((o) => o.node.path);
    // THEN
    expect(read).toEqual(['blog/Deny', 'blog/Ingress']);
  });

  test('a policy hands the lint the JSON its rendering writes', () => {
    // GIVEN policies of every shape the constructs write, rule descriptions and added metadata included
    const { chart } = blockingApp();
    new AllowDnsEgress(chart, 'Dns', { selector: API });
    new AllowEgressToCidr(chart, 'Api', { selector: API, cidrs: ['203.0.113.0/24'], ports: [Port.HTTPS] });
    const described = new NetworkPolicy(chart, 'Described', { selector: API, description: 'why', ingress: [{ peers: [Peer.pods(API)], description: 'from api' }] });
    described.metadata.addLabel('team', 'shop');
    const patched = new NetworkPolicy(chart, 'Patched', { selector: API, ingress: [] });
    patched.addJsonPatch(JsonPatch.add('/metadata/annotations', { patched: 'yes' }));
    // WHEN / THEN
    for (const policy of chart.node.findAll().filter(NetworkPolicy.isNetworkPolicy)) {
      expect(JSON.parse(JSON.stringify((policy as any)._manifestForLint()))).toEqual(policy.toJson());
    }
  });
});
