import { execSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';

const ROOT = path.join(__dirname, '..');

interface PackedFile { readonly path: string; readonly mode: number }

/** What `npm pack` would put into the tarball (a dry run over the compiled tree). */
function packedFiles(): PackedFile[] {
  const out = execSync('npm pack --dry-run --json --ignore-scripts', { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as Array<{ files: PackedFile[] }>)[0].files;
}

/** What users of the library and the command need, and nothing else. */
const ALLOWED = [/^lib\/.+\.(js|d\.ts)$/, /^\.jsii$/, /^API\.md$/, /^README\.md$/, /^LICENSE$/, /^package\.json$/, /^docs\/[a-z-]+\.md$/,
  /^node_modules\/(commander|yaml|@viz-js\/viz)\//];

describe('the published package', () => {
  test('holds only the library, the command, the jsii assembly and the docs, even with a stray log in the tree', () => {
    // GIVEN
    const stray = path.join(ROOT, 'stray-package-test.log');
    fs.writeFileSync(stray, 'a log a run left behind\n');
    try {
      // WHEN
      const files = packedFiles().map((f) => f.path);
      // THEN
      expect(files.filter((f) => !ALLOWED.some((re) => re.test(f)))).toEqual([]);
      expect(files).not.toContain('stray-package-test.log');
      expect(files).toEqual(expect.arrayContaining(['.jsii', 'lib/index.js', 'lib/index.d.ts', 'lib/cli/main.js', 'README.md', 'package.json']));
      expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toBe(false);
    } finally {
      fs.rmSync(stray, { force: true });
    }
  });

  test('packs the command with its execute bit, which the Python package needs to run it', () => {
    // GIVEN
    const bin = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['cdk8s-netpol'];
    // WHEN
    const packed = packedFiles().find((f) => f.path === bin);
    // THEN
    expect(packed).toBeDefined();
    expect(packed!.mode & 0o111).toBe(0o111);
    expect(fs.readFileSync(path.join(ROOT, bin), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test('declares the Node.js versions it runs on', () => {
    // GIVEN
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines?: { node?: string } };
    // THEN
    expect(pkg.engines?.node).toBe('>= 20.0.0');
  });

  test('npm run example prints one valid multi-document YAML stream of every synthesized file', () => {
    // GIVEN: the example task's printing step, as the task file runs it (the test task synthesized the app)
    const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8'));
    const print = (tasks.tasks.example.steps as Array<{ exec?: string }>).find((s) => s.exec !== undefined)!.exec!;
    const dist = path.join(ROOT, 'examples', 'app', 'dist');
    const expected = fs.readdirSync(dist).filter((f) => f.endsWith('.k8s.yaml'))
      .map((f) => parseAllDocuments(fs.readFileSync(path.join(dist, f), 'utf8')).length).reduce((a, b) => a + b, 0);
    // WHEN
    const run = spawnSync('sh', ['-c', print], { cwd: ROOT, encoding: 'utf8' });
    // THEN
    expect(run.status).toBe(0);
    const docs = parseAllDocuments(run.stdout);
    expect(docs.flatMap((d) => d.errors)).toEqual([]);
    expect(docs.length).toBe(expected);
    expect(expected).toBeGreaterThan(3);
    expect(docs.every((d) => typeof d.toJS().kind === 'string')).toBe(true);
  });
});
