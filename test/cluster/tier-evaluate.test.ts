import { Endpoint, PolicyAnalyzer, PolicyTier, ReasonCode, TrafficDirection, VerdictOutcome } from '../../src/analysis';
import { API, INTERNET, netpol, tcp, udp, WEB } from '../util';
import { anp, banp, cnp, nsName } from './tier-manifests';

const OTHER = Endpoint.pod({ namespace: 'other', name: 'x', labels: { app: 'x' } });

/** Admin: pass within shop, deny from other; shop/api admits only app=web; Baseline: deny everything. */
const PLATFORM = [
  cnp('guardrails', {
    tier: 'Admin',
    priority: 10,
    subject: { namespaces: nsName('shop') },
    ingress: [
      { name: 'deny-other', action: 'Deny', from: [{ namespaces: nsName('other') }] },
      { name: 'pass-within', action: 'Pass', from: [{ namespaces: nsName('shop') }] },
    ],
  }),
  netpol('shop', 'api-from-web', {
    podSelector: { matchLabels: { app: 'api' } },
    policyTypes: ['Ingress'],
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
  }),
  cnp('baseline', { tier: 'Baseline', priority: 0, subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] }),
];

describe('tier evaluation', () => {
  const analyzer = PolicyAnalyzer.fromManifests(PLATFORM);

  test('an Admin Deny ends the evaluation: no NetworkPolicy can undo it', () => {
    // GIVEN other/x, denied by the Admin tier  WHEN it calls shop/api
    const verdict = analyzer.evaluate(tcp(OTHER, API, 8080));
    // THEN denied by the Admin rule, named with its tier
    expect(verdict.outcome).toBe(VerdictOutcome.DENIED);
    const reason = verdict.reasons.find((r) => r.direction === TrafficDirection.INGRESS)!;
    expect(reason).toMatchObject({ code: ReasonCode.TIER_DENIED, tier: PolicyTier.ADMIN, policy: 'guardrails', ruleIndex: 0, ruleName: 'deny-other' });
  });

  test('a Pass hands the connection to the NetworkPolicy, and explain shows the chain', () => {
    // GIVEN shop/web, passed by the Admin tier  WHEN it calls shop/api
    const verdict = analyzer.evaluate(tcp(WEB, API, 8080));
    // THEN the NetworkPolicy decides: allowed
    expect(verdict.allowed).toBe(true);
    expect(verdict.explain()).toContain('ingress to shop/api: allowed ([Admin] guardrails rule 1 "pass-within": Pass -> [NetworkPolicy] shop/api-from-web: allowed by ingress rule 0)');
    expect(verdict.reasons.every((r) => r.direction === TrafficDirection.EGRESS || r.tier !== undefined)).toBe(true);
  });

  test('a pod no NetworkPolicy selects falls through to the Baseline tier', () => {
    // GIVEN shop/web (no ingress NetworkPolicy)  WHEN shop/api calls it
    const verdict = analyzer.evaluate(tcp(API, WEB, 80));
    // THEN the Baseline Deny decides
    expect(verdict.allowed).toBe(false);
    expect(verdict.explain()).toContain('[NetworkPolicy] no policy selects it for ingress -> [Baseline] baseline rule 0: Deny');
  });

  test('a Baseline Pass and an unselected pod end in the default: allowed', () => {
    // GIVEN a Baseline that passes everything
    const open = PolicyAnalyzer.fromManifests([cnp('b', {
      tier: 'Baseline',
      priority: 1,
      subject: { namespaces: {} },
      egress: [{ action: 'Pass', to: [{ networks: ['0.0.0.0/0'] }] }],
    })]);
    // WHEN a pod calls an address  THEN allowed by default, after the Pass
    const verdict = open.evaluate(tcp(WEB, INTERNET, 443));
    expect(verdict.allowed).toBe(true);
    expect(verdict.codes).toEqual([ReasonCode.NOT_A_POD, ReasonCode.NOT_ISOLATED, ReasonCode.TIER_PASSED, ReasonCode.DEFAULT_ALLOWED]);
  });

  test('lower priority first, whatever the order of the documents', () => {
    // GIVEN an Accept at priority 5 and a Deny at priority 1, written in the other order
    const make = (first: boolean) => {
      const accept = cnp('accept', { tier: 'Admin', priority: 5, subject: { namespaces: nsName('shop') }, egress: [{ action: 'Accept', to: [{ networks: ['0.0.0.0/0'] }] }] });
      const deny = cnp('deny', { tier: 'Admin', priority: 1, subject: { namespaces: nsName('shop') }, egress: [{ action: 'Deny', to: [{ networks: ['203.0.113.0/24'] }] }] });
      return PolicyAnalyzer.fromManifests(first ? [accept, deny] : [deny, accept]);
    };
    // WHEN evaluated  THEN the priority 1 Deny wins both times
    for (const a of [make(true), make(false)]) {
      expect(a.evaluate(tcp(WEB, INTERNET, 443)).allowed).toBe(false);
      expect(a.evaluate(tcp(WEB, Endpoint.ip('198.51.100.1'), 443)).allowed).toBe(true);
    }
  });

  test('an egress Accept still leaves the destination\'s ingress to decide', () => {
    // GIVEN an Admin Accept of all egress, and shop/api admitting only app=web
    const a = PolicyAnalyzer.fromManifests([PLATFORM[1],
      cnp('accept', { tier: 'Admin', priority: 0, subject: { namespaces: {} }, egress: [{ action: 'Accept', to: [{ namespaces: {} }] }] })]);
    // WHEN other/x calls shop/api  THEN egress accepted, ingress denied
    const verdict = a.evaluate(tcp(OTHER, API, 8080));
    expect([verdict.egressOutcome, verdict.ingressOutcome]).toEqual([VerdictOutcome.ALLOWED, VerdictOutcome.DENIED]);
  });

  test('protocols: number, range and named port, each only for its protocol', () => {
    // GIVEN Accepts on TCP 80, UDP 5000-5010 and the named port "http", then a Deny of everything
    const a = PolicyAnalyzer.fromManifests([cnp('ports', {
      tier: 'Admin',
      priority: 0,
      subject: { namespaces: nsName('shop') },
      ingress: [
        {
          action: 'Accept',
          from: [{ namespaces: {} }],
          protocols: [{ tcp: { destinationPort: { number: 80 } } },
            { udp: { destinationPort: { range: { start: 5000, end: 5010 } } } }, { destinationNamedPort: 'http' }],
        },
        { action: 'Deny', from: [{ namespaces: {} }] },
      ],
    })]);
    // WHEN probed  THEN only the listed ports pass
    expect(a.evaluate(tcp(WEB, API, 80)).allowed).toBe(true);
    expect(a.evaluate(udp(WEB, API, 80)).allowed).toBe(false);
    expect(a.evaluate(udp(WEB, API, 5010)).allowed).toBe(true);
    expect(a.evaluate(udp(WEB, API, 5011)).allowed).toBe(false);
    expect(a.evaluate(tcp(WEB, API, 8080)).allowed).toBe(true); // "http" is 8080 on shop/api
    expect(a.evaluate(udp(WEB, API, 8080)).allowed).toBe(false);
    expect(a.evaluate(tcp(API, WEB, 8080)).allowed).toBe(false); // shop/web has no port named http
  });

  test('subject pods: namespaces AND pods', () => {
    // GIVEN a Deny for app=api pods of shop only
    const a = PolicyAnalyzer.fromManifests([cnp('api-only', {
      tier: 'Admin',
      priority: 0,
      subject: { pods: { namespaceSelector: nsName('shop'), podSelector: { matchLabels: { app: 'api' } } } },
      ingress: [{ action: 'Deny', from: [{ pods: { podSelector: {} } }] }],
    })]);
    // WHEN probed  THEN shop/api is closed and shop/web open
    expect(a.evaluate(tcp(OTHER, API, 8080)).allowed).toBe(false);
    expect(a.evaluate(tcp(OTHER, WEB, 8080)).allowed).toBe(true);
    expect(a.evaluate(tcp(OTHER, Endpoint.pod({ namespace: 'other', name: 'api', labels: { app: 'api' } }), 8080)).allowed).toBe(true);
  });
});

