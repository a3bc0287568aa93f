/**
 * Run-time argument checks, one table per class of bad input, as plain JavaScript or another jsii language
 * can pass them: each row names the call, and the error must name where, what and the value.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import {
  AllowFromLabel, ClusterNetworkPolicy, ClusterPeer, ClusterPolicyTier, ClusterRuleAction, ClusterSubject, Cni, DnsProfile, Endpoint, ErrorCode,
  INetpolError, LabelSelector, Linter, NetpolErrors, NetworkPolicy, Peer, PolicyAnalyzer, Port, ProbePlan, ProbeRun, Severity, TenantIsolation,
} from '../../src';
import { STRUCTS as ANALYSIS_STRUCTS } from '../../src/analysis/internal/struct-checks';
import { CLUSTER_STRUCTS } from '../../src/cluster/cluster-struct-checks';
import { STRUCTS as LINT_STRUCTS } from '../../src/lint/struct-checks';
import { PROBE_STRUCTS } from '../../src/probes/probe-struct-checks';
import { STRUCTS } from '../../src/struct-checks';
import { netpolMatchers, TRAFFIC_EXPECTATION } from '../../src/testing/matchers';
import { deployment, netpol } from '../util';
import { STRUCTS_NOT_YET_CHECKED } from './samples';

const js = (value: unknown): any => value;
const WEB = LabelSelector.of({ labels: { app: 'web' } });
const policy = (props: object) => new NetworkPolicy(Testing.chart(), 'P', js({ selector: WEB, ingress: [], ...props }));

/** What `call` throws: the library's error (anything else fails the test). */
function errorOf(call: () => unknown): INetpolError {
  try {
    call();
  } catch (e) {
    expect(NetpolErrors.isNetpolError(e)).toBe(true);
    return e as INetpolError;
  }
  throw new Error('the call did not throw');
}

/** The message of what `call` throws. */
function messageOf(call: () => unknown): string {
  return errorOf(call).message;
}

/** [call, code, where, what is wrong, the value as the message shows it] */
type Row = [string, () => unknown, ErrorCode, string, RegExp, string];

const WRONG_TYPES: Row[] = [
  ['a string for a list', () => Peer.ipBlock('10.0.0.0/8', js('10.1.0.0/16')), ErrorCode.WRONG_TYPE, 'Peer.ipBlock()', /except must be a list/, '"10.1.0.0/16"'],
  ['a map for a list', () => LabelSelector.of(js({ expressions: {} })), ErrorCode.WRONG_TYPE, 'LabelSelector.of()', /expressions must be a list/, '{}'],
  ['a number for a string', () => policy({ description: 80 }), ErrorCode.WRONG_TYPE, 'test/P', /description must be a string/, '80'],
  ['a boxed String for a map', () => LabelSelector.of(js({ labels: new String('web') })), ErrorCode.WRONG_TYPE, 'LabelSelector.of()', /labels must be a map of strings/, 'a boxed String "web"'],
  ['a boxed String for a label value', () => Endpoint.pod(js({ namespace: 'shop', labels: { app: new String('web') } })), ErrorCode.WRONG_TYPE, 'Endpoint.pod()', /labels\["app"\] must be a string/, 'a boxed String "web"'],
  ['a boxed Number for a port', () => Port.tcp(js(new Number(80))), ErrorCode.PORT_OUT_OF_RANGE, 'Port.tcp()', /port must be a whole number/, 'a boxed Number 80'],
  ['a function for a struct', () => Endpoint.pod(js(() => 1)), ErrorCode.WRONG_TYPE, 'Endpoint.pod()', /props must be an object/, 'a function'],
  ['a Symbol for a string', () => Cni.named(js(Symbol('calico'))), ErrorCode.WRONG_TYPE, 'Cni.named()', /text must be a string/, 'Symbol(calico)'],
  ['null for an optional value', () => Port.named('http', js(null)), ErrorCode.INVALID_PROTOCOL, 'Port.named()', /protocol must be TCP, UDP or SCTP/, 'null'],
  ['nothing for a required struct', () => Endpoint.pod(js(undefined)), ErrorCode.MISSING_VALUE, 'Endpoint.pod()', /props is required and must be an object/, 'undefined'],
  ['nothing for a chart', () => PolicyAnalyzer.fromChart(js({})), ErrorCode.WRONG_TYPE, 'PolicyAnalyzer.fromChart()', /chart must be a cdk8s Chart/, '{}'],
  ['a non-list of manifests', () => PolicyAnalyzer.fromManifests(js({ kind: 'List' })), ErrorCode.WRONG_TYPE, 'PolicyAnalyzer.fromManifests()', /manifests must be a list/, '{"kind":"List"}'],
  ['a string index', () => PolicyAnalyzer.fromManifests([]).truthTable({ ports: [{ port: 80 }] }).allowedCount(js('0')), ErrorCode.WRONG_TYPE, 'TruthTable.allowedCount()', /portIndex must be a whole number/, '"0"'],
  ['no scope', () => new NetworkPolicy(js(undefined), 'P', { selector: WEB }), ErrorCode.MISSING_VALUE, 'new NetworkPolicy()', /scope is required and must be a construct/, 'undefined'],
  ['a number for an id', () => new NetworkPolicy(Testing.chart(), js(5), { selector: WEB }), ErrorCode.WRONG_TYPE, 'new NetworkPolicy()', /id must be a non-empty string/, '5'],
];

