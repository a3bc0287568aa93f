import { Testing } from 'cdk8s';
import { LabelRequirement, LabelSelector, NamespaceSelector, NetworkPolicy, Peer, Port, Protocol } from '../src';

const WEB = LabelSelector.of({ labels: { app: 'web' } });

/** [what, call, fragments the message must contain (the bad value among them)] */
const BAD_INPUTS: Array<[string, () => unknown, RegExp[]]> = [
  // ports
  ['port 0', () => Port.tcp(0), [/\[Port\.tcp\(\)\]/, /got 0\)/, /1 to 65535/]],
  ['negative port', () => Port.udp(-1), [/\[Port\.udp\(\)\]/, /got -1\)/]],
  ['port above 65535', () => Port.tcp(65536), [/got 65536\)/, /Port\.allTcp\(\)/]],
  ['fractional port', () => Port.sctp(80.5), [/\[Port\.sctp\(\)\]/, /got 80\.5\)/]],
  ['NaN port', () => Port.tcp(NaN), [/got NaN\)/]],
  ['range start above end', () => Port.tcpRange(9000, 8000), [/start is greater than its end/, /got \[9000,8000\]/, /Port\.tcpRange\(8000, 9000\)/]],
  ['range end above 65535', () => Port.udpRange(30000, 70000), [/\[Port\.udpRange\(\)\]/, /got 70000\)/]],
  ['range start 0', () => Port.sctpRange(0, 10), [/\[Port\.sctpRange\(\)\]/, /got 0\)/]],
  ['named port that is a number', () => Port.named('80'), [/\[Port\.named\(\)\]/, /got "80"\)/, /Port\.tcp\(n\)/]],
  ['named port in upper case', () => Port.named('HTTP'), [/got "HTTP"\)/, /IANA/]],
  ['named port of 16 characters', () => Port.named('metrics-exporter'), [/got "metrics-exporter"\)/, /1-15/]],
  ['named port with double dash', () => Port.named('web--ui'), [/got "web--ui"\)/]],
  ['named port with leading dash', () => Port.named('-web'), [/got "-web"\)/]],
  ['named port with trailing dash', () => Port.named('web-'), [/got "web-"\)/]],
  ['empty named port', () => Port.named(''), [/got ""\)/]],
  ['named port with a bad protocol', () => Port.named('dns', 'ICMP' as Protocol), [/TCP, UDP or SCTP/, /got "ICMP"\)/]],
  // label selectors
  ['empty label map', () => LabelSelector.of({ labels: {} }), [/\[LabelSelector\.of\(\)\]/, /match everything/, /LabelSelector\.all\(\)/]],
  ['no options at all', () => LabelSelector.of({}), [/got \{\}\)/, /LabelSelector\.all\(\)/]],
  ['label key with two slashes', () => LabelSelector.of({ labels: { 'a/b/c': 'x' } }), [/more than one "\/"/, /got "a\/b\/c"\)/]],
  ['label key with empty prefix', () => LabelSelector.of({ labels: { '/app': 'x' } }), [/prefix/, /got "\/app"\)/]],
  ['label key with upper-case prefix', () => LabelSelector.of({ labels: { 'Example.com/app': 'x' } }), [/got "Example\.com\/app"\)/]],
  ['label key ending with underscore', () => LabelSelector.of({ labels: { app_: 'x' } }), [/got "app_"\)/]],
  ['label key with a space', () => LabelSelector.of({ labels: { 'team name': 'x' } }), [/got "team name"\)/]],
  ['empty label key', () => LabelSelector.of({ labels: { '': 'x' } }), [/must not be empty/, /got ""\)/]],
  ['label key name of 64 characters', () => LabelSelector.of({ labels: { ['k'.repeat(64)]: 'x' } }), [/1-63/, new RegExp(`got "${'k'.repeat(64)}"`)]],
  ['label value with a space', () => LabelSelector.of({ labels: { app: 'front end' } }), [/for key "app"/, /got "front end"\)/]],
  ['label value starting with a dot', () => LabelSelector.of({ labels: { app: '.web' } }), [/got "\.web"\)/]],
  ['label value with a slash', () => LabelSelector.of({ labels: { v: 'v1/2' } }), [/got "v1\/2"\)/]],
  ['non-ASCII label value', () => LabelSelector.of({ labels: { app: 'café' } }), [/got "café"\)/]],
  ['label value of 64 characters', () => LabelSelector.of({ labels: { app: 'v'.repeat(64) } }), [/more than 63/]],
  ['In without values', () => LabelRequirement.isIn('tier', []), [/\[LabelRequirement\.isIn\(\)\]/, /In needs at least one value/, /got \[\]\)/, /exists\("tier"\)/]],
  ['NotIn without values', () => LabelRequirement.isNotIn('tier', []), [/NotIn needs at least one value/, /doesNotExist\("tier"\)/]],
  ['In with a bad value', () => LabelRequirement.isIn('tier', ['-bad']), [/got "-bad"\)/]],
  ['Exists with a bad key', () => LabelRequirement.exists('a/b/c'), [/\[LabelRequirement\.exists\(\)\]/, /got "a\/b\/c"\)/]],
  // namespaces
  ['namespace with a dot', () => Peer.namespace('team.a'), [/\[Peer\.namespace\(\)\]/, /got "team\.a"\)/, /no dots/]],
  ['namespace in upper case', () => NamespaceSelector.named('Prod'), [/got "Prod"\)/]],
  ['namespace of 64 characters', () => Peer.podsInNamespace('n'.repeat(64), WEB), [/more than 63/]],
  ['no namespace names', () => NamespaceSelector.namedAnyOf([]), [/no namespace names/, /got \[\]\)/]],
  // CIDRs
  ['CIDR without prefix', () => Peer.ipBlock('10.0.0.0'), [/no prefix length/, /got "10\.0\.0\.0"\)/, /did you mean "10\.0\.0\.0\/32"/]],
  ['IPv4 prefix above 32', () => Peer.ipBlock('10.0.0.0/33'), [/0 to 32/, /got "10\.0\.0\.0\/33"\)/]],
  ['octet above 255', () => Peer.ipBlock('300.1.1.1/8'), [/got "300\.1\.1\.1\/8"\)/]],
  ['IPv6 zone', () => Peer.ipBlock('fe80::1%eth0/64'), [/zone/, /got "fe80::1%eth0\/64"\)/]],
  ['trailing space', () => Peer.ipBlock('10.0.0.0/8 '), [/got "10\.0\.0\.0\/8 "\)/]],
  ['hostname', () => Peer.ipBlock('example.com/32'), [/got "example\.com\/32"\)/]],
  ['netmask instead of prefix', () => Peer.ipBlock('10.0.0.0/255.0.0.0'), [/masks like 255\.0\.0\.0 are not accepted/]],
  ['IPv6 prefix above 128', () => Peer.ipBlock('2001:db8::/129'), [/0 to 128/]],
  ['host bits set', () => Peer.ipBlock('10.0.0.1/8'), [/bits set past its prefix/, /"10\.0\.0\.0\/8"/, /"10\.0\.0\.1\/32"/]],
  ['leading zeros', () => Peer.ipBlock('010.0.0.0/8'), [/leading zeros/, /"10\.0\.0\.0\/8"/]],
  ['IPv4-mapped IPv6', () => Peer.ipBlock('::ffff:10.0.0.0/104'), [/IPv4-mapped/, /"10\.0\.0\.0\/8"/]],
  ['except outside the cidr', () => Peer.ipBlock('10.0.0.0/8', ['192.168.0.0/24']), [/strictly inside cidr 10\.0\.0\.0\/8/, /got "192\.168\.0\.0\/24"\)/]],
  ['except equal to the cidr', () => Peer.ipBlock('10.0.0.0/8', ['10.0.0.0/8']), [/strictly inside/]],
  ['except wider than the cidr', () => Peer.ipBlock('10.1.0.0/16', ['10.0.0.0/8']), [/strictly inside/, /got "10\.0\.0\.0\/8"\)/]],
  ['except of another family', () => Peer.ipBlock('10.0.0.0/8', ['2001:db8::/64']), [/IPv6 but cidr 10\.0\.0\.0\/8 is IPv4/]],
  ['invalid except', () => Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/40']), [/got "10\.1\.0\.0\/40"\)/]],
];

