/**
 * Workloads as the subject and the peers of a ClusterNetworkPolicy: a workload of labels, every pod of a
 * namespace, a cdk8s-plus Deployment and an address range each mean, for the analyzer, exactly what the
 * selectors they stand for mean.
 */
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ClusterNetworkPolicy, ClusterPeer, ClusterPolicyTier, ClusterRuleAction, ClusterSubject, Endpoint, LabelSelector, NamespaceSelector,
  PolicyAnalyzer, Port, Workload,
} from '../../src';
import { ErrorCode, problemOf } from '../problems';
import { API, PROMETHEUS, tcp, WEB } from '../util';

const PARTNER = Endpoint.ip('203.0.113.7');
const ELSEWHERE = Endpoint.ip('198.51.100.1');
const OTHER_API = Endpoint.pod({ namespace: 'other', name: 'api', labels: { app: 'api' } });

/** The shop's guardrail: only monitoring may reach the API (on 9090), and the API may reach only the partner. */
function guardrail(chart: Chart, subject: ClusterSubject, monitoring: ClusterPeer, partner: ClusterPeer): ClusterNetworkPolicy {
  return new ClusterNetworkPolicy(chart, 'ApiGuard', {
    tier: ClusterPolicyTier.ADMIN,
    priority: 10,
    subject,
    ingress: [
      { name: 'accept-monitoring', action: ClusterRuleAction.ACCEPT, peers: [monitoring], ports: [Port.tcp(9090)] },
      { name: 'deny-the-rest', action: ClusterRuleAction.DENY, peers: [ClusterPeer.allPods()] },
    ],
    egress: [
      { name: 'accept-partner', action: ClusterRuleAction.ACCEPT, peers: [partner], ports: [Port.HTTPS] },
      { name: 'deny-the-rest', action: ClusterRuleAction.DENY, peers: [ClusterPeer.networks(['0.0.0.0/0'])] },
    ],
  });
}

describe('workloads in a ClusterNetworkPolicy', () => {
  test('stand for their pods, namespace and range: the manifest and the analyzer agree with the selectors they replace', () => {
    // GIVEN
    const chart = Testing.chart();
    const api = Workload.fromLabels(chart, 'Api', { namespace: 'shop', labels: { app: 'api' } });
    const monitoring = Workload.allPodsOf(chart, 'Monitoring', { namespace: 'monitoring' });
    const partner = Workload.fromCidr(chart, 'Partner', { cidr: '203.0.113.0/24' });
    const bySelectors = Testing.chart();
    guardrail(bySelectors, ClusterSubject.pods(NamespaceSelector.named('shop'), LabelSelector.of({ labels: { app: 'api' } })),
      ClusterPeer.namespace('monitoring'), ClusterPeer.networks(['203.0.113.0/24']));
    // WHEN
    guardrail(chart, ClusterSubject.workload(api), ClusterPeer.workload(monitoring), ClusterPeer.workload(partner));
    // THEN the same manifest, byte for byte
    const manifests = Testing.synth(chart);
    expect(manifests).toMatchSnapshot();
    expect(manifests).toEqual(Testing.synth(bySelectors));
    expect(manifests[0].spec.subject).toEqual({ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'api' } } } });
    // and the analyzer: monitoring in on 9090 only, nothing else in; out to the partner on 443 only
    const analyzer = PolicyAnalyzer.fromManifests(manifests);
    expect(analyzer.evaluate(tcp(PROMETHEUS, API, 9090)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(PROMETHEUS, API, 8080)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(WEB, API, 9090)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(API, PARTNER, 443)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(API, ELSEWHERE, 443)).allowed).toBe(false);
    // pods the subject does not select are untouched: the API of another namespace, the shop's web
    expect(analyzer.evaluate(tcp(WEB, OTHER_API, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(WEB, ELSEWHERE, 443)).allowed).toBe(true);
  });

  test('take a cdk8s-plus workload by its selector in its namespace', () => {
    // GIVEN a Deployment of the API in shop
    const chart = new Chart(Testing.app(), 'App', { namespace: 'shop' });
    const deployment = new kplus.Deployment(chart, 'Api', { containers: [{ image: 'api', portNumber: 8080 }] });
    const api = Workload.fromPlusWorkload(deployment);
    // WHEN
    const policy = new ClusterNetworkPolicy(chart, 'Guard', {
      tier: ClusterPolicyTier.ADMIN,
      priority: 1,
      subject: ClusterSubject.workload(api),
      ingress: [{ action: ClusterRuleAction.DENY, peers: [ClusterPeer.allPods()] }],
    });
    // THEN the subject is the Deployment's own pod selector in shop, and its pods are isolated
    const manifests = Testing.synth(chart);
    const rendered = manifests.find((m) => m.kind === 'ClusterNetworkPolicy');
    const labels = manifests.find((m) => m.kind === 'Deployment').spec.selector.matchLabels;
    expect(rendered.spec.subject).toEqual({ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: labels } } });
    expect(policy.subject).toBeDefined();
    const analyzer = PolicyAnalyzer.fromManifests(manifests);
    const pod = analyzer.endpoints().find((e) => e.namespace === 'shop')!;
    expect(analyzer.evaluate(tcp(WEB, pod, 8080)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(WEB, API, 8080)).allowed).toBe(true);
  });

  test('every pod of a namespace is a namespaces subject', () => {
    // GIVEN
    const chart = Testing.chart();
    const monitoring = Workload.allPodsOf(chart, 'Monitoring', { namespace: 'monitoring' });
    // WHEN
    const subject = ClusterSubject.workload(monitoring);
    // THEN
    expect(subject._toKube()).toEqual(ClusterSubject.namespace('monitoring')._toKube());
  });

  test.each([
    ['an address range as the subject', () => ClusterSubject.workload(Workload.fromCidr(Testing.chart(), 'P', { cidr: '203.0.113.0/24' })),
      ErrorCode.NOT_PODS, 'ClusterSubject.workload()'],
    ['a range with except as a peer', () => ClusterPeer.workload(Workload.fromCidr(Testing.chart(), 'P', { cidr: '203.0.113.0/24', except: ['203.0.113.0/28'] })),
      ErrorCode.PEER_NOT_ALLOWED, 'ClusterPeer.workload()'],
    ['a label selector for a workload', () => ClusterPeer.workload(LabelSelector.of({ labels: { app: 'api' } }) as any), ErrorCode.WRONG_TYPE, 'ClusterPeer.workload()'],
    ['nothing for a workload', () => ClusterSubject.workload(undefined as any), ErrorCode.MISSING_VALUE, 'ClusterSubject.workload()'],
  ])('throws for %s', (_name, call, code, where) => {
    // WHEN
    const problem = problemOf(call);
    // THEN
    expect(problem).toMatchObject({ code, where });
  });

  test('throws when an address-range workload is an ingress peer, as a networks peer would be', () => {
    // GIVEN
    const chart = Testing.chart();
    const partner = ClusterPeer.workload(Workload.fromCidr(chart, 'Partner', { cidr: '203.0.113.0/24' }));
    // WHEN
    const problem = problemOf(() => guardrail(chart, ClusterSubject.namespace('shop'), partner, partner));
    // THEN
    expect(problem).toMatchObject({ code: ErrorCode.PEER_NOT_ALLOWED, where: 'test/ApiGuard', value: 'networks' });
  });
});
