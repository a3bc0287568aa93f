import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n';
const CILIUM = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: lock, namespace: shop}\nspec: {endpointSelector: {}}\n';

describe('outputs name the objects they leave out', () => {
  let dir: string;
  let withCilium: string;
  let plain: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-unanalyzed-'));
    withCilium = path.join(dir, 'with.yaml');
    plain = path.join(dir, 'plain.yaml');
    fs.writeFileSync(withCilium, `${POD}---\n${CILIUM}`);
    fs.writeFileSync(plain, POD);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const expected = () => [{ kind: 'CiliumNetworkPolicy', apiVersion: 'cilium.io/v2', object: 'CiliumNetworkPolicy shop/lock', document: `${withCilium}#1` }];

  // the command without its input, and where the field sits in the parsed output
  const jsonCommands: Array<[string, (input: string) => string[]]> = [
    ['explain', (f) => ['explain', f, '--from', 'shop/web', '--to', 'shop/web', '--port', '80', '--format', 'json']],
    ['matrix full', (f) => ['matrix', f, '--layout', 'full', '--format', 'json']],
    ['matrix grouped', (f) => ['matrix', f, '--layout', 'grouped', '--format', 'json']],
    ['matrix sparse', (f) => ['matrix', f, '--layout', 'sparse', '--format', 'json']],
    ['diff', (f) => ['diff', f, f, '--format', 'json']],
  ];

  test.each(jsonCommands)('%s JSON carries them in "unanalyzed", as valid JSON', (_name, args) => {
    // WHEN
    const run = runCli(args(withCilium));
    // THEN
    expect(run.code).not.toBe(2);
    const data = JSON.parse(run.stdout);
    // diff reads the file on both sides: each side's objects are listed
    const want = _name === 'diff' ? [...expected(), ...expected()] : expected();
    expect(data.unanalyzed).toEqual(want);
    expect(Object.keys(data).pop()).toBe('unanalyzed');
    expect(run.stderr).toContain('note: this answer leaves out 1 policy of kinds that are not analyzed');
  });

  test.each(jsonCommands)('%s JSON has no "unanalyzed" member when nothing is left out', (_name, args) => {
    // WHEN
    const run = runCli(args(plain));
    // THEN
    expect(JSON.parse(run.stdout)).not.toHaveProperty('unanalyzed');
  });

  test.each([
    ['mermaid', '  %% note: this graph leaves out CiliumNetworkPolicy shop/lock (cilium.io/v2, '],
    ['dot', '  // note: this graph leaves out CiliumNetworkPolicy shop/lock (cilium.io/v2, '],
  ])('graph %s says so in a comment line after the header', (format, line) => {
    // WHEN
    const run = runCli(['graph', withCilium, '--format', format]);
    const clean = runCli(['graph', plain, '--format', format]);
    // THEN
    const lines = run.stdout.split('\n');
    expect(lines.findIndex((l) => l.startsWith(line))).toBe(format === 'dot' ? 3 : 1);
    expect(clean.stdout).not.toContain('note:');
  });
});
