import * as fs from 'fs';
import * as path from 'path';
import { Cni, Linter, Severity } from '../../src/lint';
import { ErrorCode, problemOf } from '../problems';
import { netpol } from '../util';

function annotated(policy: any, value: string): any {
  return { ...policy, metadata: { ...policy.metadata, annotations: { 'cdk8s-netpol.dev/lint': value } } };
}

const PORTS_ONLY = (name: string) => netpol('shop', name, { policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }, { to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] }] });

describe('Linter', () => {
  test('returns findings sorted by object, then severity and code, the same on every run', () => {
    // GIVEN
    const manifests = [netpol('blog', 'b', { policyTypes: ['Egress'] }), PORTS_ONLY('a'), netpol(undefined as any, 'c', {})];
    // WHEN
    const first = Linter.lintManifests(manifests);
    const second = Linter.lintManifests([...manifests]);
    // THEN
    expect(first.map((f) => `${f.object} ${f.code}`)).toEqual([
      'NetworkPolicy blog/b egress-blocks-dns',
      'NetworkPolicy default/c missing-namespace',
      'NetworkPolicy shop/a egress-ports-without-destinations',
    ]);
    expect(second).toEqual(first);
  });

  test('writes messages in the project format, naming the object and the field', () => {
    // GIVEN
    const manifests = [PORTS_ONLY('api')];
    // WHEN
    const [finding] = Linter.lintManifests(manifests);
    // THEN
    expect(finding.message).toMatch(/^\[NetworkPolicy shop\/api\] spec\.egress\[0\]: .+ \(got .+\)\. .+\.$/);
    expect(finding).toMatchObject({ policy: 'shop/api', source: 'manifests[0]', documentIndex: 0, field: 'spec.egress[0]' });
  });

  test('names documents with the given sources', () => {
    // GIVEN
    const sources = ['dist/app.k8s.yaml#0'];
    // WHEN
    const findings = Linter.lintManifests([PORTS_ONLY('api')], { sources });
    // THEN
    expect(findings.map((f) => f.source)).toEqual(['dist/app.k8s.yaml#0']);
  });

  test('reports an unreadable document and still lints the others', () => {
    // GIVEN
    const broken = netpol('shop', 'broken', { ingres: [] });
    // WHEN
    const findings = Linter.lintManifests([broken, PORTS_ONLY('api')]);
    // THEN
    expect(findings.map((f) => f.code).sort()).toEqual(['egress-ports-without-destinations', 'invalid-manifest']);
  });

  test('changes severities per app and switches checks off', () => {
    // GIVEN
    const manifests = [PORTS_ONLY('api'), netpol(undefined as any, 'c', {})];
    // WHEN
    const findings = Linter.lintManifests(manifests, { severities: { 'egress-ports-without-destinations': 'error', 'missing-namespace': 'off' } });
    // THEN
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['egress-ports-without-destinations', Severity.ERROR]]);
  });

  test('lets a policy annotation override the app severity for that policy only', () => {
    // GIVEN
    const quiet = annotated(PORTS_ONLY('quiet'), 'egress-ports-without-destinations=off');
    const loud = annotated(PORTS_ONLY('loud'), 'egress-ports-without-destinations=error');
    // WHEN
    const findings = Linter.lintManifests([quiet, loud, PORTS_ONLY('plain')], { severities: { 'egress-ports-without-destinations': 'info' } });
    // THEN
    const ports = findings.filter((f) => f.code === 'egress-ports-without-destinations');
    expect(ports.map((f) => [f.policy, f.severity])).toEqual([['shop/loud', Severity.ERROR], ['shop/plain', Severity.INFO]]);
  });

  test('switches every check off for a policy annotated "*=off"', () => {
    // GIVEN
    const manifests = [annotated(PORTS_ONLY('api'), '*=off')];
    // WHEN
    const findings = Linter.lintManifests(manifests);
    // THEN
    expect(findings).toEqual([]);
  });

  test('lets options change a CNI finding that is an error by default', () => {
    // GIVEN
    const manifests = [netpol('shop', 'api', {})];
    // WHEN
    const findings = Linter.lintManifests(manifests, { cni: Cni.FLANNEL, severities: { 'cni-no-enforcement': 'warning' } });
    // THEN
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['cni-no-enforcement', Severity.WARNING]]);
  });

  test('throws when options name an unknown check code', () => {
    expect(problemOf(() => Linter.lintManifests([], { severities: { 'no-such-check': 'off' } }))).toMatchObject({ code: ErrorCode.UNKNOWN_VALUE, where: 'LintOptions.severities', value: 'no-such-check' });
  });

  test('throws when options give an unknown severity', () => {
    expect(problemOf(() => Linter.lintManifests([], { severities: { 'shadowed-rule': 'fatal' } }))).toMatchObject({ code: ErrorCode.UNKNOWN_VALUE, where: 'LintOptions.severities', value: 'fatal' });
  });

  test('throws when a cluster CIDR is malformed', () => {
    expect(problemOf(() => Linter.lintManifests([], { clusterCidrs: ['10.0.0.0'] }))).toMatchObject({ code: ErrorCode.INVALID_CIDR, where: 'LintOptions.clusterCidrs[0]', value: '10.0.0.0' });
  });

  test('throws when manifests is not a list', () => {
    expect(problemOf(() => Linter.lintManifests({} as any))).toMatchObject({ code: ErrorCode.WRONG_TYPE, where: 'Linter.lintManifests()', value: {} });
  });

  test('lists every check with a code, a description and a default severity, sorted by code', () => {
    // WHEN
    const checks = Linter.checks();
    // THEN
    const codes = checks.map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(['egress-blocks-dns', 'shadowed-rule', 'cni-no-enforcement']));
    for (const check of checks) {
      expect(check.description).toMatch(/\.$/);
      expect(Object.values(Severity)).toContain(check.defaultSeverity);
    }
  });
});

describe('docs/lint.md', () => {
  test('lists every check with its default severity', () => {
    // GIVEN
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'lint.md'), 'utf8');
    // WHEN
    const rows = Linter.checks().map((c) => `| \`${c.code}\` | ${c.defaultSeverity} | ${c.description} |`);
    // THEN
    for (const row of rows) {
      expect(text).toContain(row);
    }
  });
});
