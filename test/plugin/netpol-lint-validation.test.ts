import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { ValidationContext } from 'cdk8s-cli/plugins';
import { NetpolLintValidation } from '../../src/plugin';
import { ErrorCode, problemOf } from '../problems';
import { netpol } from '../util';

const ROOT = path.join(__dirname, '..', '..');

/** Writes documents as one YAML file in a temp dir; returns its path. */
function manifestFile(docs: any[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-plugin-'));
  const file = path.join(dir, 'app.k8s.yaml');
  fs.writeFileSync(file, Yaml.stringify(...docs));
  return file;
}

describe('NetpolLintValidation', () => {
  test('reports each finding as a violation located at its field, and fails on errors', async () => {
    // GIVEN
    const file = manifestFile([netpol('shop', 'sealed', { policyTypes: ['Egress'] }), netpol('shop', 'wide', { policyTypes: ['Egress'], egress: [{ ports: [{ port: 443 }] }] })]);
    const context = new ValidationContext([file], 'cdk8s-netpol', '0.0.0', { sealed: { path: 'app/Sealed' } }, false);
    // WHEN
    await new NetpolLintValidation({ cni: 'calico' }).validate(context);
    // THEN
    const report = context.report.toJson();
    expect(report.summary.status).toBe('failure');
    expect(report.violations.map((v) => v.ruleName)).toEqual(['egress-blocks-dns (error)', 'egress-ports-without-destinations (warning)']);
    expect(report.violations[0].violatingConstructs).toEqual([{ resourceName: 'sealed', locations: ['spec.egress'], manifestPath: file, constructPath: 'app/Sealed' }]);
  });

  test('passes with warnings only', async () => {
    // GIVEN
    const file = manifestFile([netpol('shop', 'web', { ingress: [{ ports: [{ port: 80 }] }, { ports: [{ port: 80 }] }] })]);
    const context = new ValidationContext([file], 'cdk8s-netpol', '0.0.0', {}, false);
    // WHEN
    await new NetpolLintValidation({ severities: { 'duplicate-rule': 'warning' } }).validate(context);
    // THEN
    expect(context.report.toJson().summary.status).toBe('success');
    expect(context.report.toJson().violations.map((v) => v.ruleName)).toEqual(['duplicate-rule (warning)']);
  });

  test('throws on an unknown property, naming the cdk8s.yaml entry', () => {
    expect(problemOf(() => new NetpolLintValidation({ cnii: 'calico' } as any))).toMatchObject({ code: ErrorCode.UNKNOWN_VALUE, where: 'cdk8s.yaml validations[NetpolLintValidation].properties', value: 'cnii' });
  });
});

describe('cdk8s synth --validate with the plugin (offline, local package path)', () => {
  const cache = path.join(ROOT, 'node_modules', '.cache', 'netpol-plugin-test');
  const pluginDir = path.join(cache, 'lib', 'plugin');

  beforeAll(() => {
    fs.rmSync(cache, { recursive: true, force: true });
    const tsc = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), [
      '--outDir', path.join(cache, 'lib'), '--rootDir', path.join(ROOT, 'src'), '--module', 'node16', '--target', 'ES2022',
      '--skipLibCheck', '--esModuleInterop', '--strict', path.join(ROOT, 'src', 'plugin', 'index.ts'),
    ], { encoding: 'utf8', cwd: os.tmpdir() });
    // type errors are the type-check's business; here the emitted JavaScript is what matters
    expect({ emitted: fs.existsSync(path.join(pluginDir, 'index.js')), tsc: tsc.error }).toEqual({ emitted: true, tsc: undefined });
  }, 120_000);

  /** Runs `cdk8s synth` for examples/lint-app with the given plugin properties in a temp project dir. */
  function synth(properties: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lint-app-'));
    const main = path.join(ROOT, 'examples', 'lint-app', 'main.ts');
    fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), [
      'language: typescript',
      `app: ${path.join(ROOT, 'node_modules', '.bin', 'ts-node')} --transpile-only ${main}`,
      'output: dist',
      'validations:',
      `  - package: ${pluginDir}`,
      '    version: 0.0.0',
      '    class: NetpolLintValidation',
      `    properties: ${properties}`,
      '',
    ].join('\n'));
    return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade'], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
  }

  test('fails with exit code 2 on an error finding, naming the construct path', () => {
    // GIVEN the example app, with its deliberate finding made an error
    // WHEN
    const result = synth('{ cni: calico, severities: { egress-ports-without-destinations: error } }');
    // THEN
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/egress-ports-without-destinations \(error\)/);
    expect(result.stdout).toMatch(/Construct Path: lint\/Api/);
    expect(result.stdout).toMatch(/> spec\.egress\[0\]/);
  }, 120_000);

  test('succeeds and prints the report when findings are warnings', () => {
    // WHEN
    const result = synth('{ cni: calico }');
    // THEN
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Status\s*│?\s*success/);
    expect(result.stdout).toMatch(/egress-ports-without-destinations \(warning\)/);
  }, 120_000);
});
