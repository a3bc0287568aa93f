/**
 * The indexed lint checks report exactly what the straightforward reference implementations
 * (bench/lint-reference.ts) report, report for report and in the same order, on the CLI fixtures and on
 * generated clusters of both benchmark generators.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { generateCluster } from '../../bench/cli-clusters';
import { REFERENCE_CHECKS } from '../../bench/lint-reference';
import { Cni } from '../../src/lint/cni/cni';
import { Report } from '../../src/lint/engine/check';
import { LintContext } from '../../src/lint/engine/context';
import { LintIndex } from '../../src/lint/engine/lint-index';
import { readDocuments } from '../../src/lint/engine/read-documents';
import { CHECKS } from '../../src/lint/engine/registry';

const FIXTURES = join(__dirname, '..', 'fixtures', 'cli');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function readFixture(path: string): any[] {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.json')) {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value : [value];
  }
  return parseAllDocuments(text).map((d) => d.toJSON()).filter((d) => d !== null);
}

/** The mixed cluster with some policies annotated as meant without egress, and every third workload removed. */
function annotatedMixed(n: number): any[] {
  return generateCluster('mixed', n, 5).filter((m, i) => m.kind !== 'Deployment' || i % 3 !== 0).map((m, i) => (
    m.kind === 'NetworkPolicy' && i % 7 === 0 ? { ...m, metadata: { ...m.metadata, annotations: { 'cdk8s-netpol.dev/no-egress': 'true' } } } : m));
}

const CASES: Array<[string, any[]]> = [
  ...filesUnder(FIXTURES).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.includes('not-yaml')).map((f) => [f.slice(FIXTURES.length + 1), readFixture(f)] as [string, any[]]),
  ['unique 300', generateCluster('unique', 300)],
  ['mixed 300', generateCluster('mixed', 300)],
  ['mixed 300, annotated, fewer workloads', annotatedMixed(300)],
  ['mixed 300, policies only', generateCluster('mixed', 300).filter((m) => m.kind !== 'Deployment')],
];

function context(manifests: any[], withIndex: boolean): LintContext {
  const read = readDocuments(manifests, [], Cni.UNKNOWN, [], CHECKS.map((c) => c.code));
  return withIndex ? { ...read, index: new LintIndex(read.model, read.docs) } : read;
}

function plain(reports: Array<Omit<Report, 'messageId'>>): unknown[] {
  const prose = { messageId: undefined, data: undefined, problem: undefined, fix: undefined };
  return reports.map((r) => JSON.parse(JSON.stringify({ ...r, ...prose, doc: r.doc?.object, source: r.doc?.source })));
}

describe('indexed lint checks', () => {
  test.each(CASES)('report what the reference implementations report on %s', (_name, manifests) => {
    // GIVEN one context with a shared index and one without
    const shared = context(manifests, true);
    const alone = context(manifests, false);
    for (const [code, reference] of Object.entries(REFERENCE_CHECKS)) {
      const check = CHECKS.find((c) => c.code === code)!;
      // WHEN
      const expected = plain(reference(alone));
      // THEN
      expect({ code, reports: plain(check.check(shared)) }).toEqual({ code, reports: expected });
      expect({ code, reports: plain(check.check(alone)) }).toEqual({ code, reports: expected });
    }
  });

  test('the generated clusters exercise every indexed check', () => {
    // GIVEN the generated cases
    const generated = CASES.filter(([name]) => !name.includes('.'));
    // WHEN the reference reports are counted per check
    const counts = Object.entries(REFERENCE_CHECKS).map(([code, reference]) =>
      [code, generated.reduce((sum, [, m]) => sum + reference(context(m, false)).length, 0) > 0]);
    // THEN each check reports something somewhere
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(Object.keys(REFERENCE_CHECKS).map((c) => [c, true])));
  });
});
