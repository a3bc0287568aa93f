import { App, Chart, Testing, Yaml } from 'cdk8s';
import { Port, Protocol, Workload } from '../../src';
import { unlintedApp } from '../util';

/** A shop with web, admin, api, DNS and a db in another namespace; `grants` wires them. */
function shopApp(grants: (w: Record<string, Workload>) => void): App {
  const app = unlintedApp();
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  const data = new Chart(app, 'data', { namespace: 'data' });
  const workloads = {
    web: Workload.fromLabels(shop, 'Web', { labels: { app: 'web' } }),
    admin: Workload.fromLabels(shop, 'Admin', { labels: { app: 'admin' } }),
    api: Workload.fromLabels(shop, 'Api', { labels: { app: 'api' }, ports: [{ port: 8080, name: 'http' }, { port: 9090, name: 'metrics' }] }),
    db: Workload.fromLabels(data, 'Db', { labels: { app: 'db' }, ports: [{ port: 5432 }] }),
    dns: Workload.fromLabels(shop, 'Dns', {
      namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ports: [{ port: 53, protocol: Protocol.UDP }, { port: 53 }],
    }),
  };
  grants(workloads);
  return app;
}

function shopYaml(grants: (w: Record<string, Workload>) => void): string {
  return synthAll(shopApp(grants));
}

function synthAll(app: App): string {
  return Yaml.stringify(...app.charts.flatMap((chart) => Testing.synth(chart)));
}

describe('grant aggregation', () => {
  test('granting twice, from either side, changes nothing', () => {
    // GIVEN
    const once = shopYaml(({ web, api }) => web.connections.allowTo(api, Port.tcp(8080)));
    // WHEN
    const thrice = shopYaml(({ web, api }) => {
      web.connections.allowTo(api, Port.tcp(8080));
      web.connections.allowTo(api, Port.tcp(8080));
      api.connections.allowFrom(web, Port.tcp(8080));
    });
    // THEN
    expect(thrice).toBe(once);
  });

  test('the order of the grants does not change a byte of the output', () => {
    // GIVEN
    const grants: ((w: Record<string, Workload>) => void)[] = [
      ({ web, api }) => web.connections.allowTo(api, Port.named('http')),
      ({ admin, api }) => api.connections.allowFrom(admin, Port.tcp(9090), { description: 'scrapes' }),
      ({ api, db }) => api.connections.allowTo(db),
      ({ web, dns }) => web.connections.allowTo(dns),
      ({ api, dns }) => api.connections.allowTo(dns),
      ({ web, api }) => web.connections.allowTo(api, Port.tcp(8080), { description: 'health checks' }),
    ];
    // WHEN
    const forward = shopYaml((w) => grants.forEach((grant) => grant(w)));
    const backward = shopYaml((w) => [...grants].reverse().forEach((grant) => grant(w)));
    const shuffled = shopYaml((w) => [2, 4, 3, 0, 5, 1].forEach((i) => grants[i](w)));
    // THEN
    expect(backward).toBe(forward);
    expect(shuffled).toBe(forward);
  });

  test('one ingress policy per target lists every source, one rule per source with the union of its ports', () => {
    // GIVEN
    const app = unlintedApp();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const admin = Workload.fromLabels(chart, 'Admin', { labels: { app: 'admin' } });
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    // WHEN
    web.connections.allowTo(api, Port.tcp(8080));
    web.connections.allowTo(api, Port.udp(8080));
    admin.connections.allowTo(api, Port.tcp(9090), { description: 'metrics scrape' });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests.map((m) => m.metadata.name)).toEqual(['web-egress', 'admin-egress', 'api-ingress']);
    const ingress = manifests[2];
    expect(ingress.spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: 'admin' } } }], ports: [{ port: 9090, protocol: 'TCP' }] },
      { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }, { port: 8080, protocol: 'UDP' }] },
    ]);
    expect(ingress.metadata.annotations['cdk8s-netpol.dev/ingress-rules']).toBe([
      '0: grant admin -> api on TCP/9090 (metrics scrape)',
      '1: grant web -> api on TCP/8080; grant web -> api on UDP/8080',
    ].join('\n'));
  });

  test('one egress policy per source lists every destination', () => {
    // GIVEN
    const app = shopApp(({ api, db, dns, web }) => {
      api.connections.allowTo(db);
      api.connections.allowTo(dns);
      api.connections.allowTo(web, Port.tcp(8443));
    });
    // WHEN
    const manifests = app.charts.flatMap((chart) => Testing.synth(chart));
    // THEN
    const egress = manifests.filter((m) => m.metadata.name === 'api-egress');
    expect(egress).toHaveLength(1);
    expect(egress[0].spec.egress).toHaveLength(3);
    expect(egress[0].metadata.annotations['cdk8s-netpol.dev/egress-rules']).toBe([
      '0: grant api -> db on declared ports TCP/5432',
      '1: grant api -> dns on declared ports UDP/53, TCP/53',
      '2: grant api -> web on TCP/8443',
    ].join('\n'));
    expect(manifests.map((m) => `${m.metadata.namespace}/${m.metadata.name}`).sort()).toEqual([
      'data/db-ingress', 'kube-system/dns-ingress', 'shop/api-egress', 'shop/web-ingress',
    ]);
  });

  test('policies are named after their workload and direction, and long names stay within 63 characters', () => {
    // GIVEN
    const chart = new Chart(unlintedApp(), 'shop', { namespace: 'shop' });
    const longName = 'a'.repeat(60);
    const source = Workload.fromLabels(chart, 'Long', { name: longName, labels: { app: 'long' } });
    const target = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    // WHEN
    source.connections.allowTo(target, Port.tcp(8080));
    // THEN
    expect(target.connections.ingressPolicy!.name).toBe('api-ingress');
    const name = source.connections.egressPolicy!.name;
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^a+-[0-9a-f]{8}-egress$/);
  });
});
