import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';
import { Endpoint, PolicyAnalyzer } from '../../src/analysis';
import { diffJson, diffMarkdown, diffText } from '../../src/cli/format-diff';
import { writeFlowsJson, writeFlowsMarkdown, writeFlowsText } from '../../src/cli/format-flows';
import { graphDot, graphMermaid } from '../../src/cli/format-graph';
import { writeGroupedJson, writeGroupedMarkdown, writeGroupedText } from '../../src/cli/format-grouped';
import { escapeHtml } from '../../src/cli/format-html';
import { writeMatrixJson, writeMatrixMarkdown, writeMatrixText } from '../../src/cli/format-matrix';
import { graphEdges } from '../../src/cli/graph';
import { collect, safeJson } from '../../src/cli/output';
import { viewOfTable } from '../../src/cli/table-view';
import { Protocol } from '../../src/protocol';
import { deployment, netpol } from '../util';

/** Any character that must not reach a terminal raw. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** A name with every kind of unsafe character: clear screen, colour, newline, DEL, a C1 control, bidi override and isolate. */
const HOSTILE = 'x\u001b[2J\u001b[32mALL OK\n0 errors\u007f\u009b\u202e\u2066y';
const QUOTES = 'a"b\\c';

function endpoints(): Endpoint[] {
  return [
    Endpoint.pod({ namespace: 'shop', name: 'web', labels: { app: 'web' } }),
    Endpoint.pod({ namespace: 'shop', name: HOSTILE, labels: { app: 'other' } }),
    Endpoint.pod({ namespace: 'shop', name: QUOTES, labels: { app: 'api' } }),
  ];
}

const MANIFESTS = [
  deployment('shop', 'api', { app: 'api' }, [{ containerPort: 80 }]),
  netpol('shop', 'api-from-web', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }] }),
];
const PORTS = [{ port: 80 }, { port: 53, protocol: Protocol.UDP }];

