import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { LabelRequirement, LabelSelector, NetworkPolicy, NetworkPolicyRule, Peer, Port, Protocol } from '../src';
import { networkPolicyApiErrors } from './api-rules';
import { generatedManifest } from './generated-manifest';
import { unlintedApp } from './util';

// Arbitraries that produce only valid values (the factories refuse everything else).
const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const labelName = fc.tuple(alnum, fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.'.split('')), maxLength: 20 }), alnum)
  .map(([a, mid, b]) => `${a}${mid}${b}`);
const dnsLabel = fc.tuple(fc.constantFrom(...'abcxyz'.split('')), fc.string({ unit: fc.constantFrom(...'ab1-'.split('')), maxLength: 10 }), alnum)
  .map(([a, mid, b]) => `${a}${mid}${b}`);
const labelKey = fc.oneof(labelName, fc.tuple(dnsLabel, dnsLabel, labelName).map(([a, b, n]) => `${a}.${b}/${n}`));
const labelValue = fc.oneof(fc.constant(''), labelName);
const requirement = fc.oneof(
  fc.tuple(labelKey, fc.array(labelValue, { minLength: 1, maxLength: 3 })).map(([k, v]) => LabelRequirement.isIn(k, v)),
  fc.tuple(labelKey, fc.array(labelValue, { minLength: 1, maxLength: 3 })).map(([k, v]) => LabelRequirement.isNotIn(k, v)),
  labelKey.map((k) => LabelRequirement.exists(k)),
  labelKey.map((k) => LabelRequirement.doesNotExist(k)),
);
const selector = fc.oneof(
  fc.constant(LabelSelector.all()),
  fc.tuple(fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 3 }), fc.array(requirement, { maxLength: 2 }))
    .map(([labels, expressions]) => LabelSelector.of({ labels, expressions })),
);
const portNumber = fc.integer({ min: 1, max: 65535 });
const portName = fc.tuple(fc.constantFrom(...'abcz'.split('')), fc.string({ unit: fc.constantFrom(...'a1'.split('')), maxLength: 13 }))
  .map(([a, rest]) => `${a}${rest}`);
const protocol = fc.constantFrom(Protocol.TCP, Protocol.UDP, Protocol.SCTP);
const port = fc.oneof(
  portNumber.map((n) => Port.tcp(n)), portNumber.map((n) => Port.udp(n)), portNumber.map((n) => Port.sctp(n)),
  fc.tuple(portNumber, portNumber).map(([a, b]) => Port.tcpRange(Math.min(a, b), Math.max(a, b))),
  fc.tuple(portNumber, portNumber).map(([a, b]) => Port.udpRange(Math.min(a, b), Math.max(a, b))),
  fc.tuple(portName, protocol).map(([n, p]) => Port.named(n, p)),
  fc.constant(Port.allTcp()), fc.constant(Port.allUdp()),
);
const v4Block = fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 32 }))
  .map(([addr, p1, p2]) => {
    const [outer, inner] = [Math.min(p1, p2), Math.max(p1, p2)];
    const net = (bits: number) => (bits === 0 ? 0 : (addr >>> (32 - bits)) << (32 - bits)) >>> 0;
    const text = (n: number, bits: number) => `${[24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.')}/${bits}`;
    return inner > outer ? Peer.ipBlock(text(net(outer), outer), [text(net(inner), inner)]) : Peer.ipBlock(text(net(outer), outer));
  });
const peer = fc.oneof(
  selector.map((s) => Peer.pods(s)),
  fc.tuple(dnsLabel, selector).map(([ns, s]) => Peer.podsInNamespace(ns, s)),
  fc.tuple(selector, selector).map(([n, p]) => Peer.podsInNamespaces(n, p)),
  dnsLabel.map((ns) => Peer.namespace(ns)),
  selector.map((s) => Peer.namespaces(s)),
  fc.constant(Peer.allPodsInCluster()),
  v4Block,
  fc.constant(Peer.anywhere()),
);
const rule: fc.Arbitrary<NetworkPolicyRule> = fc.oneof(
  fc.tuple(
    fc.array(peer, { minLength: 1, maxLength: 3 }),
    fc.option(fc.array(port.filter((p) => p.portName === undefined), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  )
    .map(([peers, ports]) => ({ peers, ports })),
  fc.tuple(fc.array(peer.filter((p) => !p.isIpBlock()), { minLength: 1, maxLength: 2 }), fc.array(port, { minLength: 1, maxLength: 3 }))
    .map(([peers, ports]) => ({ peers, ports })),
  fc.constant<NetworkPolicyRule>({ peers: [Peer.any()] }),
);

describe('property: valid values always render manifests the API server accepts', () => {
  test('random policies pass the API validation rules and render deterministically', () => {
    fc.assert(fc.property(
      selector, fc.option(fc.array(rule, { maxLength: 3 }), { nil: undefined }), fc.array(rule, { maxLength: 3 }), dnsLabel,
      (podSelector, ingress, egress, namespace) => {
        // GIVEN
        const chart = new Chart(unlintedApp(), 'test'); // random egress rules need not allow DNS
        // WHEN
        const policy = new NetworkPolicy(chart, 'Random', { namespace, selector: podSelector, ingress, egress });
        const manifests = Testing.synth(chart);
        // THEN
        expect(networkPolicyApiErrors(manifests[0])).toEqual([]);
        // the construct writes what the generated KubeNetworkPolicy writes for the same spec, key order included
        expect(JSON.stringify(manifests[0])).toBe(JSON.stringify(generatedManifest(policy)));
        expect(manifests[0].spec.policyTypes).toEqual(ingress === undefined ? ['Egress'] : ['Ingress', 'Egress']);
        const again = new Chart(unlintedApp(), 'test');
        new NetworkPolicy(again, 'Random', { namespace, selector: podSelector, ingress, egress });
        expect(JSON.stringify(Testing.synth(again))).toBe(JSON.stringify(manifests));
      },
    ), { numRuns: 300, seed: 20261126 });
  });

  test('the API rules helper itself refuses invalid manifests', () => {
    // GIVEN
    const bad = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'Bad_Name', namespace: 'a.b' },
      spec: {
        podSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
        policyTypes: ['ingress'],
        ingress: [{ from: [{}, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/8'] }, podSelector: {} }], ports: [{ port: 0 }, { port: 'x', endPort: 5 }] }],
      },
    };
    // WHEN
    const errors = networkPolicyApiErrors(bad);
    // THEN
    expect(errors).toEqual(expect.arrayContaining([
      'metadata.name: invalid', 'metadata.namespace: invalid', 'spec.podSelector.matchExpressions[0].values: required',
      'spec.policyTypes: invalid', 'spec.ingress[0].from[0]: needs podSelector, namespaceSelector or ipBlock',
      'spec.ingress[0].from[1]: ipBlock must stand alone', 'spec.ingress[0].from[1].ipBlock.except[0]: must be a strict subset of cidr',
      'spec.ingress[0].ports[0].port: out of range', 'spec.ingress[0].ports[1].endPort: needs a numeric port',
    ]));
  });
});
