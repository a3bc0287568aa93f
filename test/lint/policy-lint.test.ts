import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { GrantSides, LabelSelector, NetworkPolicy, Peer, Port, Protocol, Workload } from '../../src';
import { Cni, PolicyLint, Severity } from '../../src/lint';
import * as engine from '../../src/lint/engine/engine';
import { ErrorCode, problemOf } from '../problems';
import { synthError } from '../util';

function chartWithPolicies(): Chart {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  new NetworkPolicy(chart, 'Sealed', { selector: LabelSelector.of({ labels: { app: 'api' } }), egress: [] });
  new NetworkPolicy(chart, 'Web', {
    selector: LabelSelector.of({ labels: { app: 'web' } }),
    ingress: [{ peers: [Peer.any()], ports: [Port.tcp(8080)] }],
  });
  return chart;
}

/** The lines of the validation error that `synth` throws (cdk8s writes one per problem, after a heading). */
function validationLines(synth: () => unknown): string[] {
  const text = synthError(synth);
  if (text === '') {
    throw new Error('synth did not fail');
  }
  return text.split('\n').slice(1).map((line) => line.trim());
}

describe('PolicyLint', () => {
  let stderr: jest.SpyInstance;
  beforeEach(() => { stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true); });
  afterEach(() => stderr.mockRestore());

  test('fails synth on an error finding, naming the construct path of the ApiObject and the check code', () => {
    // GIVEN
    const chart = chartWithPolicies();
    // WHEN
    PolicyLint.of(chart);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[shop\/Sealed\] spec\.egress: isolates egress .*\[egress-blocks-dns\]/);
  });

  test('lints every chart of an app when installed on the app', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'blog', { namespace: 'blog' });
    new NetworkPolicy(chart, 'Sealed', { selector: LabelSelector.all(), egress: [] });
    // WHEN
    PolicyLint.of(app);
    // THEN
    expect(() => app.synth()).toThrow(/\[blog\/Sealed\].*\[egress-blocks-dns\]/);
  });

  test('an error line names the lint and the object, never an empty path: [NetpolLint] [blog/Sealed] ...', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'blog', { namespace: 'blog' });
    new NetworkPolicy(chart, 'Sealed', { selector: LabelSelector.all(), egress: [] });
    PolicyLint.of(app);
    // WHEN
    const lines = validationLines(() => app.synth());
    // THEN
    expect(lines.filter((line) => line.includes('[egress-blocks-dns]'))).toEqual([expect.stringMatching(/^\[NetpolLint\] \[blog\/Sealed\] /)]);
    expect(lines.filter((line) => line.startsWith('[] '))).toEqual([]);
  });

  test('a duplicate policy name is one error with the lint installed: the policy construct reports it, the lint does not repeat it', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'blog', { namespace: 'blog' });
    new NetworkPolicy(chart, 'Sealed', { selector: LabelSelector.all(), ingress: [] });
    new NetworkPolicy(chart, 'Again', { name: 'sealed', selector: LabelSelector.all(), ingress: [] });
    PolicyLint.of(app);
    // WHEN
    const lines = validationLines(() => app.synth());
    // THEN
    expect(lines.filter((line) => line.includes('sealed'))).toEqual([expect.stringMatching(/^\[blog\/Again\] policy name "sealed" is used more than once/)]);
  });

  test('a duplicate name on an ApiObject the library did not make is still reported by the lint', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'blog', { namespace: 'blog' });
    new NetworkPolicy(chart, 'Sealed', { selector: LabelSelector.all(), ingress: [] });
    new ApiObject(chart, 'Raw', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'sealed' }, spec: { podSelector: {} } });
    PolicyLint.of(app);
    // WHEN
    const lines = validationLines(() => app.synth());
    // THEN
    expect(lines).toEqual([expect.stringMatching(/^\[NetpolLint\] \[blog\/Raw\] metadata\.name: is already used .*\[duplicate-policy-name\]$/)]);
  });

  test('does not fail synth on warnings, and writes them to stderr', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new NetworkPolicy(chart, 'Out', {
      selector: LabelSelector.of({ labels: { app: 'api' } }),
      egress: [{ peers: [Peer.any()], ports: [Port.HTTPS] }, { peers: [Peer.any()], ports: [Port.DNS_UDP, Port.DNS_TCP] }],
    });
    // WHEN
    PolicyLint.of(chart);
    const manifests = Testing.synth(chart);
    // THEN
    expect(manifests).toHaveLength(1);
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toMatch(/^netpol lint warning: \[shop\/Out\] spec\.egress\[0\]: .*\[egress-ports-without-destinations\]$/m);
  });

  test('sees the rules that connections add at synth, though it is installed above them', () => {
    // GIVEN a chart-level lint, and a workload whose only egress (DNS) comes from a grant
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lint-')) });
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    PolicyLint.of(shop);
    const web = Workload.fromLabels(shop, 'Web', { labels: { app: 'web' }, ports: [{ port: 8080 }] });
    const dns = Workload.fromLabels(shop, 'Dns', {
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [{ port: 53, protocol: Protocol.UDP }, { port: 53 }],
    });
    // WHEN
    web.connections.allowTo(dns, undefined, { sides: GrantSides.EGRESS_ONLY });
    // THEN synth passes: the egress policy of web allows DNS by the time it is linted
    expect(() => app.synth()).not.toThrow();
    expect(web.connections.egressPolicy!.policyTypes).toEqual(['Egress']);
  });

  test('prints each warning once, though cdk8s validates the app once per chart', () => {
    // GIVEN an app-level lint over three charts, one warning in the first
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lint-')) });
    const dns = { peers: [Peer.podsInNamespace('kube-system', LabelSelector.of({ labels: { 'k8s-app': 'kube-dns' } }))], ports: [Port.DNS_UDP, Port.DNS_TCP] };
    for (const ns of ['a', 'b', 'c']) {
      const chart = new Chart(app, ns, { namespace: ns });
      new NetworkPolicy(chart, 'Out', {
        selector: LabelSelector.all(),
        egress: ns === 'a' ? [dns, { peers: [Peer.any()], ports: [Port.HTTPS] }] : [dns],
      });
    }
    PolicyLint.of(app);
    // WHEN
    app.synth();
    // THEN
    const printed = stderr.mock.calls.map((c) => String(c[0])).filter((line) => line.includes('[egress-ports-without-destinations]'));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/\[a\/Out\]/);
  });

  test('does not print warnings when asked not to', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new NetworkPolicy(chart, 'Out', { selector: LabelSelector.all(), egress: [{ peers: [Peer.any()], ports: [Port.DNS_UDP, Port.DNS_TCP] }] });
    // WHEN
    PolicyLint.of(chart, { printWarnings: false });
    Testing.synth(chart);
    // THEN
    expect(stderr).not.toHaveBeenCalled();
  });

  test('lets a policy annotation turn an error into a warning for that policy', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const sealed = new NetworkPolicy(chart, 'Sealed', { selector: LabelSelector.all(), egress: [] });
    sealed.metadata.addAnnotation('cdk8s-netpol.dev/lint', 'egress-blocks-dns=warning');
    // WHEN
    const lint = PolicyLint.of(chart, { printWarnings: false });
    // THEN
    expect(() => Testing.synth(chart)).not.toThrow();
    expect(lint.findings().map((f) => [f.code, f.severity, f.source])).toEqual([['egress-blocks-dns', Severity.WARNING, 'shop/Sealed']]);
  });

  test('passes the options through, e.g. the CNI', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    new NetworkPolicy(chart, 'Web', { selector: LabelSelector.all(), ingress: [{ peers: [Peer.any()], ports: [Port.tcp(8080)] }] });
    // WHEN
    PolicyLint.of(chart, { cni: Cni.FLANNEL });
    // THEN
    expect(() => Testing.synth(chart)).toThrow(/\[LintOptions\.cni\] is Flannel.*\[cni-no-enforcement\]/);
  });

  test('throws when installed twice on one scope', () => {
    // GIVEN
    const chart = new Chart(new App(), 'shop');
    PolicyLint.of(chart);
    // WHEN / THEN
    expect(problemOf(() => PolicyLint.of(chart))).toMatchObject({ code: ErrorCode.DUPLICATE, where: 'shop', value: 'PolicyLint.of()' });
  });
});