describe('unknown: peers manifests cannot judge', () => {
  const nodes = cnp('nodes', {
    tier: 'Admin',
    priority: 0,
    subject: { namespaces: nsName('shop') },
    egress: [{ name: 'deny-nodes', action: 'Deny', to: [{ nodes: {} }] }],
  });
  const domains = cnp('domains', {
    tier: 'Admin',
    priority: 1,
    subject: { namespaces: nsName('shop') },
    egress: [{ action: 'Accept', to: [{ domainNames: ['*.example.com'] }] }, { action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }],
  });
  const analyzer = PolicyAnalyzer.fromManifests([nodes, domains]);

  test('an address that may be a node is unknown, fails closed, and says why', () => {
    // WHEN shop/web calls an address
    const verdict = analyzer.evaluate(tcp(WEB, Endpoint.ip('10.9.9.9'), 443));
    // THEN unknown, not allowed, with the rule named
    expect([verdict.outcome, verdict.unknown, verdict.allowed]).toEqual([VerdictOutcome.UNKNOWN, true, false]);
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: ReasonCode.PEER_UNKNOWN, policy: 'nodes', ruleName: 'deny-nodes' }));
    expect(verdict.explain()).toMatch(/^UNKNOWN: /);
  });

  test('a pod is never a node or a domain name: decided', () => {
    // WHEN shop/web calls shop/api (a pod at 10.1.0.20)
    const verdict = analyzer.evaluate(tcp(WEB, API, 8080));
    // THEN the nodes and domainNames rules do not match, and the networks Deny (pod addresses count) decides
    expect(verdict.outcome).toBe(VerdictOutcome.DENIED);
    expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: ReasonCode.TIER_DENIED, policy: 'domains', ruleIndex: 1 }));
  });

  test('an unknown match that leads to the same outcome either way is decided', () => {
    // GIVEN only the domainNames Accept followed by an Accept of everything
    const a = PolicyAnalyzer.fromManifests([cnp('d', {
      tier: 'Admin',
      priority: 0,
      subject: { namespaces: {} },
      egress: [{ action: 'Accept', to: [{ domainNames: ['example.com'] }] }, { action: 'Accept', to: [{ networks: ['0.0.0.0/0'] }] }],
    })]);
    // THEN allowed, not unknown
    expect(a.evaluate(tcp(WEB, INTERNET, 443)).outcome).toBe(VerdictOutcome.ALLOWED);
  });

  test('the truth table shows unknown cells, never as allowed', () => {
    // WHEN a table is computed with an address
    const table = analyzer.truthTable({ ports: [{ port: 443 }], extraEndpoints: [WEB, INTERNET] });
    // THEN the web -> internet cell is unknown and not allowed; the data carries it
    expect(table.isUnknown('shop/web', 'ip:203.0.113.7', 0)).toBe(true);
    expect(table.isAllowed('shop/web', 'ip:203.0.113.7', 0)).toBe(false);
    expect(table.unknownCount(0)).toBe(1);
    const row = table.toData().matrices[0].rows.find((r) => r.source === 'shop/web')!;
    expect(row.unknown).toEqual([false, true]);
  });
});

