import { Chart, Testing } from 'cdk8s';
import { LabelRequirement, Port, Protocol, Workload } from '../../src';
import { ErrorCode, problemOf } from '../problems';
import { unlintedApp } from '../util';

function shop(): Chart {
  return new Chart(unlintedApp(), 'shop', { namespace: 'shop' });
}

describe('Workload.fromLabels()', () => {
  test('takes its namespace from the chart and its name from the id', () => {
    // GIVEN
    const chart = shop();
    // WHEN
    const api = Workload.fromLabels(chart, 'OrderApi', {
      labels: { app: 'api' }, expressions: [LabelRequirement.isIn('track', ['stable'])], ports: [{ port: 8080, name: 'http' }],
    });
    // THEN
    expect(api.name).toBe('order-api');
    expect(api.namespace).toBe('shop');
    expect(api.selector!.toString()).toBe('app=api,track in (stable)');
    expect(api.ports).toEqual([{ port: 8080, name: 'http', protocol: Protocol.TCP }]);
    expect(api.isExternal()).toBe(false);
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('an explicit namespace and name win over the chart and the id', () => {
    // GIVEN
    const chart = shop();
    // WHEN
    const dns = Workload.fromLabels(chart, 'Dns', { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } });
    // THEN
    expect(dns.name).toBe('coredns');
    expect(dns.namespace).toBe('kube-system');
  });

  test('refuses a workload without labels, which would select every pod', () => {
    // WHEN / THEN
    expect(problemOf(() => Workload.fromLabels(shop(), 'Api', { labels: {} }))).toMatchObject({ code: ErrorCode.EMPTY_SELECTOR, where: 'shop/Api', value: {} });
  });

  test('refuses a workload without a namespace when the chart has none', () => {
    // GIVEN
    const chart = new Chart(unlintedApp(), 'anywhere');
    // WHEN / THEN
    expect(problemOf(() => Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } }))).toMatchObject({ code: ErrorCode.MISSING_NAMESPACE, where: 'anywhere/Api', value: undefined });
  });

  test('refuses a name that cannot prefix a policy name', () => {
    // WHEN / THEN
    expect(problemOf(() => Workload.fromLabels(shop(), 'Api', { name: 'Order_API', labels: { app: 'api' } }))).toMatchObject({ code: ErrorCode.INVALID_NAME, where: 'shop/Api', value: 'Order_API' });
  });

  test('refuses declared ports out of range, with bad names, or with duplicate names', () => {
    // WHEN / THEN
    expect(problemOf(() => Workload.fromLabels(shop(), 'Api', { labels: { app: 'api' }, ports: [{ port: 70000 }] })))
      .toMatchObject({ code: ErrorCode.PORT_OUT_OF_RANGE, where: 'shop/Api', value: 70000 });
    expect(problemOf(() => Workload.fromLabels(shop(), 'Api', { labels: { app: 'api' }, ports: [{ port: 80, name: 'HTTP' }] })))
      .toMatchObject({ code: ErrorCode.INVALID_PORT_NAME, where: 'shop/Api', value: 'HTTP' });
    expect(problemOf(() => Workload.fromLabels(shop(), 'Api', { labels: { app: 'api' }, ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }] })))
      .toMatchObject({ code: ErrorCode.DUPLICATE, where: 'shop/Api', value: 'http' });
    expect(problemOf(() => Workload.fromLabels(shop(), 'Api', { labels: { app: 'api' }, ports: [{ port: 80, protocol: 'ICMP' as Protocol }] })))
      .toMatchObject({ code: ErrorCode.INVALID_PROTOCOL, where: 'shop/Api', problem: 'ports[0].protocol must be TCP, UDP or SCTP', value: 'ICMP' });
  });

  test('a failed workload leaves nothing behind in the construct tree', () => {
    // GIVEN
    const chart = shop();
    // WHEN
    expect(() => Workload.fromLabels(chart, 'Api', { labels: {} })).toThrow();
    // THEN
    expect(chart.node.tryFindChild('Api')).toBeUndefined();
    expect(Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } }).name).toBe('api');
  });
});

describe('Workload.fromCidr()', () => {
  test('is external and gets no policy of its own', () => {
    // GIVEN
    const chart = shop();
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    // WHEN
    const partner = Workload.fromCidr(chart, 'Partner', { cidr: '198.51.100.0/24', except: ['198.51.100.128/25'], ports: [{ port: 443 }] });
    api.connections.allowTo(partner);
    // THEN
    expect(partner.isExternal()).toBe(true);
    expect(partner.namespace).toBeUndefined();
    expect(partner.connections.ingressPolicy).toBeUndefined();
    const [egress] = Testing.synth(chart);
    expect(egress.spec.egress).toEqual([{
      to: [{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.128/25'] } }], ports: [{ port: 443, protocol: 'TCP' }],
    }]);
  });

  test('refuses an invalid range with the fix', () => {
    // WHEN / THEN
    expect(problemOf(() => Workload.fromCidr(shop(), 'Partner', { cidr: '198.51.100.1/24' }))).toMatchObject({ code: ErrorCode.CIDR_HOST_BITS, where: 'Peer.ipBlock()', value: '198.51.100.1/24' });
  });

  test('a grant port toward a range is checked when the grant is made', () => {
    // GIVEN
    const chart = shop();
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    const partner = Workload.fromCidr(chart, 'Partner', { cidr: '198.51.100.0/24' });
    // WHEN / THEN
    expect(problemOf(() => api.connections.allowTo(partner, Port.named('https')))).toMatchObject({ code: ErrorCode.NAMED_PORT_TO_IP_BLOCK, where: 'shop/Api', value: 'https' });
    expect(problemOf(() => api.connections.allowTo(partner))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'shop/Api', value: [] });
  });
});
