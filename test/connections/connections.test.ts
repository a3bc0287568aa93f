import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { threeTierShop } from '../../examples/snippets/connections';
import { GrantSides, Port, Protocol, Workload } from '../../src';
import { Endpoint, ReasonCode } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { tcp, udp, unlintedApp } from '../util';
import { analyze, denyAll, pod } from './helpers';
import { ErrorCode, problemOf } from '../problems';

function shop(): Chart {
  return new Chart(unlintedApp(), 'shop', { namespace: 'shop' });
}

const WEB = pod('shop', { app: 'web' });
const API = pod('shop', { app: 'api' }, [{ name: 'http', port: 8080 }]);

describe('Connections', () => {
  test('a three-tier app synthesizes one ingress and one egress policy per workload', () => {
    // GIVEN
    const app = threeTierShop();
    // WHEN
    const manifests = app.charts.flatMap((chart) => Testing.synth(chart));
    // THEN
    expect(manifests).toMatchSnapshot();
    const policies = manifests.filter((m) => m.kind === 'NetworkPolicy');
    expect(policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'shop/deny-all', 'shop/web-ingress', 'shop/web-egress', 'shop/api-ingress', 'shop/api-egress',
      'data/deny-all', 'data/db-ingress', 'data/db-egress',
    ]);
    policies.forEach((policy) => expect(networkPolicyApiErrors(policy)).toEqual([]));
  });

  test('docs/connections.md shows exactly the policies the three-tier app synthesizes', () => {
    // GIVEN
    const app = threeTierShop();
    const policies = app.charts.flatMap((chart) => Testing.synth(chart))
      .filter((m) => m.kind === 'NetworkPolicy' && m.metadata.name !== 'deny-all');
    // WHEN
    const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'connections.md'), 'utf8');
    // THEN
    expect(docs.match(/```yaml\n([\s\S]*?)```/)![1]).toBe(Yaml.stringify(...policies));
  });

  test('the three-tier app allows exactly the granted flows when every namespace denies by default', () => {
    // GIVEN
    const app = threeTierShop();
    const analyzer = analyze(...app.charts);
    const db = analyzer.endpoints().find((e) => e.namespace === 'data')!;
    const dns = pod('kube-system', { 'k8s-app': 'kube-dns' });
    // WHEN / THEN
    expect(analyzer.evaluate(tcp(Endpoint.ip('198.51.100.7'), WEB, 8443)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(WEB, API, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(API, db, 5432)).allowed).toBe(true);
    expect(analyzer.evaluate(udp(WEB, dns, 53)).allowed).toBe(true);
    expect(analyzer.evaluate(udp(db, dns, 53)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(db, dns, 53)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(Endpoint.ip('198.51.100.7'), API, 8080)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(WEB, db, 5432)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(API, WEB, 8443)).allowed).toBe(false);
  });

  test('a same-namespace grant allows only that port, protocol, direction and workload', () => {
    // GIVEN
    const chart = shop();
    denyAll(chart);
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    // WHEN
    web.connections.allowTo(api, Port.tcp(8080));
    // THEN
    const analyzer = analyze(chart);
    expect(analyzer.evaluate(tcp(WEB, API, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(WEB, API, 9090)).allowed).toBe(false);
    expect(analyzer.evaluate(udp(WEB, API, 8080)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(API, WEB, 8080)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(pod('shop', { app: 'admin' }), API, 8080)).allowed).toBe(false);
    const [, ingress] = Testing.synth(chart).filter((m) => m.metadata.name !== 'deny-all');
    expect(ingress.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });

  test('a cross-namespace grant selects the peer by namespace AND labels on both sides', () => {
    // GIVEN
    const app = unlintedApp();
    const shopChart = new Chart(app, 'shop', { namespace: 'shop' });
    const dataChart = new Chart(app, 'data', { namespace: 'data' });
    denyAll(shopChart);
    denyAll(dataChart);
    const api = Workload.fromLabels(shopChart, 'Api', { labels: { app: 'api' } });
    const db = Workload.fromLabels(dataChart, 'Db', { labels: { app: 'db' }, ports: [{ port: 5432 }] });
    // WHEN
    api.connections.allowTo(db);
    // THEN
    const [egress] = Testing.synth(shopChart).filter((m) => m.metadata.name === 'api-egress');
    const [ingress] = Testing.synth(dataChart).filter((m) => m.metadata.name === 'db-ingress');
    expect(egress.metadata.namespace).toBe('shop');
    expect(ingress.metadata.namespace).toBe('data');
    expect(ingress.spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'api' } },
    }]);
    const analyzer = analyze(shopChart, dataChart);
    const DB = pod('data', { app: 'db' });
    expect(analyzer.evaluate(tcp(API, DB, 5432)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(pod('dev', { app: 'api' }), DB, 5432)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(pod('data', { app: 'api' }), DB, 5432)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(API, pod('shop', { app: 'db' }), 5432)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(DB, API, 5432)).allowed).toBe(false);
  });

  test('a grant with an address range writes only the pod side', () => {
    // GIVEN
    const chart = shop();
    denyAll(chart);
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' }, ports: [{ port: 8080 }] });
    const partners = Workload.fromCidr(chart, 'Partners', { cidr: '198.51.100.0/24' });
    const payments = Workload.fromCidr(chart, 'Payments', { cidr: '203.0.113.0/24', ports: [{ port: 443 }] });
    // WHEN
    api.connections.allowFrom(partners);
    api.connections.allowTo(payments);
    // THEN
    const names = Testing.synth(chart).map((m) => m.metadata.name);
    expect(names).toEqual(['deny-all', 'api-ingress', 'api-egress']);
    expect(partners.connections.ingressPolicy).toBeUndefined();
    const analyzer = analyze(chart);
    expect(analyzer.evaluate(tcp(Endpoint.ip('198.51.100.7'), API, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(Endpoint.ip('192.0.2.7'), API, 8080)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(API, Endpoint.ip('203.0.113.9'), 443)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(API, Endpoint.ip('203.0.113.9'), 80)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(API, Endpoint.ip('192.0.2.9'), 443)).allowed).toBe(false);
  });

  test('a named-port grant uses the name on both sides and resolves on the destination pod', () => {
    // GIVEN
    const chart = shop();
    denyAll(chart);
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' }, ports: [{ port: 8080, name: 'http' }, { port: 9090, name: 'admin' }] });
    // WHEN
    api.connections.allowFrom(web, Port.named('http'));
    // THEN
    const policies = Testing.synth(chart);
    const egress = policies.find((m) => m.metadata.name === 'web-egress');
    const ingress = policies.find((m) => m.metadata.name === 'api-ingress');
    expect(egress.spec.egress[0].ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
    expect(ingress.spec.ingress[0].ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
    const analyzer = analyze(chart);
    const apiPod = pod('shop', { app: 'api' }, [{ name: 'http', port: 8080 }, { name: 'admin', port: 9090 }]);
    expect(analyzer.evaluate(tcp(WEB, apiPod, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate({ source: WEB, destination: apiPod, portName: 'http' }).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(WEB, apiPod, 9090)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(WEB, pod('shop', { app: 'api' }, [{ name: 'web', port: 8080 }]), 8080)).allowed).toBe(false);
  });

  test('writing one side only leaves the other side denied under default deny', () => {
    // GIVEN
    const chart = shop();
    denyAll(chart);
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    // WHEN
    web.connections.allowTo(api, Port.tcp(8080), { sides: GrantSides.INGRESS_ONLY });
    // THEN
    expect(Testing.synth(chart).map((m) => m.metadata.name)).toEqual(['deny-all', 'api-ingress']);
    expect(web.connections.egressPolicy).toBeUndefined();
    const verdict = analyze(chart).evaluate(tcp(WEB, API, 8080));
    expect(verdict.allowed).toBe(false);
    expect(verdict.ingressAllowed).toBe(true);
    expect(verdict.codes).toContain(ReasonCode.NO_RULE_MATCHES);
  });

  test('writing the egress side only leaves the target untouched', () => {
    // GIVEN
    const chart = shop();
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const dns = Workload.fromLabels(chart, 'Dns', {
      namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ports: [{ port: 53, protocol: Protocol.UDP }],
    });
    // WHEN
    web.connections.allowTo(dns, undefined, { sides: GrantSides.EGRESS_ONLY });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests.map((m) => `${m.metadata.namespace}/${m.metadata.name}`)).toEqual(['shop/web-egress']);
    expect(dns.connections.ingressPolicy).toBeUndefined();
    expect(manifests[0].spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }]);
  });
});

