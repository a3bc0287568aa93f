import { Testing } from 'cdk8s';
import { LabelRequirement, LabelSelector, NamespaceSelector, NetworkPolicy, Peer, Port, Protocol } from '../src';
import { ErrorCode, Problem, problemOf } from './problems';

const WEB = LabelSelector.of({ labels: { app: 'web' } });

/** [what, call, the code and fields of the error it throws] */
const BAD_INPUTS: Array<[string, () => unknown, Partial<Problem>]> = [
  // ports
  ['port 0', () => Port.tcp(0), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.tcp()', value: 0 }],
  ['negative port', () => Port.udp(-1), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.udp()', value: -1 }],
  ['port above 65535', () => Port.tcp(65536), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.tcp()', value: 65536 }],
  ['fractional port', () => Port.sctp(80.5), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.sctp()', value: 80.5 }],
  ['NaN port', () => Port.tcp(NaN), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.tcp()', value: NaN }],
  ['range start above end', () => Port.tcpRange(9000, 8000), { code: ErrorCode.PORT_RANGE_REVERSED, where: 'Port.tcpRange()', value: [9000, 8000], fix: 'Swap them: Port.tcpRange(8000, 9000)' }],
  ['range end above 65535', () => Port.udpRange(30000, 70000), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.udpRange()', value: 70000 }],
  ['range start 0', () => Port.sctpRange(0, 10), { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'Port.sctpRange()', value: 0 }],
  ['named port that is a number', () => Port.named('80'), { code: ErrorCode.INVALID_PORT_NAME, where: 'Port.named()', value: '80' }],
  ['named port in upper case', () => Port.named('HTTP'), { code: ErrorCode.INVALID_PORT_NAME, where: 'Port.named()', value: 'HTTP' }],
  ['named port of 16 characters', () => Port.named('metrics-exporter'), { code: ErrorCode.INVALID_PORT_NAME, where: 'Port.named()', value: 'metrics-exporter' }],
  ['named port with double dash', () => Port.named('web--ui'), { code: ErrorCode.INVALID_PORT_NAME, where: 'Port.named()', value: 'web--ui' }],
  ['named port with leading dash', () => Port.named('-web'), { code: ErrorCode.INVALID_PORT_NAME, where: 'Port.named()', value: '-web' }],
  ['named port with trailing dash', () => Port.named('web-'), { code: ErrorCode.INVALID_PORT_NAME, where: 'Port.named()', value: 'web-' }],
  ['empty named port', () => Port.named(''), { code: ErrorCode.INVALID_PORT_NAME, where: 'Port.named()', value: '' }],
  ['named port with a bad protocol', () => Port.named('dns', 'ICMP' as Protocol), { code: ErrorCode.INVALID_PROTOCOL, where: 'Port.named()', value: 'ICMP' }],
  // label selectors
  ['empty label map', () => LabelSelector.of({ labels: {} }), { code: ErrorCode.EMPTY_SELECTOR, where: 'LabelSelector.of()', value: { labels: {} } }],
  ['no options at all', () => LabelSelector.of({}), { code: ErrorCode.EMPTY_SELECTOR, where: 'LabelSelector.of()', value: {} }],
  ['label key with two slashes', () => LabelSelector.of({ labels: { 'a/b/c': 'x' } }), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelSelector.of()', value: 'a/b/c' }],
  ['label key with empty prefix', () => LabelSelector.of({ labels: { '/app': 'x' } }), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelSelector.of()', value: '/app' }],
  ['label key with upper-case prefix', () => LabelSelector.of({ labels: { 'Example.com/app': 'x' } }), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelSelector.of()', value: 'Example.com/app' }],
  ['label key ending with underscore', () => LabelSelector.of({ labels: { app_: 'x' } }), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelSelector.of()', value: 'app_' }],
  ['label key with a space', () => LabelSelector.of({ labels: { 'team name': 'x' } }), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelSelector.of()', value: 'team name' }],
  ['empty label key', () => LabelSelector.of({ labels: { '': 'x' } }), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelSelector.of()', value: '' }],
  ['label key name of 64 characters', () => LabelSelector.of({ labels: { ['k'.repeat(64)]: 'x' } }), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelSelector.of()', value: 'k'.repeat(64) }],
  ['label value with a space', () => LabelSelector.of({ labels: { app: 'front end' } }), { code: ErrorCode.INVALID_LABEL_VALUE, where: 'LabelSelector.of()', value: 'front end' }],
  ['label value starting with a dot', () => LabelSelector.of({ labels: { app: '.web' } }), { code: ErrorCode.INVALID_LABEL_VALUE, where: 'LabelSelector.of()', value: '.web' }],
  ['label value with a slash', () => LabelSelector.of({ labels: { v: 'v1/2' } }), { code: ErrorCode.INVALID_LABEL_VALUE, where: 'LabelSelector.of()', value: 'v1/2' }],
  ['non-ASCII label value', () => LabelSelector.of({ labels: { app: 'café' } }), { code: ErrorCode.INVALID_LABEL_VALUE, where: 'LabelSelector.of()', value: 'café' }],
  ['label value of 64 characters', () => LabelSelector.of({ labels: { app: 'v'.repeat(64) } }), { code: ErrorCode.INVALID_LABEL_VALUE, where: 'LabelSelector.of()', value: 'v'.repeat(64) }],
  ['In without values', () => LabelRequirement.isIn('tier', []), { code: ErrorCode.EMPTY_LIST, where: 'LabelRequirement.isIn()', value: [] }],
  ['NotIn without values', () => LabelRequirement.isNotIn('tier', []), { code: ErrorCode.EMPTY_LIST, where: 'LabelRequirement.isNotIn()', value: [] }],
  ['In with a bad value', () => LabelRequirement.isIn('tier', ['-bad']), { code: ErrorCode.INVALID_LABEL_VALUE, where: 'LabelRequirement.isIn()', value: '-bad' }],
  ['Exists with a bad key', () => LabelRequirement.exists('a/b/c'), { code: ErrorCode.INVALID_LABEL_KEY, where: 'LabelRequirement.exists()', value: 'a/b/c' }],
  // namespaces
  ['namespace with a dot', () => Peer.namespace('team.a'), { code: ErrorCode.INVALID_NAME, where: 'Peer.namespace()', value: 'team.a' }],
  ['namespace in upper case', () => NamespaceSelector.named('Prod'), { code: ErrorCode.INVALID_NAME, where: 'NamespaceSelector.named()', value: 'Prod' }],
  ['namespace of 64 characters', () => Peer.podsInNamespace('n'.repeat(64), WEB), { code: ErrorCode.INVALID_NAME, where: 'Peer.podsInNamespace()', value: 'n'.repeat(64) }],
  ['no namespace names', () => NamespaceSelector.namedAnyOf([]), { code: ErrorCode.EMPTY_LIST, where: 'NamespaceSelector.namedAnyOf()', value: [] }],
  // CIDRs
  ['CIDR without prefix', () => Peer.ipBlock('10.0.0.0'), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.0' }],
  ['IPv4 prefix above 32', () => Peer.ipBlock('10.0.0.0/33'), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.0/33' }],
  ['octet above 255', () => Peer.ipBlock('300.1.1.1/8'), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '300.1.1.1/8' }],
  ['IPv6 zone', () => Peer.ipBlock('fe80::1%eth0/64'), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: 'fe80::1%eth0/64' }],
  ['trailing space', () => Peer.ipBlock('10.0.0.0/8 '), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.0/8 ' }],
  ['hostname', () => Peer.ipBlock('example.com/32'), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: 'example.com/32' }],
  ['netmask instead of prefix', () => Peer.ipBlock('10.0.0.0/255.0.0.0'), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.0/255.0.0.0' }],
  ['IPv6 prefix above 128', () => Peer.ipBlock('2001:db8::/129'), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '2001:db8::/129' }],
  ['host bits set', () => Peer.ipBlock('10.0.0.1/8'), {
    code: ErrorCode.CIDR_HOST_BITS, where: 'Peer.ipBlock()', value: '10.0.0.1/8', fix: 'Did you mean the network "10.0.0.0/8" or the single address "10.0.0.1/32"?',
  }],
  ['leading zeros', () => Peer.ipBlock('010.0.0.0/8'), { code: ErrorCode.AMBIGUOUS_ADDRESS, where: 'Peer.ipBlock()', value: '010.0.0.0/8' }],
  ['IPv4-mapped IPv6', () => Peer.ipBlock('::ffff:10.0.0.0/104'), { code: ErrorCode.AMBIGUOUS_ADDRESS, where: 'Peer.ipBlock()', value: '::ffff:10.0.0.0/104' }],
  ['except outside the cidr', () => Peer.ipBlock('10.0.0.0/8', ['192.168.0.0/24']), { code: ErrorCode.EXCEPT_OUTSIDE_CIDR, where: 'Peer.ipBlock()', value: '192.168.0.0/24' }],
  ['except equal to the cidr', () => Peer.ipBlock('10.0.0.0/8', ['10.0.0.0/8']), { code: ErrorCode.EXCEPT_OUTSIDE_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.0/8' }],
  ['except wider than the cidr', () => Peer.ipBlock('10.1.0.0/16', ['10.0.0.0/8']), { code: ErrorCode.EXCEPT_OUTSIDE_CIDR, where: 'Peer.ipBlock()', value: '10.0.0.0/8' }],
  ['except of another family', () => Peer.ipBlock('10.0.0.0/8', ['2001:db8::/64']), { code: ErrorCode.CIDR_FAMILY_MISMATCH, where: 'Peer.ipBlock()', value: '2001:db8::/64' }],
  ['invalid except', () => Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/40']), { code: ErrorCode.INVALID_CIDR, where: 'Peer.ipBlock()', value: '10.1.0.0/40' }],
];

describe('bad inputs', () => {
  test('the table covers at least 40 bad inputs', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(BAD_INPUTS)('throws for %s, naming the value and the fix', (_what, call, expected) => {
    // GIVEN / WHEN
    const problem = problemOf(call);
    // THEN
    expect(problem).toMatchObject(expected);
    expect(problem.message).toMatch(/^\[[^\]]+\] .+ \(got .+\)\. .+[.?!]$/s);
    expect(problem.fix).not.toBe('');
  });

  test.each([
    ['a policy name in upper case', { name: 'Allow-Web' }, { code: ErrorCode.INVALID_NAME, where: 'test/P', value: 'Allow-Web' }],
    ['a policy name with an underscore', { name: 'allow_web' }, { code: ErrorCode.INVALID_NAME, where: 'test/P', value: 'allow_web' }],
    ['a policy name over 63 characters', { name: 'a'.repeat(64) }, { code: ErrorCode.NAME_TOO_LONG, where: 'test/P', value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }],
    ['a namespace with a dot', { namespace: 'team.a' }, { code: ErrorCode.INVALID_NAME, where: 'test/P', value: 'team.a' }],
    ['a rule without peers', { ingress: [{ peers: [] }] }, { code: ErrorCode.EMPTY_LIST, where: 'test/P', value: [] }],
    ['an empty ports list', { egress: [{ peers: [Peer.any()], ports: [] }] }, { code: ErrorCode.EMPTY_LIST, where: 'test/P', value: [] }],
    ['Peer.any() next to other peers', { ingress: [{ peers: [Peer.any(), Peer.pods(WEB)] }] }, { code: ErrorCode.REDUNDANT_PEERS, where: 'test/P', value: ['any peer', 'pods(app=web)'] }],
    ['a named port toward ipBlocks only', { egress: [{ peers: [Peer.anyIpv4()], ports: [Port.named('https')] }] }, { code: ErrorCode.NAMED_PORT_TO_IP_BLOCK, where: 'test/P', value: ['TCP/https'] }],
  ])('the NetworkPolicy construct refuses %s with its path', (_what, props, expected) => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN / THEN
    expect(problemOf(() => new NetworkPolicy(chart, 'P', { selector: WEB, ...props }))).toMatchObject(expected);
  });
});
