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
    expect(html.match(/<table>/g)).toHaveLength(3);
  });

  test('escapes text for HTML', () => {
    // THEN
    expect(escapeHtml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(matrixHtml(DATA, '<dist>')).toContain('<title>&lt;dist&gt;</title>');
  });
});
