import { Testing } from 'cdk8s';
import { AllowPublicEgress, LabelSelector, Port } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, KUBE_DNS, unlintedShopChart, tcp, udp } from '../util';

const CRAWLER = LabelSelector.of({ labels: { app: 'crawler' } });
const CRAWLER_POD = Endpoint.pod({ namespace: 'shop', name: 'crawler', labels: { app: 'crawler' } });

describe('AllowPublicEgress', () => {
  test('renders 0.0.0.0/0 and ::/0 minus private, CGNAT and link-local ranges', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowPublicEgress(chart, 'Internet', { selector: CRAWLER });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'crawler-allow-public-egress', namespace: 'shop' });
    expect(manifests[0].spec.egress[0].to).toEqual([
      { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '100.64.0.0/10', '169.254.0.0/16', '172.16.0.0/12', '192.168.0.0/16'] } },
      { ipBlock: { cidr: '::/0', except: ['fc00::/7', 'fe80::/10'] } },
    ]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test.each([
    ['8.8.8.8', true],
    ['2001:4860:4860::8888', true],
    ['10.1.2.3', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.1.1', false],
    ['fd00::1', false],
    ['fe80::1', false],
  ])('egress to %s is allowed: %s', (address, expected) => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowPublicEgress(chart, 'Internet', { selector: CRAWLER });
    // THEN
    expect(allowedIn(chart, tcp(CRAWLER_POD, Endpoint.ip(address), 443))).toBe(expected);
  });

  test('ports narrow the public egress, and pods of the cluster stay unreachable', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new AllowPublicEgress(chart, 'Internet', { selector: CRAWLER, ports: [Port.HTTPS] });
    // THEN
    expect(allowedIn(chart, tcp(CRAWLER_POD, Endpoint.ip('8.8.8.8'), 443))).toBe(true);
    expect(allowedIn(chart, tcp(CRAWLER_POD, Endpoint.ip('8.8.8.8'), 80))).toBe(false);
    expect(allowedIn(chart, udp(CRAWLER_POD, Endpoint.ip('8.8.8.8'), 443))).toBe(false);
    expect(allowedIn(chart, tcp(CRAWLER_POD, API, 443))).toBe(false);
    expect(allowedIn(chart, udp(CRAWLER_POD, KUBE_DNS, 53))).toBe(false);
  });

  test('throws on a missing selector or empty ports', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowPublicEgress(chart, 'NoTarget', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
    expect(problemOf(() => new AllowPublicEgress(chart, 'NoPorts', { selector: CRAWLER, ports: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoPorts', value: [] });
  });
});
