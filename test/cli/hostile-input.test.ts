import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runCli } from './run-cli';

/** A clean policy document, one line. */
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n';
/** Any byte that must not reach a terminal. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('hostile input', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-hostile-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // what, the input on stdin, extra environment, the message (exit 2 each)
  const refused: Array<[string, string, Record<string, string>, RegExp]> = [
    ['an alias bomb', ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n'),
      {}, /^cdk8s-netpol: \[<stdin>#0 line \d+\] \S+ expands to more than 100000 values through aliases .*CDK8S_NETPOL_MAX_ALIAS_VALUES/],
    ['nesting past the depth', `${'['.repeat(150)}${']'.repeat(150)}`, {}, /^cdk8s-netpol: \[<stdin>#0 line 1\] \S+ nests deeper than 100 levels/],
    ['more bytes than allowed', POLICY, { CDK8S_NETPOL_MAX_INPUT_BYTES: '10' }, /^cdk8s-netpol: \[<stdin>\] takes the input past 10 bytes \(got \d+\)/],
    ['more documents than allowed', `${POLICY}---\n${POLICY}`, { CDK8S_NETPOL_MAX_DOCUMENTS: '1' }, /^cdk8s-netpol: \[<stdin>\] takes the input past 1 documents \(got 2\)/],
    ['a malformed limit', POLICY, { CDK8S_NETPOL_MAX_DEPTH: 'lots' }, /^cdk8s-netpol: \[CDK8S_NETPOL_MAX_DEPTH\] must be a positive whole number \(got "lots"\)/],
    ['no documents', '# only a comment\n---\n', {}, /^cdk8s-netpol: \[<stdin>\] holds no documents/],
    ['an empty stream', '', {}, /^cdk8s-netpol: \[<stdin>\] holds no documents/],
  ];

  test.each(refused)('refuses %s with exit 2 and one line', (_name, input, env, message) => {
    // WHEN
    const run = runCli(['check', '-'], { input, env });
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  test('reads 130,000 tiny documents without overflowing the stack', () => {
    // GIVEN
    const input = Array.from({ length: 130_000 }, () => '{}').join('\n---\n');
    // WHEN
    const run = runCli(['check', '-'], { input });
    // THEN
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^130000 documents checked: 0 errors/);
  });

  test('escapes control characters and bidi overrides of the input in text output', () => {
    // GIVEN a key that tries to clear the screen and print a fake summary line
    const input = `${POLICY.replace('metadata: {name: a, namespace: shop}', 'metadata: {name: a, namespace: shop, labels: {"\\e[2J\\e[32mALL OK\\n0 errors\\u202e": x}}')}`;
    // WHEN
    const run = runCli(['check', '-'], { input });
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\\u001b[2J\\u001b[32mALL OK\\n0 errors\\u{202e}');
    expect(run.stdout).not.toMatch(UNSAFE);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  test('escapes an error message built from the input', () => {
    // WHEN
    const run = runCli(['explain', '-', '--from', 'shop/a', '--to', 'shop/b', '--port', '80'], { input: POLICY.replace('name: a', 'name: "a\\e]0;x\\a"') });
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(UNSAFE);
    expect(run.stderr).toContain('a\\u001b]0;x\\u0007');
  });

  test('skips a FIFO in a directory and names it', () => {
    // GIVEN
    fs.writeFileSync(path.join(dir, 'a.yaml'), POLICY);
    const fifo = path.join(dir, 'pipe.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.status !== 0) return; // no mkfifo on this system
    // WHEN
    const run = runCli(['check', dir]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`skipped, not regular files: ${fifo} (a FIFO)`);
  });

  test('refuses - given twice as a usage error', () => {
    // WHEN
    const run = runCli(['diff', '-', '-'], { input: POLICY });
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[-\] is given twice, but stdin can be read only once/);
  });

  test('says a closed stdin cannot be read', () => {
    // WHEN
    const run = spawnSync('sh', ['-c', `"${process.execPath}" lib/cli/main.js check - <&-`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    // THEN
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[<stdin>\] cannot be read: it was closed when the command started \(got "EBADF"\)/);
  });

  test('says a stdin open for writing only cannot be read', () => {
    // WHEN
    const run = spawnSync('sh', ['-c', `exec 0>/dev/null; "${process.execPath}" lib/cli/main.js check -`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    // THEN
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[<stdin>\] cannot be read \(got "EBADF"\)/);
  });

  test('says a directory as stdin cannot be read, rather than empty', () => {
    // WHEN
    const run = spawnSync('sh', ['-c', `"${process.execPath}" lib/cli/main.js check - < "${dir}"`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    // THEN
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[<stdin>\] cannot be read: it is a directory \(got "EISDIR"\)/);
  });

  test.each([
    ['an ignored stdin (/dev/null for reading)', { stdio: ['ignore', 'pipe', 'pipe'] as const }],
    ['an empty pipe', { input: '' }],
  ])('says %s holds no documents, apart from a closed one', (_name, options) => {
    // WHEN
    const run = spawnSync(process.execPath, ['lib/cli/main.js', 'check', '-'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, ...options } as any);
    // THEN
    expect(run.status).toBe(2);
    expect(String(run.stderr)).toMatch(/^cdk8s-netpol: \[<stdin>\] holds no documents \(stdin is empty\) \(got \["-"\]\)/);
  });

  test.each([
    [['check', '--bogus', 'x'], /^cdk8s-netpol: \[cdk8s-netpol check\] unknown option '--bogus' \(got \["check","--bogus","x"\]\)\. Run cdk8s-netpol check --help for usage\.\n$/],
    [['matrix'], /^cdk8s-netpol: \[cdk8s-netpol matrix\] missing required argument 'inputs' \(got \["matrix"\]\)\. Run cdk8s-netpol matrix --help/],
    [['lint'], /^cdk8s-netpol: \[cdk8s-netpol\] unknown command 'lint' \(got \["lint"\]\)\. Run cdk8s-netpol --help for usage\.\n$/],
  ])('prints the argument parser\'s error %j in the project format', (args, message) => {
    // WHEN
    const run = runCli(args);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