const cluster = (props: object) => new ClusterNetworkPolicy(Testing.chart(), 'C',
  js({ tier: ClusterPolicyTier.ADMIN, priority: 1, subject: ClusterSubject.namespace('shop'), ...props }));
const plan = () => ProbePlan.fromManifests([deployment('shop', 'web', { app: 'web' }, [{ containerPort: 80 }])], { ports: [{ port: 80 }] });

const TIERS_AND_PROBES: Row[] = [
  ['a number for a namespace name', () => ClusterPeer.namespace(js(5)), ErrorCode.WRONG_TYPE, 'ClusterPeer.namespace()', /name must be a string/, '5'],
  ['a plain object for a subject', () => cluster({ subject: { namespaces: {} } }), ErrorCode.WRONG_TYPE, 'test/C', /subject must be a ClusterSubject/, '{"namespaces":{}}'],
  ['a Peer for a ClusterPeer', () => cluster({ ingress: [{ action: ClusterRuleAction.DENY, peers: [Peer.any()] }] }), ErrorCode.WRONG_TYPE, 'test/C',
    /ingress\[0\]\.peers\[0\] must be a ClusterPeer/, 'a Peer (any peer)'],
  ['a typo in a tier rule', () => cluster({ egress: [{ action: ClusterRuleAction.DENY, peers: [ClusterPeer.allPods()], port: [] }] }), ErrorCode.UNKNOWN_FIELD, 'test/C',
    /egress\[0\] has an unknown field "port"/, '"port"'],
  ['null for an added rule', () => cluster({}).addIngressRule(js(null)), ErrorCode.WRONG_TYPE, 'test/C', /rule must be an object/, 'null'],
  ['a string for the tenants', () => new TenantIsolation(Testing.chart(), 'T', js({ tenantLabel: 'tenant', tenants: 'a' })), ErrorCode.WRONG_TYPE, 'test/T', /tenants must be a list/, '"a"'],
  ['a string for probe ports', () => ProbePlan.fromManifests([], js({ ports: '80' })), ErrorCode.WRONG_TYPE, 'ProbePlan.fromManifests()', /ports must be a list/, '"80"'],
  ['a plain object for an analyzer', () => ProbePlan.fromAnalyzer(js({}), { ports: [{ port: 80 }] }), ErrorCode.WRONG_TYPE, 'ProbePlan.fromAnalyzer()', /analyzer must be a PolicyAnalyzer/, '{}'],
  ['a field a saved plan never has', () => ProbePlan.fromJson({ ...plan().toJson(), trusted: true }), ErrorCode.MALFORMED_FIELD, 'ProbePlan.fromJson()', /trusted is not a field of a saved plan/, '"trusted"'],
  ['a saved plan for a plan', () => new ProbeRun(js({ format: plan().toJson().format })), ErrorCode.WRONG_TYPE, 'new ProbeRun()', /plan must be a ProbePlan/,
    '{"format":"cdk8s-netpol/probe-plan@1"}'],
  ['a string for parallel', () => new ProbeRun(plan(), js({ parallel: '4' })), ErrorCode.WRONG_TYPE, 'new ProbeRun()', /parallel must be a number/, '"4"'],
];

const LISTS_WITH_HOLES: Row[] = [
  ['ingress: [null]', () => policy({ ingress: [null] }), ErrorCode.WRONG_TYPE, 'test/P', /ingress\[0\] must be an object/, 'null'],
  ['a sparse list of peers', () => policy({ ingress: [{ peers: [, Peer.any()] }] }), ErrorCode.MISSING_VALUE, 'test/P', /ingress\[0\]\.peers\[0\] is required and must be a Peer/, 'undefined'],
  ['null among ports', () => DnsProfile.custom([Peer.any()], js([null])), ErrorCode.WRONG_TYPE, 'DnsProfile.custom()', /ports\[0\] must be a Port/, 'null'],
  ['undefined among container ports', () => Endpoint.pod(js({ namespace: 'shop', ports: [undefined] })), ErrorCode.MISSING_VALUE, 'Endpoint.pod()', /ports\[0\] is required/, 'undefined'],
];

