import { LabelRequirement, LabelSelector, Peer, Port, Protocol } from '../src';
import { DirectionRules, renderRuleForm, ruleKey } from '../src/policy-rule';
import { canonicalJson, canonicalSet, compareStrings } from '../src/private/canonical';

const WEB = LabelSelector.of({ labels: { app: 'web', tier: 'front' } });
const DNS = LabelSelector.of({ expressions: [LabelRequirement.isIn('k8s-app', ['kube-dns', 'coredns'])] });

/** The rendering as it was before the forms were cached: serialize everything, sort by the JSON. */
function reference(peers: Peer[], ports: Port[]) {
  const kubePeers = canonicalSet(peers.flatMap((peer) => peer._toKube()));
  const byKey = new Map(ports.map((port) => [port._sortKey(), port]));
  const kubePorts = [...byKey.keys()].sort(compareStrings).map((key) => byKey.get(key)!._toKube());
  return { key: canonicalJson({ peers: kubePeers, ports: kubePorts }), peers: kubePeers, ports: kubePorts };
}

describe('policy-rule', () => {
  test.each([
    ['one peer, one port', [Peer.pods(WEB)], [Port.tcp(8080)]],
    ['no ports', [Peer.podsInNamespace('kube-system', DNS)], []],
    ['Peer.any() and no ports', [Peer.any()], []],
    ['a peer that renders two ipBlocks', [Peer.anywhere()], [Port.HTTPS]],
    ['duplicate and unordered peers', [Peer.namespace('b'), Peer.pods(WEB), Peer.namespace('a'), Peer.namespace('b')], [Port.DNS_UDP]],
    ['duplicate, unordered and named ports', [Peer.pods(WEB)], [Port.udp(53), Port.named('metrics'), Port.tcp(53), Port.allSctp(), Port.tcp(53)]],
    ['two ports in order', [Peer.pods(WEB)], [Port.tcp(53), Port.udp(53)]],
    ['two ports out of order', [Peer.pods(WEB)], [Port.udp(53), Port.tcp(53)]],
    ['the same port twice', [Peer.pods(WEB)], [Port.tcp(80), Port.tcp(80)]],
    ['a range that equals a single port', [Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16'])], [Port.tcpRange(80, 80), Port.tcp(80)]],
    ['a named UDP port and a range', [Peer.allPodsInCluster(), Peer.anyIpv6()], [Port.named('dns', Protocol.UDP), Port.udpRange(30000, 32767)]],
  ])('renders %s exactly as serializing the whole rule would', (_name, peers, ports) => {
    // GIVEN
    const expected = reference(peers, ports);
    // WHEN
    const form = renderRuleForm(peers, ports);
    // THEN
    expect(form.key).toBe(expected.key);
    expect(canonicalJson(form.peers)).toBe(canonicalJson(expected.peers));
    expect(canonicalJson(form.ports)).toBe(canonicalJson(expected.ports));
  });

  test('the rule key is the canonical JSON of the peer and port lists', () => {
    // GIVEN
    const peers = [{ podSelector: { matchLabels: { app: 'web' } } }];
    const ports = [{ protocol: 'TCP', port: 443 }];
    // WHEN
    const key = ruleKey(peers.map((p) => canonicalJson(p)), ports.map((p) => canonicalJson(p)));
    // THEN
    expect(key).toBe(canonicalJson({ ports, peers }));
    expect(ruleKey([], [])).toBe(canonicalJson({ peers: [], ports: [] }));
  });

  test('a value used by many rules is rendered once and shared', () => {
    // GIVEN
    const peer = Peer.pods(WEB);
    const port = Port.tcp(8080);
    // WHEN
    const first = renderRuleForm([peer], [port]);
    const second = renderRuleForm([peer], [port, port]);
    const equal = renderRuleForm([peer, Peer.pods(WEB)], [port]);
    // THEN
    expect(second.peers[0]).toBe(first.peers[0]);
    expect(second.ports).toEqual([first.ports[0]]);
    expect(second.ports[0]).toBe(first.ports[0]);
    expect(equal.key).toBe(first.key);
    expect(equal.peers).toHaveLength(1);
  });

  test('direction rules merge identical rules, join their descriptions, and list rules in key order', () => {
    // GIVEN
    const rules = new DirectionRules();
    const web = renderRuleForm([Peer.pods(WEB)], [Port.tcp(8080)]);
    const sameAsWeb = renderRuleForm([Peer.pods(LabelSelector.of({ labels: { tier: 'front', app: 'web' } }))], [Port.tcp(8080)]);
    const dns = renderRuleForm([Peer.podsInNamespace('kube-system', DNS)], [Port.DNS_UDP, Port.DNS_TCP]);
    // WHEN
    rules.add({ form: web, descriptions: ['from web'] });
    const one = rules.list();
    rules.add({ form: dns, descriptions: [] });
    const merged = rules.add({ form: sameAsWeb, descriptions: ['again', 'from web'] });
    // THEN
    expect(one.map((r) => r.form)).toEqual([web]);
    expect(merged.descriptions).toEqual(['from web', 'again']);
    const listed = rules.list();
    expect(listed.map((r) => r.form.key)).toEqual([web.key, dns.key].sort(compareStrings));
    expect(listed.find((r) => r.form.key === web.key)!.descriptions).toEqual(['from web', 'again']);
    expect(rules.list()).toBe(listed);
  });

  test('a second identical rule merges with a first one whose key was never asked for', () => {
    // GIVEN
    const rules = new DirectionRules();
    // WHEN
    rules.add({ form: renderRuleForm([Peer.any()], []), descriptions: ['a'] });
    rules.add({ form: renderRuleForm([Peer.any()], []), descriptions: ['b'] });
    // THEN
    expect(rules.list()).toHaveLength(1);
    expect(rules.list()[0].descriptions).toEqual(['a', 'b']);
  });
});
