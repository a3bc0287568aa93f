import { Testing } from 'cdk8s';
import { AllowAllIngress, DenyAll, LabelSelector } from '../../src';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, OTHER_WEB, sctp, shopChart, tcp, udp, WEB } from '../util';

const API_PODS = LabelSelector.of({ labels: { app: 'api' } });

describe('AllowAllIngress', () => {
  test('renders one policy with the single rule that admits everything', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowAllIngress(chart, 'OpenApi', { selector: API_PODS });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'api-allow-all-ingress', namespace: 'shop' });
    expect(manifests[0].spec).toEqual({ podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [{}] });
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('overrides a deny-all for the selected pods only', () => {
    // GIVEN
    const chart = shopChart();
    new DenyAll(chart, 'Lockdown');
    // WHEN
    new AllowAllIngress(chart, 'OpenApi', { selector: API_PODS });
    // THEN
    expect(allowedIn(chart, tcp(INTERNET, API, 8080))).toBe(true);
    expect(allowedIn(chart, udp(INTERNET, API, 5000))).toBe(true);
    expect(allowedIn(chart, sctp(INTERNET, API, 9))).toBe(true);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 1))).toBe(true);
    expect(allowedIn(chart, tcp(INTERNET, WEB, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(false);
  });

  test('LabelSelector.all() opens every pod of the namespace', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowAllIngress(chart, 'OpenAll', { selector: LabelSelector.all() });
    // THEN
    expect(Testing.synth(chart)[0].metadata.name).toBe('allow-all-ingress');
  });

  test('throws when the selector is missing', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowAllIngress(chart, 'Bad', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/Bad', value: undefined });
  });
});
