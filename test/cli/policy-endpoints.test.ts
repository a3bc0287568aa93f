import { normalizeManifests } from '../../src/analysis/internal/normalize';
import { policyEndpoints } from '../../src/cli/policy-endpoints';
import { Endpoint, PolicyAnalyzer, Protocol } from '../../src/index';
import { deployment, netpol } from '../util';

const egress = (to: any[], ports?: any[]) => netpol('shop', 'api', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ to, ports }] });
const tier = (version: string, kind: string, name: string, spec: any) =>
  ({ apiVersion: `policy.networking.k8s.io/${version}`, kind, metadata: { name }, spec });
const keys = (manifests: any[], known: Endpoint[] = []) => policyEndpoints([normalizeManifests(manifests)], known).map((e) => e.key);

describe('policyEndpoints', () => {
  test('gives one address inside an ipBlock and one inside each except, plus the internet', () => {
    // GIVEN
    const manifests = [egress([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/24', '10.9.0.0/16'] } }])];
    // WHEN
    const found = keys(manifests);
    // THEN: 10.0.0.1 lies in the first except, so the first address after it stands for the block
    expect(found).toEqual(['ip:10.0.0.1', 'ip:10.0.1.0', 'ip:10.9.0.1', 'ip:203.0.113.7']);
    const analyzer = PolicyAnalyzer.fromManifests([...manifests, deployment('shop', 'api', { app: 'api' })]);
    const api = analyzer.endpoints()[0];
    const verdict = (address: string) =>
      analyzer.evaluate({ source: api, destination: Endpoint.ip(address), port: 443, protocol: Protocol.TCP }).allowed;
    expect(['10.0.1.0', '10.0.0.1', '10.9.0.1', '203.0.113.7'].map(verdict)).toEqual([true, false, false, false]);
  });

  test('lets the internet address stand for a block that contains it, and adds an IPv6 internet address for IPv6 blocks', () => {
    // GIVEN
    const manifests = [egress([{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }, { ipBlock: { cidr: '::/0', except: ['fc00::/7'] } }, { ipBlock: { cidr: '192.0.2.10/32' } }])];
    // WHEN / THEN
    expect(keys(manifests)).toEqual(['ip:10.0.0.1', 'ip:192.0.2.10', 'ip:2001:db8::7', 'ip:203.0.113.7', 'ip:fc00::1']);
  });

  test('adds the pods that DNS rules name when the manifests do not define them, and leaves out known endpoints', () => {
    // GIVEN
    const dns = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } };
    const other = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ops' } }, podSelector: { matchLabels: { app: 'tool' } } };
    const manifests = [egress([dns], [{ port: 53, protocol: 'UDP' }]), netpol('shop', 'b', { policyTypes: ['Egress'], egress: [{ to: [other], ports: [{ port: 8080 }] }] })];
    // WHEN / THEN
    expect(keys(manifests)).toEqual(['kube-system/k8s-app=kube-dns']);
    expect(keys([...manifests, deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' })])).toEqual([]);
    expect(keys(manifests, [Endpoint.pod({ namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } })])).toEqual([]);
  });

  test('gives one address inside each networks CIDR of ClusterNetworkPolicy and v1alpha1 tier policies, IPv4 and IPv6, once each', () => {
    // GIVEN an Admin ClusterNetworkPolicy, an AdminNetworkPolicy and a BaselineAdminNetworkPolicy naming networks,
    // one CIDR twice and one CIDR that a NetworkPolicy ipBlock names too
    const subject = { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } } };
    const cnp = tier('v1alpha2', 'ClusterNetworkPolicy', 'guardrails', {
      tier: 'Admin',
      priority: 10,
      subject,
      egress: [
        { name: 'deny-metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32', 'fd00:ec2::254/128'] }] },
        { name: 'partner', action: 'Accept', to: [{ networks: ['198.51.100.0/24'] }] },
      ],
    });
    const anp = tier('v1alpha1', 'AdminNetworkPolicy', 'old-admin', {
      priority: 20,
      subject,
      egress: [{ name: 'deny', action: 'Deny', to: [{ networks: ['169.254.169.254/32', '10.1.0.0/16'] }] }],
    });
    const banp = tier('v1alpha1', 'BaselineAdminNetworkPolicy', 'default', {
      subject,
      egress: [{ name: 'allow', action: 'Allow', to: [{ networks: ['2001:db8:1::/48'] }] }],
    });
    const manifests = [cnp, anp, banp, egress([{ ipBlock: { cidr: '198.51.100.0/24' } }])];
    // WHEN
    const found = keys(manifests);
    // THEN sorted by key, each address once, and the internet of both families
    expect(found).toEqual(['ip:10.1.0.1', 'ip:169.254.169.254', 'ip:198.51.100.1', 'ip:2001:db8:1::1', 'ip:2001:db8::7', 'ip:203.0.113.7', 'ip:fd00:ec2::254']);
    expect(keys([...manifests].reverse())).toEqual(found);
    // AND each address is one the rule that names it decides: the metadata address is denied, the partner one is not
    const analyzer = PolicyAnalyzer.fromManifests([cnp, anp, banp, deployment('shop', 'web', { app: 'web' })]);
    const web = analyzer.endpoints()[0];
    const verdict = (address: string) =>
      analyzer.evaluate({ source: web, destination: Endpoint.ip(address), port: 443, protocol: Protocol.TCP }).allowed;
    expect(['169.254.169.254', 'fd00:ec2::254', '10.1.0.1', '198.51.100.1', '2001:db8:1::1'].map(verdict)).toEqual([false, false, false, true, true]);
  });

  test('adds the internet of one family only when the tier networks use only that family', () => {
    // GIVEN
    const cnp = tier('v1alpha2', 'ClusterNetworkPolicy', 'v6', {
      tier: 'Baseline',
      priority: 1,
      subject: { namespaces: {} },
      egress: [{ action: 'Deny', to: [{ networks: ['fd00:ec2::254/128'] }] }],
    });
    // WHEN / THEN
    expect(keys([cnp])).toEqual(['ip:2001:db8::7', 'ip:fd00:ec2::254']);
  });

  test('adds the DNS pods that tier egress rules name on port 53, and the internet address where a domainNames or nodes peer may match it', () => {
    // GIVEN a Baseline policy that accepts DNS to kube-dns pods and an Admin policy that accepts HTTPS to a domain
    const pods = {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    };
    const dns = { pods };
    const baseline = tier('v1alpha2', 'ClusterNetworkPolicy', 'baseline', {
      tier: 'Baseline',
      priority: 1,
      subject: { namespaces: {} },
      egress: [{ action: 'Accept', to: [dns], protocols: [{ udp: { destinationPort: { number: 53 } } }] }],
    });
    const partner = tier('v1alpha2', 'ClusterNetworkPolicy', 'partner', {
      tier: 'Admin',
      priority: 1,
      subject: { namespaces: {} },
      egress: [{ action: 'Accept', to: [{ domainNames: ['api.partner.example.com'] }], protocols: [{ tcp: { destinationPort: { number: 443 } } }] }],
    });
    const nodes = tier('v1alpha2', 'ClusterNetworkPolicy', 'nodes', {
      tier: 'Admin', priority: 2, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ nodes: {} }] }],
    });
    // WHEN / THEN
    expect(keys([baseline])).toEqual(['kube-system/k8s-app=kube-dns']);
    expect(keys([baseline, deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' })])).toEqual([]);
    expect(keys([partner])).toEqual(['ip:203.0.113.7']);
    expect(keys([nodes])).toEqual(['ip:203.0.113.7']);
    // AND the internet address is one whose verdict the domainNames peer leaves unknown (web is isolated for egress)
    const isolated = netpol('shop', 'web', { podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [] });
    const analyzer = PolicyAnalyzer.fromManifests([partner, isolated, deployment('shop', 'web', { app: 'web' })]);
    const verdict = analyzer.evaluate({ source: analyzer.endpoints()[0], destination: Endpoint.ip('203.0.113.7'), port: 443, protocol: Protocol.TCP });
    expect([verdict.outcome, verdict.allowed]).toEqual(['Unknown', false]);
  });

  test('names nothing for policies without ipBlocks or DNS rules', () => {
    // THEN
    expect(keys([netpol('shop', 'a', { ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] })])).toEqual([]);
  });
});