const LOOK_ALIKES: Row[] = [
  ['a plain object for a selector', () => Peer.pods(js({ labels: { app: 'web' } })), ErrorCode.WRONG_TYPE, 'Peer.pods()', /selector must be a LabelSelector/, '{"labels":{"app":"web"}}'],
  ['a Port for a Peer', () => policy({ ingress: [{ peers: [Port.tcp(80)] }] }), ErrorCode.WRONG_TYPE, 'test/P', /ingress\[0\]\.peers\[0\] must be a Peer/, 'a Port (TCP/80)'],
  ['a string for a Cni', () => Linter.lintManifests([], js({ cni: 'flannel' })), ErrorCode.WRONG_TYPE, 'Linter.lintManifests()', /cni must be a Cni/, '"flannel"'],
  ['a plain object for a Cni', () => Cni.multus(js({ id: 'calico' })), ErrorCode.WRONG_TYPE, 'Cni.multus()', /delegate must be a Cni/, '{"id":"calico"}'],
  ['a plain object for an analyzer', () => PolicyAnalyzer.diff(js({}), PolicyAnalyzer.fromManifests([]), { ports: [] }), ErrorCode.WRONG_TYPE, 'PolicyAnalyzer.diff()', /before must be a PolicyAnalyzer/, '{}'],
];

const UNKNOWN_FIELDS: Row[] = [
  ['a typo in a construct prop', () => new NetworkPolicy(Testing.chart(), 'P', js({ selectro: WEB, ingress: [] })), ErrorCode.UNKNOWN_FIELD, 'test/P', /props has an unknown field "selectro", which would be ignored/, '"selectro"'],
  ['a typo in a rule', () => policy({ ingress: [{ peers: [Peer.any()], port: [Port.HTTPS] }] }), ErrorCode.UNKNOWN_FIELD, 'test/P', /ingress\[0\] has an unknown field "port"/, '"port"'],
  ['a field of another struct', () => Endpoint.pod(js({ namespace: 'shop', cidr: '10.0.0.0/8' })), ErrorCode.UNKNOWN_FIELD, 'Endpoint.pod()', /props has an unknown field "cidr"/, '"cidr"'],
  ['a typo in lint options', () => Linter.lintManifests([], js({ severity: {} })), ErrorCode.UNKNOWN_FIELD, 'Linter.lintManifests()', /options has an unknown field "severity"/, '"severity"'],
];

describe.each([
  ['wrong types', WRONG_TYPES],
  ['lists with holes', LISTS_WITH_HOLES],
  ['look-alikes of library values', LOOK_ALIKES],
  ['unknown fields', UNKNOWN_FIELDS],
  ['tiers and probes', TIERS_AND_PROBES],
])('argument checks: %s', (_class, rows) => {
  test.each(rows)('throws for %s, naming where, what and the value', (_what, call, code, where, problem, shown) => {
    // GIVEN / WHEN
    const error = errorOf(call);
    // THEN
    expect(error.code).toBe(code);
    expect(error.where).toBe(where);
    expect(error.problem).toMatch(problem);
    expect(error.message).toContain(`(got ${shown}). `);
  });
});

describe('argument checks: unknown fields', () => {
  test('name the known fields, and the one a typo probably meant', () => {
    // GIVEN / WHEN
    const message = messageOf(() => new AllowFromLabel(Testing.chart(), 'A', js({ selector: WEB, sourceSelectro: WEB })));
    // THEN
    expect(message).toMatch(/Known fields: name, namespace, selector, ports, sourceSelector, sourceNamespace, sourceNamespaceSelector; did you mean "sourceSelector"\?$/);
  });
});

