/**
 * Workloads as the target and as the peer of every intent: a workload of labels, a cdk8s-plus Deployment of
 * each maintained cdk8s-plus line, and an address range. Each intent written with a workload must mean, for
 * the analyzer, exactly what it means written with the workload's label selector in its namespace, and be
 * named after the workload.
 */
import { Chart, Testing } from 'cdk8s';
import * as plus28 from 'cdk8s-plus-28';
import * as plus32 from 'cdk8s-plus-32';
import * as plus33 from 'cdk8s-plus-33';
import * as plus34 from 'cdk8s-plus-34';
import { Construct } from 'constructs';
import {
  AllowAllEgress, AllowAllIngress, AllowDnsEgress, AllowDnsHttpsEgress, AllowEgressToCidr, AllowExternalIngress,
  AllowFromAllNamespaces, AllowFromLabel, AllowFromNamespace, AllowInClusterEgress, AllowIngressFromCidr,
  AllowKubeApiEgress, AllowPublicEgress, AllowSameNamespace, DenyAll, DenyAllEgress, DenyAllIngress,
  DenyExternalEgress, Endpoint, IPodSelector, LabelSelector, NamespaceBaseline, NetworkPolicy, PolicyAnalyzer, Port,
  TrafficQuery, Workload,
} from '../../src';
import { ErrorCode, problemOf } from '../problems';
import { INTERNET, KUBE_DNS, PROMETHEUS, tcp, udp, unlintedApp } from '../util';

type Intent = (scope: Construct, selector: IPodSelector) => NetworkPolicy;

/** Every intent that takes target pods, with the other props it needs. */
const INTENTS: Array<[string, Intent]> = [
  ['DenyAllIngress', (s, selector) => new DenyAllIngress(s, 'Intent', { selector })],
  ['DenyAllEgress', (s, selector) => new DenyAllEgress(s, 'Intent', { selector })],
  ['DenyAll', (s, selector) => new DenyAll(s, 'Intent', { selector })],
  ['AllowAllIngress', (s, selector) => new AllowAllIngress(s, 'Intent', { selector })],
  ['AllowAllEgress', (s, selector) => new AllowAllEgress(s, 'Intent', { selector })],
  ['AllowFromLabel', (s, selector) => new AllowFromLabel(s, 'Intent', { selector, sourceSelector: LabelSelector.of({ labels: { app: 'api' } }) })],
  ['AllowFromNamespace', (s, selector) => new AllowFromNamespace(s, 'Intent', { selector, namespaces: ['monitoring'] })],
  ['AllowFromAllNamespaces', (s, selector) => new AllowFromAllNamespaces(s, 'Intent', { selector, ports: [Port.tcp(8080)] })],
  ['AllowSameNamespace', (s, selector) => new AllowSameNamespace(s, 'Intent', { selector })],
  ['AllowExternalIngress', (s, selector) => new AllowExternalIngress(s, 'Intent', { selector, ports: [Port.HTTPS] })],
  ['AllowDnsEgress', (s, selector) => new AllowDnsEgress(s, 'Intent', { selector })],
  ['AllowDnsHttpsEgress', (s, selector) => new AllowDnsHttpsEgress(s, 'Intent', { selector })],
  ['AllowEgressToCidr', (s, selector) => new AllowEgressToCidr(s, 'Intent', { selector, cidrs: ['203.0.113.0/24'] })],
  ['AllowIngressFromCidr', (s, selector) => new AllowIngressFromCidr(s, 'Intent', { selector, cidrs: ['203.0.113.0/24'] })],
  ['AllowPublicEgress', (s, selector) => new AllowPublicEgress(s, 'Intent', { selector, ports: [Port.HTTPS] })],
  ['AllowInClusterEgress', (s, selector) => new AllowInClusterEgress(s, 'Intent', { selector })],
  ['DenyExternalEgress', (s, selector) => new DenyExternalEgress(s, 'Intent', { selector })],
  ['AllowKubeApiEgress', (s, selector) => new AllowKubeApiEgress(s, 'Intent', { selector, cidrs: ['203.0.113.10/32'] })],
  ['NamespaceBaseline', (s, selector) => new NamespaceBaseline(s, 'Intent', { selector, allowSameNamespace: true })],
];

