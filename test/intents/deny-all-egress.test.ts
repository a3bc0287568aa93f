import { Testing } from 'cdk8s';
import { DenyAllEgress, LabelSelector, Peer, Port } from '../../src';
import { ReasonCode } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, KUBE_DNS, OTHER_WEB, reasonCodes, unlintedShopChart, tcp, udp, WEB } from '../util';

describe('DenyAllEgress', () => {
  test('renders one policy isolating every pod of the namespace for egress', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new DenyAllEgress(chart, 'DenyEgress');
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'deny-all-egress', namespace: 'shop' });
    expect(manifests[0].spec).toEqual({ podSelector: {}, policyTypes: ['Egress'], egress: [] });
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('denies egress to pods, DNS and the internet, and leaves ingress alone', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new DenyAllEgress(chart, 'DenyEgress');
    // THEN
    expect(reasonCodes(chart, tcp(WEB, API, 8080))).toContain(ReasonCode.NO_RULE_MATCHES);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(INTERNET, WEB, 443))).toBe(true);
  });

  test('a selector narrows the policy and prefixes the default name', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN
    new DenyAllEgress(chart, 'DenyWeb', { selector: LabelSelector.of({ labels: { app: 'web' } }) });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.metadata.name).toBe('web-deny-all-egress');
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(true);
  });

  test('throws when the selector is not a LabelSelector', () => {
    // GIVEN
    const chart = unlintedShopChart();
    // WHEN / THEN
    expect(problemOf(() => new DenyAllEgress(chart, 'Bad', { selector: 'app=web' as any }))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/Bad', value: 'app=web' });
  });

  test('refuses an egress rule, which would turn deny-all into an allowance, and still accepts ingress rules', () => {
    // GIVEN
    const chart = unlintedShopChart();
    const intent = new DenyAllEgress(chart, 'DenyEgress');
    // WHEN
    intent.addIngressRule({ peers: [Peer.any()], ports: [Port.tcp(8080)] });
    // THEN
    expect(problemOf(() => intent.addEgressRule({ peers: [Peer.any()] }))).toMatchObject({ code: ErrorCode.RULE_CONTRADICTS_INTENT, where: 'test/DenyEgress', value: ['any peer'] });
    expect(intent.policyTypes).toEqual(['Ingress', 'Egress']);
  });
});
