/**
 * The matrix layouts and the streamed writers: grouped and sparse say what the full table says, the full
 * forms keep the bytes of the plain-data formatters, and --layout auto switches above 100 endpoints.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { fixture, runCli } from './run-cli';
import { generateCluster } from '../../bench/cli-clusters';
import { PolicyAnalyzer, ProbePort, TruthTable } from '../../src/analysis';
import { allowedFlows } from '../../src/cli/format-flows';
import { matrixJson, matrixMarkdown, matrixText, writeMatrixJson, writeMatrixMarkdown, writeMatrixText } from '../../src/cli/format-matrix';
import { aggregateEdges, graphEdges } from '../../src/cli/graph';
import { collect } from '../../src/cli/output';
import { viewOfTable } from '../../src/cli/table-view';
import { Protocol } from '../../src/protocol';

const PORTS: ProbePort[] = [{ port: 8080 }, { portName: 'http' }, { port: 53, protocol: Protocol.UDP }];

function table(generator: 'unique' | 'mixed', n: number): TruthTable {
  return PolicyAnalyzer.fromManifests(generateCluster(generator, n)).truthTable({ ports: PORTS });
}

describe('matrix layouts', () => {
  test.each([['unique', 70], ['mixed', 90]] as const)('the streamed full forms of a %s table of %d write the bytes of the plain-data forms', (generator, n) => {
    // GIVEN
    const t = table(generator, n);
    const data = t.toData();
    // WHEN
    const view = viewOfTable(t);
    // THEN
    expect(collect((out) => writeMatrixJson(view, out))).toBe(matrixJson(data));
    expect(collect((out) => writeMatrixJson(view, out))).toBe(`${JSON.stringify(data, undefined, 2)}\n`);
    expect(collect((out) => writeMatrixText(view, true, out))).toBe(matrixText(data, true));
    expect(collect((out) => writeMatrixMarkdown(view, out))).toBe(matrixMarkdown(data));
    expect([...graphEdges(view, t.endpoints)]).toEqual(aggregateEdges(data, t.endpoints));
  });

  test('sparse lists exactly the allowed cells, in source then destination order, with their ports', () => {
    // GIVEN
    const t = table('mixed', 90);
    const data = t.toData();
    // WHEN
    const flows = [...allowedFlows(viewOfTable(t))];
    // THEN
    const expected = data.endpoints.flatMap((source, s) => data.endpoints.map((destination, d) => ({
      source, destination, ports: data.matrices.filter((m) => m.rows[s].allowed[d]).map((m) => m.port.label),
    }))).filter((f) => f.ports.length > 0);
    expect(flows).toEqual(expected);
    expect(flows.length).toBeGreaterThan(0);
  });

  test('grouped JSON lists each class with its members, and rows of classes whose cells are the full table\'s', () => {
    // GIVEN the shop fixture, whose api, db and web fall in different classes
    const run = runCli(['matrix', fixture('shop'), '--layout', 'grouped', '-f', 'json', '--port', '8080']);
    const full = JSON.parse(runCli(['matrix', fixture('shop'), '-f', 'json', '--port', '8080']).stdout);
    // WHEN
    const grouped = JSON.parse(run.stdout);
    // THEN every cell of the full table follows from the class rows
    expect(run.code).toBe(0);
    expect(grouped.layout).toBe('grouped');
    const classOf = new Map<string, number>();
    grouped.classes.forEach((c: any) => c.members.forEach((m: string) => classOf.set(m, c.class)));
    expect([...classOf.keys()].sort()).toEqual([...full.endpoints].sort());
    const rows = new Map(grouped.matrices[0].rows.map((r: any) => [r.class, new Set(r.allowed)]));
    full.matrices[0].rows.forEach((row: any) => row.allowed.forEach((a: boolean, d: number) =>
      expect((rows.get(classOf.get(row.source)) as Set<number>).has(classOf.get(full.endpoints[d])!)).toBe(a)));
    expect(grouped.matrices[0].allowedCount).toBe(full.matrices[0].rows.flatMap((r: any) => r.allowed).filter((a: boolean) => a).length);
  });

  test('grouped and sparse text of the shop fixture', () => {
    // WHEN
    const grouped = runCli(['matrix', fixture('shop'), '--layout', 'grouped', '--port', '8080,5432']);
    const sparse = runCli(['matrix', fixture('shop'), '--layout', 'sparse', '--port', '8080,5432']);
    // THEN
    expect(grouped.code).toBe(0);
    expect(sparse.code).toBe(0);
    expect(grouped.stdout).toMatchSnapshot();
    expect(sparse.stdout).toMatchSnapshot();
  });

  test('auto prints the full table up to 100 endpoints and the grouped one above', () => {
    // GIVEN 100 and 101 workloads
    const dir = mkdtempSync(join(tmpdir(), 'netpol-layout-'));
    const write = (n: number) => {
      const file = join(dir, `c${n}.yaml`);
      writeFileSync(file, generateCluster('unique', n).map((m) => stringify(m)).join('---\n'));
      return file;
    };
    // WHEN
    const small = runCli(['matrix', write(99), '--port', '8080', '-f', 'json']);
    const large = runCli(['matrix', write(101), '--port', '8080', '-f', 'json']);
    // THEN
    expect(JSON.parse(small.stdout).layout).toBeUndefined();
    expect(JSON.parse(small.stdout).matrices[0].rows).toHaveLength(99);
    expect(JSON.parse(large.stdout).layout).toBe('grouped');
  });

  test('fails when html is asked for above 100 endpoints without --layout full, and on an unknown layout', () => {
    // GIVEN
    const dir = mkdtempSync(join(tmpdir(), 'netpol-layout-'));
    const file = join(dir, 'c.yaml');
    writeFileSync(file, generateCluster('unique', 101).map((m) => stringify(m)).join('---\n'));
    // WHEN
    const html = runCli(['matrix', file, '--port', '8080', '-f', 'html']);
    const unknown = runCli(['matrix', file, '--layout', 'diagonal']);
    // THEN
    expect(html.code).toBe(2);
    expect(html.stderr).toMatch(/\[--format\] html draws the full table, which is not readable for 101 endpoints.*--layout full/);
    expect(unknown.code).toBe(2);
  });
});
