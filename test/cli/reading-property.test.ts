import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { PolicyAnalyzer } from '../../src/analysis';
import { parseDocuments } from '../../src/cli/load-manifests';
import { Protocol } from '../../src/protocol';

// Small random clusters: label values start with "v", so that no writer has to quote them.
const ns = fc.constantFrom('a', 'b');
const app = fc.constantFrom('web', 'api', 'db');
const labels = fc.record({ app, tier: fc.constantFrom('v1', 'v2', 'v0755') });
const selector = fc.oneof(fc.constant({}), app.map((a) => ({ matchLabels: { app: a } })),
  fc.constantFrom('v1', 'v2').map((t) => ({ matchExpressions: [{ key: 'tier', operator: 'In', values: [t] }] })));
const peer = fc.oneof(
  selector.map((s) => ({ podSelector: s })),
  fc.tuple(ns, selector).map(([n, s]) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': n } }, podSelector: s })),
  fc.constant({ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }),
);
const rule = fc.record({
  peers: fc.array(peer, { maxLength: 2 }),
  ports: fc.array(fc.constantFrom({ port: 80 }, { port: 53, protocol: 'UDP' }, { port: 'http' }), { maxLength: 2 }),
});
const policy = fc.record({
  namespace: ns,
  podSelector: selector,
  ingress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
  egress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
});
const cluster = fc.record({
  pods: fc.uniqueArray(fc.record({ namespace: ns, name: fc.constantFrom('p1', 'p2', 'p3'), labels }), { selector: (p) => `${p.namespace}/${p.name}`, maxLength: 4 }),
  policies: fc.array(policy, { maxLength: 3 }),
});

type Cluster = typeof cluster extends fc.Arbitrary<infer T> ? T : never;

function manifests(c: Cluster): { policies: any[]; pods: any[] } {
  const rules = (list: any[] | undefined, field: string) => list?.map((r) => ({ [field]: r.peers, ports: r.ports }));
  const policies = c.policies.map((p, i) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `p${i}`, namespace: p.namespace },
    spec: { podSelector: p.podSelector, ...(p.ingress ? { ingress: rules(p.ingress, 'from') } : {}), ...(p.egress ? { egress: rules(p.egress, 'to') } : {}) },
  }));
  const pods = c.pods.map((p) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace, labels: p.labels },
    spec: { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 8080 }] }] },
  }));
  return { policies, pods };
}

const strip = (o: any) => { const { kind, apiVersion, ...rest } = o; return rest; };

/** The same cluster written five ways: file name and text. */
function writings(c: Cluster): Array<[string, string]> {
  const { policies, pods } = manifests(c);
  const all = [...policies, ...pods];
  return [
    ['single.yaml', all.map((m) => stringify(m, { version: '1.1' })).join('---\n') || '{}\n'],
    ['list.yaml', stringify({ apiVersion: 'v1', kind: 'List', items: all }, { version: '1.1' })],
    ['array.json', JSON.stringify(all.length > 0 ? all : [{}])],
    ['typed.json', JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: policies.map(strip) },
        { apiVersion: 'v1', kind: 'PodList', items: pods.map(strip) },
      ],
    })],
    ['flow.yaml', all.map((m) => JSON.stringify(m)).join('\n---\n') || '{}'],
  ];
}

describe('property: how manifests are written does not change what they allow', () => {
  test('lists, single documents, JSON and YAML analyze to the same truth table', () => {
    fc.assert(fc.property(cluster, (c) => {
      // GIVEN the same cluster written five ways
      const tables = writings(c).map(([name, text]) => {
        // WHEN
        const analyzer = PolicyAnalyzer.fromManifests(parseDocuments(name, text));
        const endpoints = analyzer.endpoints();
        const ports = [{ port: 80, protocol: Protocol.TCP }, { port: 53, protocol: Protocol.UDP }, { portName: 'http', protocol: Protocol.TCP }];
        const table = endpoints.length === 0 ? [] : analyzer.truthTable({ ports, endpoints }).toData();
        return JSON.stringify({ keys: endpoints.map((e) => e.key), table });
      });
      // THEN
      expect(new Set(tables).size).toBe(1);
    }), { numRuns: 60 });
  });
});
