import { Endpoint, PolicyAnalyzer, ReasonCode, TrafficDirection, TrafficQuery } from '../../src/analysis';
import { Protocol } from '../../src/protocol';
import { ErrorCode, problemOf } from '../problems';
import { API, INTERNET, netpol, tcp, udp, WEB } from '../util';

/** shop/api: ingress from app=web on TCP 8080 only; shop/web: egress to app=api only; shop/db: deny-all ingress. */
const MANIFESTS = [
  netpol('shop', 'api-ingress', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080 }] }],
  }),
  netpol('shop', 'web-egress', {
    podSelector: { matchLabels: { app: 'web' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
  }),
  netpol('shop', 'db-deny', { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] }),
];
const DB = Endpoint.pod({ namespace: 'shop', name: 'db', labels: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] });
const JOB = Endpoint.pod({ namespace: 'batch', name: 'job', labels: { app: 'job' } });
const analyzer = PolicyAnalyzer.fromManifests(MANIFESTS);

describe('reason codes', () => {
  // name, query, allowed, the codes of the verdict (sorted by policy, then rule, then direction)
  const table: Array<[string, TrafficQuery, boolean, ReasonCode[]]> = [
    ['NOT_A_POD: an address source passes egress and the open destination lets it in', tcp(INTERNET, JOB, 80), true,
      [ReasonCode.NOT_A_POD, ReasonCode.NOT_ISOLATED]],
    ['NOT_A_POD: an address source passes egress but an isolated destination refuses it', tcp(INTERNET, API, 8080), false,
      [ReasonCode.NOT_A_POD, ReasonCode.NO_RULE_MATCHES]],
    ['NOT_ISOLATED: no policy selects either pod', tcp(JOB, JOB, 80), true,
      [ReasonCode.NOT_ISOLATED, ReasonCode.NOT_ISOLATED]],
    ['NOT_ISOLATED: the source is open but the destination refuses', tcp(JOB, DB, 5432), false,
      [ReasonCode.NOT_ISOLATED, ReasonCode.NO_RULE_MATCHES]],
    ['ALLOWED_BY_RULE: both sides admit the connection', tcp(WEB, API, 8080), true,
      [ReasonCode.ALLOWED_BY_RULE, ReasonCode.ALLOWED_BY_RULE]],
    ['ALLOWED_BY_RULE: egress admits it but ingress does not on that port', tcp(WEB, API, 9090), false,
      [ReasonCode.NO_RULE_MATCHES, ReasonCode.ALLOWED_BY_RULE]],
    ['NO_RULE_MATCHES: the web pod may not reach an address', tcp(WEB, INTERNET, 443), false,
      [ReasonCode.NOT_A_POD, ReasonCode.NO_RULE_MATCHES]],
    ['NO_RULE_MATCHES is absent once another rule admits the peer', tcp(WEB, API, 8080), true,
      [ReasonCode.ALLOWED_BY_RULE, ReasonCode.ALLOWED_BY_RULE]],
    ['UNKNOWN_PORT_NAME: the destination has no such named port', { source: JOB, destination: API, portName: 'grpc' }, false,
      [ReasonCode.UNKNOWN_PORT_NAME]],
    ['UNKNOWN_PORT_NAME is absent when the name resolves', { source: WEB, destination: API, portName: 'http' }, true,
      [ReasonCode.ALLOWED_BY_RULE, ReasonCode.ALLOWED_BY_RULE]],
  ];

  test.each(table)('%s', (_name, query, allowed, codes) => {
    // GIVEN the shop policies
    // WHEN
    const verdict = analyzer.evaluate(query);
    // THEN
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.codes).toEqual(codes);
  });
});

