import { PolicyAnalyzer } from '../../src/analysis';
import { normalizeManifests } from '../../src/analysis/internal/normalize';
import { UNANALYZED_POLICY_KINDS } from '../../src/analysis/internal/policy-kinds';
import { API, deployment, netpol, tcp, WEB } from '../util';

/** A deny-all-ingress policy for `shop`, as the API server lists it: no kind, no apiVersion. */
function denyAllItem(name = 'deny-all'): any {
  const { kind, apiVersion, ...rest } = netpol('shop', name, { podSelector: {}, policyTypes: ['Ingress'] });
  return rest;
}

describe('lists', () => {
  // how the input is written, and the policy ids and sources read from it
  const table: Array<[string, any[], string[], string[]]> = [
    ['a List of NetworkPolicies', [{ apiVersion: 'v1', kind: 'List', items: [netpol('shop', 'a', {}), netpol('shop', 'b', {})] }],
      ['shop/a', 'shop/b'], ['in#0 items[0]', 'in#0 items[1]']],
    ['a NetworkPolicyList whose items carry no kind', [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [denyAllItem()] }],
      ['shop/deny-all'], ['in#0 items[0]']],
    ['a NetworkPolicyList whose items carry their kind', [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [netpol('shop', 'a', {})] }],
      ['shop/a'], ['in#0 items[0]']],
    ['a List holding a NetworkPolicyList', [{ kind: 'List', apiVersion: 'v1', items: [{ kind: 'NetworkPolicyList', apiVersion: 'networking.k8s.io/v1', items: [denyAllItem()] }] }],
      ['shop/deny-all'], ['in#0 items[0] items[0]']],
    ['an empty list and a list with null items', [{ kind: 'NetworkPolicyList', apiVersion: 'networking.k8s.io/v1', items: [] }, { kind: 'PodList', apiVersion: 'v1', items: null }],
      [], []],
    ['a single document next to a list', [netpol('shop', 'z', {}), { kind: 'List', apiVersion: 'v1', items: [netpol('shop', 'a', {})] }],
      ['shop/a', 'shop/z'], ['in#1 items[0]', 'in#0']],
  ];

  test.each(table)('reads %s', (_name, manifests, ids, sources) => {
    // WHEN
    const model = normalizeManifests(manifests, { documentNames: manifests.map((_m, i) => `in#${i}`) });
    // THEN
    expect(model.policies.map((p) => p.id)).toEqual(ids);
    expect(model.policies.map((p) => p.source.document)).toEqual(sources);
  });

  test('flattens the list kinds of workloads and namespaces, items taking the list kind', () => {
    // GIVEN
    const { kind, ...pod } = { ...deployment('shop', 'web', { app: 'web' }), kind: 'Pod' };
    pod.spec = pod.spec.template.spec;
    (pod as any).metadata.labels = { app: 'web' };
    const manifests = [
      { kind: 'PodList', apiVersion: 'v1', items: [pod] },
      { kind: 'DeploymentList', apiVersion: 'apps/v1', items: [(({ kind: _k, ...d }) => d)(deployment('shop', 'api', { app: 'api' }))] },
      { kind: 'NamespaceList', apiVersion: 'v1', items: [{ metadata: { name: 'shop', labels: { team: 'a' } } }] },
    ];
    // WHEN
    const model = normalizeManifests(manifests);
    // THEN
    expect(model.workloads.map((w) => `${w.kind} ${w.namespace}/${w.name} ${w.source.document}`))
      .toEqual(['Pod shop/web manifests[0] items[0]', 'Deployment shop/api manifests[1] items[0]']);
    expect(model.namespaces.map((n) => [n.name, n.declared, n.labels.team])).toEqual([['shop', true, 'a']]);
  });

  test('denies what a NetworkPolicyList export denies (it used to be read as no policy at all)', () => {
    // GIVEN the shape of `kubectl get --raw /apis/networking.k8s.io/v1/networkpolicies`
    const manifests = [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', metadata: { resourceVersion: '42' }, items: [denyAllItem()] }];
    // WHEN
    const verdict = PolicyAnalyzer.fromManifests(manifests).evaluate(tcp(WEB, API, 8080));
    // THEN
    expect(verdict.allowed).toBe(false);
    expect(verdict.ingressAllowed).toBe(false);
    expect(verdict.reasons.filter((r) => r.direction === 'Ingress').map((r) => r.policy)).toEqual(['shop/deny-all']);
  });

  test('gives items without apiVersion the apiVersion of their typed list', () => {
    // GIVEN a list of an old group: its items are refused as such, not read as networking.k8s.io/v1
    const manifests = [{ apiVersion: 'extensions/v1beta1', kind: 'NetworkPolicyList', items: [denyAllItem()] }];
    // WHEN / THEN
    expect(() => normalizeManifests(manifests)).toThrow(/^\[manifests\[0\] items\[0\] NetworkPolicy shop\/deny-all\] apiVersion must be "networking\.k8s\.io\/v1".*\(got "extensions\/v1beta1"\)/);
  });

  // what is wrong, the documents, the error
  const errors: Array<[string, any[], RegExp]> = [
    ['an item of another kind in a typed list', [{ kind: 'NetworkPolicyList', apiVersion: 'networking.k8s.io/v1', items: [{ ...netpol('shop', 'a', {}), kind: 'Pod' }] }],
      /^\[manifests\[0\] NetworkPolicyList\] items\[0\]\.kind must be "NetworkPolicy" in a NetworkPolicyList \(got "Pod"\)\. /],
    ['an item without kind in a List', [{ kind: 'List', apiVersion: 'v1', items: [denyAllItem()] }],
      /^\[manifests\[0\] items\[0\]\] kind must be a string \(got undefined\)/],
    ['a null item', [{ kind: 'List', apiVersion: 'v1', items: [null] }], /^\[manifests\[0\] items\[0\]\] must be an object \(got null\)/],
    ['items that are not a list', [{ kind: 'PodList', apiVersion: 'v1', items: { a: 1 } }], /^\[manifests\[0\] PodList\] items must be a list \(got \{"a":1\}\)/],
    ['a document with metadata but no kind', [{ metadata: { name: 'x' } }], /^\[manifests\[0\]\] kind must be a string \(got undefined\)/],
    ['a document with apiVersion but no kind', [{ apiVersion: 'v1' }], /^\[manifests\[0\]\] kind must be a string \(got undefined\)/],
    ['a document that is a list of objects', [[{ kind: 'Pod' }]], /^\[manifests\[0\]\] must be an object/],
  ];

  test.each(errors)('throws on %s, naming the list and the item', (_name, manifests, message) => {
    // WHEN / THEN
    expect(() => normalizeManifests(manifests)).toThrow(message);
  });
});

