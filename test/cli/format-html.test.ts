import { readFileSync } from 'fs';
import { DATA } from './formatters.data';
import { Endpoint, PolicyAnalyzer, TruthTableData } from '../../src/analysis';
import { escapeHtml, matrixHtml, writeMatrixHtml } from '../../src/cli/format-html';
import { parseDocuments } from '../../src/cli/load-manifests';
import { collect } from '../../src/cli/output';
import { viewOfTable } from '../../src/cli/table-view';

describe('matrixHtml', () => {
  test('is a self-contained page: inline style, no scripts and no external assets', () => {
    // WHEN
    const html = matrixHtml(DATA, 'Shop');
    // THEN
    expect(html).toMatch(/^<!DOCTYPE html>\n/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
  });

  test('colours each cell by verdict and explains it in a tooltip', () => {
    // WHEN
    const html = matrixHtml(DATA, 'Shop');
    // THEN
    expect(html).toContain('<td class="allow" title="shop/web -&gt; shop/api: allowed">✓</td>');
    expect(html).toContain('<td class="deny" title="shop/api -&gt; shop/api: denied">✗</td>');
    expect(html.match(/<table>/g)).toHaveLength(2);
  });

  test('shows ports with identical tables once, under one heading, as text and Markdown do', () => {
    // WHEN
    const html = matrixHtml(DATA, 'Shop');
    // THEN
    expect(html).toContain('<h2>TCP 80, UDP 53</h2>\n<p class="count">2 of 9 allowed</p>');
    expect(html).toContain('<h2>TCP 443</h2>\n<p class="count">3 of 9 allowed</p>');
  });

  test('puts the tables with allowed cells first, then the ones that deny everything', () => {
    // GIVEN: a first port where everything is denied
    const closed = { ...DATA.matrices[0], port: { ...DATA.matrices[0].port, label: 'TCP 9', port: 9 }, rows: DATA.matrices[0].rows.map((r) => ({ ...r, allowed: r.allowed.map(() => false) })) };
    const data = { ...DATA, matrices: [closed, ...DATA.matrices] };
    // WHEN
    const headings = [...matrixHtml(data, 'Shop').matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    // THEN
    expect(headings).toEqual(['TCP 80, UDP 53', 'TCP 443', 'TCP 9']);
  });

  test('escapes text for HTML', () => {
    // THEN
    expect(escapeHtml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(matrixHtml(DATA, '<dist>')).toContain('<title>&lt;dist&gt;</title>');
  });

  test('marks unknown cells apart: their own class, mark and tooltip, counted apart, with a legend', () => {
    // GIVEN shop/api -> ip:203.0.113.7 unknown on TCP 443
    const matrices = DATA.matrices.map((m) => (m.port.port !== 443 ? m : {
      ...m,
      rows: m.rows.map((r, s) => (s !== 0 ? r : { ...r, allowed: [false, false, false], unknown: [false, false, true] })),
    }));
    const data: TruthTableData = { ...DATA, matrices };
    // WHEN
    const html = matrixHtml(data, 'Shop');
    // THEN
    expect(html).toContain('<td class="unknown" title="shop/api -&gt; ip:203.0.113.7: unknown (a nodes or domainNames peer decides it, which manifests cannot show)">?</td>');
    expect(html).toContain('<h2>TCP 443</h2>\n<p class="count">2 of 9 allowed, 1 unknown</p>');
    expect(html).toContain('<h2>TCP 80, UDP 53</h2>\n<p class="count">2 of 9 allowed</p>');
    expect(html).toMatch(/Amber \(\?\): unknown/);
    expect(matrixHtml(DATA, 'Shop')).not.toMatch(/class="unknown"|Amber/);
  });

  test('writes the same page from the class table, row by row, as from its plain data', () => {
    // GIVEN a table with allowed, denied and unknown cells
    const analyzer = PolicyAnalyzer.fromManifests(parseDocuments('tiers-unknown.yaml', readFileSync('test/fixtures/cli/tiers-unknown.yaml', 'utf8')));
    const table = analyzer.truthTable({ ports: [{ port: 443 }, { port: 8080 }], extraEndpoints: [Endpoint.ip('10.0.0.1'), Endpoint.ip('203.0.113.7')] });
    // WHEN
    const chunks: string[] = [];
    const streamed = collect((out) => writeMatrixHtml(viewOfTable(table), 'Shop', out));
    writeMatrixHtml(viewOfTable(table), 'Shop', { line: (t: string) => chunks.push(`${t}\n`), text: (t: string) => chunks.push(t) } as any);
    // THEN
    expect(streamed).toBe(matrixHtml(table.toData(), 'Shop'));
    expect(streamed).toContain('class="unknown"');
    expect(chunks.length).toBeGreaterThan(table.keys.length); // written a row at a time
  });
});