describe('bad inputs', () => {
  test('the table covers at least 40 bad inputs', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(BAD_INPUTS)('throws for %s, naming the value and the fix', (_what, call, fragments) => {
    // GIVEN / WHEN
    let message = '';
    try {
      call();
    } catch (e) {
      message = (e as Error).message;
    }
    // THEN
    expect(message).toMatch(/^\[[^\]]+\] .+ \(got .+\)\. .+[.?!]$/s);
    for (const fragment of fragments) {
      expect(message).toMatch(fragment);
    }
  });

  test.each([
    ['a policy name in upper case', { name: 'Allow-Web' }, /\[test\/P\] policy name is not a DNS-1123 subdomain \(got "Allow-Web"\)/],
    ['a policy name with an underscore', { name: 'allow_web' }, /got "allow_web"/],
    ['a policy name over 63 characters', { name: 'a'.repeat(64) }, /64 characters; some CNIs break above 63/],
    ['a namespace with a dot', { namespace: 'team.a' }, /\[test\/P\] namespace name is not a DNS-1123 label \(got "team\.a"\)/],
    ['a rule without peers', { ingress: [{ peers: [] }] }, /\[test\/P\] ingress rule has no peers \(got \[\]\)\. .*Peer\.any\(\)/],
    ['an empty ports list', { egress: [{ peers: [Peer.any()], ports: [] }] }, /empty ports list, which Kubernetes reads as every port/],
    ['Peer.any() next to other peers', { ingress: [{ peers: [Peer.any(), Peer.pods(WEB)] }] }, /Peer\.any\(\) already allows every peer/],
    ['a named port toward ipBlocks only', { egress: [{ peers: [Peer.anyIpv4()], ports: [Port.named('https')] }] }, /named ports in an egress rule never match ipBlock destinations, because a name is resolved on the destination pod \(got \["TCP\/https"\]\)/],
  ])('the NetworkPolicy construct refuses %s with its path', (_what, props, message) => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN / THEN
    expect(() => new NetworkPolicy(chart, 'P', { selector: WEB, ...props })).toThrow(message);
  });
});