describe('what is not read', () => {
  test('skips documents that are not Kubernetes objects and names them', () => {
    // GIVEN a values file and cdk8s's construct-metadata.json next to a policy
    const manifests = [{ replicaCount: 2, image: { tag: 'v1' } }, { version: '1.0.0', resources: {} }, netpol('shop', 'a', {}), {}];
    // WHEN
    const model = normalizeManifests(manifests, { documentNames: ['values.yaml#0', 'construct-metadata.json#0', 'app.yaml#0', 'empty.json#0'] });
    // THEN
    expect(model.inputs.notManifests).toEqual(['values.yaml#0', 'construct-metadata.json#0', 'empty.json#0']);
    expect(model.policies.map((p) => p.id)).toEqual(['shop/a']);
  });

  test('counts other kinds by kind, list items included', () => {
    // GIVEN
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } };
    const manifests = [service, { kind: 'List', apiVersion: 'v1', items: [service, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] }];
    // WHEN
    const model = normalizeManifests(manifests);
    // THEN
    expect(model.inputs.ignoredKinds).toEqual({ ConfigMap: 1, Service: 2 });
  });

  test.each(UNANALYZED_POLICY_KINDS.flatMap((k) => k.groups.map((g) => [k.kind, g])))(
    'lists a %s of %s as a policy that is not analyzed', (kind, group) => {
      // GIVEN
      const manifests = [{ apiVersion: `${group}/v1`, kind, metadata: { name: 'p', namespace: 'shop' }, spec: { anything: true } }];
      // WHEN
      const model = normalizeManifests(manifests);
      // THEN
      expect(model.inputs.unanalyzed).toEqual([{ kind, apiVersion: `${group}/v1`, object: `${kind} shop/p`, source: { document: 'manifests[0]', index: 0 } }]);
      expect(model.policies).toEqual([]);
    });

  test('tells a Calico NetworkPolicy from a Kubernetes one by its group, and a Cilium one by kind alone', () => {
    // GIVEN
    const manifests = [
      { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'calico' }, spec: { selector: 'all()' } },
      { apiVersion: 'example.com/v1', kind: 'CiliumNetworkPolicy', metadata: { name: 'typo' } },
      { kind: 'List', apiVersion: 'v1', items: [{ apiVersion: 'k8s.cni.cncf.io/v1beta1', kind: 'MultiNetworkPolicy', metadata: { name: 'm' } }] },
    ];
    // WHEN
    const model = normalizeManifests(manifests);
    // THEN
    expect(model.inputs.unanalyzed.map((o) => `${o.object} ${o.source.document}`))
      .toEqual(['NetworkPolicy calico manifests[0]', 'CiliumNetworkPolicy typo manifests[1]', 'MultiNetworkPolicy m manifests[2] items[0]']);
  });
});

