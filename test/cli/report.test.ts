import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLE_DIST, fixture, runCli } from './run-cli';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-report-')), 'report.html');

describe('cdk8s-netpol report', () => {
  test('writes one self-contained page: summary, inline SVG graph, findings, truth table and policies, no script or external asset', () => {
    // GIVEN
    const file = tmp();
    // WHEN
    const run = runCli(['report', EXAMPLE_DIST, '-o', file]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`wrote ${file}\n`);
    const html = fs.readFileSync(file, 'utf8');
    for (const id of ['summary', 'graph', 'findings', 'matrix', 'policies']) {
      expect(html).toContain(`<h2 id="${id}">`);
    }
    expect(html).not.toContain('<h2 id="diff">');
    expect(html).toMatch(/<div class="graph"><svg /);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/);
    expect(html).toContain('<li data-count="unisolated"><span class="count-n">0</span>');
    const toInternet = html.match(/<li data-count="to-internet">.*<\/li>/)![0];
    expect(toInternet).toContain('<code>shop/api</code> → <code>ip:203.0.113.7</code>: 443</li>');
    expect(toInternet).not.toContain('shop/db');
  });

  test('marks the unknown cells of the matrix and the flows whose verdict is unknown, never as allowed', () => {
    // GIVEN shop/web's HTTPS to the internet is unknown (a domainNames Accept of a cluster-wide policy)
    const file = tmp();
    // WHEN
    const run = runCli(['report', fixture('tiers-unknown.yaml'), '-o', file]);
    // THEN
    expect(run.code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    const unknown = html.match(/<li data-count="unknown">.*<\/li>/)![0];
    expect(unknown).toContain('<span class="count-n">1</span>');
    expect(unknown).toContain('<code>shop/web</code> → <code>ip:203.0.113.7</code>: <span class="unknown-flow">unknown: 443</span>');
    const toInternet = html.match(/<li data-count="to-internet">.*<\/li>/)![0];
    expect(toInternet).toContain('<code>shop/api</code> → <code>ip:203.0.113.7</code>');
    expect(toInternet).not.toContain('shop/web');
    expect(html).toContain('<td class="unknown" title="shop/web -&gt; ip:203.0.113.7: unknown');
    expect(html).toMatch(/<h2 id="matrix">Truth table<\/h2><p>[^<]*Amber \(\?\): unknown/);
    expect(html).toMatch(/<p class="count">\d+ of \d+ allowed, 1 unknown/);
  });

  test('is the same page on every run', () => {
    // GIVEN
    const [a, b] = [tmp(), tmp()];
    // WHEN
    runCli(['report', fixture('shop'), '-o', a]);
    runCli(['report', fixture('shop'), '-o', b]);
    // THEN
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
  });

  test('adds the diff against the base with two inputs', () => {
    // GIVEN
    const file = tmp();
    // WHEN
    const run = runCli(['report', fixture('before.yaml'), fixture('after.yaml'), '-o', file]);
    // THEN
    expect(run.code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('<h2 id="diff">Changes</h2>');
    expect(html).toMatch(/data-count="changes">\d+ flow\(s\) changed against <code>test\/fixtures\/cli\/before.yaml<\/code>/);
  });

  test('fails with exit 2 without -o, with more than two inputs, and on malformed input', () => {
    // WHEN
    const noOutput = runCli(['report', EXAMPLE_DIST]);
    const three = runCli(['report', EXAMPLE_DIST, EXAMPLE_DIST, EXAMPLE_DIST, '-o', tmp()]);
    const malformed = runCli(['report', fixture('malformed.yaml'), '-o', tmp()]);
    // THEN
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain("required option '-o, --output <file>' not specified");
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/\[report\] takes one input, or two .*\(got \[/);
    expect(malformed.code).toBe(2);
  });

  test('escapes what the input says (no HTML injection through annotations)', () => {
    // GIVEN
    const yaml = [
      'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy',
      'metadata: {name: api, namespace: shop, annotations: {cdk8s-netpol.dev/description: "<script>alert(1)</script>"}}',
      'spec: {podSelector: {}, ingress: [{ports: [{port: 80}]}]}', '',
    ].join('\n');
    const file = tmp();
    // WHEN
    const run = runCli(['report', '-', '-o', file], { input: yaml });
    // THEN
    expect(run.code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });
});
