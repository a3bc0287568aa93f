import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';
import { inputLimits, LIMIT_VARIABLES } from '../../src/cli/input-limits';
import { ErrorCode, problemOf } from '../problems';

const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, ports: [{containerPort: 80}]}]}\n';
const TWO_DOCUMENTS = `${POLICY}---\n${POD}`;

describe('input limits as options', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-limits-'));
    file = path.join(dir, 'two.yaml');
    fs.writeFileSync(file, TWO_DOCUMENTS);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // every command that reads manifests, with what it needs besides its inputs
  const commands: Array<[string, (f: string, out: string) => string[]]> = [
    ['check', (f) => ['check', f]],
    ['explain', (f) => ['explain', f, '--from', 'shop/web', '--to', 'shop/web', '--port', '80']],
    ['matrix', (f) => ['matrix', f]],
    ['diff', (f) => ['diff', f, f]],
    ['graph', (f) => ['graph', f]],
    ['report', (f, out) => ['report', f, '-o', out]],
    ['probe plan', (f) => ['probe', 'plan', f]],
  ];

  test.each(commands)('%s refuses input past --max-documents with exit 2, naming the option', (_name, args) => {
    // WHEN
    const run = runCli([...args(file, path.join(dir, 'r.html')), '--max-documents', '1']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[\S+two\.yaml\] takes the input past 1 documents \(got 2\)\. Split the input, or raise --max-documents \(or CDK8S_NETPOL_MAX_DOCUMENTS\)\.\n$/);
    expect(run.stdout).toBe('');
  });

  test.each(commands)('%s reads the same input under a bound it stays within', (_name, args) => {
    // WHEN
    const run = runCli([...args(file, path.join(dir, 'r.html')), '--max-documents', '2', '--max-input-bytes', '100000', '--max-depth', '10', '--max-alias-values', '10']);
    // THEN
    expect(run.stderr).not.toMatch(/takes the input past|nests deeper|through aliases|must be a positive/);
    expect(run.code).not.toBe(2);
  });

  test('an option beats its environment variable, both ways', () => {
    // WHEN
    const looser = runCli(['check', file, '--max-documents', '5'], { env: { CDK8S_NETPOL_MAX_DOCUMENTS: '1' } });
    const stricter = runCli(['check', file, '--max-documents', '1'], { env: { CDK8S_NETPOL_MAX_DOCUMENTS: '100' } });
    // THEN
    expect(looser.code).toBe(0);
    expect(stricter.code).toBe(2);
    expect(stricter.stderr).toMatch(/takes the input past 1 documents/);
  });

  test.each([
    ['--max-input-bytes', '20', /^cdk8s-netpol: \[\S+two\.yaml\] takes the input past the byte limit \(got \d+\)\. Split the input, or raise --max-input-bytes/],
    ['--max-depth', '2', /^cdk8s-netpol: \[\S+two\.yaml#0 line \d+\] \S+ nests deeper than 2 levels .*raise --max-depth \(or CDK8S_NETPOL_MAX_DEPTH\)/],
  ])('%s %s refuses what lies past it', (option, value, message) => {
    // WHEN
    const run = runCli(['check', file, option, value]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test('--max-alias-values refuses a document that expands past it', () => {
    // GIVEN six values through one alias
    fs.writeFileSync(file, 'a: &a [1, 2, 3]\nb: [*a, *a]\n');
    // WHEN
    const run = runCli(['check', file, '--max-alias-values', '5']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/expands to more than 5 values through aliases .*raise --max-alias-values/);
  });

  test.each(['0', '-1', '1.5', 'lots', '1e3', '99999999999999999999'])('refuses --max-depth %j in the project format', (value) => {
    // WHEN
    const run = runCli(['matrix', file, '--max-depth', value]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`cdk8s-netpol: [--max-depth] must be a positive whole number (got ${JSON.stringify(value)}). Pass e.g. --max-depth 100, or leave it out for the default.\n`);
  });

  test('lists the bounds in the help of each reading command', () => {
    // WHEN
    const help = runCli(['graph', '--help']);
    // THEN
    for (const l of LIMIT_VARIABLES) {
      expect(help.stdout).toContain(`${l.option} <n>`);
      expect(help.stdout).toContain(l.variable);
    }
  });
});

describe('inputLimits', () => {
  test('takes the option over the variable over the default', () => {
    // WHEN
    const limits = inputLimits({ CDK8S_NETPOL_MAX_DEPTH: '7', CDK8S_NETPOL_MAX_DOCUMENTS: '9' }, { maxDocuments: '3' });
    // THEN
    expect(limits).toEqual({ maxBytes: 256 * 1024 * 1024, maxDocuments: 3, maxDepth: 7, maxAliasValues: 100_000 });
  });

  test('throws when an option is not a positive whole number, naming the option', () => {
    // WHEN
    const problem = problemOf(() => inputLimits({}, { maxAliasValues: '0' }));
    // THEN
    expect(problem).toMatchObject({ code: ErrorCode.MALFORMED_ARGUMENT, where: '--max-alias-values', value: '0' });
  });
});
