import { Testing } from 'cdk8s';
import { AllowEgressToCidr, LabelSelector, Port, Workload } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, unlintedShopChart, tcp, udp, WEB } from '../util';

const API_PODS = LabelSelector.of({ labels: { app: 'api' } });
const WEB_PODS = LabelSelector.of({ labels: { app: 'web' } });

describe('AllowEgressToCidr', () => {
  test('renders one ipBlock per CIDR, each with the except ranges inside it', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowEgressToCidr(chart, 'Partner', {
      selector: API_PODS, cidrs: ['203.0.113.0/24', '198.51.100.0/24'], except: ['203.0.113.128/25'], ports: [Port.HTTPS],
    });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-egress-to-198-51-100-0-24-203-0-113-0-24', namespace: 'shop' });
    expect(manifests[0].spec.egress[0].to).toEqual([
      { ipBlock: { cidr: '198.51.100.0/24' } },
      { ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] } },
    ]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows the ranges minus the exceptions, on the ports only', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowEgressToCidr(chart, 'Partner', { selector: API_PODS, cidrs: ['203.0.113.0/24'], except: ['203.0.113.128/25'], ports: [Port.HTTPS] });
    // THEN
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(true);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('203.0.113.200'), 443))).toBe(false);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('198.51.100.1'), 443))).toBe(false);
    expect(allowedIn(chart, tcp(API, INTERNET, 80))).toBe(false);
    expect(allowedIn(chart, udp(API, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, Endpoint.ip('198.51.100.1'), 443))).toBe(true);
  });

  test('long default names are cut to 63 characters with a hash', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowEgressToCidr(chart, 'Many', { selector: API_PODS, cidrs: ['203.0.113.0/24', '198.51.100.0/24', '192.0.2.0/24', '2001:db8::/32'] });
    // THEN
    const name: string = Testing.synth(chart)[0].metadata.name;
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^api-allow-egress-to-192-0-2-0-24-198-51-100-0-24-.*-[0-9a-f]{8}$/);
  });

  test('the default name does not depend on the order the CIDRs are given in', () => {
    // GIVEN
    const cidrs = ['203.0.113.0/24', '198.51.100.0/24'];
    // WHEN
    const names = [cidrs, [...cidrs].reverse()].map((given) => new AllowEgressToCidr(unlintedShopChart(), 'Two', { selector: API_PODS, cidrs: given }).name);
    // THEN
    expect(names).toEqual(['api-allow-egress-to-198-51-100-0-24-203-0-113-0-24', 'api-allow-egress-to-198-51-100-0-24-203-0-113-0-24']);
  });

  test('policies that repeat the same ranges render the same peers, and each bad use still fails at its own path', () => {
    // GIVEN
    const chart = unlintedShopChart();
    const ranges = { cidrs: ['10.0.0.0/8', '172.16.0.0/12'], except: ['10.1.0.0/16', '172.16.1.0/24'] };
    // WHEN
    new AllowEgressToCidr(chart, 'First', { selector: API_PODS, ...ranges });
    new AllowEgressToCidr(chart, 'Second', { selector: WEB_PODS, ...ranges, except: [...ranges.except].reverse() });
    new AllowEgressToCidr(chart, 'Third', { selector: LabelSelector.of({ labels: { app: 'db' } }), ...ranges });
    // THEN
    const egress = Testing.synth(chart).map((manifest) => manifest.spec.egress);
    expect(egress[0]).toEqual([{
      to: [
        { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
        { ipBlock: { cidr: '172.16.0.0/12', except: ['172.16.1.0/24'] } },
      ],
    }]);
    expect(egress[1]).toEqual(egress[0]);
    expect(egress[2]).toEqual(egress[0]);
    expect(problemOf(() => new AllowEgressToCidr(chart, 'StrayAgain', { selector: API_PODS, cidrs: ['10.0.0.0/8'], except: ['192.168.0.0/24'] }))).toMatchObject({ code: ErrorCode.EXCEPT_OUTSIDE_CIDR, where: 'test/StrayAgain', value: '192.168.0.0/24' });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'StrayOnceMore', { selector: WEB_PODS, cidrs: ['10.0.0.0/8'], except: ['192.168.0.0/24'] }))).toMatchObject({ code: ErrorCode.EXCEPT_OUTSIDE_CIDR, where: 'test/StrayOnceMore', value: '192.168.0.0/24' });
  });

  test('takes address ranges as workloads, beside CIDRs, and is named after them', () => {
    // GIVEN
    const chart = unlintedShopChart();
    const payments = Workload.fromCidr(chart, 'Payments', { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] });
    const api = Workload.fromLabels(chart, 'Api', { labels: { app: 'api' } });
    // WHEN
    new AllowEgressToCidr(chart, 'Pay', { selector: api, workloads: [payments], ports: [Port.HTTPS] });
    new AllowEgressToCidr(chart, 'Both', { selector: api, workloads: [payments], cidrs: ['198.51.100.0/24'], ports: [Port.tcp(8443)] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests.map((m) => m.metadata.name)).toEqual(['api-allow-egress-to-payments', 'api-allow-egress-to-payments-198-51-100-0-24']);
    expect(manifests[0].spec.egress[0].to).toEqual([{ ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] } }]);
    expect(manifests.map(networkPolicyApiErrors)).toEqual([[], []]);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(true);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('203.0.113.200'), 443))).toBe(false);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('198.51.100.1'), 443))).toBe(false);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('198.51.100.1'), 8443))).toBe(true);
    expect(allowedIn(chart, tcp(API, INTERNET, 8443))).toBe(true);
    expect(allowedIn(chart, tcp(API, INTERNET, 80))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, Endpoint.ip('198.51.100.1'), 443))).toBe(true);
  });

  test('a workload of ranges means what its CIDR means', () => {
    // GIVEN
    const byCidr = unlintedShopChart();
    const byWorkload = unlintedShopChart();
    // WHEN
    new AllowEgressToCidr(byCidr, 'Partner', { selector: API_PODS, cidrs: ['203.0.113.0/24'], except: ['203.0.113.128/25'], ports: [Port.HTTPS] });
    new AllowEgressToCidr(byWorkload, 'Partner', {
      selector: API_PODS, workloads: [Workload.fromCidr(byWorkload, 'PartnerRange', { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] })], ports: [Port.HTTPS],
    });
    // THEN
    const [cidrSpec, workloadSpec] = [byCidr, byWorkload].map((chart) => Testing.synth(chart)[0].spec);
    expect(workloadSpec).toEqual(cidrSpec);
    for (const ip of ['203.0.113.7', '203.0.113.200', '198.51.100.1']) {
      for (const port of [443, 80]) {
        expect(allowedIn(byWorkload, tcp(API, Endpoint.ip(ip), port))).toBe(allowedIn(byCidr, tcp(API, Endpoint.ip(ip), port)));
      }
    }
  });

  test('throws on a workload of pods, and on no range in cidrs and workloads', () => {
    // GIVEN
    const chart = unlintedShopChart();
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    const partner = Workload.fromCidr(chart, 'Partner', { cidr: '203.0.113.0/24' });
    // WHEN / THEN
    expect(problemOf(() => new AllowEgressToCidr(chart, 'Pods', { selector: API_PODS, workloads: [partner, web] })))
      .toMatchObject({ code: ErrorCode.PEER_NOT_ALLOWED, where: 'test/Pods', value: 'web' });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'Monitoring', { selector: API_PODS, workloads: [Workload.allPodsOf(chart, 'All', { namespace: 'monitoring' })] })))
      .toMatchObject({ code: ErrorCode.PEER_NOT_ALLOWED, where: 'test/Monitoring', value: 'monitoring' });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'Empty', { selector: API_PODS, cidrs: [], workloads: [] })))
      .toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/Empty', value: [] });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'Nothing', { selector: API_PODS })))
      .toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/Nothing', value: undefined });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'NotWorkload', { selector: API_PODS, workloads: ['203.0.113.0/24'] as any })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/NotWorkload', value: '203.0.113.0/24' });
  });

  test('throws on no CIDRs, invalid CIDRs, stray exceptions and empty ports', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowEgressToCidr(chart, 'None', { selector: API_PODS, cidrs: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/None', value: [] });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'Bad', { selector: API_PODS, cidrs: ['10.0.0.0'] }))).toMatchObject({ code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.0' });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'Stray', { selector: API_PODS, cidrs: ['10.0.0.0/8'], except: ['192.168.0.0/24'] }))).toMatchObject({ code: ErrorCode.EXCEPT_OUTSIDE_CIDR, where: 'test/Stray', value: '192.168.0.0/24' });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'Equal', { selector: API_PODS, cidrs: ['10.0.0.0/8'], except: ['10.0.0.0/8'] }))).toMatchObject({ code: ErrorCode.EXCEPT_OUTSIDE_CIDR, where: 'test/Equal', value: '10.0.0.0/8' });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'NoPorts', { selector: API_PODS, cidrs: ['10.0.0.0/8'], ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
    expect(problemOf(() => new AllowEgressToCidr(chart, 'NoTarget', { cidrs: ['10.0.0.0/8'] } as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
  });
});
