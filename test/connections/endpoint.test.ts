import { Chart, Testing } from 'cdk8s';
import { Port, Protocol, Workload } from '../../src';
import { ErrorCode, problemOf } from '../problems';
import { unlintedApp } from '../util';

/** web and a DNS workload declaring `dns` on UDP 53 and `metrics` on TCP 9153. */
function setup(): { chart: Chart; web: Workload; dns: Workload; bare: Workload } {
  const chart = new Chart(unlintedApp(), 'shop', { namespace: 'shop' });
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
    expect(problemOf(() => web.connections.allowTo(bare))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'shop/Web', value: [] });
  });

  test('refuses a named port the target does not declare, listing the names it does', () => {
    // GIVEN
    const { web, dns } = setup();
    // WHEN / THEN
    expect(problemOf(() => web.connections.allowTo(dns, Port.named('http')))).toMatchObject({ code: ErrorCode.UNDECLARED_NAMED_PORT, where: 'shop/Web', value: ['dns', 'metrics'] });
  });

  test('refuses a named port with another protocol than declared, naming the fix', () => {
    // GIVEN
    const { web, dns } = setup();
    // WHEN / THEN
    expect(problemOf(() => dns.connections.allowFrom(web, Port.named('dns')))).toMatchObject({ code: ErrorCode.PORT_PROTOCOL_MISMATCH, where: 'shop/Dns', value: 'TCP/dns' });
  });
});