describe('v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy', () => {
  const analyzer = PolicyAnalyzer.fromManifests([
    anp('tenants', {
      priority: 5,
      subject: { namespaces: {} },
      ingress: [
        { name: 'pass-same', action: 'Pass', from: [{ namespaces: nsName('shop') }], ports: [{ portNumber: { protocol: 'TCP', port: 8080 } }] },
        { action: 'Allow', from: [{ namespaces: nsName('other') }], ports: [{ portRange: { start: 9000, end: 9100 } }, { namedPort: 'http' }] },
      ],
    }),
    banp({ subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] }),
  ]);

  test('Allow reads as Accept, Pass goes on to the Baseline', () => {
    // WHEN probed  THEN other -> shop on the range or the named port is allowed by the ANP; shop -> shop falls to the BANP deny
    expect(analyzer.evaluate(tcp(OTHER, API, 9050)).codes).toContain(ReasonCode.TIER_ACCEPTED);
    expect(analyzer.evaluate(tcp(OTHER, API, 8080)).allowed).toBe(true);
    const passed = analyzer.evaluate(tcp(WEB, API, 8080));
    expect(passed.allowed).toBe(false);
    expect(passed.reasons.map((r) => r.policy).filter((p) => p !== undefined)).toEqual(['AdminNetworkPolicy/tenants', 'BaselineAdminNetworkPolicy/default']);
  });
});

describe('without cluster-wide policies', () => {
  test('explanations stay as they were: no chain, the tier only in the data', () => {
    // GIVEN only a NetworkPolicy
    const verdict = PolicyAnalyzer.fromManifests([PLATFORM[1]]).evaluate(tcp(WEB, API, 8080));
    // THEN no chain text, but the tier on each NetworkPolicy reason
    expect(verdict.explain()).not.toContain('[NetworkPolicy]');
    expect(verdict.reasons.find((r) => r.code === ReasonCode.ALLOWED_BY_RULE)!.tier).toBe(PolicyTier.NETWORK_POLICY);
  });
});

describe('diff with unknown verdicts', () => {
  test('a connection that becomes unknown is a change, reported as not allowed and unknown', () => {
    // GIVEN no policy before, a nodes Deny after
    const before = PolicyAnalyzer.fromManifests([]);
    const after = PolicyAnalyzer.fromManifests([cnp('nodes', { tier: 'Admin', priority: 0, subject: { namespaces: {} }, egress: [{ action: 'Deny', to: [{ nodes: {} }] }] })]);
    // WHEN diffed with a pod and an address
    const changes = PolicyAnalyzer.diff(before, after, { ports: [{ port: 443 }], extraEndpoints: [WEB, INTERNET] });
    // THEN the web -> internet cell changed to unknown
    expect(changes).toEqual([{ source: 'shop/web', destination: 'ip:203.0.113.7', port: 443, portName: undefined, protocol: 'TCP', allowedBefore: true, allowedAfter: false, unknownAfter: true }]);
  });
});
