import { Chart, Testing } from 'cdk8s';
import {
  AllowAllEgress, AllowAllIngress, AllowMonitoringScrape, ClusterBaseline, ClusterPeer, DenyCloudMetadata, LabelSelector, NetworkPolicy, Peer, Port,
  ProtectKubeSystem, TenantIsolation,
} from '../../src';
import { Endpoint, PolicyAnalyzer, TrafficQuery } from '../../src/analysis';
import { API, INTERNET, KUBE_DNS, OTHER_WEB, PROMETHEUS, tcp, udp, WEB } from '../util';

const METADATA_V4 = Endpoint.ip('169.254.169.254');
const METADATA_V6 = Endpoint.ip('fd00:ec2::254');
const allowed = (chart: Chart, q: TrafficQuery) => PolicyAnalyzer.fromChart(chart).evaluate(q).allowed;
const tenantNamespaces = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'blue-a', labels: { tenant: 'blue' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'blue-b', labels: { tenant: 'blue' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'green-a', labels: { tenant: 'green' } } },
];
const pod = (namespace: string) => Endpoint.pod({ namespace, name: 'p', labels: { app: 'p' }, ports: [{ name: 'metrics', port: 9100 }] });

describe('DenyCloudMetadata', () => {
  test('denies the metadata service on IPv4 and IPv6 even where a NetworkPolicy allows all egress', () => {
    // GIVEN a namespace that allows all its egress
    const chart = Testing.chart();
    new DenyCloudMetadata(chart, 'NoMetadata');
    new AllowAllEgress(chart, 'Open', { namespace: 'shop', selector: LabelSelector.all() });
    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(allowed(chart, tcp(WEB, METADATA_V4, 80))).toBe(false);
    expect(allowed(chart, tcp(WEB, METADATA_V6, 80))).toBe(false);
    expect(allowed(chart, tcp(WEB, INTERNET, 443))).toBe(true);
    expect(PolicyAnalyzer.fromChart(chart).evaluate(tcp(WEB, METADATA_V4, 80)).explain()).toContain('[Admin] no-metadata rule 0 "deny-cloud-metadata": Deny');
  });
});