/** A workload of pods in namespace shop made one way, and the labels its pods carry. */
type MakeWorkload = (chart: Chart) => Workload;

const PLUS_LINES: Array<[string, typeof plus28]> = [
  ['cdk8s-plus-28', plus28],
  ['cdk8s-plus-32', plus32 as unknown as typeof plus28],
  ['cdk8s-plus-33', plus33 as unknown as typeof plus28],
  ['cdk8s-plus-34', plus34 as unknown as typeof plus28],
];

const WORKLOADS: Array<[string, MakeWorkload]> = [
  ['a workload of labels', (chart) => Workload.fromLabels(chart, 'Web', { labels: { app: 'web' } })],
  ...PLUS_LINES.map(([line, kplus]): [string, MakeWorkload] => [`a ${line} Deployment`,
    (chart) => Workload.fromPlusWorkload(new kplus.Deployment(chart, 'Web', { containers: [{ image: 'web', ports: [{ number: 8080 }] }] }))]),
];

/**
 * Chart `shop` (namespace shop) in a fresh app, with the lint at synth switched off: several intents here
 * isolate egress without allowing DNS on their own, which the default lint refuses (lint-clean.test.ts
 * lints each intent).
 */
function shop(): Chart {
  return new Chart(unlintedApp(), 'shop', { namespace: 'shop' });
}

/** A pod of shop carrying the labels the workload selects, and the other endpoints the queries use. */
function endpointsFor(workload: Workload) {
  const web = Endpoint.pod({ namespace: 'shop', name: 'web', labels: workload.selector!.labels, ip: '10.0.0.5' });
  const api = Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' }, ip: '10.0.0.6' });
  return { web, api };
}

/** Queries in and out of the web pod that tell the intents apart. */
function queries(web: Endpoint, api: Endpoint): TrafficQuery[] {
  return [
    tcp(api, web, 8080), tcp(PROMETHEUS, web, 8080), tcp(INTERNET, web, 443), tcp(api, web, 443),
    tcp(web, api, 8080), tcp(web, INTERNET, 443), udp(web, KUBE_DNS, 53), tcp(web, KUBE_DNS, 53), tcp(web, Endpoint.ip('10.9.9.9'), 443),
  ];
}

function verdicts(analyzer: PolicyAnalyzer, web: Endpoint, api: Endpoint): boolean[] {
  return queries(web, api).map((q) => analyzer.evaluate(q).allowed);
}

