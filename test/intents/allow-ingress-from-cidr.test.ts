import { Testing } from 'cdk8s';
import { AllowIngressFromCidr, LabelSelector, Port, Workload } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, OTHER_WEB, shopChart, tcp, udp, WEB } from '../util';

const API_PODS = LabelSelector.of({ labels: { app: 'api' } });
const OFFICE = Endpoint.ip('198.51.100.10');

describe('AllowIngressFromCidr', () => {
  test('renders ingress from the ipBlock with its exceptions', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowIngressFromCidr(chart, 'Office', { selector: API_PODS, cidrs: ['198.51.100.0/24'], except: ['198.51.100.0/28'], ports: [Port.tcp(8080)] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-ingress-from-198-51-100-0-24', namespace: 'shop' });
    expect(manifests[0].spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.0/28'] } }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows the range minus the exceptions on the port, nothing else', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowIngressFromCidr(chart, 'Office', { selector: API_PODS, cidrs: ['198.51.100.0/24'], except: ['198.51.100.0/28'], ports: [Port.tcp(8080)] });
    // THEN
    expect(allowedIn(chart, tcp(Endpoint.ip('198.51.100.20'), API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(OFFICE, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(Endpoint.ip('198.51.100.20'), API, 8081))).toBe(false);
    expect(allowedIn(chart, udp(Endpoint.ip('198.51.100.20'), API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(Endpoint.ip('203.0.113.7'), API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, WEB, 80))).toBe(true);
  });

  test('takes address ranges as workloads, is named after them, and means what their CIDRs mean', () => {
    // GIVEN
    const chart = shopChart();
    const office = Workload.fromCidr(chart, 'Office', { cidr: '198.51.100.0/24', except: ['198.51.100.0/28'] });
    const vpn = Workload.fromCidr(chart, 'Vpn', { name: 'vpn', cidr: '192.0.2.0/24' });
    // WHEN
    new AllowIngressFromCidr(chart, 'FromOffice', { selector: API_PODS, workloads: [vpn, office], ports: [Port.tcp(8080)] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-ingress-from-office-vpn', namespace: 'shop' });
    expect(manifests[0].spec.ingress[0].from).toEqual([
      { ipBlock: { cidr: '192.0.2.0/24' } },
      { ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.0/28'] } },
    ]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
    expect(allowedIn(chart, tcp(Endpoint.ip('198.51.100.20'), API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(Endpoint.ip('192.0.2.9'), API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(OFFICE, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(Endpoint.ip('192.0.2.9'), API, 8081))).toBe(false);
    expect(allowedIn(chart, tcp(Endpoint.ip('203.0.113.7'), API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
  });

  test('throws on a workload of pods as a range', () => {
    // GIVEN
    const chart = shopChart();
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    // WHEN / THEN
    expect(problemOf(() => new AllowIngressFromCidr(chart, 'Pods', { selector: API_PODS, cidrs: ['198.51.100.0/24'], workloads: [web] })))
      .toMatchObject({ code: ErrorCode.PEER_NOT_ALLOWED, where: 'test/Pods', value: 'web' });
  });

  test('throws on no CIDRs, invalid CIDRs and empty ports', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowIngressFromCidr(chart, 'None', { selector: API_PODS, cidrs: undefined as any }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/None', value: undefined });
    expect(problemOf(() => new AllowIngressFromCidr(chart, 'Bad', { selector: API_PODS, cidrs: ['300.1.1.1/8'] }))).toMatchObject({ code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '300.1.1.1/8' });
    expect(problemOf(() => new AllowIngressFromCidr(chart, 'BadExcept', { selector: API_PODS, cidrs: ['10.0.0.0/8'], except: ['10.1.0.0/40'] }))).toMatchObject({ code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.1.0.0/40' });
    expect(problemOf(() => new AllowIngressFromCidr(chart, 'NoPorts', { selector: API_PODS, cidrs: ['10.0.0.0/8'], ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
  });
});
