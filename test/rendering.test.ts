import { App, Chart, IResolver, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { threeTierShop } from '../examples/snippets/connections';
import { foundation } from '../examples/snippets/foundation';
import { allowFromLabelExample, baselineExample, dnsHttpsExample, profilesExample } from '../examples/snippets/intents';
import {
  AllowAllEgress, AllowAllIngress, AllowDnsEgress, AllowDnsHttpsEgress, AllowEgressToCidr, AllowExternalIngress,
  AllowFromAllNamespaces, AllowFromLabel, AllowFromNamespace, AllowInClusterEgress, AllowIngressFromCidr,
  AllowKubeApiEgress, AllowPublicEgress, AllowSameNamespace, DenyAll, DenyAllEgress, DenyAllIngress,
  DenyExternalEgress, DnsProfile, LabelRequirement, LabelSelector, NamespaceBaseline, NetworkPolicy, Peer, Port,
} from '../src';
import { generatedManifest } from './generated-manifest';

function policiesIn(scope: IConstruct): NetworkPolicy[] {
  return scope.node.findAll().filter((c): c is NetworkPolicy => NetworkPolicy.isNetworkPolicy(c));
}

/** Every intent, with the options that change its output, and the core construct with every kind of peer and port. */
function everything(): Chart {
  const chart = new Chart(Testing.app(), 'all', { namespace: 'shop', labels: { team: 'payments', 42: 'answer' } });
  const web = LabelSelector.of({ labels: { app: 'web', 7: 'seven' }, expressions: [LabelRequirement.isIn('track', ['stable', 'canary'])] });
  const api = LabelSelector.of({ labels: { app: 'api' }, expressions: [LabelRequirement.doesNotExist('canary'), LabelRequirement.exists('tier')] });
  new DenyAll(chart, 'DenyAll');
  new DenyAllIngress(chart, 'DenyIn', { selector: web });
  new DenyAllEgress(chart, 'DenyOut');
  new AllowAllIngress(chart, 'AllIn', { selector: web });
  new AllowAllEgress(chart, 'AllOut', { selector: api });
  new AllowDnsEgress(chart, 'Dns', { selector: web, dns: DnsProfile.nodeLocal() });
  new AllowDnsHttpsEgress(chart, 'DnsHttps', { selector: api });
  new AllowEgressToCidr(chart, 'Cidr', { selector: api, cidrs: ['10.0.0.0/8', '2001:db8::/32'], except: ['10.1.0.0/16'], ports: [Port.tcpRange(8000, 8080)] });
  new AllowExternalIngress(chart, 'External', { selector: web, ports: [Port.HTTPS, Port.tcp(80)] });
  new AllowFromAllNamespaces(chart, 'AllNs', { selector: api, ports: [Port.named('metrics')] });
  new AllowFromLabel(chart, 'FromLabel', { selector: api, sourceSelector: web, sourceNamespace: 'front', ports: [Port.sctp(9000)] });
  new AllowFromNamespace(chart, 'FromNs', { selector: api, namespaces: ['monitoring'] });
  new AllowInClusterEgress(chart, 'InCluster', { selector: web, ports: [Port.udp(53), Port.named('http')] });
  new AllowIngressFromCidr(chart, 'FromCidr', { selector: web, cidrs: ['203.0.113.0/24'] });
  new AllowKubeApiEgress(chart, 'KubeApi', { selector: api, cidrs: ['10.0.0.10/32'] });
  new AllowPublicEgress(chart, 'Public', { selector: api, ports: [Port.HTTPS] });
  new AllowSameNamespace(chart, 'Same', { selector: LabelSelector.all() });
  new DenyExternalEgress(chart, 'NoExternal', { selector: web });
  new NamespaceBaseline(chart, 'Baseline', { allowSameNamespace: true });
  const core = new NetworkPolicy(chart, 'Core', {
    name: 'core',
    namespace: 'other',
    selector: LabelSelector.all(),
    ingress: [
      { peers: [Peer.pods(web), Peer.namespace('front'), Peer.podsInNamespaces(LabelSelector.of({ labels: { env: 'prod' } }), api)], ports: [Port.tcp(8080), Port.named('grpc')], description: 'callers' },
      { peers: [Peer.any()], ports: [Port.allUdp()] },
    ],
    egress: [
      { peers: [Peer.anywhere(), Peer.ipBlock('192.168.0.0/16', ['192.168.1.0/24', '192.168.2.0/24'])], description: 'out' },
      { peers: [Peer.allPodsInCluster()], ports: [Port.tcp(5432), Port.tcp(5432), Port.udpRange(6000, 6010)] },
    ],
    description: 'every kind of peer and port',
  });
  core.metadata.addLabel('owner', 'netops');
  core.metadata.addAnnotation('lazy.example.com/answer', Lazy.any({ produce: () => 'resolved at synth' }) as unknown as string);
  core.metadata.addFinalizers('example.com/keep');
  core.addEgressRule({ peers: [Peer.namespaces(LabelSelector.of({ labels: { 3: 'x', b: 'y', a: 'z' } }))], ports: [Port.named('dns', undefined)] });
  // metadata that the generated class converts (owner references)
  const owned = new NetworkPolicy(chart, 'Owned', { selector: api, ingress: [] });
  owned.metadata.addOwnerReference({ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '1234' });
  return chart;
}

describe('rendering of NetworkPolicy manifests', () => {
  test.each([
    ['every intent and peer kind', () => [everything()]],
    ['the foundation tour', () => [foundation()]],
    ['the intents examples', () => [baselineExample(), allowFromLabelExample(), dnsHttpsExample(), profilesExample()]],
    ['the connections example', () => [threeTierShop()]],
  ])('writes exactly what the generated KubeNetworkPolicy writes for the same spec, key order included: %s', (_name, build: () => IConstruct[]) => {
    // GIVEN
    const policies = build().flatMap(policiesIn);
    // WHEN
    const ours = policies.map((policy) => JSON.stringify(policy.toJson()));
    const theirs = policies.map((policy) => JSON.stringify(generatedManifest(policy)));
    // THEN
    expect(policies.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  test('an app with a custom resolver gets it applied to the spec too', () => {
    // GIVEN
    class Upper implements IResolver {
      public resolve(context: ResolutionContext): void {
        const value = context.value;
        if (typeof value === 'string' && context.key.includes('matchLabels') && value !== value.toUpperCase()) {
          context.replaceValue(value.toUpperCase());
        }
      }
    }
    const chart = new Chart(new App({ resolvers: [new Upper()] }), 'c', { namespace: 'shop' });
    // WHEN
    const policy = new DenyAllIngress(chart, 'Deny', { selector: LabelSelector.of({ labels: { app: 'web' } }) });
    // THEN
    expect(policy.toJson().spec.podSelector).toEqual({ matchLabels: { app: 'WEB' } });
  });

  test('a JSON patch is applied', () => {
    // GIVEN
    const policy = new DenyAllIngress(Testing.chart(), 'Deny');
    // WHEN
    policy.addJsonPatch(JsonPatch.add('/spec/podSelector/matchLabels', { app: 'patched' }));
    // THEN
    expect(policy.toJson().spec.podSelector).toEqual({ matchLabels: { app: 'patched' } });
  });

  test('metadata added with metadata.add() is written as any cdk8s ApiObject writes it', () => {
    // GIVEN
    const policy = new DenyAllIngress(Testing.chart(), 'Deny');
    // WHEN
    policy.metadata.add('generateName', 'deny-');
    // THEN
    expect(policy.toJson().metadata).toEqual({ name: 'deny-all-ingress', generateName: 'deny-', annotations: { 'cdk8s-netpol.dev/description': 'Deny all ingress to the selected pods.' } });
  });

  test('a failure while rendering names the policy', () => {
    // GIVEN
    const policy = new DenyAllIngress(Testing.chart(), 'Deny');
    policy.metadata.addAnnotation('bad', Lazy.any({ produce: () => { throw new Error('no value'); } }) as unknown as string);
    // WHEN / THEN
    expect(() => policy.toJson()).toThrow(/^Failed serializing construct at path 'test\/Deny' with name '.*': Error: no value$/);
  });
});
