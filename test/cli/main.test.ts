import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli } from './run-cli';

/** Runs the command in a pseudo-terminal (util-linux `script`), so that stdout is a TTY. */
function runInTerminal(args: string, env: Record<string, string>): string {
  const result = spawnSync('script', ['-qec', `node lib/cli/main.js ${args}`, '/dev/null'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000,
  });
  return result.stdout;
}

const HAS_SCRIPT = ['/usr/bin/script', '/bin/script'].some((p) => fs.existsSync(p));

describe('cdk8s-netpol', () => {
  test('prints the usage with every subcommand and the exit codes for --help', () => {
    // WHEN
    const run = runCli(['--help']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchSnapshot();
    for (const command of ['check', 'explain', 'matrix', 'diff', 'graph']) {
      expect(run.stdout).toContain(command);
    }
  });

  test.each(['check', 'explain', 'matrix', 'diff', 'graph'])('prints the help of %s with exit 0', (command) => {
    // WHEN
    const run = runCli([command, '--help']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: cdk8s-netpol ${command}`);
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toMatchSnapshot();
  });

  test.each([['--version'], ['-V']])('prints the package version for %s with exit 0', (flag) => {
    // GIVEN
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    // WHEN
    const run = runCli([flag]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${pkg.version}\n`);
    expect(run.stderr).toBe('');
  });

  test('fails with exit 2 and the usage hint on an unknown subcommand', () => {
    // WHEN
    const run = runCli(['lint', 'dist/']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/unknown command 'lint'/);
    expect(run.stderr).toContain('--help');
  });

  test('fails with exit 2 when a subcommand has no input', () => {
    // WHEN
    const run = runCli(['matrix']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'inputs'/);
  });

  test('fails with exit 2 on a --format the subcommand does not know', () => {
    // WHEN
    const run = runCli(['graph', 'test/fixtures/cli/shop', '--format', 'png']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'png' is invalid.*mermaid, dot/);
  });

  (HAS_SCRIPT ? test : test.skip)('colours the verdict on a terminal, unless NO_COLOR is set', () => {
    // GIVEN
    const args = `explain ${path.join('test', 'fixtures', 'cli', 'shop')} --from shop/web --to shop/api --port 8080`;
    // WHEN
    const coloured = runInTerminal(args, { NO_COLOR: '' });
    const plain = runInTerminal(args, { NO_COLOR: '1' });
    // THEN
    expect(coloured).toMatch(/^\u001b\[32mALLOWED\u001b\[0m: shop\/web/);
    expect(plain).toMatch(/^ALLOWED: shop\/web/);
    expect(plain).not.toMatch(/\u001b\[/);
  });

  test('stops quietly when the reader closes the pipe early', async () => {
    // GIVEN a reader that has gone away before the command writes (as `| head` does once it has enough)
    // (--all-pairs: no note about hidden pairs, so stderr would show only what went wrong)
    const child = spawn(process.execPath, ['lib/cli/main.js', 'matrix', 'examples/app/dist', '--port', '8080', '--all-pairs'], { cwd: ROOT });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += String(chunk); });
    // WHEN
    const code = await new Promise<number | null>((done) => child.on('close', done));
    // THEN
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  test('prints no colour codes when stdout is not a terminal', () => {
    // WHEN
    const run = runCli(['matrix', 'test/fixtures/cli/shop']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });
});