describe('docs/lint.md examples', () => {
  test('the synth example passes: its isolated policy is marked no-egress', () => {
    // GIVEN
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { lintAtSynth } = jest.requireActual('../../examples/snippets/lint');
    // WHEN
    const manifests = Testing.synth(lintAtSynth());
    stderr.mockRestore();
    // THEN
    expect(manifests.map((m: any) => m.metadata.annotations['cdk8s-netpol.dev/no-egress'])).toEqual(['true']);
  });

  test('the API example reports an error for a DNS-blocking policy', () => {
    // GIVEN
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const { lintManifests } = jest.requireActual('../../examples/snippets/lint');
    // WHEN
    const failed = lintManifests([{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'a', namespace: 'shop' }, spec: { policyTypes: ['Egress'] } }]);
    log.mockRestore();
    // THEN
    expect(failed).toBe(true);
  });
});

describe('PolicyLint on an app of several charts', () => {
  test('lints once per synthesis, not once per chart (cdk8s validates the app once more per chart it writes)', async () => {
    // GIVEN an app of five charts with clean policies, linted as a whole
    const app = Testing.app();
    for (let c = 0; c < 5; c++) {
      const chart = new Chart(app, `ns-${c}`, { namespace: `ns-${c}` });
      new NetworkPolicy(chart, 'Web', { selector: LabelSelector.of({ labels: { app: 'web' } }), ingress: [{ peers: [Peer.any()], ports: [Port.tcp(8080)] }] });
    }
    PolicyLint.of(app, { printWarnings: false });
    const runs = jest.spyOn(engine, 'runLint');
    try {
      // WHEN
      app.synthYaml();
      // THEN
      expect(runs).toHaveBeenCalledTimes(1);
      // and a synth after this one has returned lints again
      await Promise.resolve();
      app.synthYaml();
      expect(runs).toHaveBeenCalledTimes(2);
    } finally {
      runs.mockRestore();
    }
  });

  test('lints again in the same run when constructs were added after a synth', () => {
    // GIVEN a clean app, synthesized once
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new NetworkPolicy(chart, 'Web', { selector: LabelSelector.of({ labels: { app: 'web' } }), ingress: [{ peers: [Peer.any()], ports: [Port.tcp(8080)] }] });
    PolicyLint.of(app, { printWarnings: false });
    expect(() => app.synthYaml()).not.toThrow();
    // WHEN a policy that blocks DNS is added
    new NetworkPolicy(chart, 'Sealed', { selector: LabelSelector.of({ labels: { app: 'api' } }), egress: [] });
    // THEN
    expect(() => app.synthYaml()).toThrow(/\[shop\/Sealed\].*\[egress-blocks-dns\]/);
  });
});
