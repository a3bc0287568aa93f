import { Testing } from 'cdk8s';
import { LabelRequirement, LabelSelector, NamespaceSelector, NetworkPolicy, Peer, PeerKind } from '../src';
import { ErrorCode, problemOf } from './problems';

const WEB = LabelSelector.of({ labels: { app: 'web' } });
const kube = (peer: Peer) => JSON.parse(JSON.stringify(peer._toKube()));

describe('Peer', () => {
  test('pods() selects in the policy namespace only', () => {
    // GIVEN / WHEN / THEN
    expect(kube(Peer.pods(WEB))).toEqual([{ podSelector: { matchLabels: { app: 'web' } } }]);
    expect(Peer.pods(WEB).kind).toBe(PeerKind.PODS);
  });

  test('podsInNamespace() is one peer with both selectors (AND)', () => {
    // GIVEN / WHEN
    const peers = kube(Peer.podsInNamespace('monitoring', WEB));
    // THEN
    expect(peers).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
      podSelector: { matchLabels: { app: 'web' } },
    }]);
  });

  test('podsInNamespaces() is one peer with both selectors (AND)', () => {
    // GIVEN / WHEN
    const peers = kube(Peer.podsInNamespaces(LabelSelector.matchLabels({ team: 'a' }), LabelSelector.all()));
    // THEN
    expect(peers).toEqual([{ namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: {} }]);
  });

  test('namespace(), namespaces() and allPodsInCluster() select whole namespaces', () => {
    // GIVEN / WHEN / THEN
    expect(kube(Peer.namespace('payments'))).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'payments' } } }]);
    expect(kube(Peer.namespaces(NamespaceSelector.namedAnyOf(['a', 'b'])))[0].namespaceSelector.matchExpressions[0].values).toEqual(['a', 'b']);
    expect(kube(Peer.allPodsInCluster())).toEqual([{ namespaceSelector: {} }]);
  });

  test('ipBlock() renders canonical CIDRs with sorted, unique except ranges', () => {
    // GIVEN / WHEN
    const peer = Peer.ipBlock('10.0.0.0/8', ['10.2.0.0/16', '10.1.0.0/16', '10.2.0.0/16']);
    // THEN
    expect(kube(peer)).toEqual([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.2.0.0/16'] } }]);
    expect(peer.isIpBlock()).toBe(true);
    expect(peer.toString()).toBe('ipBlock 10.0.0.0/8 except 10.1.0.0/16,10.2.0.0/16');
  });

  test('ipBlock() with the same arguments gives an equal peer, and bad arguments fail every time', () => {
    // GIVEN / WHEN
    const first = Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']);
    // THEN
    expect(kube(Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']))).toEqual(kube(first));
    expect(kube(Peer.ipBlock('10.0.0.0/8'))).not.toEqual(kube(first));
    expect(kube(Peer.ipBlock('10.0.0.0/8'))).toEqual([{ ipBlock: { cidr: '10.0.0.0/8' } }]);
    expect(problemOf(() => Peer.ipBlock('10.0.0.1/8'))).toMatchObject({ code: ErrorCode.CIDR_HOST_BITS, where: 'Peer.ipBlock()', value: '10.0.0.1/8' });
  });

  test('ipBlock() writes IPv6 in RFC 5952 form', () => {
    // GIVEN / WHEN
    const peer = Peer.ipBlock('2001:DB8:0:0::/32', ['2001:db8:0:0:1::/80']);
    // THEN
    expect(kube(peer)).toEqual([{ ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:0:0:1::/80'] } }]);
  });

  test('anyIpv4(), anyIpv6() and anywhere() cover the address families', () => {
    // GIVEN / WHEN / THEN
    expect(kube(Peer.anyIpv4())).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }]);
    expect(kube(Peer.anyIpv6())).toEqual([{ ipBlock: { cidr: '::/0' } }]);
    expect(kube(Peer.anywhere())).toEqual([{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }]);
  });

  test('any() renders no peer at all', () => {
    // GIVEN / WHEN / THEN
    expect(Peer.any()._toKube()).toEqual([]);
    expect(Peer.any().kind).toBe(PeerKind.ANY);
  });

  test('throws when a selector is not a LabelSelector', () => {
    // GIVEN / WHEN / THEN
    expect(problemOf(() => Peer.pods({ app: 'web' } as any))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'Peer.pods()', value: { app: 'web' } });
  });

  test('the canonical forms are unique, sorted by canonical JSON and computed once', () => {
    // GIVEN
    const peer = Peer.anywhere();
    // WHEN
    const forms = peer._canonicalForms();
    // THEN
    expect(peer._canonicalForms()).toBe(forms);
    expect(forms.map((f) => f.key)).toEqual(['{"ipBlock":{"cidr":"0.0.0.0/0"}}', '{"ipBlock":{"cidr":"::/0"}}']);
    expect(Peer.any()._canonicalForms()).toEqual([]);
  });

  test('a selector peer is described on demand, and the same way every time', () => {
    // GIVEN
    const peer = Peer.podsInNamespace('monitoring', LabelSelector.of({ labels: { app: 'prometheus' } }));
    // WHEN
    const first = peer.toString();
    // THEN
    expect(first).toBe('pods(app=prometheus) in namespace monitoring');
    expect(peer.toString()).toBe(first);
  });

  test('throws when pods are selected by kubernetes.io/metadata.name, which only namespaces carry', () => {
    // GIVEN
    const named = NamespaceSelector.named('payments');
    const byExpression = LabelSelector.of({ expressions: [LabelRequirement.isIn('kubernetes.io/metadata.name', ['a', 'b'])] });
    // WHEN / THEN
    expect(problemOf(() => Peer.pods(named))).toMatchObject({ code: ErrorCode.NAMESPACE_LABEL_ON_PODS, where: 'Peer.pods()', value: 'kubernetes.io/metadata.name=payments' });
    expect(problemOf(() => Peer.podsInNamespace('shop', byExpression))).toMatchObject({ code: ErrorCode.NAMESPACE_LABEL_ON_PODS, where: 'Peer.podsInNamespace()' });
    expect(problemOf(() => Peer.podsInNamespaces(named, named))).toMatchObject({ code: ErrorCode.NAMESPACE_LABEL_ON_PODS, where: 'Peer.podsInNamespaces()' });
    expect(problemOf(() => new NetworkPolicy(Testing.chart(), 'P', { selector: named, ingress: [] })))
      .toMatchObject({ code: ErrorCode.NAMESPACE_LABEL_ON_PODS, where: 'test/P' });
  });

  test('throws when the arguments of podsInNamespaces() are swapped', () => {
    // GIVEN
    const namespaces = NamespaceSelector.named('monitoring');
    const pods = LabelSelector.of({ labels: { app: 'prometheus' } });
    // WHEN / THEN
    expect(problemOf(() => Peer.podsInNamespaces(pods, namespaces))).toMatchObject({
      code: ErrorCode.SWAPPED_ARGUMENTS,
      where: 'Peer.podsInNamespaces()',
      value: { namespaceSelector: 'app=prometheus', podSelector: 'kubernetes.io/metadata.name=monitoring' },
    });
    expect(Peer.podsInNamespaces(namespaces, pods).toString()).toBe('pods(app=prometheus) in namespaces(kubernetes.io/metadata.name=monitoring)');
  });
});