describe.each(WORKLOADS)('%s', (_kind, makeWorkload) => {
  test.each(INTENTS)('as the target of %s: named after it, in its namespace, meaning its label selector', (_name, intent) => {
    // GIVEN
    const byWorkload = shop();
    const workload = makeWorkload(byWorkload);
    const byLabels = shop();
    const labelsOnly = makeWorkload(byLabels); // same pods, same chart contents besides the policy
    // WHEN
    const policy = intent(byWorkload, workload);
    intent(byLabels, labelsOnly.selector!);
    // THEN
    const ours = Testing.synth(byWorkload).filter((m) => m.kind === 'NetworkPolicy');
    const reference = Testing.synth(byLabels).filter((m) => m.kind === 'NetworkPolicy');
    expect(policy.name.startsWith('web-')).toBe(true);
    expect(policy.namespace).toBe('shop');
    const unnamed = (manifests: any[]) => manifests.map((m) => ({ ...m, metadata: { ...m.metadata, name: undefined } }));
    expect(unnamed(ours)).toEqual(unnamed(reference));
    const { web, api } = endpointsFor(workload);
    const analyzer = PolicyAnalyzer.fromManifests(ours);
    expect(verdicts(analyzer, web, api)).toEqual(verdicts(PolicyAnalyzer.fromManifests(reference), web, api));
    // the policy selects the workload's pods: the analyzer names it in its reasons about them
    const reasons = queries(web, api).flatMap((q) => analyzer.evaluate(q).reasons.map((r) => r.policy));
    expect(reasons).toContain(`shop/${policy.name}`);
  });

  test('as the source of AllowFromLabel, from its own and from another namespace', () => {
    // GIVEN
    const chart = shop();
    const workload = makeWorkload(chart);
    const front = new Chart(chart.node.scope as Construct, 'front', { namespace: 'front' });
    const api = LabelSelector.of({ labels: { app: 'api' } });
    // WHEN
    const same = new AllowFromLabel(chart, 'Same', { selector: api, sourceSelector: workload, ports: [Port.tcp(8080)] });
    const other = new AllowFromLabel(front, 'Other', { selector: api, sourceSelector: workload, ports: [Port.tcp(8080)] });
    // THEN
    expect([same.name, other.name]).toEqual(['api-allow-from-web', 'api-allow-from-shop-web']);
    const manifests = [...Testing.synth(chart), ...Testing.synth(front)].filter((m) => m.kind === 'NetworkPolicy');
    const analyzer = PolicyAnalyzer.fromManifests(manifests);
    const { web } = endpointsFor(workload);
    const shopApi = Endpoint.pod({ namespace: 'shop', name: 'api', labels: { app: 'api' } });
    const frontApi = Endpoint.pod({ namespace: 'front', name: 'api', labels: { app: 'api' } });
    const frontWeb = Endpoint.pod({ namespace: 'front', name: 'web', labels: workload.selector!.labels });
    expect(analyzer.evaluate(tcp(web, shopApi, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(web, frontApi, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(frontWeb, frontApi, 8080)).allowed).toBe(false);
    expect(analyzer.evaluate(tcp(web, shopApi, 9090)).allowed).toBe(false);
  });

  test('as an HTTPS destination of AllowDnsHttpsEgress and as a peer of a NetworkPolicy rule', () => {
    // GIVEN
    const chart = shop();
    const workload = makeWorkload(chart);
    const partner = Workload.fromCidr(chart, 'Partner', { cidr: '198.51.100.0/24' });
    const { web, api } = endpointsFor(workload);
    // WHEN
    new AllowDnsHttpsEgress(chart, 'Out', { selector: LabelSelector.of({ labels: { app: 'api' } }), httpsDestinations: [workload, partner] });
    new NetworkPolicy(chart, 'In', { selector: workload, ingress: [{ peers: [partner, Workload.allPodsOf(chart, 'Monitoring', { namespace: 'monitoring' })], ports: [Port.tcp(8080)] }] });
    // THEN
    const analyzer = PolicyAnalyzer.fromManifests(Testing.synth(chart).filter((m) => m.kind === 'NetworkPolicy'));
    expect(analyzer.evaluate(tcp(api, web, 443)).allowed).toBe(false); // web's ingress allows only 8080
    expect(analyzer.evaluate(tcp(api, Endpoint.ip('198.51.100.7'), 443)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(api, Endpoint.ip('203.0.113.7'), 443)).allowed).toBe(false);
    expect(analyzer.evaluate(udp(api, KUBE_DNS, 53)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(Endpoint.ip('198.51.100.7'), web, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(PROMETHEUS, web, 8080)).allowed).toBe(true);
    expect(analyzer.evaluate(tcp(api, web, 8080)).allowed).toBe(false);
  });

  test('throws when the policy is put in another namespace than the workload', () => {
    // GIVEN
    const chart = shop();
    const workload = makeWorkload(chart);
    // WHEN / THEN
    expect(problemOf(() => new DenyAllIngress(chart, 'Elsewhere', { selector: workload, namespace: 'other' })))
      .toMatchObject({ code: ErrorCode.TARGET_IN_OTHER_NAMESPACE, where: 'shop/Elsewhere', value: 'other' });
  });
});

describe('workloads that are not pods', () => {
  test('throws when an address range or all pods of a namespace is given as target pods', () => {
    // GIVEN
    const chart = shop();
    const partner = Workload.fromCidr(chart, 'Partner', { cidr: '198.51.100.0/24' });
    const monitoring = Workload.allPodsOf(chart, 'Monitoring', { namespace: 'monitoring' });
    // WHEN / THEN
    expect(problemOf(() => new AllowDnsEgress(chart, 'Dns', { selector: partner })))
      .toMatchObject({ code: ErrorCode.NOT_PODS, where: 'shop/Partner', value: 'partner' });
    expect(problemOf(() => new DenyAllEgress(chart, 'Deny', { selector: monitoring })))
      .toMatchObject({ code: ErrorCode.NOT_PODS, where: 'shop/Monitoring', value: 'monitoring' });
  });
});