describe('Connections errors', () => {
  test('refuses a grant between two address ranges', () => {
    // GIVEN
    const chart = shop();
    const a = Workload.fromCidr(chart, 'A', { cidr: '198.51.100.0/24' });
    const b = Workload.fromCidr(chart, 'B', { cidr: '203.0.113.0/24' });
    // WHEN / THEN
    expect(problemOf(() => a.connections.allowTo(b, Port.tcp(443)))).toMatchObject({ code: ErrorCode.NOTHING_TO_ENFORCE, where: 'shop/A', value: ['a', 'b'] });
  });

  test('refuses a one-sided grant whose only side is an address range', () => {
    // GIVEN
    const chart = shop();
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    const partner = Workload.fromCidr(chart, 'Partner', { cidr: '198.51.100.0/24' });
    // WHEN / THEN
    expect(problemOf(() => api.connections.allowTo(partner, Port.tcp(443), { sides: GrantSides.INGRESS_ONLY }))).toMatchObject({ code: ErrorCode.NOTHING_TO_ENFORCE, where: 'shop/Api', value: 'INGRESS_ONLY' });
    expect(problemOf(() => api.connections.allowFrom(partner, Port.tcp(443), { sides: GrantSides.EGRESS_ONLY }))).toMatchObject({ code: ErrorCode.NOTHING_TO_ENFORCE, where: 'shop/Api', value: 'EGRESS_ONLY' });
  });

  test('refuses values that are not workloads, ports or sides', () => {
    // GIVEN
    const chart = shop();
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    // WHEN / THEN
    expect(problemOf(() => api.connections.allowTo({} as any, Port.tcp(80))))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'Connections.allowTo()', problem: 'the other side must be a Workload', value: {} });
    expect(problemOf(() => api.connections.allowTo(api, 80 as any))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'shop/Api', problem: 'port must be a Port', value: 80 });
    expect(problemOf(() => api.connections.allowTo(api, Port.tcp(80), { sides: 'ALL' as GrantSides })))
      .toMatchObject({ code: ErrorCode.UNKNOWN_VALUE, where: 'shop/Api', value: 'ALL' });
  });

  test('refuses a grant made after the app was synthesized', () => {
    // GIVEN
    const chart = shop();
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    web.connections.allowTo(api, Port.tcp(8080));
    Testing.synth(chart);
    // WHEN / THEN
    expect(problemOf(() => web.connections.allowTo(api, Port.tcp(9090)))).toMatchObject({ code: ErrorCode.ALREADY_SYNTHESIZED, where: 'shop/Web', value: 'web -> api' });
  });

  test('a workload may grant to itself', () => {
    // GIVEN
    const chart = shop();
    const peers = Workload.fromLabels(chart, 'Cluster', { labels: { app: 'etcd' }, ports: [{ port: 2380, name: 'peer' }] });
    // WHEN
    peers.connections.allowTo(peers);
    // THEN
    const analyzer = analyze(chart);
    const member = pod('shop', { app: 'etcd' });
    expect(analyzer.evaluate(tcp(member, member, 2380)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(member, member, 2379)).allowed).toBe(false);
  });
});
