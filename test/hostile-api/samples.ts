/**
 * One good call of every public entry point, for the hostile-input suite: the arguments of a call that works,
 * and for instance methods the instance to call it on. The suite replaces each argument (and each field of a
 * struct argument) by wrong values in turn.
 */
import { JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  ClusterNetworkPolicy, ClusterPeer, ClusterPolicyTier, ClusterRuleAction, ClusterSubject, Cni, DenyAll, DenyAllEgress, DenyAllIngress,
  DnsProfile, Endpoint, GrantSides, LabelRequirement, LabelSelector, NamespaceSelector, NetworkPolicy, Peer, PolicyAnalyzer, Port,
  ProbeMode, ProbePlan, Protocol, Workload,
} from '../../src';
import { deployment, netpol } from '../util';

/** A good call: the arguments, and the instance for an instance method. */
export interface Sample {
  readonly args: () => unknown[];
  readonly target?: () => any;
  /** Wrong-looking values the call rightly accepts (the suite's label of the value), and why. */
  readonly accepts?: Record<string, string>;
  /** Why the call takes any value at all (a predicate), if it does. */
  readonly anyValue?: string;
}

/** Why manifests may hold null. */
const EMPTY_DOCUMENT = { 'argument 0 = list of null': 'a null manifest is an empty YAML document, which kubectl skips too' };

const WEB = LabelSelector.of({ labels: { app: 'web' } });
const API = LabelSelector.of({ labels: { app: 'api' } });
const MONITORING = NamespaceSelector.named('monitoring');

const chart = () => Testing.chart();
const rule = () => ({ peers: [Peer.pods(API)], ports: [Port.tcp(8080)], description: 'from the API' });
const pod = (name: string) => Endpoint.pod({ namespace: 'shop', name, labels: { app: name } });
const manifests = () => [
  netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Ingress'], ingress: [] }),
  deployment('shop', 'api', { app: 'api' }, [{ name: 'http', containerPort: 8080 }]),
  deployment('shop', 'web', { app: 'web' }),
];
const analyzer = () => PolicyAnalyzer.fromManifests(manifests());
const workload = (name: string) => Workload.fromLabels(chart(), name, { namespace: 'shop', labels: { app: name.toLowerCase() }, ports: [{ port: 8080 }] });
const intent = (props: object) => ({ args: () => [chart(), 'Intent', { name: 'intent', namespace: 'shop', ...props }] });
const allowIntent = (props: object = {}) => intent({ selector: WEB, ...props });
const lintOptions = () => ({ cni: Cni.CALICO, severities: { 'shadowed-rule': 'off' }, sources: ['a.yaml#0', 'a.yaml#1', 'a.yaml#2'], clusterCidrs: ['10.0.0.0/8'] });
const expectation = () => ({ from: pod('web'), to: pod('api'), port: 8080, protocol: Protocol.TCP });

const clusterRule = () => ({ action: ClusterRuleAction.DENY, peers: [ClusterPeer.namespace('other')], ports: [Port.tcp(8080)], name: 'deny-other' });
const clusterEgressRule = () => ({ action: ClusterRuleAction.ACCEPT, peers: [ClusterPeer.networks(['10.0.0.0/8'])], ports: [Port.udp(53)], name: 'dns' });
const clusterPolicy = () => new ClusterNetworkPolicy(chart(), 'Guard', { tier: ClusterPolicyTier.ADMIN, priority: 10, subject: ClusterSubject.namespace('shop') });
const planOptions = () => ({ ports: [{ port: 8080, protocol: Protocol.TCP }], sources: ['shop'], destinations: ['shop'], sample: 10, seed: 7, canaryNamespace: 'probes' });
const plan = () => ProbePlan.fromManifests(manifests(), { ports: [{ port: 8080 }] });
const standIns = () => ({ agnhostImage: 'mirror.example.com/agnhost:2.53', registry: 'mirror.example.com/k8s', lifetimeSeconds: 3600 });

/** Entry points whose run-time argument checks are not written yet (none): the suite calls every one. */
export const NOT_YET_CHECKED: readonly string[] = [];

/** Their structs, likewise. */
export const STRUCTS_NOT_YET_CHECKED: readonly string[] = [];

