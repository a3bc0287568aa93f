import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Testing, Yaml } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DenyAllIngress, LabelRequirement, LabelSelector, NetworkPolicy, Peer, PolicyLint, Port, TrafficDirection } from '../src';
import { networkPolicyApiErrors } from './api-rules';
import { ErrorCode, problemOf } from './problems';
import { secondCopyOfPackage, synthError } from './util';

const WEB = LabelSelector.of({ labels: { app: 'web' } });
const API = LabelSelector.of({ labels: { app: 'api' } });

/**
 * These tests look at single policies, many of which isolate egress without allowing DNS; the default lint at
 * synth refuses those (test/lint/default-lint.test.ts), so it is switched off here.
 */
function shopChart(): Chart {
  const app = Testing.app();
  PolicyLint.disable(app);
  return new Chart(app, 'test', { namespace: 'shop' });
}

describe('NetworkPolicy', () => {
  test('renders the whole manifest canonically', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NetworkPolicy(chart, 'ApiIngress', {
      selector: LabelSelector.of({ labels: { app: 'api' }, expressions: [LabelRequirement.isIn('track', ['stable', 'canary'])] }),
      ingress: [
        { peers: [Peer.pods(WEB)], ports: [Port.tcp(8080), Port.named('metrics')], description: 'the web tier calls the API' },
        { peers: [Peer.podsInNamespace('monitoring', LabelSelector.matchLabels({ app: 'prometheus' }))], ports: [Port.named('metrics')] },
      ],
      egress: [{ peers: [Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16'])], ports: [Port.tcpRange(5432, 5433)] }],
      description: 'who may reach the API',
    });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests).toHaveLength(1);
    expect(manifests[0].metadata.name).toBe('api-ingress');
    expect(manifests[0].metadata.namespace).toBe('shop');
    expect(manifests[0].spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(manifests[0].spec.ingress).toHaveLength(2);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('absent directions are not isolated; [] isolates and allows nothing', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const ingressOnly = new NetworkPolicy(chart, 'IngressOnly', { selector: API, ingress: [] });
    const egressOnly = new NetworkPolicy(chart, 'EgressOnly', { selector: API, egress: [] });
    // THEN
    const [a, b] = Testing.synth(chart);
    expect(ingressOnly.policyTypes).toEqual([TrafficDirection.INGRESS]);
    expect(a.spec).toEqual({ ingress: [], podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'] });
    expect(egressOnly.policyTypes).toEqual([TrafficDirection.EGRESS]);
    expect(b.spec).toEqual({ egress: [], podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'] });
  });

  test('is itself the ApiObject of its manifest: one construct, named by metadata.name', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const policy = new NetworkPolicy(chart, 'AllowWeb', { selector: API, ingress: [] });
    policy.metadata.addLabel('team', 'shop');
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(ApiObject.of(policy)).toBe(policy);
    expect(policy.node.children).toEqual([]);
    expect(policy.node.path).toBe('test/AllowWeb');
    expect(policy.name).toBe('allow-web');
    expect(manifest.metadata).toEqual({ name: 'allow-web', namespace: 'shop', labels: { team: 'shop' } });
  });

  test('isNetworkPolicy() holds for policies and intents only, where instanceof answers as cdk8s does for any ApiObject', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const deployment = new k8s.KubeDeployment(chart, 'Web', {});
    const policy = new NetworkPolicy(chart, 'AllowWeb', { selector: API, ingress: [] });
    const deny = new DenyAllIngress(chart, 'Deny');
    // THEN
    expect([deployment, policy, deny, undefined, null, 'policy', {}].map((x) => NetworkPolicy.isNetworkPolicy(x)))
      .toEqual([false, true, true, false, false, false, false]);
    expect([deployment, policy, deny].map((x) => x instanceof ApiObject)).toEqual([true, true, true]);
    expect(NetworkPolicy.GVK).toEqual({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' });
  });

  test('two copies of the package work in one app: brands, not classes, recognise their values', () => {
    // GIVEN
    // a second copy of this package, sharing its peer dependencies with the first
    const copy = secondCopyOfPackage();
    const chart = shopChart();
    // WHEN
    const theirs = new copy.DenyAllIngress(chart, 'TheirDeny');
    const ours = new NetworkPolicy(chart, 'Ours', {
      selector: copy.LabelSelector.of({ labels: { app: 'api' } }),
      ingress: [{ peers: [copy.Peer.pods(copy.LabelSelector.of({ labels: { app: 'web' } }))], ports: [copy.Port.tcp(8080)] }],
    });
    const mixed = new copy.NetworkPolicy(chart, 'Mixed', { selector: API, egress: [{ peers: [Peer.namespace('kube-system')], ports: [Port.DNS_UDP] }] });
    // THEN
    expect(copy.NetworkPolicy).not.toBe(NetworkPolicy);
    expect(NetworkPolicy.isNetworkPolicy(theirs)).toBe(true);
    expect(copy.NetworkPolicy.isNetworkPolicy(ours)).toBe(true);
    const manifests = Testing.synth(chart);
    expect(manifests.map((m) => m.metadata.name)).toEqual(['deny-all-ingress', 'ours', 'mixed']);
    expect(manifests[1].spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(manifests[2].spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }]);
    expect(mixed.policyTypes).toEqual([TrafficDirection.EGRESS]);
  });

  test('throws when a rule is added after the policy was synthesized', () => {
    // GIVEN
    const chart = shopChart();
    const policy = new NetworkPolicy(chart, 'Api', { selector: API, ingress: [{ peers: [Peer.pods(WEB)] }] });
    Testing.synth(chart);
    // WHEN / THEN
    expect(problemOf(() => policy.addIngressRule({ peers: [Peer.namespace('monitoring')] })))
      .toMatchObject({ code: ErrorCode.ALREADY_SYNTHESIZED, where: 'test/Api', value: ['namespace monitoring'] });
    expect(problemOf(() => policy.addEgressRule({ peers: [Peer.any()] })))
      .toMatchObject({ code: ErrorCode.ALREADY_SYNTHESIZED, where: 'test/Api', value: ['any peer'] });
    expect(Testing.synth(chart)[0].spec).toEqual({
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }], podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'],
    });
  });

  test('a rule added after construction and before synth is written', () => {
    // GIVEN
    const chart = shopChart();
    const policy = new NetworkPolicy(chart, 'Api', { selector: API, ingress: [] });
    const before = chart.node.findAll().length;
    // WHEN
    policy.addIngressRule({ peers: [Peer.pods(WEB)], ports: [Port.tcp(8080)], description: 'web calls the API' });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(chart.node.findAll()).toHaveLength(before);
    expect(manifest.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(manifest.metadata.annotations).toEqual({ 'cdk8s-netpol.dev/ingress-rules': '0: web calls the API' });
  });

  test('addIngressRule() and addEgressRule() isolate the direction they add to', () => {
    // GIVEN
    const chart = shopChart();
    const policy = new NetworkPolicy(chart, 'Api', { selector: API, ingress: [] });
    // WHEN
    policy.addEgressRule({ peers: [Peer.any()], ports: [Port.DNS_UDP, Port.DNS_TCP] });
    policy.addIngressRule({ peers: [Peer.pods(WEB)] });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(manifest.spec.egress).toEqual([{ ports: [{ port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }]);
    expect(manifest.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }]);
  });

  test('Peer.any() and absent ports render as an empty rule that allows everything', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NetworkPolicy(chart, 'Open', { selector: LabelSelector.all(), ingress: [{ peers: [Peer.any()] }] });
    // THEN
    expect(Testing.synth(chart)[0].spec).toEqual({ ingress: [{}], podSelector: {}, policyTypes: ['Ingress'] });
  });

  test('removes duplicate rules, peers and ports and merges their descriptions', () => {
    // GIVEN
    const chart = shopChart();
    const policy = new NetworkPolicy(chart, 'Api', { selector: API, ingress: [] });
    // WHEN
    policy.addIngressRule({ peers: [Peer.pods(WEB), Peer.pods(WEB)], ports: [Port.tcp(80), Port.HTTP], description: 'first' });
    policy.addIngressRule({ peers: [Peer.pods(WEB)], ports: [Port.tcp(80)], description: 'second' });
    policy.addIngressRule({ peers: [Peer.pods(WEB)], ports: [Port.tcp(80)], description: 'first' });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(manifest.metadata.annotations).toEqual({ 'cdk8s-netpol.dev/ingress-rules': '0: first; second' });
  });

  test('rule descriptions are numbered by the rule index in the output', () => {
    // GIVEN
    const chart = shopChart();
    const policy = new NetworkPolicy(chart, 'Api', { selector: API });
    // WHEN
    policy.addEgressRule({ peers: [Peer.pods(WEB)], description: 'to web' });
    policy.addEgressRule({ peers: [Peer.anyIpv4()], ports: [Port.HTTPS], description: 'to the internet' });
    // THEN
    const [manifest] = Testing.synth(chart);
    const texts = manifest.spec.egress.map((r: any) => JSON.stringify(r.to));
    const lines = manifest.metadata.annotations['cdk8s-netpol.dev/egress-rules'].split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[texts.findIndex((t: string) => t.includes('ipBlock'))]).toMatch(/^\d: to the internet$/);
  });

  test('named ports toward ipBlock sources are accepted in ingress, where they resolve on the selected pods', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NetworkPolicy(chart, 'Public', { selector: WEB, ingress: [{ peers: [Peer.anyIpv4()], ports: [Port.named('https')] }] });
    // THEN
    expect(Testing.synth(chart)[0].spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 'https', protocol: 'TCP' }] }]);
  });

  test('the namespace defaults to the chart namespace and can be overridden', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NetworkPolicy(chart, 'A', { selector: API, ingress: [] });
    new NetworkPolicy(chart, 'B', { selector: API, ingress: [], namespace: 'other' });
    // THEN
    expect(Testing.synth(chart).map((m) => m.metadata.namespace)).toEqual(['shop', 'other']);
  });

  test('without any namespace the manifest has none (kubectl uses the current context)', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const policy = new NetworkPolicy(chart, 'A', { selector: API, ingress: [] });
    // THEN
    expect(policy.namespace).toBeUndefined();
    expect(Testing.synth(chart)[0].metadata.namespace).toBeUndefined();
  });

  test('default names are the kebab-case construct path below the chart', () => {
    // GIVEN
    const chart = shopChart();
    const team = new Construct(chart, 'TeamA');
    // WHEN
    const nested = new NetworkPolicy(team, 'AllowHTTPFromWeb', { selector: API, ingress: [] });
    const long = new NetworkPolicy(chart, 'X'.repeat(80), { selector: API, ingress: [] });
    // THEN
    expect(nested.name).toBe('team-a-allow-http-from-web');
    expect(long.name).toHaveLength(63);
    expect(long.name).toMatch(/^x+-[0-9a-f]{8}$/);
  });

  test('fails synth when two policies share a name in one namespace, with one error for the one problem', () => {
    // GIVEN
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-')) });
    const chart = new Chart(app, 'test', { namespace: 'shop' });
    new NetworkPolicy(chart, 'One', { name: 'allow-web', selector: API, ingress: [] });
    new NetworkPolicy(chart, 'Two', { name: 'allow-web', selector: WEB, egress: [] });
    new NetworkPolicy(chart, 'Three', { name: 'allow-web', namespace: 'other', selector: WEB, egress: [] });
    // WHEN
    const message = synthError(() => app.synth());
    // THEN
    expect(message).toMatch(/\[test\/Two\] policy name "allow-web" is used more than once in namespace "shop".*\(got \["test\/One"\]\)\. Give each policy a distinct name/s);
    expect(message.match(/is used more than once/g)).toHaveLength(1);
  });

  test('fails synth when a policy isolates no direction', () => {
    // GIVEN
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-')) });
    const chart = new Chart(app, 'test');
    new NetworkPolicy(chart, 'Empty', { selector: API });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/\[test\/Empty\] policy isolates no direction/);
  });

  test('throws when the selector is missing', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new NetworkPolicy(chart, 'P', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/P', value: undefined });
  });

  test('throws when peers or ports are not made by the factories', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new NetworkPolicy(chart, 'P', { selector: API, ingress: [{ peers: [{} as any] }] })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/P', problem: 'ingress[0].peers[0] must be a Peer or a Workload', value: {} });
    expect(problemOf(() => new NetworkPolicy(chart, 'S', { selector: API, ingress: [{ peers: [{ toPeer: () => 'web' } as any] }] })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/S', problem: 'peers[0].toPeer() must be a Peer', value: 'web' });
    expect(problemOf(() => new NetworkPolicy(chart, 'Q', { selector: API, ingress: [{ peers: [Peer.any()], ports: [443 as any] }] })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/Q', problem: 'ingress[0].ports[0] must be a Port', value: 443 });
    expect(problemOf(() => new NetworkPolicy(chart, 'R', { selector: API, ingress: 'all' as any })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/R', problem: 'ingress must be a list', value: 'all' });
  });

  test('synthesizes byte-identical YAML from props and rules given in any order', () => {
    // GIVEN
    const rules = [
      { peers: [Peer.pods(WEB), Peer.namespace('monitoring')], ports: [Port.tcp(8080), Port.named('metrics')] },
      { peers: [Peer.ipBlock('192.168.0.0/16', ['192.168.2.0/24', '192.168.1.0/24'])], ports: [Port.udp(53)] },
      { peers: [Peer.podsInNamespace('ops', LabelSelector.of({ labels: { b: '2', a: '1' } }))] },
    ];
    const build = (order: number[], reverse: boolean) => {
      const chart = shopChart();
      const ordered = order.map((i) => ({
        ...rules[i],
        peers: reverse ? [...rules[i].peers].reverse() : rules[i].peers,
        ports: reverse && rules[i].ports ? [...rules[i].ports!].reverse() : rules[i].ports,
      }));
      const policy = reverse
        ? new NetworkPolicy(chart, 'P', { egress: [], selector: LabelSelector.of({ labels: { tier: 'x', app: 'api' } }) })
        : new NetworkPolicy(chart, 'P', { selector: LabelSelector.of({ labels: { app: 'api', tier: 'x' } }), egress: [] });
      ordered.forEach((rule) => policy.addIngressRule(rule));
      return Yaml.stringify(...Testing.synth(chart));
    };
    // WHEN
    const first = build([0, 1, 2], false);
    const again = build([0, 1, 2], false);
    const shuffled = build([2, 0, 1], true);
    // THEN
    expect(again).toBe(first);
    expect(shuffled).toBe(first);
  });
});
