import { App, Chart, Testing } from 'cdk8s';
import { AllowDnsEgress, AllowFromLabel, AllowInClusterEgress, DnsProfile, LabelSelector, NamespaceBaseline, Port } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, DB, INTERNET, KUBE_DNS, OTHER_WEB, shopChart, tcp, udp, WEB } from '../util';

describe('NamespaceBaseline', () => {
  test('renders one policy: deny both ways, DNS egress allowed', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NamespaceBaseline(chart, 'Baseline');
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests).toHaveLength(1);
    expect(manifests[0].metadata).toMatchObject({ name: 'namespace-baseline', namespace: 'shop' });
    expect(manifests[0].spec.podSelector).toEqual({});
    expect(manifests[0].spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(manifests[0].spec.ingress).toEqual([]);
    expect(manifests[0].spec.egress).toHaveLength(1);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('denies everything except DNS, even within the namespace', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NamespaceBaseline(chart, 'Baseline');
    // THEN
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(INTERNET, WEB, 443))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('8.8.8.8'), 53))).toBe(false);
  });

  test('allowSameNamespace opens traffic within the namespace both ways, and nothing across', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NamespaceBaseline(chart, 'Baseline', { allowSameNamespace: true });
    // THEN
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
    expect(manifest.spec.egress).toContainEqual({ to: [{ podSelector: {} }] });
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(API, DB, 5432))).toBe(true);
    expect(allowedIn(chart, udp(DB, WEB, 9999))).toBe(true);
    expect(allowedIn(chart, tcp(OTHER_WEB, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(API, OTHER_WEB, 80))).toBe(false);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(false);
  });

  test('other intents add allowances on top of the baseline, both sides needed', () => {
    // GIVEN
    const chart = shopChart();
    new NamespaceBaseline(chart, 'Baseline');
    // WHEN
    new AllowFromLabel(chart, 'WebToApi', {
      selector: LabelSelector.of({ labels: { app: 'api' } }), sourceSelector: LabelSelector.of({ labels: { app: 'web' } }), ports: [Port.tcp(8080)],
    });
    const ingressOnly = allowedIn(chart, tcp(WEB, API, 8080));
    new AllowInClusterEgress(chart, 'WebOut', { selector: LabelSelector.of({ labels: { app: 'web' } }), ports: [Port.tcp(8080)] });
    // THEN
    expect(ingressOnly).toBe(false);
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, API, 9090))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, DB, 8080))).toBe(false);
  });

  test('uses the DNS profile given', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new NamespaceBaseline(chart, 'Baseline', { dns: DnsProfile.nodeLocal() });
    // THEN
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('169.254.20.10'), 53))).toBe(true);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(true);
  });

  test('collides with an AllowDnsEgress given the same name', () => {
    // GIVEN
    const app = new App();
    const chart = new Chart(app, 'test', { namespace: 'shop' });
    // WHEN
    new NamespaceBaseline(chart, 'Baseline');
    new AllowDnsEgress(chart, 'Dns', { selector: LabelSelector.all(), name: 'namespace-baseline' });
    // THEN
    expect(() => app.synth()).toThrow(/policy name "namespace-baseline" is used more than once in namespace "shop"/);
  });

  test('throws on a bad selector or dns value', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new NamespaceBaseline(chart, 'BadSel', { selector: 'all' as any }))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/BadSel', value: 'all' });
    expect(problemOf(() => new NamespaceBaseline(chart, 'BadDns', { dns: 'kube-dns' as any }))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/BadDns', value: 'kube-dns' });
  });
});
