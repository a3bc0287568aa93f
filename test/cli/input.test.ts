import { fixture, runCli } from './run-cli';

const LIST = fixture('exports/netpol-list.json');
const PODS = fixture('exports/pods.yaml');
const CILIUM = fixture('exports/cilium.yaml');
const METADATA = fixture('exports/construct-metadata.json');

describe('kubectl exports', () => {
  test('explain denies what a NetworkPolicyList with status and server-set metadata denies', () => {
    // WHEN
    const run = runCli(['explain', LIST, PODS, '--from', 'shop/web', '--to', 'shop/api', '--port', 'http']);
    // THEN
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DENIED: shop\/web -> shop\/api on TCP 8080/);
    expect(run.stdout).toContain('Ingress NO_RULE_MATCHES shop/deny-all');
  });

  test('check reads the list items and names them in findings', () => {
    // WHEN
    const run = runCli(['check', LIST, '--format', 'json']);
    // THEN
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ documents: 1, errors: 0, warnings: 0, infos: 0, notManifests: [], ignoredKinds: {}, skippedFiles: [] });
  });
});

describe('documents that are not manifests', () => {
  test('check skips them and names them in the summary', () => {
    // WHEN
    const run = runCli(['check', METADATA, LIST]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 documents checked: 0 errors, 0 warnings, 0 info\n'
      + `skipped, not Kubernetes objects (no apiVersion, kind or metadata): ${METADATA}#0\n`);
  });

  test('the other commands note them on stderr', () => {
    // WHEN
    const run = runCli(['matrix', METADATA, LIST, PODS, '--port', '8080']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`note: skipped, not Kubernetes objects (no apiVersion, kind or metadata): ${METADATA}#0\n`);
  });
});

describe('policies of kinds that are not analyzed', () => {
  test('check warns about each, and counts the other kinds it does not read', () => {
    // WHEN
    const run = runCli(['check', CILIUM]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warning unanalyzed-policy-kind {2}\[test\/fixtures\/cli\/exports\/cilium\.yaml#0 CiliumNetworkPolicy shop\/l7-rules\] is a CiliumNetworkPolicy/m);
    expect(run.stdout).toContain('2 documents checked: 0 errors, 1 warning, 0 info\nnot read (no effect on connectivity): Service 1\n');
  });

  test.each([
    ['explain', '--from', 'shop/web', '--to', 'shop/api', '--port', '8080'],
    ['matrix', '-f', 'json'],
    ['graph', '-f', 'dot'],
  ])('%s notes on stderr that its answer leaves them out', (command, ...args) => {
    // WHEN
    const run = runCli([command, CILIUM, PODS, ...args]);
    // THEN
    expect(run.stderr.split('\n')).toContain(`note: this answer leaves out 1 policy of kinds that are not analyzed: CiliumNetworkPolicy shop/l7-rules (${CILIUM}#0)`);
  });

  test('diff notes them for the side that has them', () => {
    // WHEN
    const run = runCli(['diff', PODS, CILIUM, '--port', '8080']);
    // THEN
    expect(run.stderr).toContain(`note: this answer leaves out 1 policy of kinds that are not analyzed: CiliumNetworkPolicy shop/l7-rules (${CILIUM}#0)\n`);
  });
});
