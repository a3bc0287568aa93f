import { PolicyAnalyzer } from '../../src/analysis';
import { normalizeManifests } from '../../src/analysis/internal/normalize';
import { ErrorCode, problemOf } from '../problems';
import { deployment, namespaceManifest, netpol } from '../util';

/** A valid policy to break one field at a time. */
function base(): any {
  return netpol('shop', 'api', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{
      from: [{ podSelector: { matchLabels: { app: 'web' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
      ports: [{ port: 8080 }, { port: 9000, endPort: 9100, protocol: 'TCP' }],
    }],
    egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] } }] }],
  });
}

describe('malformed input', () => {
  // what is broken, how, the expected message (document, object, field, value)
  const table: Array<[string, (m: any) => void, RegExp]> = [
    ['endPort below port', (m) => { m.spec.ingress[0].ports[1].endPort = 79; },
      /^\[app\.yaml#1 NetworkPolicy shop\/api\] spec\.ingress\[0\]\.ports\[1\]\.endPort must be at least port 9000 \(got 79\)\. /],
    ['endPort with a named port', (m) => { m.spec.ingress[0].ports[0] = { port: 'http', endPort: 90 }; },
      /spec\.ingress\[0\]\.ports\[0\]\.endPort cannot be used with a named port \(got 90\)/],
    ['endPort without port', (m) => { m.spec.ingress[0].ports[0] = { endPort: 90 }; }, /ports\[0\]\.endPort requires a numeric port \(got 90\)/],
    ['endPort as a string', (m) => { m.spec.ingress[0].ports[1].endPort = '9100'; }, /ports\[1\]\.endPort must be a whole number \(got "9100"\)/],
    ['port 0', (m) => { m.spec.ingress[0].ports[0].port = 0; }, /ports\[0\]\.port must be from 1 to 65535 \(got 0\)/],
    ['port 65536', (m) => { m.spec.ingress[0].ports[0].port = 65536; }, /ports\[0\]\.port must be from 1 to 65535 \(got 65536\)/],
    ['a fractional port', (m) => { m.spec.ingress[0].ports[0].port = 80.5; }, /ports\[0\]\.port must be a whole number \(got 80\.5\)/],
    ['a numeric string port', (m) => { m.spec.ingress[0].ports[0].port = '80'; }, /ports\[0\]\.port is a string, so a container port name.*\(got "80"\)/],
    ['a port name with "--"', (m) => { m.spec.ingress[0].ports[0].port = 'web--ui'; }, /ports\[0\]\.port .*\(got "web--ui"\)/],
    ['a lowercase protocol', (m) => { m.spec.ingress[0].ports[0].protocol = 'tcp'; }, /ports\[0\]\.protocol must be TCP, UDP or SCTP.*\(got "tcp"\)/],
    ['an empty protocol', (m) => { m.spec.ingress[0].ports[0].protocol = ''; }, /ports\[0\]\.protocol must be TCP, UDP or SCTP.*\(got ""\)/],
    ['a lowercase operator', (m) => { m.spec.egress[0].to[0].namespaceSelector.matchExpressions[0].operator = 'in'; },
      /spec\.egress\[0\]\.to\[0\]\.namespaceSelector\.matchExpressions\[0\]\.operator must be In, NotIn, Exists or DoesNotExist.*\(got "in"\)/],
    ['In without values', (m) => { m.spec.egress[0].to[0].namespaceSelector.matchExpressions[0].values = []; },
      /matchExpressions\[0\]\.values must not be empty for operator In \(got \[\]\)/],
    ['Exists with values', (m) => { m.spec.egress[0].to[0].namespaceSelector.matchExpressions[0].operator = 'Exists'; },
      /matchExpressions\[0\]\.values must be empty for operator Exists \(got \["a"\]\)/],
    ['an invalid expression value', (m) => { m.spec.egress[0].to[0].namespaceSelector.matchExpressions[0].values = ['-bad']; },
      /matchExpressions\[0\]\.values\[0\] label value has invalid characters \(got "-bad"\)/],
    ['an invalid matchLabels key', (m) => { m.spec.podSelector.matchLabels = { 'a/b/c': 'x' }; },
      /spec\.podSelector\.matchLabels\["a\/b\/c"\] key: label key has more than one "\/" \(got "a\/b\/c"\)/],
    ['a numeric label value', (m) => { m.spec.podSelector.matchLabels = { version: 2 }; },
      /spec\.podSelector\.matchLabels\["version"\] must be a string \(got 2\)/],
    ['an ipBlock alongside a podSelector', (m) => { m.spec.ingress[0].from[1].podSelector = {}; },
      /spec\.ingress\[0\]\.from\[1\]\.ipBlock must stand alone in its peer \(got \["ipBlock","podSelector"\]\)/],
    ['an empty peer', (m) => { m.spec.ingress[0].from[0] = {}; }, /spec\.ingress\[0\]\.from\[0\] must set podSelector, namespaceSelector or ipBlock \(got \{\}\)/],
    ['a null peer', (m) => { m.spec.ingress[0].from[0] = null; }, /spec\.ingress\[0\]\.from\[0\] must be a peer \(got null\)/],
    ['a cidr without prefix', (m) => { m.spec.ingress[0].from[1].ipBlock.cidr = '10.0.0.0'; },
      /from\[1\]\.ipBlock\.cidr is not a valid CIDR: CIDR has no prefix length \(got "10\.0\.0\.0"\)\. CIDR mask is missing/],
    ['a /33 cidr', (m) => { m.spec.ingress[0].from[1].ipBlock.cidr = '10.0.0.0/33'; }, /ipBlock\.cidr is not a valid CIDR.*\(got "10\.0\.0\.0\/33"\)/],
    ['a missing cidr', (m) => { m.spec.ingress[0].from[1].ipBlock = {}; }, /ipBlock\.cidr is required \(got undefined\)/],
    ['an except outside the cidr', (m) => { m.spec.ingress[0].from[1].ipBlock.except = ['192.168.0.0/24']; },
      /ipBlock\.except\[0\] must lie strictly inside cidr 10\.0\.0\.0\/8 \(got "192\.168\.0\.0\/24"\)/],
    ['an except equal to the cidr', (m) => { m.spec.ingress[0].from[1].ipBlock.except = ['10.0.0.0/8']; },
      /ipBlock\.except\[0\] must lie strictly inside cidr 10\.0\.0\.0\/8 \(got "10\.0\.0\.0\/8"\)/],
    ['an IPv6 except in an IPv4 cidr', (m) => { m.spec.ingress[0].from[1].ipBlock.except = ['2001:db8::/64']; },
      /ipBlock\.except\[0\] is IPv6 but cidr 10\.0\.0\.0\/8 is IPv4 \(got "2001:db8::\/64"\)/],
    ['except as a string', (m) => { m.spec.ingress[0].from[1].ipBlock.except = '10.1.0.0/16'; }, /ipBlock\.except must be a list \(got "10\.1\.0\.0\/16"\)/],
    ['a lowercase policyType', (m) => { m.spec.policyTypes = ['ingress']; }, /spec\.policyTypes\[0\] must be "Ingress" or "Egress".*\(got "ingress"\)/],
    ['three policyTypes', (m) => { m.spec.policyTypes = ['Ingress', 'Egress', 'Ingress']; }, /spec\.policyTypes must have at most two entries/],
    ['ingress as an object', (m) => { m.spec.ingress = { from: [] }; }, /spec\.ingress must be a list \(got \{"from":\[\]\}\)/],
    ['podSelector as a list', (m) => { m.spec.podSelector = []; }, /spec\.podSelector must be an object \(got \[\]\)/],
    ['a misspelt rule field', (m) => { m.spec.ingress[0].form = []; }, /spec\.ingress\[0\]\.form is not a known field \(got "form"\)\. Known fields here: from, ports/],
    ['a misspelt spec field', (m) => { m.spec.ingres = []; }, /spec\.ingres is not a known field/],
    ['a misspelt peer field', (m) => { m.spec.ingress[0].from[0].namespace = 'x'; }, /from\[0\]\.namespace is not a known field/],
    ['a wrong-case selector field', (m) => { m.spec.podSelector = { MatchLabels: {} }; }, /spec\.podSelector\.MatchLabels is not a known field/],
    ['a status that is not an object', (m) => { m.status = 'x'; }, /\] status must be an object \(got "x"\)/],
    ['an unknown metadata field', (m) => { m.metadata.clusterName = 'prod'; }, /\] metadata\.clusterName is not a known field \(got "clusterName"\)/],
    ['a numeric annotation value', (m) => { m.metadata.annotations = { a: 1 }; }, /\] metadata\.annotations\["a"\] must be a string \(got 1\)/],
    ['an invalid annotation key', (m) => { m.metadata.annotations = { 'a b': 'x' }; }, /\] metadata\.annotations\["a b"\] key: annotation key name has invalid characters \(got "a b"\)/],
    ['annotations over 256 KiB', (m) => { m.metadata.annotations = { a: 'x'.repeat(262144) }; }, /\] metadata\.annotations take 262145 bytes, more than .* \(got 262145\)/],
    ['an invalid metadata label', (m) => { m.metadata.labels = { app: 'front end' }; }, /\] metadata\.labels\["app"\] label value has invalid characters/],
    ['a numeric uid', (m) => { m.metadata.uid = 7; }, /\] metadata\.uid must be a string \(got 7\)/],
    ['a string generation', (m) => { m.metadata.generation = '1'; }, /\] metadata\.generation must be a whole number \(got "1"\)/],
    ['a malformed creationTimestamp', (m) => { m.metadata.creationTimestamp = 'yesterday'; }, /\] metadata\.creationTimestamp must be an RFC 3339 time \(got "yesterday"\)/],
    ['an owner reference without uid', (m) => { m.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'X', name: 'x' }]; }, /\] metadata\.ownerReferences\[0\]\.uid must be a string \(got undefined\)/],
    ['an old apiVersion', (m) => { m.apiVersion = 'extensions/v1beta1'; }, /\] apiVersion must be "networking\.k8s\.io\/v1".*\(got "extensions\/v1beta1"\)/],
    ['an uppercase name', (m) => { m.metadata.name = 'Allow-Web'; }, /^\[app\.yaml#1 NetworkPolicy\] metadata\.name name is not a DNS-1123 subdomain \(got "Allow-Web"\)/],
    ['a namespace with a dot', (m) => { m.metadata.namespace = 'team.a'; }, /^\[app\.yaml#1 NetworkPolicy\] metadata\.namespace .*\(got "team\.a"\)/],
    ['no name', (m) => { delete m.metadata.name; }, /metadata\.name must be a string \(got undefined\)/],
  ];

  test.each(table)('throws when a policy has %s, naming document, object, field and value', (_name, breakIt, message) => {
    // GIVEN a valid namespace and a policy with one field broken
    const policy = base();
    breakIt(policy);
    // WHEN
    const run = () => PolicyAnalyzer.fromManifests([namespaceManifest('shop'), policy], { documentNames: ['app.yaml#0', 'app.yaml#1'] });
    // THEN
    expect(run).toThrow(message);
  });

  test('accepts the unbroken policy', () => {
    // GIVEN
    const manifests = [base()];
    // WHEN
    const analyzer = PolicyAnalyzer.fromManifests(manifests);
    // THEN
    expect(analyzer.policyIds()).toEqual(['shop/api']);
  });

  test('names the document by its index when no names are given', () => {
    // GIVEN
    const policy = base();
    policy.spec.ingress[0].ports[0].port = 0;
    // WHEN
    const run = () => PolicyAnalyzer.fromManifests([{ kind: 'ConfigMap', metadata: { name: 'c' } }, policy]);
    // THEN
    expect(run).toThrow(/^\[manifests\[1\] NetworkPolicy shop\/api\] spec\.ingress\[0\]\.ports\[0\]\.port/);
  });

  test('collects every malformed part of a policy when asked for the problems, and leaves the policy out', () => {
    // GIVEN a policy broken in five parts, and a valid one
    const policy = base();
    policy.extra = true;
    policy.spec.podSelector = { matchLabels: { 'a/b/c': 'x' } };
    policy.spec.ingress[0].ports[0].port = 0;
    policy.spec.egress.push({ to: [{ ipBlock: { cidr: '10.0.0.0/33' } }] });
    policy.spec.policyTypes = ['ingress'];
    const other = netpol('shop', 'other', { podSelector: {}, policyTypes: ['Ingress'] });
    const problems: string[] = [];
    // WHEN
    const model = normalizeManifests([policy, other], { documentNames: ['a.yaml#0', 'a.yaml#1'], problems });
    // THEN
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^\[a\.yaml#0 NetworkPolicy shop\/api\] extra is not a known field/);
    expect(problems[1]).toMatch(/spec\.podSelector\.matchLabels\["a\/b\/c"\]/);
    expect(problems[2]).toMatch(/spec\.ingress\[0\]\.ports\[0\]\.port/);
    expect(problems[3]).toMatch(/spec\.egress\[1\]\.to\[0\]\.ipBlock\.cidr/);
    expect(problems[4]).toMatch(/spec\.policyTypes\[0\] must be "Ingress" or "Egress"/);
    expect(model.policies.map((p) => p.id)).toEqual(['shop/other']);
    // and without the list, the first problem throws
    expect(() => normalizeManifests([policy])).toThrow(/extra is not a known field/);
  });

  test('throws when a workload has a wrong JSON type', () => {
    // GIVEN a Deployment whose containerPort is a string
    const web = deployment('shop', 'web', { app: 'web' }, [{ containerPort: '80' }]);
    // WHEN
    const run = () => PolicyAnalyzer.fromManifests([web]);
    // THEN
    expect(run).toThrow(/^\[manifests\[0\] Deployment shop\/web\] spec\.template\.spec\.containers\[0\]\.ports\[0\]\.containerPort must be a whole number \(got "80"\)/);
  });

  test('throws when a container port has no containerPort, naming the field as required', () => {
    // GIVEN a Deployment whose second port spells the field in lower case (the API server refuses it: required)
    const web = deployment('shop', 'web', { app: 'web' }, [{ name: 'http', containerPort: 80 }, { name: 'udps', containerport: 3535 }]);
    // WHEN
    const problem = problemOf(() => PolicyAnalyzer.fromManifests([web]));
    // THEN
    expect(problem).toMatchObject({ code: ErrorCode.MALFORMED_FIELD, where: 'manifests[0] Deployment shop/web', value: undefined });
    expect(problem.problem).toBe('spec.template.spec.containers[0].ports[1].containerPort is required');
  });

  test('throws when a document has no kind', () => {
    // GIVEN
    const manifests = [{ metadata: { name: 'x' } }];
    // WHEN / THEN
    expect(() => PolicyAnalyzer.fromManifests(manifests)).toThrow(/^\[manifests\[0\]\] kind must be a string \(got undefined\)/);
  });
});

describe('normalization', () => {
  test.each([
    ['no egress field', {}, ['Ingress']],
    ['egress: [] (no rule)', { egress: [] }, ['Ingress']],
    ['one egress rule', { egress: [{}] }, ['Ingress', 'Egress']],
    ['policyTypes: [] (defaulted like an absent list)', { policyTypes: [], egress: [{}] }, ['Ingress', 'Egress']],
    ['explicit Egress', { policyTypes: ['Egress'] }, ['Egress']],
    ['explicit types in any order', { policyTypes: ['Egress', 'Ingress'] }, ['Ingress', 'Egress']],
  ])('infers policyTypes for %s', (_name, spec, types) => {
    // GIVEN
    const manifests = [netpol('a', 'p', { podSelector: {}, ...spec })];
    // WHEN
    const model = normalizeManifests(manifests);
    // THEN
    expect(model.policies[0].policyTypes).toEqual(types);
  });

  test('puts objects without a namespace into default and gives every namespace its name label', () => {
    // GIVEN
    const policy = netpol('x', 'p', {});
    delete policy.metadata.namespace;
    // WHEN
    const model = normalizeManifests([policy, namespaceManifest('prod', { env: 'prod' }), deployment('ghost', 'w', { app: 'w' })]);
    // THEN
    expect(model.policies[0].id).toBe('default/p');
    expect(model.namespaces.map((n) => [n.name, n.labels, n.declared])).toEqual([
      ['default', { 'kubernetes.io/metadata.name': 'default' }, false],
      ['ghost', { 'kubernetes.io/metadata.name': 'ghost' }, false],
      ['prod', { 'env': 'prod', 'kubernetes.io/metadata.name': 'prod' }, true],
    ]);
  });

  test('treats empty from, to and ports lists as "everything" and a null rule as {}', () => {
    // GIVEN
    const manifests = [netpol('a', 'p', { ingress: [{ from: [], ports: [] }, null], egress: [{ to: [] }] })];
    // WHEN
    const policy = normalizeManifests(manifests).policies[0];
    // THEN
    expect(policy.ingress).toEqual([{ index: 0, peers: undefined, ports: undefined }, { index: 1, peers: undefined, ports: undefined }]);
    expect(policy.egress[0].peers).toBeUndefined();
  });

  test('reads every workload kind with its pod template labels and ports', () => {
    // GIVEN
    const template = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 80 }] }] } };
    const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].map((kind) => ({ kind, metadata: { name: kind.toLowerCase(), namespace: 'w' }, spec: { template } }));
    const cron = { kind: 'CronJob', metadata: { name: 'cron', namespace: 'w' }, spec: { jobTemplate: { spec: { template } } } };
    const pod = { kind: 'Pod', metadata: { name: 'pod', namespace: 'w', labels: { app: 'x' } }, spec: template.spec, status: { podIP: '10.0.0.9' } };
    // WHEN
    const endpoints = PolicyAnalyzer.fromManifests([...kinds, cron, pod]).endpoints();
    // THEN
    expect(endpoints.map((e) => e.key)).toEqual(['w/cron', 'w/daemonset', 'w/deployment', 'w/job', 'w/pod', 'w/replicaset', 'w/statefulset']);
    expect(endpoints.every((e) => e.labels.app === 'x' && e.ports[0].name === 'http' && e.ports[0].protocol === 'TCP')).toBe(true);
    expect(endpoints.find((e) => e.key === 'w/pod')?.address).toBe('10.0.0.9');
  });

  test('flattens a List and lets a later policy replace an earlier one with the same name', () => {
    // GIVEN
    const first = netpol('a', 'p', { podSelector: { matchLabels: { v: '1' } } });
    const second = netpol('a', 'p', { podSelector: { matchLabels: { v: '2' } } });
    // WHEN
    const model = normalizeManifests([{ kind: 'List', items: [first, second] }, null]);
    // THEN
    expect(model.policies.map((p) => p.podSelector.matchLabels)).toEqual([{ v: '2' }]);
  });

  test('does not modify its input', () => {
    // GIVEN
    const manifests = [base()];
    const copy = JSON.parse(JSON.stringify(manifests));
    // WHEN
    PolicyAnalyzer.fromManifests(manifests);
    // THEN
    expect(manifests).toEqual(copy);
  });
});