describe('text outputs escape endpoint keys and port labels', () => {
  // GIVEN a table whose endpoints carry hostile names (a library user may make them; the CLI refuses them)
  const analyzer = PolicyAnalyzer.fromManifests(MANIFESTS);
  const table = analyzer.truthTable({ ports: PORTS, endpoints: endpoints() });
  const view = viewOfTable(table);
  const changes = PolicyAnalyzer.diff(PolicyAnalyzer.fromManifests([]), analyzer, { ports: PORTS, extraEndpoints: endpoints() });

  const outputs: Array<[string, () => string]> = [
    ['matrix text', () => collect((out) => writeMatrixText(view, false, out))],
    ['matrix markdown', () => collect((out) => writeMatrixMarkdown(view, out))],
    ['matrix json', () => collect((out) => writeMatrixJson(view, out))],
    ['grouped text', () => collect((out) => writeGroupedText(view, false, out))],
    ['grouped markdown', () => collect((out) => writeGroupedMarkdown(view, out))],
    ['grouped json', () => collect((out) => writeGroupedJson(view, out))],
    ['sparse text', () => collect((out) => writeFlowsText(view, false, out))],
    ['sparse markdown', () => collect((out) => writeFlowsMarkdown(view, out))],
    ['sparse json', () => collect((out) => writeFlowsJson(view, out))],
    ['diff text', () => diffText(changes, false)],
    ['diff markdown', () => diffMarkdown(changes)],
    ['diff json', () => diffJson(changes)],
    ['graph mermaid', () => graphMermaid(table.keys, [...graphEdges(view, table.endpoints)])],
    ['graph dot', () => graphDot(table.keys, [...graphEdges(view, table.endpoints)])],
  ];

  test.each(outputs)('%s prints no raw control, line break or bidi character', (_name, render) => {
    // WHEN
    const text = render();
    // THEN the hostile endpoint is there, escaped, and nothing unsafe is
    expect(text).toMatch(/x\\{1,2}u(\{1b\}|001b)\[2J/);
    expect(text.replace(/\n/g, '')).not.toMatch(UNSAFE);
  });

  test.each(outputs.filter(([name]) => name.includes('text') || name.includes('markdown') || name.includes('mermaid')))(
    '%s keeps one line per row: a newline in a name adds none', (_name, render) => {
      // WHEN
      const lines = render().split('\n');
      // THEN no line starts with the text after the name's newline
      expect(lines.some((l) => l.startsWith('0 errors'))).toBe(false);
    });

  test('diff and matrix JSON keep the same values: parsed back, the names are the hostile ones', () => {
    // WHEN
    const diff = JSON.parse(diffJson(changes)) as { changes: Array<{ source: string }> };
    const matrix = JSON.parse(collect((out) => writeMatrixJson(view, out))) as { endpoints: string[] };
    // THEN
    expect(diff.changes.map((c) => c.source)).toContain(`shop/${HOSTILE}`);
    expect(matrix.endpoints).toContain(`shop/${HOSTILE}`);
  });

  test('DOT quotes every id and label: a quote and a backslash in a name stay inside their string', () => {
    // WHEN
    const dot = graphDot(table.keys, [...graphEdges(view, table.endpoints)]);
    // THEN
    expect(dot).toContain('"shop/a\\"b\\\\c" [label="a\\"b\\\\c"];');
    expect(dot).toContain('[label="x\\\\u{1b}[2J\\\\u{1b}[32mALL OK\\\\u{a}0 errors\\\\u{7f}\\\\u{9b}\\\\u{202e}\\\\u{2066}y"]');
    // every line is statements whose quoted strings close: an even number of unescaped quotes
    for (const line of dot.split('\n')) {
      expect((line.replace(/\\\\/g, '').replace(/\\"/g, '').match(/"/g) ?? []).length % 2).toBe(0);
    }
  });
});

describe('safeJson', () => {
  test('writes DEL, C1, line separators and bidi controls as \\u escapes, keeping the value', () => {
    // WHEN
    const text = safeJson({ name: HOSTILE, plain: 'é ✓' });
    // THEN
    expect(text).not.toMatch(UNSAFE);
    expect(text).toContain('\\u007f\\u009b\\u202e\\u2066');
    expect(JSON.parse(text)).toEqual({ name: HOSTILE, plain: 'é ✓' });
  });
});

describe('hostile names through the command', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-escaped-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['graph', ['graph', '--format', 'dot']],
    ['graph mermaid', ['graph']],
    ['matrix', ['matrix']],
    ['matrix sparse', ['matrix', '--layout', 'sparse']],
    ['matrix grouped', ['matrix', '--layout', 'grouped', '--format', 'markdown']],
    ['diff', ['diff', '-']],
  ])('%s refuses an --endpoint whose pod name is not a Kubernetes name, escaped', (_name, args) => {
    // GIVEN
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n');
    const [command, ...rest] = args;
    const inputs = command === 'diff' ? [file, file] : [file];
    // WHEN
    const run = runCli([command, ...inputs, ...rest.filter((a) => a !== '-'), '--endpoint', `shop/${HOSTILE}=app=web`]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[--endpoint\] pod name is not a DNS-1123 subdomain \(got "x\\u001b\[2J/);
    expect(run.stderr).not.toMatch(UNSAFE);
    expect(run.stdout).toBe('');
  });

  test('explain refuses a --from pod whose name is not a Kubernetes name, escaped', () => {
    // GIVEN
    const file = path.join(dir, 'm.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c}]}\n');
    // WHEN
    const run = runCli(['explain', file, '--from', `shop/${HOSTILE}=app=web`, '--to', 'shop/web', '--port', '80']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[--from\] pod name is not a DNS-1123 subdomain \(got "x\\u001b\[2J/);
    expect(run.stderr).not.toMatch(UNSAFE);
  });

  test.each(['text', 'markdown', 'json'])('probe run prints the cluster\'s hostile messages escaped (%s)', (format) => {
    // GIVEN a plan, and a stand-in for a cluster whose kubectl answers every call with a hostile error
    const manifests = path.join(dir, 'm.yaml');
    fs.writeFileSync(manifests, 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n');
    const plan = path.join(dir, 'plan');
    expect(runCli(['probe', 'plan', manifests, '--port', '80', '-o', plan]).code).toBe(0);
    const kubectl = path.join(dir, 'kubectl');
    fs.writeFileSync(kubectl, '#!/bin/sh\nprintf \'Error from server (Forbidden): \\033[2J\\033[32mALL OK\\n0 errors \\342\\200\\256x\' >&2\nexit 1\n');
    fs.chmodSync(kubectl, 0o755);
    // WHEN
    const run = runCli(['probe', 'run', plan, '--kubectl', kubectl, '-f', format]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
    expect(run.stderr.replace(/\n/g, '')).not.toMatch(UNSAFE);
    expect(`${run.stdout}${run.stderr}`).toMatch(/(\\u\{1b\}|\\u001b)\[2J(\\u\{1b\}|\\u001b)\[32mALL OK/);
  });

  test('file names with control characters reach no output raw, in any command', () => {
    // GIVEN a directory with a hostile file name holding a non-manifest (named in notes) and a clean policy
    const hostileFile = path.join(dir, `v\u001b[2J\u202e${'\u009b'}.yaml`);
    fs.writeFileSync(hostileFile, 'replicas: 3\n');
    fs.writeFileSync(path.join(dir, 'p.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n');
    // WHEN
    const runs = [
      runCli(['check', dir]),
      runCli(['check', dir, '--format', 'json']),
      runCli(['matrix', dir, '--port', '80']),
      runCli(['graph', dir, '--port', '80', '--format', 'dot']),
      runCli(['diff', dir, dir, '--port', '80']),
      runCli(['explain', dir, '--from', 'shop/web', '--to', 'shop/web', '--port', '80']),
    ];
    // THEN
    for (const run of runs) {
      expect(run.code).not.toBe(3);
      expect(run.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
      expect(run.stderr.replace(/\n/g, '')).not.toMatch(UNSAFE);
    }
    expect(runs[0].stdout).toContain('v\\u{1b}[2J\\u{202e}\\u{9b}.yaml');
  });
});

describe('HTML outputs', () => {
  test('escapeHtml writes control characters and bidi overrides as escapes, keeping line breaks', () => {
    // WHEN
    const html = escapeHtml('a\u202eb<c>\n"d"\u001b[2J');
    // THEN
    expect(html).toBe('a\\u{202e}b&lt;c&gt;\n&quot;d&quot;\\u{1b}[2J');
  });

  test('the review page names an input whose path hides a bidi override escaped', () => {
    // GIVEN manifests in a directory whose name carries RLO and an isolate
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-html-'));
    const inputs = path.join(dir, 'shop\u202e\u2066in');
    fs.mkdirSync(inputs);
    fs.writeFileSync(path.join(inputs, 'm.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n');
    const page = path.join(dir, 'r.html');
    // WHEN
    const run = runCli(['report', inputs, '-o', page, '--port', '80']);
    // THEN the page names it, escaped, and holds nothing unsafe
    expect(run.code).toBe(0);
    const html = fs.readFileSync(page, 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(html).toContain('shop\\u{202e}\\u{2066}in');
    expect(html.replace(/\n/g, '')).not.toMatch(UNSAFE);
  });

});