describe('evaluate', () => {
  test('reports each direction separately', () => {
    // GIVEN the shop policies
    // WHEN the web pod calls the api on a port the api does not admit
    const verdict = analyzer.evaluate(tcp(WEB, API, 9090));
    // THEN egress passes and ingress fails
    expect(verdict.egressAllowed).toBe(true);
    expect(verdict.ingressAllowed).toBe(false);
  });

  test('names the deciding policy and rule and sorts reasons by policy then rule', () => {
    // GIVEN the shop policies
    // WHEN
    const verdict = analyzer.evaluate(tcp(WEB, API, 8080));
    // THEN
    expect(verdict.reasons.map((r) => [r.policy, r.ruleIndex, r.direction])).toEqual([
      ['shop/api-ingress', 0, TrafficDirection.INGRESS],
      ['shop/web-egress', 0, TrafficDirection.EGRESS],
    ]);
  });

  test('explains a denial in stable text', () => {
    // GIVEN the shop policies
    // WHEN
    const text = analyzer.evaluate(tcp(JOB, DB, 5432)).explain();
    // THEN
    expect(text).toEqual([
      'DENIED: batch/job -> shop/db on TCP 5432',
      '  egress from batch/job: allowed',
      '  ingress to shop/db: denied',
      '  - Egress NOT_ISOLATED: no policy selects batch/job for egress, so all its egress is allowed',
      '  - Ingress NO_RULE_MATCHES shop/db-deny: selects shop/db for ingress and has no ingress rules, so it allows no ingress',
    ].join('\n'));
  });

  test('says which rules admit the peer but not the port', () => {
    // GIVEN the shop policies
    // WHEN
    const reason = analyzer.evaluate(tcp(WEB, API, 9090)).reasons.find((r) => r.code === ReasonCode.NO_RULE_MATCHES);
    // THEN
    expect(reason?.message).toMatch(/rule\(s\) 0 admit the peer but not the port/);
  });

  test('resolves a queried port name on the destination with its protocol', () => {
    // GIVEN a DNS pod whose port "dns" is UDP 53
    const dns = Endpoint.pod({ namespace: 'kube-system', name: 'dns', labels: { app: 'dns' }, ports: [{ name: 'dns', port: 53, protocol: Protocol.UDP }] });
    // WHEN
    const overUdp = analyzer.evaluate({ source: JOB, destination: dns, portName: 'dns', protocol: Protocol.UDP });
    const overTcp = analyzer.evaluate({ source: JOB, destination: dns, portName: 'dns' });
    // THEN
    expect(overUdp.allowed).toBe(true);
    expect(overUdp.port).toBe(53);
    expect(overTcp.codes).toEqual([ReasonCode.UNKNOWN_PORT_NAME]);
  });

  test('uses namespace labels given on the endpoint instead of the manifests', () => {
    // GIVEN a policy admitting pods from namespaces labelled team=a
    const a = PolicyAnalyzer.fromManifests([netpol('shop', 'team-a', {
      podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } } }] }],
    })]);
    const member = Endpoint.pod({ namespace: 'ops', labels: { app: 'x' }, namespaceLabels: { team: 'a' } });
    // WHEN / THEN
    expect(a.evaluate(tcp(member, API, 80)).allowed).toBe(true);
    expect(a.evaluate(tcp(JOB, API, 80)).allowed).toBe(false);
  });

  test('matches ipBlock peers against pod addresses and external addresses', () => {
    // GIVEN ingress to the api only from 10.1.0.0/16 except 10.1.0.0/24
    const a = PolicyAnalyzer.fromManifests([netpol('shop', 'cidr', {
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: [{ ipBlock: { cidr: '10.1.0.0/16', except: ['10.1.0.0/24'] } }] }],
    })]);
    // WHEN / THEN
    expect(a.evaluate(tcp(Endpoint.ip('10.1.5.5'), API, 80)).allowed).toBe(true);
    expect(a.evaluate(tcp(Endpoint.ip('10.1.0.5'), API, 80)).allowed).toBe(false);
    expect(a.evaluate(tcp(Endpoint.pod({ namespace: 'x', labels: {}, ip: '10.1.9.9' }), API, 80)).allowed).toBe(true);
    expect(a.evaluate(tcp(WEB, API, 80)).allowed).toBe(false);
  });

  test('never matches a named egress port on an address', () => {
    // GIVEN egress from web only on the named port "https"
    const a = PolicyAnalyzer.fromManifests([netpol('shop', 'named', {
      podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'https' }] }],
    })]);
    // WHEN / THEN
    expect(a.evaluate(tcp(WEB, INTERNET, 443)).allowed).toBe(false);
  });

  test.each([
    ['neither port nor portName', { source: WEB, destination: API }, { code: ErrorCode.CONFLICTING_OPTIONS, where: 'PolicyAnalyzer.evaluate()', value: {} }],
    ['both port and portName', { source: WEB, destination: API, port: 80, portName: 'http' }, { code: ErrorCode.CONFLICTING_OPTIONS, where: 'PolicyAnalyzer.evaluate()', value: { port: 80, portName: 'http' } }],
    ['port 0', { source: WEB, destination: API, port: 0 }, { code: ErrorCode.PORT_OUT_OF_RANGE, where: 'PolicyAnalyzer.evaluate()', value: 0 }],
    ['a port name that is a number', { source: WEB, destination: API, portName: '80' }, { code: ErrorCode.INVALID_PORT_NAME, where: 'PolicyAnalyzer.evaluate()', value: '80' }],
    ['a protocol outside the enum', { source: WEB, destination: API, port: 80, protocol: 'ICMP' as Protocol }, { code: ErrorCode.INVALID_PROTOCOL, where: 'PolicyAnalyzer.evaluate()', value: 'ICMP' }],
  ])('throws when the query has %s', (_name, query, expected) => {
    // GIVEN the shop policies
    // WHEN
    const run = () => analyzer.evaluate(query as TrafficQuery);
    // THEN
    expect(problemOf(run)).toMatchObject(expected);
  });

  test('treats UDP and TCP as different ports', () => {
    // GIVEN the shop policies (the api admits TCP 8080 only)
    // WHEN / THEN
    expect(analyzer.evaluate(udp(WEB, API, 8080)).allowed).toBe(false);
  });
});
