import { LabelRequirement, LabelSelector, Peer, Port, Protocol } from '../src';
import { canonicalRule, DirectionRules, ruleKey } from '../src/direction-rules';
import { canonicalJson, canonicalSet, compareStrings } from '../src/private/canonical';

const WEB = LabelSelector.of({ labels: { app: 'web', tier: 'front' } });
const DNS = LabelSelector.of({ expressions: [LabelRequirement.isIn('k8s-app', ['kube-dns', 'coredns'])] });

/** The rendering as it was before the forms were cached: serialize everything, sort by the JSON. */
function reference(peers: Peer[], ports: Port[]) {
  const kubePeers = canonicalSet(peers.flatMap((peer) => peer._toKube()));
  const byKey = new Map(ports.map((port) => [port._sortKey(), port]));
  const kubePorts = [...byKey.keys()].sort(compareStrings).map((key) => byKey.get(key)!._toKube());
  // as written to the manifest: the number or name itself
  const wirePorts = kubePorts.map((p) => ({ protocol: p.protocol, port: p.port?.value, endPort: p.endPort }));
  return { key: canonicalJson({ peers: kubePeers, ports: kubePorts }), peers: kubePeers, ports: wirePorts };
}

describe('direction-rules', () => {
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
    const rule = canonicalRule(peers, ports);
    // THEN
    expect(rule.key).toBe(expected.key);
    expect(canonicalJson(rule.peers)).toBe(canonicalJson(expected.peers));
    expect(canonicalJson(rule.ports)).toBe(canonicalJson(expected.ports));
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
    const first = canonicalRule([peer], [port]);
    const second = canonicalRule([peer], [port, port]);
    const equal = canonicalRule([peer, Peer.pods(WEB)], [port]);
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
    const web = canonicalRule([Peer.pods(WEB)], [Port.tcp(8080)]);
    const sameAsWeb = canonicalRule([Peer.pods(LabelSelector.of({ labels: { tier: 'front', app: 'web' } }))], [Port.tcp(8080)]);
    const dns = canonicalRule([Peer.podsInNamespace('kube-system', DNS)], [Port.DNS_UDP, Port.DNS_TCP]);
    // WHEN
    rules.add({ rule: web, descriptions: ['from web'] });
    const one = rules.list();
    rules.add({ rule: dns, descriptions: [] });
    const merged = rules.add({ rule: sameAsWeb, descriptions: ['again', 'from web'] });
    // THEN
    expect(one.map((r) => r.rule)).toEqual([web]);
    expect(merged.descriptions).toEqual(['from web', 'again']);
    const listed = rules.list();
    expect(listed.map((r) => r.rule.key)).toEqual([web.key, dns.key].sort(compareStrings));
    expect(listed.find((r) => r.rule.key === web.key)!.descriptions).toEqual(['from web', 'again']);
  });

  test('a second identical rule merges with a first one whose key was never asked for', () => {
    // GIVEN
    const rules = new DirectionRules();
    // WHEN
    rules.add({ rule: canonicalRule([Peer.any()], []), descriptions: ['a'] });
    rules.add({ rule: canonicalRule([Peer.any()], []), descriptions: ['b'] });
    // THEN
    expect(rules.list()).toHaveLength(1);
    expect(rules.list()[0].descriptions).toEqual(['a', 'b']);
  });
});
