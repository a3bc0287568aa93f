/**
 * docs/ci.md: its workflows parse, and every `cdk8s-netpol` command they call runs as written, with the
 * example app's manifests for `dist/` and an older version of the shop for `base/dist/`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { EXAMPLE_DIST, fixture, ROOT, runCli } from './run-cli';

const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
const WORKFLOWS = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

/** Each `npx cdk8s-netpol ...` command of the workflows: its arguments, the file it writes to, what may follow. */
function commands(): Array<{ line: string; args: string[]; redirect?: string; tolerated: boolean }> {
  const lines = WORKFLOWS.flatMap((w) => w.split('\n')).flatMap((l) => [...l.matchAll(/npx cdk8s-netpol ([^|>\n]*?)\s*(?:> (\S+))?\s*(\|\| test -s \S+)?$/g)]);
  return lines.map((m) => ({ line: m[0], args: m[1].split(' '), redirect: m[2], tolerated: m[3] !== undefined }));
}

const SUBSTITUTE: Record<string, string> = { 'dist/': EXAMPLE_DIST, 'base/dist/': fixture('before.yaml') };

describe('docs/ci.md', () => {
  test('holds a GitHub Actions workflow and a GitLab CI job that parse, synthesize and call check, report and diff', () => {
    // WHEN
    const [github, gitlab] = WORKFLOWS.map((w) => parse(w));
    // THEN
    const steps = github.jobs.netpol.steps;
    expect(steps.some((s: any) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    expect(steps.some((s: any) => s.uses?.startsWith('actions/upload-artifact') && s.with.path === 'report.html')).toBe(true);
    expect(gitlab.netpol.artifacts.paths).toEqual(['report.html', 'netpol.sarif', 'netpol-diff.md']);
    const called = commands().map((c) => `${c.args[0]} ${c.args.includes('-f') ? c.args[c.args.indexOf('-f') + 1] : ''}`.trim());
    expect(new Set(called)).toEqual(new Set(['check', 'check sarif', 'report', 'diff']));
    expect(DOC.match(/npx cdk8s synth/g)!.length).toBeGreaterThanOrEqual(4); // both sides, both systems
  });

  test.each(commands().map((c) => [c.line, c] as const))('runs `%s`', (_line, c) => {
    // GIVEN
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-ci-'));
    const args = c.args.map((a) => SUBSTITUTE[a] ?? (a.endsWith('.html') ? path.join(work, a) : a));
    // WHEN
    const run = runCli(args);
    // THEN: exit 0, or 1 (findings, changes) where the workflow tolerates it by checking the output is not empty
    expect(c.tolerated ? [0, 1] : [0]).toContain(run.code);
    expect(run.stderr).not.toMatch(/^cdk8s-netpol:/m);
    if (c.redirect !== undefined) {
      expect(run.stdout.length).toBeGreaterThan(0);
    }
    if (args[0] === 'diff') {
      expect(run.stdout).toMatch(/^\*\*\d+ flows? changed: \d+ now allowed, \d+ now denied\*\*\n\n\| change \| from \| to \| port \|/);
    }
    if (args.includes('sarif')) {
      expect(JSON.parse(run.stdout).version).toBe('2.1.0');
    }
    const output = args.indexOf('-o');
    if (output >= 0) {
      expect(fs.readFileSync(args[output + 1], 'utf8')).toMatch(/^<!DOCTYPE html>/);
    }
    fs.rmSync(work, { recursive: true, force: true });
  });
});
