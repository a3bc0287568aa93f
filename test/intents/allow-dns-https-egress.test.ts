import { Testing } from 'cdk8s';
import { AllowDnsHttpsEgress, DnsProfile, LabelSelector, Peer } from '../../src';
import { Endpoint, PolicyAnalyzer } from '../../src/analysis';
import { networkPolicyApiErrors } from '../api-rules';
import { ErrorCode, problemOf } from '../problems';
import { allowedIn, API, INTERNET, KUBE_DNS, netpol, OTHER_WEB, shopChart, tcp, udp, WEB } from '../util';

const MYAPP = LabelSelector.of({ labels: { app: 'myapp' } });
const MYAPP_POD = Endpoint.pod({ namespace: 'shop', name: 'myapp', labels: { app: 'myapp' } });

describe('AllowDnsHttpsEgress', () => {
  test('renders DNS and HTTPS as two separate rules, HTTPS without a to', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowDnsHttpsEgress(chart, 'Outbound', { selector: MYAPP });
    // THEN
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].metadata).toMatchObject({ name: 'myapp-allow-dns-https-egress', namespace: 'shop' });
    const egress = manifests[0].spec.egress;
    expect(egress).toHaveLength(2);
    expect(egress).toContainEqual({ ports: [{ port: 443, protocol: 'TCP' }] });
    for (const rule of egress) {
      for (const peer of rule.to ?? []) expect(peer).not.toHaveProperty('ports');
    }
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
  });

  test('allows HTTPS to an external address, unlike the copied example with namespaceSelector {}', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowDnsHttpsEgress(chart, 'Outbound', { selector: MYAPP });
    // THEN
    expect(allowedIn(chart, tcp(MYAPP_POD, INTERNET, 443))).toBe(true);
    expect(allowedIn(chart, tcp(MYAPP_POD, Endpoint.ip('2001:db8::1'), 443))).toBe(true);
    expect(allowedIn(chart, tcp(MYAPP_POD, OTHER_WEB, 443))).toBe(true);
    expect(allowedIn(chart, udp(MYAPP_POD, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(MYAPP_POD, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(MYAPP_POD, INTERNET, 80))).toBe(false);
    expect(allowedIn(chart, udp(MYAPP_POD, INTERNET, 443))).toBe(false);
    expect(allowedIn(chart, udp(MYAPP_POD, INTERNET, 53))).toBe(false);
    expect(allowedIn(chart, tcp(MYAPP_POD, API, 8080))).toBe(false);
    expect(allowedIn(chart, tcp(WEB, API, 8080))).toBe(true);
  });

  test('the copied example with namespaceSelector {} in front of 443 denies that external address', () => {
    // GIVEN
    const copied = netpol('shop', 'copied', {
      podSelector: { matchLabels: { app: 'myapp' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {} }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 443 }] }],
    });
    // WHEN
    const analyzer = PolicyAnalyzer.fromManifests([copied]);
    // THEN
    expect(analyzer.evaluate(tcp(MYAPP_POD, INTERNET, 443)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(MYAPP_POD, OTHER_WEB, 443)).allowed).toBe(true);
  });

  test('HTTPS goes only to the destinations given', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN
    new AllowDnsHttpsEgress(chart, 'Outbound', {
      selector: MYAPP, httpsDestinations: [Peer.ipBlock('203.0.113.0/24')], dns: DnsProfile.openshift(),
    });
    // THEN
    expect(allowedIn(chart, tcp(MYAPP_POD, INTERNET, 443))).toBe(true);
    expect(allowedIn(chart, tcp(MYAPP_POD, Endpoint.ip('198.51.100.7'), 443))).toBe(false);
    expect(allowedIn(chart, udp(MYAPP_POD, KUBE_DNS, 53))).toBe(false);
  });

  test('throws on a missing selector or an empty destinations list', () => {
    // GIVEN
    const chart = shopChart();
    // WHEN / THEN
    expect(problemOf(() => new AllowDnsHttpsEgress(chart, 'NoTarget', {} as any))).toMatchObject({ code: ErrorCode.MISSING_VALUE, where: 'test/NoTarget', value: undefined });
    expect(problemOf(() => new AllowDnsHttpsEgress(chart, 'NoDest', { selector: MYAPP, httpsDestinations: [] }))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'test/NoDest', value: [] });
  });
});
