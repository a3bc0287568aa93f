import { Testing } from 'cdk8s';
import { AllowDnsEgress, DenyAll, DnsProfile, LabelSelector } from '../../src';
import { Endpoint } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, KUBE_DNS, sctp, shopChart, unlintedShopChart, tcp, udp, WEB } from '../util';

const WEB_PODS = LabelSelector.of({ labels: { app: 'web' } });

describe('AllowDnsEgress', () => {
  test('renders one egress rule to the cluster DNS pods on UDP and TCP 53', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowDnsEgress(chart, 'Dns', { selector: LabelSelector.all() });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'allow-dns-egress', namespace: 'shop' });
    expect(manifests[0].spec.policyTypes).toEqual(['Egress']);
    expect(manifests[0].spec.egress).toEqual([{
      to: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['coredns', 'kube-dns'] }] },
      }],
      ports: [{ port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }],
    }]);
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('after a deny-all, allows DNS to the DNS pods only', () => {
    // GIVEN
    const chart = unlintedShopChart();
    new DenyAll(chart, 'Lockdown');
    // WHEN
    new AllowDnsEgress(chart, 'Dns', { selector: WEB_PODS });
    // THEN
    expect(Testing.synth(chart)[1].metadata.name).toBe('web-allow-dns-egress');
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, sctp(WEB, KUBE_DNS, 53))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, KUBE_DNS, 9153))).toBe(false);
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('8.8.8.8'), 53))).toBe(false);
    expect(allowedIn(chart, udp(WEB, Endpoint.pod({ namespace: 'kube-system', labels: { 'k8s-app': 'metrics-server' } }), 53))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, udp(API, KUBE_DNS, 53))).toBe(false);
  });

  test('uses the DNS profile given', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowDnsEgress(chart, 'Dns', { selector: WEB_PODS, dns: DnsProfile.nodeLocal() });
    // THEN
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('169.254.20.10'), 53))).toBe(true);
  });

  test('throws on a missing selector or a dns value that is not a DnsProfile', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowDnsEgress(chart, 'NoTarget', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
    expect(problemOf(() => new AllowDnsEgress(chart, 'BadDns', { selector: WEB_PODS, dns: 'coredns' as any }))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'test/BadDns', value: 'coredns' });
  });
});