describe('objects as kubectl exports them', () => {
  test('accepts status and server-set metadata on every kind it reads', () => {
    // GIVEN what `kubectl get -o yaml` of Kubernetes 1.24-1.27 writes
    const server = {
      uid: '3f0c2d0e-1111-2222-3333-444455556666',
      resourceVersion: '1234',
      generation: 3,
      creationTimestamp: '2024-05-01T12:00:00Z',
      selfLink: '/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies/a',
      managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:spec': {} } }],
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"networking.k8s.io/v1"}\n' },
      finalizers: ['example.com/keep'],
      ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'abc' }],
    };
    const policy = { ...netpol('shop', 'a', { podSelector: {} }), status: {} };
    policy.metadata = { ...policy.metadata, ...server };
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', ...server, creationTimestamp: null }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
    const web = deployment('shop', 'web', { app: 'web' });
    web.metadata = { ...web.metadata, ...server };
    // WHEN
    const model = normalizeManifests([policy, ns, web]);
    // THEN
    expect(model.policies.map((p) => p.id)).toEqual(['shop/a']);
    expect(model.namespaces.map((n) => n.declared)).toEqual([true]);
    expect(model.workloads.map((w) => w.name)).toEqual(['web']);
  });

  test.each([
    ['Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', annotations: { a: true } } }, /^\[manifests\[0\] Namespace shop\] metadata\.annotations\["a"\] must be a string \(got true\)/],
    ['Deployment', { ...deployment('shop', 'web', {}), metadata: { name: 'web', namespace: 'shop', labels: { v: 2 } } }, /^\[manifests\[0\] Deployment shop\/web\] metadata\.labels\["v"\] must be a string \(got 2\)/],
    ['Deployment', { ...deployment('shop', 'web', {}), metadata: { name: 'web', namespace: 'shop', clusterName: 'x' } }, /^\[manifests\[0\] Deployment shop\/web\] metadata\.clusterName is not a known field/],
  ])('validates the metadata of a %s as the API server does', (_kind, manifest, message) => {
    // WHEN / THEN
    expect(() => normalizeManifests([manifest])).toThrow(message);
  });
});
