import { Testing } from 'cdk8s';
import { AllowDnsEgress, DnsProfile, LabelSelector, Peer, Port, Protocol } from '../src';
import { networkPolicyApiErrors } from './api-rules';
import { ErrorCode, problemOf } from './problems';
import { allowedIn, KUBE_DNS, shopChart, tcp, udp, WEB } from './util';
import { Endpoint } from '../src/analysis';

const OPENSHIFT_DNS = Endpoint.pod({
  namespace: 'openshift-dns',
  name: 'dns-default',
  labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
  ports: [{ name: 'dns', port: 5353, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 5353 }],
});
const COREDNS_LABELLED = Endpoint.pod({ namespace: 'kube-system', name: 'coredns-k3s', labels: { 'k8s-app': 'coredns' } });
const NODE_LOCAL = Endpoint.ip('169.254.20.10');

function dnsChart(dns: DnsProfile) {
  const chart = shopChart();
  new AllowDnsEgress(chart, 'Dns', { selector: LabelSelector.all(), dns });
  return chart;
}

describe('DnsProfile', () => {
  test('kubernetes() targets kube-dns and coredns pods in kube-system on UDP and TCP 53', () => {
    // GIVEN / WHEN
    const dns = DnsProfile.kubernetes();
    // THEN
    expect(dns.peers.map(String)).toEqual(['pods(k8s-app in (coredns,kube-dns)) in namespace kube-system']);
    expect(dns.ports.map(String)).toEqual(['UDP/53', 'TCP/53']);
    const chart = dnsChart(dns);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, udp(WEB, COREDNS_LABELLED, 53))).toBe(true);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 5353))).toBe(false);
    expect(allowedIn(chart, udp(WEB, Endpoint.pod({ namespace: 'shop', labels: { 'k8s-app': 'kube-dns' } }), 53))).toBe(false);
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('8.8.8.8'), 53))).toBe(false);
  });

  test('nodeLocal() allows the node-local cache address and the upstream cluster DNS', () => {
    // GIVEN
    const chart = dnsChart(DnsProfile.nodeLocal());
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN
    expect(manifests).toMatchSnapshot();
    expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
    expect(manifests[0].spec.egress[0].to).toContainEqual({ ipBlock: { cidr: '169.254.20.10/32' } });
    expect(allowedIn(chart, udp(WEB, NODE_LOCAL, 53))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, NODE_LOCAL, 53))).toBe(true);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(true);
    expect(allowedIn(chart, udp(WEB, NODE_LOCAL, 54))).toBe(false);
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('169.254.20.11'), 53))).toBe(false);
  });

  test('nodeLocal() takes another IPv4 or IPv6 address', () => {
    // GIVEN / WHEN
    const v4 = DnsProfile.nodeLocal('10.0.0.53');
    const v6 = DnsProfile.nodeLocal('fd00::53');
    // THEN
    expect(v4.peers.map(String)).toContain('ipBlock 10.0.0.53/32');
    expect(v6.peers.map(String)).toContain('ipBlock fd00::53/128');
    expect(allowedIn(dnsChart(v6), udp(WEB, Endpoint.ip('fd00::53'), 53))).toBe(true);
  });

  test('openshift() targets the DNS operator pods in openshift-dns on UDP and TCP 5353', () => {
    // GIVEN
    const chart = dnsChart(DnsProfile.openshift());
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN
    expect(manifests).toMatchSnapshot();
    expect(manifests[0].spec.egress[0].ports).toEqual([{ port: 5353, protocol: 'TCP' }, { port: 5353, protocol: 'UDP' }]);
    expect(allowedIn(chart, udp(WEB, OPENSHIFT_DNS, 5353))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, OPENSHIFT_DNS, 5353))).toBe(true);
    expect(allowedIn(chart, udp(WEB, OPENSHIFT_DNS, 53))).toBe(false);
    expect(allowedIn(chart, udp(WEB, KUBE_DNS, 53))).toBe(false);
  });

  test('custom() allows exactly the peers and ports given', () => {
    // GIVEN
    const dns = DnsProfile.custom([Peer.ipBlock('10.0.0.2/32')], [Port.DNS_UDP]);
    // WHEN
    const chart = dnsChart(dns);
    // THEN
    expect(dns.toString()).toBe('DNS (ipBlock 10.0.0.2/32) on UDP/53');
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('10.0.0.2'), 53))).toBe(true);
    expect(allowedIn(chart, tcp(WEB, Endpoint.ip('10.0.0.2'), 53))).toBe(false);
    expect(allowedIn(chart, udp(WEB, Endpoint.ip('10.0.0.3'), 53))).toBe(false);
  });

  test('peers and ports are copies', () => {
    // GIVEN
    const dns = DnsProfile.kubernetes();
    // WHEN
    dns.peers.push(Peer.any());
    dns.ports.pop();
    // THEN
    expect(dns.peers).toHaveLength(1);
    expect(dns.ports).toHaveLength(2);
  });

  test('throws when the node-local address is not an IP address', () => {
    // GIVEN / WHEN / THEN
    expect(problemOf(() => DnsProfile.nodeLocal('node-local.dns'))).toMatchObject({ code: ErrorCode.INVALID_IP_ADDRESS, where: 'DnsProfile.nodeLocal()', value: 'node-local.dns' });
    expect(problemOf(() => DnsProfile.nodeLocal('169.254.20.10/32'))).toMatchObject({ code: ErrorCode.INVALID_IP_ADDRESS, where: 'DnsProfile.nodeLocal()', value: '169.254.20.10/32' });
    expect(problemOf(() => DnsProfile.nodeLocal('169.254.020.010'))).toMatchObject({ code: ErrorCode.AMBIGUOUS_ADDRESS, where: 'DnsProfile.nodeLocal()', value: '169.254.020.010' });
  });

  test('throws when custom() gets no peers or no ports', () => {
    // GIVEN / WHEN / THEN
    expect(problemOf(() => DnsProfile.custom([], [Port.DNS_UDP]))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'DnsProfile.custom()', value: [] });
    expect(problemOf(() => DnsProfile.custom([Peer.ipBlock('10.0.0.2/32')], []))).toMatchObject({ code: ErrorCode.EMPTY_LIST, where: 'DnsProfile.custom()', value: [] });
    expect(problemOf(() => DnsProfile.custom(['10.0.0.2/32' as any], [Port.DNS_UDP])))
      .toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'DnsProfile.custom()', problem: 'peers[0] must be a Peer', value: '10.0.0.2/32' });
  });
});