/** Keys: `Class.method` (static), `Class#method` (instance), `new Class`, `matchers.name`. */
export const SAMPLES: Record<string, Sample> = {
  'Port.tcp': { args: () => [443] },
  'Port.udp': { args: () => [53] },
  'Port.sctp': { args: () => [9] },
  'Port.tcpRange': { args: () => [8000, 8999] },
  'Port.udpRange': { args: () => [30000, 32767] },
  'Port.sctpRange': { args: () => [9000, 9100] },
  'Port.named': { args: () => ['http', Protocol.TCP] },
  'LabelRequirement.isIn': { args: () => ['tier', ['a', 'b']] },
  'LabelRequirement.isNotIn': { args: () => ['tier', ['a', 'b']] },
  'LabelRequirement.exists': { args: () => ['tier'] },
  'LabelRequirement.doesNotExist': { args: () => ['tier'] },
  'LabelSelector.of': { args: () => [{ labels: { app: 'web' }, expressions: [LabelRequirement.exists('tier')] }] },
  'LabelSelector.matchLabels': { args: () => [{ app: 'web' }] },
  'LabelSelector#withLabel': { target: () => WEB, args: () => ['tier', 'api'] },
  'NamespaceSelector.named': { args: () => ['shop'] },
  'NamespaceSelector.namedAnyOf': { args: () => [['shop', 'web']] },
  'Peer.pods': { args: () => [WEB] },
  'Peer#toPeer': { target: () => Peer.pods(WEB), args: () => ['shop'] },
  'Peer.podsInNamespace': { args: () => ['shop', WEB] },
  'Peer.podsInNamespaces': { args: () => [MONITORING, WEB] },
  'Peer.namespace': { args: () => ['shop'] },
  'Peer.namespaces': { args: () => [MONITORING] },
  'Peer.ipBlock': { args: () => ['10.0.0.0/8', ['10.1.0.0/16']] },
  'DnsProfile.nodeLocal': { args: () => ['169.254.20.10'] },
  'DnsProfile.custom': { args: () => [[Peer.ipBlock('10.0.0.2/32')], [Port.DNS_UDP, Port.DNS_TCP]] },
  'new NetworkPolicy': {
    args: () => [chart(), 'Policy', { name: 'api', namespace: 'shop', selector: WEB, ingress: [rule()], egress: [], description: 'the API' }],
  },
  'NetworkPolicy.isNetworkPolicy': {
    args: () => [new NetworkPolicy(chart(), 'P', { selector: WEB, ingress: [] })],
    anyValue: 'it answers whether any value is a NetworkPolicy',
  },
  'NetworkPolicy#addIngressRule': { target: () => new NetworkPolicy(chart(), 'P', { selector: WEB, ingress: [] }), args: () => [rule()] },
  'NetworkPolicy#addEgressRule': { target: () => new NetworkPolicy(chart(), 'P', { selector: WEB, egress: [] }), args: () => [rule()] },
  'NetworkPolicy#addJsonPatch': {
    target: () => new NetworkPolicy(chart(), 'P', { selector: WEB, ingress: [] }),
    args: () => [JsonPatch.add('/metadata/labels', { team: 'a' })],
  },
  'Endpoint.pod': {
    args: () => [{
      namespace: 'shop',
      labels: { app: 'web' },
      name: 'web',
      namespaceLabels: { team: 'a' },
      ports: [{ name: 'http', port: 8080, protocol: Protocol.TCP }],
      ip: '10.0.0.1',
    }],
  },
  'Endpoint.ip': { args: () => ['203.0.113.7'] },
  'PolicyAnalyzer.fromManifests': { args: () => [manifests(), { documentNames: ['a.yaml#0', 'a.yaml#1', 'a.yaml#2'] }], accepts: EMPTY_DOCUMENT },
  'PolicyAnalyzer.fromChart': {
    args: () => {
      const c = chart();
      new NetworkPolicy(c, 'P', { namespace: 'shop', selector: WEB, ingress: [] });
      return [c];
    },
  },
  'PolicyAnalyzer.diff': {
    args: () => [analyzer(), PolicyAnalyzer.fromManifests([]), { ports: [{ port: 8080, protocol: Protocol.TCP }], extraEndpoints: [Endpoint.ip('203.0.113.7')] }],
  },
  'PolicyAnalyzer#evaluate': { target: analyzer, args: () => [{ source: pod('web'), destination: pod('api'), port: 8080, protocol: Protocol.TCP }] },
  'PolicyAnalyzer#truthTable': {
    target: analyzer,
    args: () => [{ ports: [{ port: 8080, protocol: Protocol.TCP }, { portName: 'http' }], endpoints: [pod('web'), pod('api')], extraEndpoints: [Endpoint.ip('203.0.113.7')] }],
  },
  'TruthTable#isAllowed': { target: () => analyzer().truthTable({ ports: [{ port: 8080 }] }), args: () => ['shop/web', 'shop/api', 0] },
  'TruthTable#isUnknown': { target: () => analyzer().truthTable({ ports: [{ port: 8080 }] }), args: () => ['shop/web', 'shop/api', 0] },
  'TruthTable#unknownCount': { target: () => analyzer().truthTable({ ports: [{ port: 8080 }] }), args: () => [0] },
  'TruthTable#allowedCount': { target: () => analyzer().truthTable({ ports: [{ port: 8080 }] }), args: () => [0] },
  'new DenyAllIngress': intent({ selector: WEB }),
  'new DenyAllEgress': intent({ selector: WEB }),
  'new DenyAll': intent({ selector: WEB }),
  'DenyAllIngress#addIngressRule': { target: () => new DenyAllIngress(chart(), 'D'), args: () => [rule()] },
  'DenyAllEgress#addEgressRule': { target: () => new DenyAllEgress(chart(), 'D'), args: () => [rule()] },
  'DenyAll#addIngressRule': { target: () => new DenyAll(chart(), 'D'), args: () => [rule()] },
  'DenyAll#addEgressRule': { target: () => new DenyAll(chart(), 'D'), args: () => [rule()] },
  'new AllowAllIngress': allowIntent(),
  'new AllowAllEgress': allowIntent(),
  'new AllowFromLabel': allowIntent({ sourceSelector: API, sourceNamespace: 'other', ports: [Port.tcp(8080)] }),
  'new AllowFromNamespace': allowIntent({ namespaces: ['monitoring'], ports: [Port.tcp(9090)] }),
  'new AllowFromAllNamespaces': allowIntent({ ports: [Port.tcp(8080)] }),
  'new AllowSameNamespace': allowIntent({ ports: [Port.tcp(8080)] }),
  'new AllowExternalIngress': allowIntent({ ports: [Port.HTTPS], cidrs: ['203.0.113.0/24'] }),
  'new AllowDnsEgress': allowIntent({ dns: DnsProfile.kubernetes() }),
  'new AllowDnsHttpsEgress': allowIntent({ dns: DnsProfile.kubernetes(), httpsDestinations: [Peer.anyIpv4()] }),
  'new AllowEgressToCidr': allowIntent({ cidrs: ['10.0.0.0/8'], except: ['10.1.0.0/16'], ports: [Port.HTTPS] }),
  'new AllowIngressFromCidr': allowIntent({ cidrs: ['10.0.0.0/8'], except: ['10.1.0.0/16'], ports: [Port.HTTPS] }),
  'new AllowPublicEgress': allowIntent({ ports: [Port.HTTPS] }),
  'new AllowInClusterEgress': allowIntent({ ports: [Port.tcp(8080)] }),
  'new DenyExternalEgress': intent({ selector: WEB, dns: DnsProfile.kubernetes() }),
  'new AllowKubeApiEgress': allowIntent({ cidrs: ['10.96.0.1/32'], ports: [Port.HTTPS] }),
  'new NamespaceBaseline': intent({ selector: WEB, dns: DnsProfile.kubernetes(), allowSameNamespace: true }),
  'Connections#allowTo': { target: () => workload('Web').connections, args: () => [workload('Api'), Port.tcp(8080), { sides: GrantSides.BOTH, description: 'calls' }] },
  'Connections#allowFrom': { target: () => workload('Api').connections, args: () => [workload('Web'), Port.tcp(8080), { sides: GrantSides.BOTH, description: 'calls' }] },
  'Workload.fromLabels': {
    args: () => [chart(), 'Web', {
      labels: { app: 'web' },
      expressions: [LabelRequirement.exists('tier')],
      namespace: 'shop',
      name: 'web',
      ports: [{ port: 8080, name: 'http', protocol: Protocol.TCP }],
    }],
  },
  'Workload.allPodsOf': { args: () => [chart(), 'Monitoring', { namespace: 'monitoring', name: 'monitoring' }] },
  'Workload#toPeer': { target: () => workload('Web'), args: () => ['other'] },
  'Workload.fromCidr': { args: () => [chart(), 'Partner', { cidr: '203.0.113.0/24', except: ['203.0.113.0/28'], name: 'partner', ports: [{ port: 443 }] }] },
  'Workload.fromPlusWorkload': {
    args: () => [new kplus.Deployment(Testing.chart(), 'Db', { metadata: { namespace: 'shop' }, containers: [{ image: 'postgres', portNumber: 5432 }] }), { name: 'db' }],
  },
  'NetpolErrors.isNetpolError': { args: () => [new Error('not ours')], anyValue: 'it answers whether any value is an error of the library' },
  'Cni.multus': { args: () => [Cni.CALICO] },
  'Cni.named': { args: () => ['calico'] },
  'Cni.of': { args: () => ['cilium', { version: '1.20', clusterPoliciesEnabled: true }] },
  'Linter.lintManifests': {
    args: () => [manifests(), lintOptions()],
    accepts: { ...EMPTY_DOCUMENT, 'argument 0 = list of a string': 'a document that is not an object is an invalid-manifest finding, not an error' },
  },
  'PolicyLint.of': { args: () => [chart(), { cni: Cni.CALICO, severities: { 'shadowed-rule': 'off' }, clusterCidrs: ['10.0.0.0/8'], printWarnings: false }] },
  'PolicyLint.disable': { args: () => [chart()] },
  'new ClusterNetworkPolicy': {
    args: () => [chart(), 'Guard', {
      name: 'guard',
      tier: ClusterPolicyTier.ADMIN,
      priority: 10,
      subject: ClusterSubject.namespaces(LabelSelector.all()),
      ingress: [clusterRule()],
      egress: [clusterEgressRule()],
    }],
  },
  'ClusterNetworkPolicy#addIngressRule': { target: clusterPolicy, args: () => [clusterRule()] },
  'ClusterNetworkPolicy#addEgressRule': { target: clusterPolicy, args: () => [clusterEgressRule()] },
  'ClusterPeer.namespaces': { args: () => [MONITORING] },
  'ClusterPeer.namespace': { args: () => ['monitoring'] },
  'ClusterPeer.pods': { args: () => [MONITORING, WEB] },
  'ClusterPeer.networks': { args: () => [['10.0.0.0/8', '2001:db8::/32']] },
  'ClusterPeer.nodes': { args: () => [LabelSelector.of({ labels: { 'node-role.kubernetes.io/control-plane': '' } })] },
  'ClusterPeer.domainNames': { args: () => [['api.example.com', '*.example.org']] },
  'ClusterPeer.workload': { args: () => [Workload.fromLabels(chart(), 'Api', { namespace: 'shop', labels: { app: 'api' } })] },
  'ClusterSubject.workload': { args: () => [Workload.allPodsOf(chart(), 'Monitoring', { namespace: 'monitoring' })] },
  'ClusterSubject.namespaces': { args: () => [MONITORING] },
  'ClusterSubject.namespace': { args: () => ['shop'] },
  'ClusterSubject.pods': { args: () => [MONITORING, WEB] },
  'new AllowMonitoringScrape': {
    args: () => [chart(), 'Scrape', { name: 'scrape', namespace: 'monitoring', scrapers: API, ports: [Port.named('metrics')], targets: WEB, priority: 10 }],
  },
  'new ClusterBaseline': { args: () => [chart(), 'Baseline', { name: 'baseline', priority: 1000, dnsNamespace: 'kube-system', dnsPods: API }] },
  'new DenyCloudMetadata': { args: () => [chart(), 'Metadata', { name: 'metadata', priority: 0, namespaces: WEB, extraCidrs: ['100.100.100.200/32'] }] },
  'new ProtectKubeSystem': { args: () => [chart(), 'Protect', { name: 'protect', priority: 20, allowFrom: [ClusterPeer.namespace('monitoring')] }] },
  'new TenantIsolation': { args: () => [chart(), 'Tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'], priority: 100 }] },
  'ProbePlan.fromAnalyzer': { args: () => [analyzer(), planOptions(), [pod('web'), pod('api')]] },
  'ProbePlan.fromManifests': { args: () => [manifests(), planOptions()], accepts: EMPTY_DOCUMENT },
  'ProbePlan.fromChart': {
    args: () => {
      const c = chart();
      new NetworkPolicy(c, 'P', { namespace: 'shop', selector: WEB, ingress: [] });
      return [c, planOptions()];
    },
  },
  'ProbePlan.fromJson': { args: () => [plan().toJson()] },
  'ProbePlan#standInManifests': { target: plan, args: () => [standIns()] },
  'new ProbeKit': { args: () => [chart(), 'Kit', { plan: plan(), ...standIns() }] },
  'new ProbeRun': {
    args: () => [plan(), {
      kubectl: 'kubectl',
      context: 'kind-probes',
      parallel: 4,
      keep: false,
      mode: ProbeMode.STAND_INS,
      connectTimeoutSeconds: 1,
      startTimeoutSeconds: 120,
      agnhostImage: 'mirror.example.com/agnhost:2.53',
      netshootImage: 'mirror.example.com/netshoot:0.13',
      registry: 'mirror.example.com/k8s',
    }],
  },
  'matchers.toAllowTraffic': { args: () => [manifests(), expectation()], accepts: EMPTY_DOCUMENT },
  'matchers.toDenyTraffic': { args: () => [manifests(), expectation()], accepts: EMPTY_DOCUMENT },
};
