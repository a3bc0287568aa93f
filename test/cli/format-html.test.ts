import { DATA } from './formatters.data';
import { escapeHtml, matrixHtml } from '../../src/cli/format-html';

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
});
