import { Chart, Testing } from 'cdk8s';
import { Port, Protocol, Workload } from '../../src';

/** web and a DNS workload declaring `dns` on UDP 53 and `metrics` on TCP 9153. */
function setup(): { chart: Chart; web: Workload; dns: Workload; bare: Workload } {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
  const dns = Workload.fromLabels(chart, 'Dns', {
    labels: { app: 'dns' }, ports: [{ port: 53, name: 'dns', protocol: Protocol.UDP }, { port: 9153, name: 'metrics' }],
  });
  const bare = Workload.fromLabels(chart, 'Bare', { labels: { app: 'bare' } });
  return { chart, web, dns, bare };
}

describe('grant ports', () => {
  test('without a port, every declared port is granted by number with its protocol', () => {
    // GIVEN
    const { chart, web, dns } = setup();
    // WHEN
    web.connections.allowTo(dns);
    // THEN
    const [egress, ingress] = Testing.synth(chart);
    const expected = [{ port: 9153, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }];
    expect(egress.spec.egress[0].ports).toEqual(expected);
    expect(ingress.spec.ingress[0].ports).toEqual(expected);
  });

  test('a named port with the declared protocol is granted by name', () => {
    // GIVEN
    const { chart, web, dns } = setup();
    // WHEN
    dns.connections.allowFrom(web, Port.named('dns', Protocol.UDP));
    // THEN
    const [egress] = Testing.synth(chart);
    expect(egress.spec.egress[0].ports).toEqual([{ port: 'dns', protocol: 'UDP' }]);
  });

  test('a numeric port need not be declared', () => {
    // GIVEN
    const { chart, web, bare } = setup();
    // WHEN
    web.connections.allowTo(bare, Port.sctp(9));
    // THEN
    const [, ingress] = Testing.synth(chart);
    expect(ingress.spec.ingress[0].ports).toEqual([{ port: 9, protocol: 'SCTP' }]);
  });

  test('refuses a grant without a port to a workload that declares none', () => {
    // GIVEN
    const { web, bare } = setup();
    // WHEN / THEN
    expect(() => web.connections.allowTo(bare))
      .toThrow(/\[shop\/Web\] no port given and workload "bare" declares no ports to default to \(got \[\]\)\. Pass a port, e\.g\. allowTo\(api, Port\.tcp\(8080\)\), or declare the ports on the target workload\./);
  });

  test('refuses a named port the target does not declare, listing the names it does', () => {
    // GIVEN
    const { web, dns } = setup();
    // WHEN / THEN
    expect(() => web.connections.allowTo(dns, Port.named('http')))
      .toThrow(/\[shop\/Web\] named port "http" is not declared by workload "dns", so it would not resolve on its pods \(got \["dns","metrics"\]\)\. Declare a container port/);
  });

  test('refuses a named port with another protocol than declared, naming the fix', () => {
    // GIVEN
    const { web, dns } = setup();
    // WHEN / THEN
    expect(() => dns.connections.allowFrom(web, Port.named('dns')))
      .toThrow(/\[shop\/Dns\] named port "dns" of workload "dns" is UDP, but the grant asks for TCP \(got "TCP\/dns"\)\. Use Port\.named\("dns", Protocol\.UDP\)\./);
  });
});
