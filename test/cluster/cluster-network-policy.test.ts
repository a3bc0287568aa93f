import { Chart, Testing } from 'cdk8s';
import {
  ClusterNetworkPolicy, ClusterPeer, ClusterPolicyTier, ClusterRuleAction, ClusterSubject, ErrorCode, LabelSelector, NamespaceSelector, Port,
} from '../../src';
import { PolicyAnalyzer } from '../../src/analysis';
import { problemOf } from '../problems';
import { API, INTERNET, tcp, WEB } from '../util';

const ALL = ClusterSubject.namespaces(LabelSelector.all());
const make = (props: any, chart: Chart = Testing.chart()) => new ClusterNetworkPolicy(chart, 'Guard', { tier: ClusterPolicyTier.ADMIN, priority: 1, subject: ALL, ...props });
const rule = (r: any) => ({ action: ClusterRuleAction.DENY, peers: [ClusterPeer.allPods()], ...r });

describe('ClusterNetworkPolicy', () => {
  test('renders a cluster-scoped v1alpha2 manifest with rules in order, also in a chart with a namespace', () => {
    // GIVEN a chart with a namespace
    const chart = Testing.chart();
    const scoped = new Chart(chart, 'Shop', { namespace: 'shop' });
    // WHEN
    new ClusterNetworkPolicy(scoped, 'Guard', {
      tier: ClusterPolicyTier.ADMIN,
      priority: 5,
      subject: ClusterSubject.pods(NamespaceSelector.named('shop'), LabelSelector.of({ labels: { app: 'api' } })),
      ingress: [
        rule({ name: 'deny-other', peers: [ClusterPeer.namespace('other')] }),
        { name: 'pass-shop', action: ClusterRuleAction.PASS, peers: [ClusterPeer.namespace('shop')], ports: [Port.tcp(8080), Port.udpRange(5000, 5010), Port.named('http')] },
      ],
      egress: [rule({ peers: [ClusterPeer.networks(['169.254.169.254/32']), ClusterPeer.nodes(LabelSelector.all())] })],
    });
    // THEN
    const [manifest] = Testing.synth(scoped);
    expect(manifest).toMatchSnapshot();
    expect(manifest.metadata.namespace).toBeUndefined();
    expect(manifest.spec.ingress.map((r: any) => r.name)).toEqual(['deny-other', 'pass-shop']);
    expect(manifest.spec.ingress[1].protocols).toEqual([
      { tcp: { destinationPort: { number: 8080 } } }, { udp: { destinationPort: { range: { end: 5010, start: 5000 } } } }, { destinationNamedPort: 'http' },
    ]);
    // AND the analyzer reads it back: other -> shop/api denied
    const analyzer = PolicyAnalyzer.fromManifests([manifest]);
    expect(analyzer.evaluate(tcp(WEB, API, 8080)).allowed).toBe(true);
  });

  test('addEgressRule appends after the rules given, and the analyzer follows the order', () => {
    // GIVEN an Accept of the internet, then a Deny of everything added later
    const chart = Testing.chart();
    const policy = make({ egress: [{ action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.networks(['203.0.113.0/24'])] }] }, chart);
    policy.addEgressRule(rule({ peers: [ClusterPeer.networks(['0.0.0.0/0'])] }));
    // THEN first match wins
    const analyzer = PolicyAnalyzer.fromChart(chart);
    expect(analyzer.evaluate(tcp(WEB, INTERNET, 443)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(WEB, API, 8080)).allowed).toBe(false);
  });

  test.each(['addIngressRule', 'addEgressRule'] as const)('throws when %s is called after synth, as the rule would not reach the manifest', (method) => {
    // GIVEN a synthesized policy
    const chart = Testing.chart();
    const policy = make({ egress: [rule({})] }, chart);
    const before = Testing.synth(chart);
    // WHEN
    const problem = problemOf(() => policy[method](rule({ action: ClusterRuleAction.ACCEPT })));
    // THEN it is refused, and the manifest stays what was written
    expect(problem).toMatchObject({ code: ErrorCode.ALREADY_SYNTHESIZED, where: 'test/Guard' });
    expect(Testing.synth(chart)).toEqual(before);
    expect(PolicyAnalyzer.fromChart(chart).evaluate(tcp(WEB, API, 8080)).allowed).toBe(false);
  });

  // name, code, build, a fragment of the error
  const bad: Array<[string, ErrorCode, () => unknown, string]> = [
    ['tier not in the enum', ErrorCode.UNKNOWN_VALUE, () => make({ tier: 'admin' }), 'tier must be ClusterPolicyTier.ADMIN or ClusterPolicyTier.BASELINE (got "admin")'],
    ['priority below 0', ErrorCode.PRIORITY_OUT_OF_RANGE, () => make({ priority: -1 }), 'priority must be a whole number from 0 to 1000 (got -1)'],
    ['priority above 1000', ErrorCode.PRIORITY_OUT_OF_RANGE, () => make({ priority: 1001 }), 'priority must be a whole number from 0 to 1000 (got 1001)'],
    ['priority not whole', ErrorCode.PRIORITY_OUT_OF_RANGE, () => make({ priority: 1.5 }), 'priority must be a whole number from 0 to 1000 (got 1.5)'],
    ['no subject', ErrorCode.WRONG_TYPE, () => make({ subject: undefined }), 'subject must be a ClusterSubject'],
    ['name not DNS-1123', ErrorCode.INVALID_NAME, () => make({ name: 'Bad_Name' }), 'policy'],
    ['more than 25 ingress rules', ErrorCode.TOO_MANY_ITEMS, () => make({ ingress: Array.from({ length: 26 }, () => rule({})) }), 'ingress must be a list of at most 25 rules (got 26)'],
    ['a 26th rule added', ErrorCode.TOO_MANY_ITEMS, () => { const p = make({ egress: Array.from({ length: 25 }, () => rule({})) }); p.addEgressRule(rule({})); }, 'egress already has 25 rules'],
    ['action not in the enum', ErrorCode.UNKNOWN_VALUE, () => make({ ingress: [rule({ action: 'Allow' })] }), 'ingress[0].action must be Accept, Deny or Pass (got "Allow")'],
    ['rule name over 100 characters', ErrorCode.NAME_TOO_LONG, () => make({ ingress: [rule({ name: 'x'.repeat(101) })] }), 'ingress[0].name must be a string of at most 100 characters'],
    ['no peers', ErrorCode.EMPTY_LIST, () => make({ ingress: [rule({ peers: [] })] }), 'ingress[0].peers must list 1 to 25 peers (got 0)'],
    ['more than 25 peers', ErrorCode.TOO_MANY_ITEMS, () => make({ ingress: [rule({ peers: Array.from({ length: 26 }, () => ClusterPeer.allPods()) })] }), 'must list 1 to 25 peers (got 26)'],
    ['a NetworkPolicy Peer instead of a ClusterPeer', ErrorCode.WRONG_TYPE, () => make({ ingress: [rule({ peers: [{}] })] }), 'ingress[0].peers[0] must be a ClusterPeer'],
    ['networks in an ingress rule', ErrorCode.PEER_NOT_ALLOWED, () => make({ ingress: [rule({ peers: [ClusterPeer.networks(['10.0.0.0/8'])] })] }), 'is a networks peer, which only egress rules may have'],
    ['nodes in an ingress rule', ErrorCode.PEER_NOT_ALLOWED, () => make({ ingress: [rule({ peers: [ClusterPeer.nodes(LabelSelector.all())] })] }), 'is a nodes peer, which only egress rules may have'],
    ['domain names in a Deny rule', ErrorCode.PEER_NOT_ALLOWED, () => make({ egress: [rule({ peers: [ClusterPeer.domainNames(['example.com'])] })] }), 'only Accept rules may have'],
    ['domain names in a Pass rule', ErrorCode.PEER_NOT_ALLOWED, () => make({ egress: [rule({ action: ClusterRuleAction.PASS, peers: [ClusterPeer.domainNames(['example.com'])] })] }), 'only Accept rules may have'],
    ['named port toward networks (CEL)', ErrorCode.NAMED_PORT_TO_IP_BLOCK, () => make({ egress: [rule({ peers: [ClusterPeer.networks(['10.0.0.0/8'])], ports: [Port.named('http')] })] }), 'is a named port, which cannot be used with the networks peer peers[0]'],
    ['named port toward nodes (CEL)', ErrorCode.NAMED_PORT_TO_IP_BLOCK, () => make({ egress: [rule({ peers: [ClusterPeer.allPods(), ClusterPeer.nodes(LabelSelector.all())], ports: [Port.named('http')] })] }), 'nodes peer peers[1]'],
    ['named port toward domain names (CEL)', ErrorCode.NAMED_PORT_TO_IP_BLOCK, () => make({ egress: [rule({ action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.domainNames(['example.com'])], ports: [Port.named('http')] })] }), 'domainNames peer'],
    ['every TCP port', ErrorCode.PORT_NOT_EXPRESSIBLE, () => make({ ingress: [rule({ ports: [Port.allTcp()] })] }), 'is every TCP port, which a ClusterNetworkPolicy cannot express'],
    ['more than 25 ports', ErrorCode.TOO_MANY_ITEMS, () => make({ ingress: [rule({ ports: Array.from({ length: 26 }, (_, i) => Port.tcp(i + 1)) })] }), 'ports must be a list of at most 25 ports (got 26)'],
    ['a port that is not a Port', ErrorCode.WRONG_TYPE, () => make({ ingress: [rule({ ports: [80] })] }), 'ingress[0].ports[0] must be a Port'],
    ['networks: none', ErrorCode.EMPTY_LIST, () => ClusterPeer.networks([]), '[ClusterPeer.networks()] cidrs must list 1 to 25 CIDRs (got 0)'],
    ['networks: 26', ErrorCode.TOO_MANY_ITEMS, () => ClusterPeer.networks(Array.from({ length: 26 }, (_, i) => `10.${i}.0.0/16`)), 'must list 1 to 25 CIDRs (got 26)'],
    ['networks: not a CIDR', ErrorCode.INVALID_CIDR, () => ClusterPeer.networks(['10.0.0.0']), 'cidrs[0] is not a CIDR'],
    ['networks: host bits', ErrorCode.CIDR_HOST_BITS, () => ClusterPeer.networks(['10.0.0.1/8']), 'Write the network address: "10.0.0.0/8"'],
    ['networks: duplicate', ErrorCode.DUPLICATE, () => ClusterPeer.networks(['10.0.0.0/8', '10.0.0.0/8']), 'cidrs[1] is listed twice'],
    ['domain names: wildcard inside', ErrorCode.INVALID_DOMAIN_NAME, () => ClusterPeer.domainNames(['a.*.example.com']), 'names[0] is not a domain name'],
    ['domain names: one label', ErrorCode.INVALID_DOMAIN_NAME, () => ClusterPeer.domainNames(['localhost']), 'names[0] is not a domain name'],
    ['domain names: 26', ErrorCode.TOO_MANY_ITEMS, () => ClusterPeer.domainNames(Array.from({ length: 26 }, (_, i) => `d${i}.example.com`)), 'must list 1 to 25 domain names'],
    ['pods peer without a pod selector', ErrorCode.MISSING_VALUE, () => ClusterPeer.pods(LabelSelector.all(), undefined as any), '[ClusterPeer.pods()] pods is required and must be a LabelSelector'],
    ['subject of a plain object', ErrorCode.WRONG_TYPE, () => ClusterSubject.namespaces({} as any), '[ClusterSubject.namespaces()] selector must be a LabelSelector'],
  ];

  test.each(bad)('refuses %s', (_name, code, build, fragment) => {
    expect(build).toThrow(expect.objectContaining({ code }));
    expect(build).toThrow(fragment);
    expect(build).toThrow(/^\[[^\]]+\] .* \(got .*\)\. \S/);
  });
});
