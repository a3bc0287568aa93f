import { Testing } from 'cdk8s';
import { AllowAllEgress, DenyAll, LabelSelector } from '../../src';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, KUBE_DNS, OTHER_WEB, shopChart, tcp, udp, WEB } from '../util';

const WEB_PODS = LabelSelector.of({ labels: { app: 'web' } });

describe('AllowAllEgress', () => {
  test('renders one policy with the single rule that admits everything', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowAllEgress(chart, 'OpenWeb', { selector: WEB_PODS });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'web-allow-all-egress', namespace: 'shop' });
    expect(manifests[0].spec).toEqual({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{}] });
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('overrides a deny-all for the selected pods only', () => {
    // GIVEN
    const chart = shopChart();
    new DenyAll(chart, 'Lockdown');
    // WHEN
    new AllowAllEgress(chart, 'OpenWeb', { selector: WEB_PODS });
    // THEN
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(true);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, OTHER_WEB, 12345))).toBe(true);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
  });

  test('throws when the selector is missing', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowAllEgress(chart, 'Bad', { namespace: 'shop' } as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/Bad', value: undefined });
  });
});
