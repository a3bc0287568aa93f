import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { DenyAllIngress, LabelSelector, NetworkPolicy, Peer } from '../../src';

const WEB_PODS = LabelSelector.of({ labels: { app: 'web' } });
import { ReasonCode } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, OTHER_WEB, reasonCodes, shopChart, unlintedShopChart, tcp, udp, WEB } from '../util';

describe('DenyAllIngress', () => {
  test('renders one policy isolating every pod of the namespace for ingress', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const intent = new DenyAllIngress(chart, 'DenyIngress');
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests).toHaveLength(1);
    expect(manifests[0].metadata).toMatchObject({ name: 'deny-all-ingress', namespace: 'shop' });
    expect(manifests[0].spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
    expect(intent).toBeInstanceOf(NetworkPolicy);
    expect(ApiObject.of(intent)).toBe(intent);
    expect(intent.node.children).toEqual([]);
    expect(intent.node.path).toBe('test/DenyIngress');
  });

  test('refuses an ingress rule, which would turn deny-all into an allowance, and still accepts egress rules', () => {
    // GIVEN
    const chart = unlintedShopChart();
    const intent = new DenyAllIngress(chart, 'DenyIngress');
    // WHEN
    intent.addEgressRule({ peers: [Peer.pods(WEB_PODS)] });
    // THEN
    expect(problemOf(() => intent.addIngressRule({ peers: [Peer.pods(WEB_PODS)] }))).toMatchObject({ code: ErrorCode.RULE_CONTRADICTS_INTENT, where: 'test/DenyIngress', value: ['pods(app=web)'] });
    expect(Testing.synth(chart)[0].spec.ingress).toEqual([]);
    expect(intent.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  test('denies ingress from every source, port and protocol, and leaves egress alone', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new DenyAllIngress(chart, 'DenyIngress');
    // THEN
    expect(reasonCodes(chart, tcp(WEB, API, 8080))).toContain(ReasonCode.NO_RULE_MATCHES);
    expect(allowedIn(chart, udp(WEB, API, 53))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(INTERNET, API, 443))).toBe(false);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(true);
    expect(allowedIn(chart, tcp(API, OTHER_WEB, 80))).toBe(true);
  });

  test('a selector narrows the policy and prefixes the default name', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new DenyAllIngress(chart, 'DenyApi', { selector: LabelSelector.of({ labels: { app: 'api' } }) });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.metadata.name).toBe('api-deny-all-ingress');
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(API, WEB, 8080))).toBe(true);
  });

  test('name and namespace pass through to the policy', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    const intent = new DenyAllIngress(chart, 'DenyIngress', { name: 'default-deny', namespace: 'payments' });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.metadata).toMatchObject({ name: 'default-deny', namespace: 'payments' });
    expect(intent.name).toBe('default-deny');
    expect(intent.namespace).toBe('payments');
  });

  test('fails synth when two intents get the same default name in one namespace', () => {
    // GIVEN
    const app = new App();
    const chart = new Chart(app, 'test', { namespace: 'shop' });
    // WHEN
    new DenyAllIngress(chart, 'One');
    new DenyAllIngress(chart, 'Two');
    new DenyAllIngress(chart, 'Elsewhere', { namespace: 'other' });
    // THEN
    expect(() => app.synth()).toThrow(/\[test\/Two\] policy name "deny-all-ingress" is used more than once in namespace "shop".*test\/One\".*Give each policy a distinct name/s);
  });

  test('throws when the selector is not a LabelSelector', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new DenyAllIngress(chart, 'Bad', { selector: { app: 'web' } as any })))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/Bad', problem: 'selector must be a LabelSelector or a Workload', value: { app: 'web' } });
  });

  test('throws with the policy path when the name is invalid', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new DenyAllIngress(chart, 'Bad', { name: 'Deny_All' }))).toMatchObject({ code: ErrorCode.INVALID_NAME, where: 'test/Bad', value: 'Deny_All' });
    expect(problemOf(() => new DenyAllIngress(chart, 'Long', { name: 'a'.repeat(64) }))).toMatchObject({ code: ErrorCode.NAME_TOO_LONG, where: 'test/Long', value: 'a'.repeat(64) });
  });
});
