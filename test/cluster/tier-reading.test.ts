import { anp, banp, cnp, nsName } from './tier-manifests';
import { ErrorCode } from '../../src';
import { Endpoint, PolicyAnalyzer } from '../../src/analysis';
import { normalizeManifests } from '../../src/analysis/internal/normalize';

const SUBJECT = { namespaces: nsName('shop') };
const FROM = [{ namespaces: {} }];
const many = (n: number, make: (i: number) => any) => Array.from({ length: n }, (_, i) => make(i));
/** A valid Admin ClusterNetworkPolicy with `spec` fields replaced. */
const admin = (spec: any) => cnp('p', { tier: 'Admin', priority: 1, subject: SUBJECT, ...spec });
const ingress = (rule: any) => admin({ ingress: [{ action: 'Deny', from: FROM, ...rule }] });
const egress = (rule: any) => admin({ egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], ...rule }] });
const tcpPort = (destinationPort: any) => ({ tcp: { destinationPort } });

describe('reading ClusterNetworkPolicy: every schema and CEL rule refused as the API server refuses it', () => {
  // name, manifest, the field path in the message, a fragment of the message
  const table: Array<[string, any, string, string]> = [
    ['apiVersion of another version', { ...admin({}), apiVersion: 'policy.networking.k8s.io/v1alpha1' }, 'apiVersion', 'must be "policy.networking.k8s.io/v1alpha2"'],
    ['unknown top-level field', { ...admin({}), extra: 1 }, 'extra', 'is not a known field'],
    ['unknown spec field', admin({ podSelector: {} }), 'spec.podSelector', 'is not a known field'],
    ['namespace on a cluster-scoped object', { ...admin({}), metadata: { name: 'p', namespace: 'shop' } }, 'metadata.namespace', 'cluster-scoped'],
    ['name not a DNS-1123 subdomain', { ...admin({}), metadata: { name: 'Bad_Name' } }, 'metadata.name', 'got "Bad_Name"'],
    ['no spec', { ...admin({}), spec: undefined }, 'spec', 'must be an object'],
    ['tier not Admin or Baseline', admin({ tier: 'admin' }), 'spec.tier', 'must be "Admin" or "Baseline"'],
    ['priority missing', admin({ priority: undefined }), 'spec.priority', 'is required'],
    ['priority below 0', admin({ priority: -1 }), 'spec.priority', 'must be from 0 to 1000'],
    ['priority above 1000', admin({ priority: 1001 }), 'spec.priority', 'must be from 0 to 1000'],
    ['priority not whole', admin({ priority: 1.5 }), 'spec.priority', 'must be a whole number'],
    ['subject missing', admin({ subject: undefined }), 'spec.subject', 'must be an object'],
    ['subject with no field', admin({ subject: {} }), 'spec.subject', 'must set exactly one of namespaces, pods'],
    ['subject with both fields', admin({ subject: { namespaces: {}, pods: { podSelector: {} } } }), 'spec.subject', 'must set exactly one'],
    ['subject pods without podSelector', admin({ subject: { pods: { namespaceSelector: {} } } }), 'spec.subject.pods.podSelector', 'is required'],
    ['more than 25 ingress rules', admin({ ingress: many(26, () => ({ action: 'Deny', from: FROM })) }), 'spec.ingress', 'at most 25 rules'],
    ['more than 25 egress rules', admin({ egress: many(26, () => ({ action: 'Deny', to: FROM })) }), 'spec.egress', 'at most 25 rules'],
    ['rule name over 100 characters', ingress({ name: 'x'.repeat(101) }), 'spec.ingress[0].name', 'at most 100 characters'],
    ['action not Accept, Deny or Pass', ingress({ action: 'Drop' }), 'spec.ingress[0].action', 'must be "Accept", "Deny" or "Pass"'],
    ['v1alpha1 action Allow', ingress({ action: 'Allow' }), 'spec.ingress[0].action', 'v1alpha2 calls it Accept'],
    ['unknown rule field', ingress({ ports: [] }), 'spec.ingress[0].ports', 'is not a known field'],
    ['from missing', ingress({ from: undefined }), 'spec.ingress[0].from', 'at least one peer'],
    ['from empty', ingress({ from: [] }), 'spec.ingress[0].from', 'at least one peer'],
    ['more than 25 peers', ingress({ from: many(26, () => ({ namespaces: {} })) }), 'spec.ingress[0].from', 'at most 25 peers'],
    ['peer with no field', ingress({ from: [{}] }), 'spec.ingress[0].from[0]', 'must set exactly one of namespaces, pods'],
    ['peer with two fields', ingress({ from: [{ namespaces: {}, pods: { podSelector: {} } }] }), 'spec.ingress[0].from[0]', 'must set exactly one'],
    ['networks in an ingress peer', ingress({ from: [{ networks: ['10.0.0.0/8'] }] }), 'spec.ingress[0].from[0].networks', 'is not a known field'],
    ['peer pods without podSelector', ingress({ from: [{ pods: { namespaceSelector: {} } }] }), 'spec.ingress[0].from[0].pods.podSelector', 'is required'],
    ['malformed selector', ingress({ from: [{ namespaces: { matchExpressions: [{ key: 'a', operator: 'In' }] } }] }),
      'spec.ingress[0].from[0].namespaces.matchExpressions[0].values', 'must not be empty'],
    ['networks empty', egress({ to: [{ networks: [] }] }), 'spec.egress[0].to[0].networks', 'from 1 to 25 CIDRs'],
    ['more than 25 networks', egress({ to: [{ networks: many(26, (i) => `10.${i}.0.0/16`) }] }), 'spec.egress[0].to[0].networks', 'from 1 to 25 CIDRs'],
    ['network not a CIDR', egress({ to: [{ networks: ['10.0.0.0'] }] }), 'spec.egress[0].to[0].networks[0]', 'is not a valid CIDR'],
    ['network over 43 characters', egress({ to: [{ networks: ['0000:0000:0000:0000:0000:ffff:192.168.100.200/128'] }] }), 'spec.egress[0].to[0].networks[0]', 'at most 43 characters'],
    ['network listed twice', egress({ to: [{ networks: ['10.0.0.0/8', '10.0.0.0/8'] }] }), 'spec.egress[0].to[0].networks[1]', 'listed twice'],
    ['domain name with a wildcard inside', egress({ action: 'Accept', to: [{ domainNames: ['www.*.example.com'] }] }), 'spec.egress[0].to[0].domainNames[0]', 'is not a domain name'],
    ['domain name of one label', egress({ action: 'Accept', to: [{ domainNames: ['localhost'] }] }), 'spec.egress[0].to[0].domainNames[0]', 'is not a domain name'],
    ['more than 25 domain names', egress({ action: 'Accept', to: [{ domainNames: many(26, (i) => `d${i}.example.com`) }] }), 'spec.egress[0].to[0].domainNames', 'from 1 to 25 domain names'],
    ['protocols empty', ingress({ protocols: [] }), 'spec.ingress[0].protocols', 'from 1 to 25 protocols'],
    ['more than 25 protocols', ingress({ protocols: many(26, (i) => tcpPort({ number: i + 1 })) }), 'spec.ingress[0].protocols', 'from 1 to 25 protocols'],
    ['protocol entry with no field', ingress({ protocols: [{}] }), 'spec.ingress[0].protocols[0]', 'must set exactly one of tcp, udp, sctp, destinationNamedPort'],
    ['protocol entry with two fields', ingress({ protocols: [{ ...tcpPort({ number: 1 }), udp: { destinationPort: { number: 1 } } }] }), 'spec.ingress[0].protocols[0]', 'must set exactly one'],
    ['tcp without destinationPort', ingress({ protocols: [{ tcp: {} }] }), 'spec.ingress[0].protocols[0].tcp.destinationPort', 'is required'],
    ['port with neither number nor range', ingress({ protocols: [tcpPort({})] }), 'spec.ingress[0].protocols[0].tcp.destinationPort', 'must set exactly one of number, range'],
    ['port with number and range', ingress({ protocols: [tcpPort({ number: 1, range: { start: 1, end: 2 } })] }), 'spec.ingress[0].protocols[0].tcp.destinationPort', 'must set exactly one'],
    ['port number 0', ingress({ protocols: [tcpPort({ number: 0 })] }), 'spec.ingress[0].protocols[0].tcp.destinationPort.number', 'must be from 1 to 65535'],
    ['port number 65536', ingress({ protocols: [{ udp: { destinationPort: { number: 65536 } } }] }), 'spec.ingress[0].protocols[0].udp.destinationPort.number', 'must be from 1 to 65535'],
    ['range start equal to end (CEL: start < end)', ingress({ protocols: [{ sctp: { destinationPort: { range: { start: 9, end: 9 } } } }] }), 'spec.ingress[0].protocols[0].sctp.destinationPort.range', 'start must be less than end'],
    ['range end missing', ingress({ protocols: [tcpPort({ range: { start: 9 } })] }), 'spec.ingress[0].protocols[0].tcp.destinationPort.range.end', 'is required'],
    ['named port empty', ingress({ protocols: [{ destinationNamedPort: '' }] }), 'spec.ingress[0].protocols[0].destinationNamedPort', 'must not be empty'],
    ['named port toward networks (CEL)', egress({ protocols: [{ destinationNamedPort: 'http' }] }), 'spec.egress[0].protocols[0].destinationNamedPort', 'cannot be used with the networks, nodes or domainNames peer to[0]'],
    ['named port toward nodes (CEL)', egress({ to: [{ namespaces: {} }, { nodes: {} }], protocols: [{ destinationNamedPort: 'http' }] }), 'spec.egress[0].protocols[0].destinationNamedPort', 'peer to[1]'],
    ['named port toward domain names (CEL)', egress({ action: 'Accept', to: [{ domainNames: ['example.com'] }], protocols: [{ destinationNamedPort: 'http' }] }), 'spec.egress[0].protocols[0].destinationNamedPort', 'peer to[0]'],
  ];

  test.each(table)('%s', (_name, manifest, path, fragment) => {
    // WHEN read  THEN refused in the project format, naming the document, the object and the field
    const read = () => PolicyAnalyzer.fromManifests([manifest]);
    expect(read).toThrow(expect.objectContaining({ code: ErrorCode.MALFORMED_FIELD }));
    expect(read).toThrow(fragment);
    expect(read).toThrow(new RegExp(`^\\[manifests\\[0\\] ClusterNetworkPolicy[^\\]]*\\] ${path.replace(/[[\]().]/g, '\\$&')} .*\\(got .*\\)\\. \\S`));
  });

  test('what the API server accepts is read: the schema regex admits "_" in a domain name, a network can carry host bits', () => {
    // GIVEN borderline values the CRD accepts  WHEN read  THEN no error
    expect(() => PolicyAnalyzer.fromManifests([egress({ action: 'Accept', to: [{ domainNames: ['my_host.example.com', 'x.io.'] }] })])).not.toThrow();
    expect(normalizeManifests([egress({ to: [{ networks: ['10.0.0.1/8'] }] })]).tierPolicies[0].egress[0].peers[0].networks![0].text).toBe('10.0.0.0/8');
  });

  test('a kind of the same name in another API group is not ours and is left alone', () => {
    // GIVEN the EKS look-alike  WHEN read  THEN not read as a tier policy, no error
    const eks = { ...admin({}), apiVersion: 'networking.k8s.aws/v1alpha1', spec: { tier: 'admin', anything: true } };
    expect(normalizeManifests([eks]).tierPolicies).toEqual([]);
  });

  test('with a problem sink, a malformed tier policy is reported and left out, the others read', () => {
    // GIVEN a bad and a good policy
    const problems: string[] = [];
    const model = normalizeManifests([admin({ priority: 2000 }), cnp('good', { tier: 'Baseline', priority: 0, subject: SUBJECT })], { problems });
    // THEN one problem, one policy
    expect(problems).toEqual([expect.stringContaining('spec.priority must be from 0 to 1000')]);
    expect(model.tierPolicies.map((p) => p.id)).toEqual(['good']);
  });
});

