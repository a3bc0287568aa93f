import { Testing } from 'cdk8s';
import { DenyAll, LabelSelector, Peer } from '../../src';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, KUBE_DNS, OTHER_WEB, unlintedShopChart, tcp, udp, WEB } from '../util';

describe('DenyAll', () => {
  test('renders one policy isolating every pod of the namespace both ways', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new DenyAll(chart, 'Lockdown');
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'deny-all', namespace: 'shop' });
    expect(manifests[0].spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('denies everything in and out of the namespace, DNS included', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new DenyAll(chart, 'Lockdown');
    // THEN
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(INTERNET, WEB, 443))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, KUBE_DNS, 53))).toBe(true);
  });

  test('a selector isolates only those pods', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new DenyAll(chart, 'Quarantine', { selector: LabelSelector.of({ labels: { app: 'api' } }) });
    // THEN
    expect(Testing.synth(chart)[0].metadata.name).toBe('api-deny-all');
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(API, WEB, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(true);
  });

  test('throws when the selector is not a LabelSelector', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN / THEN
    expect(problemOf(() => new DenyAll(chart, 'Bad', { selector: 42 as any }))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/Bad', value: 42 });
  });

  test('refuses ingress and egress rules, which would turn deny-all into allowances', () => {
    // GIVEN
    const chart = unlintedShopChart();
    const intent = new DenyAll(chart, 'Lockdown');
    const rule = { peers: [Peer.any()] };
    // WHEN / THEN
    expect(problemOf(() => intent.addIngressRule(rule))).toMatchObject({ code: ErrorCode.RULE_CONTRADICTS_INTENT, where: 'test/Lockdown', value: ['any peer'] });
    expect(problemOf(() => intent.addEgressRule(rule))).toMatchObject({ code: ErrorCode.RULE_CONTRADICTS_INTENT, where: 'test/Lockdown', value: ['any peer'] });
    expect(Testing.synth(chart)[0].spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
  });
});
