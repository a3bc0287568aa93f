import { Testing } from 'cdk8s';
import { DenyExternalEgress, DnsProfile, LabelSelector } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, DB, INTERNET, KUBE_DNS, OTHER_WEB, PROMETHEUS, shopChart, tcp, udp, WEB } from '../util';

describe('DenyExternalEgress', () => {
  test('renders egress to every pod of the cluster, which holds the DNS pods, so no DNS rule repeats it', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new DenyExternalEgress(chart, 'NoInternet');
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'deny-external-egress', namespace: 'shop' });
    expect(manifests[0].spec.podSelector).toEqual({});
    expect(manifests[0].spec.egress).toEqual([{ to: [{ namespaceSelector: {} }] }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows in-cluster traffic and DNS, and denies external addresses', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new DenyExternalEgress(chart, 'NoInternet');
    // THEN
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(true);
    expect(allowedIn(chart, tcp(API, DB, 5432))).toBe(true);
    expect(allowedIn(chart, tcp(API, OTHER_WEB, 80))).toBe(true);
    expect(allowedIn(chart, tcp(API, PROMETHEUS, 9090))).toBe(true);
    expect(allowedIn(chart, udp(API, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, udp(API, Endpoint.ip('8.8.8.8'), 53))).toBe(false);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('10.0.0.1'), 443))).toBe(false);
    expect(allowedIn(chart, tcp(OTHER_WEB, INTERNET, 443))).toBe(true);
  });

  test('keeps DNS working through the node-local cache address', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new DenyExternalEgress(chart, 'NoInternet', { dns: DnsProfile.nodeLocal() });
    // THEN
    expect(allowedIn(chart, udp(API, Endpoint.ip('169.254.20.10'), 53))).toBe(true);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('169.254.20.10'), 80))).toBe(false);
    expect(allowedIn(chart, tcp(API, Endpoint.ip('169.254.169.254'), 80))).toBe(false);
  });

  test('a selector narrows the policy and prefixes the default name', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new DenyExternalEgress(chart, 'DbOnly', { selector: LabelSelector.of({ labels: { app: 'db' } }) });
    // THEN
    expect(Testing.synth(chart)[0].metadata.name).toBe('db-deny-external-egress');
    expect(allowedIn(chart, tcp(DB, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, tcp(API, INTERNET, 443))).toBe(true);
  });

  test('throws on a bad selector or dns value', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new DenyExternalEgress(chart, 'BadSel', { selector: {} as any }))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/BadSel', value: {} });
    expect(problemOf(() => new DenyExternalEgress(chart, 'BadDns', { dns: {} as any }))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/BadDns', value: {} });
  });
});