describe('reading AdminNetworkPolicy and BaselineAdminNetworkPolicy v1alpha1', () => {
  test('a reversed port range, which the v1alpha1 schema accepts, is read and matches no port', () => {
    // GIVEN a Deny of 10-1 and nothing else
    const analyzer = PolicyAnalyzer.fromManifests([anp('a', {
      priority: 1,
      subject: { namespaces: {} },
      ingress: [{ action: 'Deny', from: FROM, ports: [{ portRange: { start: 10, end: 1 } }] }],
    })]);
    const pod = (name: string) => Endpoint.pod({ namespace: 'shop', name, labels: {} });
    // THEN no port in or around the range is denied
    for (const port of [1, 5, 10]) expect(analyzer.evaluate({ source: pod('a'), destination: pod('b'), port }).allowed).toBe(true);
  });

  const A = (spec: any) => anp('a', { priority: 1, subject: SUBJECT, ...spec });
  const table: Array<[string, any, string, string]> = [
    ['ANP in v1alpha2', { ...A({}), apiVersion: 'policy.networking.k8s.io/v1alpha2' }, 'apiVersion', 'exists only in v1alpha1'],
    ['ANP without priority', A({ priority: undefined }), 'spec.priority', 'is required'],
    ['ANP action Accept', A({ ingress: [{ action: 'Accept', from: FROM }] }), 'spec.ingress[0].action', 'v1alpha1 calls it Allow'],
    ['ANP with more than 100 rules', A({ ingress: many(101, () => ({ action: 'Deny', from: FROM })) }), 'spec.ingress', 'at most 100 rules'],
    ['ANP port with two fields', A({ ingress: [{ action: 'Deny', from: FROM, ports: [{ namedPort: 'a', portNumber: { port: 1 } }] }] }), 'spec.ingress[0].ports[0]', 'must set exactly one of portNumber, namedPort, portRange'],
    ['ANP port protocol lower case', A({ ingress: [{ action: 'Deny', from: FROM, ports: [{ portNumber: { protocol: 'tcp', port: 1 } }] }] }), 'spec.ingress[0].ports[0].portNumber.protocol', 'must be TCP, UDP or SCTP'],
    ['ANP named port toward networks (CEL)', A({ egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], ports: [{ namedPort: 'http' }] }] }), 'spec.egress[0].ports[0].namedPort', 'cannot be used'],
    ['ANP pods peer without podSelector', A({ ingress: [{ action: 'Deny', from: [{ pods: { namespaceSelector: {} } }] }] }), 'spec.ingress[0].from[0].pods.podSelector', 'is required'],
    ['ANP pods peer without namespaceSelector (required in v1alpha1)', A({ ingress: [{ action: 'Deny', from: [{ pods: { podSelector: {} } }] }] }), 'spec.ingress[0].from[0].pods.namespaceSelector', 'is required in v1alpha1'],
    ['BANP subject pods without namespaceSelector', banp({ subject: { pods: { podSelector: {} } } }), 'spec.subject.pods.namespaceSelector', 'is required in v1alpha1'],
    ['BANP not named default (CEL)', banp({ subject: SUBJECT }, 'other'), 'metadata.name', 'must be "default"'],
    ['BANP with a priority', banp({ subject: SUBJECT, priority: 1 }), 'spec.priority', 'is not a known field'],
    ['BANP action Pass', banp({ subject: SUBJECT, ingress: [{ action: 'Pass', from: FROM }] }), 'spec.ingress[0].action', 'must be "Allow", "Deny"'],
    ['BANP domain names', banp({ subject: SUBJECT, egress: [{ action: 'Allow', to: [{ domainNames: ['example.com'] }] }] }), 'spec.egress[0].to[0].domainNames', 'is not a known field'],
  ];

  test.each(table)('%s', (_name, manifest, path, fragment) => {
    const read = () => PolicyAnalyzer.fromManifests([manifest]);
    expect(read).toThrow(expect.objectContaining({ code: ErrorCode.MALFORMED_FIELD }));
    expect(read).toThrow(fragment);
    expect(read).toThrow(new RegExp(` ${path.replace(/[[\]().]/g, '\\$&')} .*\\(got `));
  });
});