describe('plain objects instead of endpoints', () => {
  const denyAll = [netpol('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })];
  const lookalike = { key: 'shop/web', isPod: true, namespace: 'shop', labels: { app: 'web' } };

  test('evaluate() refuses them, where reading them would report a deny-all as allowed', () => {
    // GIVEN
    const analyzer = PolicyAnalyzer.fromManifests(denyAll);
    const real = Endpoint.pod({ namespace: 'shop', labels: { app: 'api' } });
    // WHEN
    const message = messageOf(() => analyzer.evaluate(js({ source: real, destination: { ...lookalike }, port: 80 })));
    // THEN
    expect(message).toMatch(/^\[PolicyAnalyzer\.evaluate\(\)\] destination must be an Endpoint \(got \{"key":"shop\/web",.*\)\. Make it with Endpoint\.pod/);
    expect(analyzer.evaluate({ source: real, destination: Endpoint.pod({ namespace: 'shop', labels: { app: 'web' } }), port: 80 }).allowed).toBe(false);
  });

  test('the jest matchers refuse them too', () => {
    // GIVEN
    const real = Endpoint.pod({ namespace: 'shop', labels: { app: 'api' } });
    // WHEN
    const message = messageOf(() => netpolMatchers.toAllowTraffic(denyAll, js({ from: real, to: { ...lookalike }, port: 80 })));
    // THEN
    expect(message).toMatch(/^\[toAllowTraffic\(\)\] to must be an Endpoint/);
  });

  test('an endpoint made by another copy of the package is accepted, by its brand', () => {
    // GIVEN
    let other: any;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      other = require('../../src');
    });
    const foreign = other.Endpoint.pod({ namespace: 'shop', labels: { app: 'web' } });
    const analyzer = PolicyAnalyzer.fromManifests(denyAll);
    // WHEN
    const verdict = analyzer.evaluate({ source: Endpoint.ip('203.0.113.7'), destination: foreign, port: 80 });
    // THEN
    expect(foreign).not.toBeInstanceOf(Endpoint);
    expect(verdict.allowed).toBe(false);
    expect(verdict.destination).toBe('shop/app=web');
  });
});

describe('a CNI given as a string', () => {
  test('is refused, where it would drop the error that Flannel enforces nothing', () => {
    // GIVEN
    const manifests = [netpol('shop', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })];
    // WHEN
    const real = Linter.lintManifests(manifests, { cni: Cni.FLANNEL });
    // THEN
    expect(real.some((f) => f.severity === Severity.ERROR && f.code === 'cni-no-enforcement')).toBe(true);
    expect(messageOf(() => Linter.lintManifests(manifests, js({ cni: 'flannel' })))).toMatch(/cni must be a Cni \(got "flannel"\)/);
  });
});

describe('the checked structs', () => {
  /** Every struct of the jsii assembly that a public method, constructor or struct takes as input. */
  function inputStructs(): Map<string, string[]> {
    const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '.jsii'), 'utf8'));
    const types = assembly.types as Record<string, any>;
    const fieldsOf = (fqn: string): string[] => {
      const type = types[fqn];
      return [...(type.properties ?? []).map((p: any) => p.name), ...(type.interfaces ?? []).flatMap(fieldsOf)];
    };
    const found = new Map<string, string[]>();
    const visit = (typeRef: any): void => {
      const fqn = typeRef?.fqn ?? typeRef?.collection?.elementtype?.fqn;
      if (typeRef?.collection !== undefined) visit(typeRef.collection.elementtype);
      if (fqn === undefined || types[fqn]?.datatype !== true || found.has(types[fqn].name)) return;
      found.set(types[fqn].name, fieldsOf(fqn).sort());
      for (const property of types[fqn].properties ?? []) visit(property.type);
      for (const parent of types[fqn].interfaces ?? []) for (const p of types[parent].properties ?? []) visit(p.type);
    };
    for (const type of Object.values(types)) {
      for (const callable of [type.initializer, ...(type.methods ?? [])]) {
        for (const parameter of callable?.parameters ?? []) visit(parameter.type);
      }
    }
    return found;
  }

  test('are every input struct of the assembly, each with exactly its fields', () => {
    // GIVEN
    const checked = { ...STRUCTS, ...ANALYSIS_STRUCTS, ...LINT_STRUCTS, ...CLUSTER_STRUCTS, ...PROBE_STRUCTS };
    // WHEN
    const declared = inputStructs();
    // THEN
    expect(declared.size).toBeGreaterThan(25);
    expect([...declared.keys()].filter((name) => checked[name] === undefined && !STRUCTS_NOT_YET_CHECKED.includes(name))).toEqual([]);
    expect(STRUCTS_NOT_YET_CHECKED.filter((name) => checked[name] !== undefined || !declared.has(name))).toEqual([]);
    for (const [name, fields] of declared) {
      if (STRUCTS_NOT_YET_CHECKED.includes(name)) continue;
      expect([name, Object.keys(checked[name]).sort()]).toEqual([name, fields]);
    }
  });

  test('include the jest matchers\' expectation', () => {
    expect(Object.keys(TRAFFIC_EXPECTATION).sort()).toEqual(['from', 'port', 'portName', 'protocol', 'to']);
  });
});
