import { Testing } from 'cdk8s';
import { AllowExternalIngress, LabelSelector, Port, Workload } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, OTHER_WEB, shopChart, tcp, udp, WEB } from '../util';

const WEB_PODS = LabelSelector.of({ labels: { app: 'web' } });

describe('AllowExternalIngress', () => {
  test('renders ingress from any source on the given ports', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowExternalIngress(chart, 'Public', { selector: WEB_PODS, ports: [Port.HTTP, Port.HTTPS] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'web-allow-external-ingress', namespace: 'shop' });
    expect(manifests[0].spec.ingress).toEqual([{ ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows any source on the ports, and no other port, protocol or pod', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowExternalIngress(chart, 'Public', { selector: WEB_PODS, ports: [Port.HTTPS] });
    // THEN
    expect(allowedIn(chart, tcp(INTERNET, WEB, 443))).toBe(true);
    expect(allowedIn(chart, tcp(OTHER_WEB, WEB, 443))).toBe(true);
    expect(allowedIn(chart, tcp(INTERNET, WEB, 22))).toBe(false);
    expect(allowedIn(chart, udp(INTERNET, WEB, 443))).toBe(false);
    expect(allowedIn(chart, tcp(INTERNET, API, 8080))).toBe(true);
  });

  test('cidrs limit the sources to those ranges', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowExternalIngress(chart, 'Lb', { selector: WEB_PODS, ports: [Port.HTTPS], cidrs: ['203.0.113.0/24'] });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '203.0.113.0/24' } }]);
    expect(allowedIn(chart, tcp(INTERNET, WEB, 443))).toBe(true);
    expect(allowedIn(chart, tcp(Endpoint.ip('198.51.100.1'), WEB, 443))).toBe(false);
  });

  test('address-range workloads limit the sources as their CIDRs do, beside cidrs', () => {
    // GIVEN
    const chart = shopChart();
    const lb = Workload.fromCidr(chart, 'LoadBalancer', { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] });
    const web = Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } });
    // WHEN
    new AllowExternalIngress(chart, 'Lb', { selector: web, ports: [Port.HTTPS], workloads: [lb], cidrs: ['192.0.2.0/24'] });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata.name).toBe('web-allow-external-ingress');
    expect(manifests[0].spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '192.0.2.0/24' } }, { ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.128/25'] } }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
    expect(allowedIn(chart, tcp(INTERNET, WEB, 443))).toBe(true);
    expect(allowedIn(chart, tcp(Endpoint.ip('192.0.2.9'), WEB, 443))).toBe(true);
    expect(allowedIn(chart, tcp(Endpoint.ip('203.0.113.200'), WEB, 443))).toBe(false);
    expect(allowedIn(chart, tcp(Endpoint.ip('198.51.100.1'), WEB, 443))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, WEB, 443))).toBe(false);
    expect(problemOf(() => new AllowExternalIngress(chart, 'Pods', { selector: WEB_PODS, ports: [Port.HTTPS], workloads: [web] })))
      .toMatchObject({ code: ErrorCode.PEER_NOT_ALLOWED, where: 'test/Pods', value: 'web' });
  });

  test('throws when ports are missing or empty, or a CIDR is invalid', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowExternalIngress(chart, 'NoPorts', { selector: WEB_PODS } as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoPorts', value: undefined });
    expect(problemOf(() => new AllowExternalIngress(chart, 'EmptyPorts', { selector: WEB_PODS, ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/EmptyPorts', value: [] });
    expect(problemOf(() => new AllowExternalIngress(chart, 'BadCidr', { selector: WEB_PODS, ports: [Port.HTTPS], cidrs: ['10.0.0.1/8'] }))).toMatchObject({ code: ErrorCode.CIDR_HOST_BITS, where: 'Peer.ipBlock()', value: '10.0.0.1/8' });
    expect(problemOf(() => new AllowExternalIngress(chart, 'NoCidrs', { selector: WEB_PODS, ports: [Port.HTTPS], cidrs: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoCidrs', value: [] });
  });
});