describe('ClusterBaseline', () => {
  test('denies what no NetworkPolicy allows, keeps DNS, and a namespace\'s own NetworkPolicy overrides it', () => {
    // GIVEN the baseline and shop/api opening its ingress
    const chart = Testing.chart();
    new ClusterBaseline(chart, 'Baseline', { name: 'cluster-baseline' });
    new AllowAllIngress(chart, 'ApiOpen', { namespace: 'shop', selector: LabelSelector.of({ labels: { app: 'api' } }) });
    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(allowed(chart, udp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowed(chart, tcp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowed(chart, tcp(WEB, INTERNET, 443))).toBe(false);
    expect(allowed(chart, tcp(OTHER_WEB, WEB, 80))).toBe(false);
    expect(allowed(chart, tcp(OTHER_WEB, API, 8080))).toBe(false); // egress of other/web is still denied by the baseline
    const shopWebEgress = new AllowAllEgress(chart, 'WebOut', { namespace: 'other', selector: LabelSelector.all() });
    expect(shopWebEgress).toBeDefined();
    expect(allowed(chart, tcp(OTHER_WEB, API, 8080))).toBe(true); // both sides now have their NetworkPolicy
  });
});

describe('TenantIsolation', () => {
  const build = () => {
    const chart = Testing.chart();
    new TenantIsolation(chart, 'Tenants', { tenantLabel: 'tenant', tenants: ['blue', 'green'] });
    return chart;
  };
  const analyzer = (chart: Chart) => PolicyAnalyzer.fromManifests([...tenantNamespaces, ...Testing.synth(chart)]);

  test('denies between tenants and passes within a tenant to the namespaces\' NetworkPolicies', () => {
    // GIVEN two tenants, blue-b denying all ingress itself
    const chart = build();
    new NetworkPolicy(chart, 'BlueBLocked', { namespace: 'blue-b', selector: LabelSelector.all(), ingress: [] });
    new AllowAllIngress(chart, 'GreenOpen', { namespace: 'green-a', selector: LabelSelector.all() });
    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
    const a = analyzer(chart);
    expect(a.evaluate(tcp(pod('blue-a'), pod('green-a'), 80)).allowed).toBe(false); // a NetworkPolicy cannot undo it
    expect(a.evaluate(tcp(pod('green-a'), pod('blue-a'), 80)).allowed).toBe(false);
    expect(a.evaluate(tcp(pod('green-a'), pod('blue-b'), 80)).allowed).toBe(false);
    expect(a.evaluate(tcp(pod('blue-b'), pod('blue-a'), 80)).allowed).toBe(true); // passed, no NetworkPolicy: default
    const inside = a.evaluate(tcp(pod('blue-a'), pod('blue-b'), 80));
    expect(inside.allowed).toBe(false); // passed to blue-b's own deny-all
    expect(inside.explain()).toContain('[Admin] tenant-blue rule 0 "pass-within-tenant": Pass -> [NetworkPolicy] blue-b/blue-b-locked: no ingress rule admits it');
    expect(a.evaluate(tcp(pod('shop'), pod('blue-a'), 80)).allowed).toBe(true); // not a tenant
  });

  test.each([
    ['no tenants', { tenantLabel: 'tenant', tenants: [] }, 'tenants must list at least one tenant'],
    ['a bad label key', { tenantLabel: 'bad key', tenants: ['a'] }, 'tenantLabel'],
    ['a bad tenant value', { tenantLabel: 'tenant', tenants: ['-a'] }, 'tenants[0]'],
    ['a duplicate tenant', { tenantLabel: 'tenant', tenants: ['a', 'a'] }, 'tenants[1] is listed twice'],
  ])('refuses %s', (_name, props, fragment) => {
    expect(() => new TenantIsolation(Testing.chart(), 'T', props as any)).toThrow(fragment);
  });
});

describe('AllowMonitoringScrape and ProtectKubeSystem', () => {
  test('monitoring scrapes across tenants and into kube-system; other pods stay out of kube-system, DNS keeps working', () => {
    // GIVEN tenant isolation, kube-system protection and the scrape
    const chart = Testing.chart();
    new TenantIsolation(chart, 'Tenants', { tenantLabel: 'tenant', tenants: ['blue', 'green'] });
    new ProtectKubeSystem(chart, 'KubeSystem', { allowFrom: [ClusterPeer.namespace('ingress')] });
    new AllowMonitoringScrape(chart, 'Scrape', { ports: [Port.named('metrics')] });
    new NetworkPolicy(chart, 'BlueLocked', { namespace: 'blue-a', selector: LabelSelector.all(), ingress: [{ peers: [Peer.pods(LabelSelector.all())] }] });
    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
    const a = PolicyAnalyzer.fromManifests([...tenantNamespaces, ...Testing.synth(chart)]);
    const metricsDns = Endpoint.pod({
      namespace: 'kube-system',
      name: 'coredns',
      labels: { 'k8s-app': 'kube-dns' },
      ports: [{ name: 'metrics', port: 9153 }, { name: 'dns', port: 53, protocol: 'UDP' as any }],
    });
    expect(a.evaluate(tcp(PROMETHEUS, pod('blue-a'), 9100)).allowed).toBe(true); // over blue-a's own NetworkPolicy
    expect(a.evaluate(tcp(PROMETHEUS, pod('blue-a'), 8080)).allowed).toBe(false); // only the metrics port
    expect(a.evaluate(tcp(PROMETHEUS, metricsDns, 9153)).allowed).toBe(true);
    expect(a.evaluate(tcp(WEB, metricsDns, 9153)).allowed).toBe(false);
    expect(a.evaluate(udp(WEB, metricsDns, 53)).allowed).toBe(true);
    expect(a.evaluate(tcp(pod('ingress'), metricsDns, 9153)).allowed).toBe(true);
    expect(a.evaluate(tcp(KUBE_DNS, metricsDns, 9153)).allowed).toBe(true);
  });

  test('AllowMonitoringScrape refuses to scrape every port', () => {
    expect(() => new AllowMonitoringScrape(Testing.chart(), 'S', { ports: [] })).toThrow('ports must list the metrics ports');
  });
});
