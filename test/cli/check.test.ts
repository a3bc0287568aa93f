import { EXAMPLE_DIST, fixture, runCli } from './run-cli';

/** A policy that isolates both directions and allows DNS, so it lints clean. */
function policy(i: number): string {
  return [
    'apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy',
    `metadata: {name: p${i}, namespace: ns${i % 10}}`,
    'spec:',
    `  podSelector: {matchLabels: {app: a${i}}}`,
    '  policyTypes: [Ingress, Egress]',
    `  ingress: [{from: [{podSelector: {matchLabels: {app: b${i}}}}], ports: [{port: 8080}]}]`,
    '  egress:',
    '    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]',
    '      ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]',
  ].join('\n');
}

describe('cdk8s-netpol check', () => {
  test('passes the example app synthesized by cdk8s with exit 0', () => {
    // WHEN
    const run = runCli(['check', EXAMPLE_DIST]);
    // THEN
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/documents checked: 0 errors/);
    expect(run.code).toBe(0);
  });

  test('reads a directory recursively and passes clean manifests', () => {
    // WHEN
    const run = runCli(['check', fixture('shop')]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^11 documents checked: 0 errors/m);
  });

  test('checks a hundred policies piped in on stdin', () => {
    // GIVEN
    const yaml = Array.from({ length: 100 }, (_, i) => policy(i)).join('\n---\n');
    // WHEN
    const run = runCli(['check', '-'], { input: yaml });
    // THEN
    expect(run.stdout).toMatch(/^100 documents checked: 0 errors/m);
    expect(run.code).toBe(0);
  });

  test('reports every malformed document with file, document index, object and field, and exits 1', () => {
    // WHEN
    const run = runCli(['check', fixture('malformed.yaml')]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchSnapshot();
    expect(run.stdout).toContain('[test/fixtures/cli/malformed.yaml#1 NetworkPolicy shop/bad-port] spec.ingress[0].ports[0].port');
    expect(run.stdout).toContain('[test/fixtures/cli/malformed.yaml#2 NetworkPolicy shop/bad-protocol] spec.egress[0].ports[0].protocol');
    expect(run.stdout).toContain('[test/fixtures/cli/malformed.yaml#3 NetworkPolicy] metadata.name');
    expect(run.stdout).toMatch(/3 errors/);
  });

  test('reads stdin for -, naming the documents <stdin>#<index>', () => {
    // GIVEN
    const yaml = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\n'
      + 'spec:\n  ingress:\n    - ports: [{port: 70000}]\n';
    // WHEN
    const run = runCli(['check', '-'], { input: `---\n${yaml}` });
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[<stdin>#0 NetworkPolicy shop/p] spec.ingress[0].ports[0].port');
    expect(run.stdout).toContain('(got 70000)');
  });

  test('reports every malformed rule of a document, not only the first', () => {
    // GIVEN one policy with a bad ingress port and a bad egress protocol
    const yaml = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\n'
      + 'spec:\n  ingress:\n    - ports: [{port: 70000}]\n  egress:\n    - ports: [{port: 53, protocol: udp}]\n';
    // WHEN
    const run = runCli(['check', '-'], { input: yaml });
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[<stdin>#0 NetworkPolicy shop/p] spec.ingress[0].ports[0].port');
    expect(run.stdout).toContain('[<stdin>#0 NetworkPolicy shop/p] spec.egress[0].ports[0].protocol');
    expect(run.stdout).toMatch(/1 document checked: 2 errors/);
  });

  test('prints the findings and a summary as JSON with --format json', () => {
    // WHEN
    const run = runCli(['check', fixture('malformed.yaml'), '--format', 'json']);
    // THEN
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ documents: 4, errors: 3, warnings: 0, infos: 0, notManifests: [], ignoredKinds: {}, skippedFiles: [] });
    expect(report.findings.map((f: any) => [f.code, f.source])).toEqual([
      ['invalid-manifest', 'test/fixtures/cli/malformed.yaml#3'],
      ['invalid-manifest', 'test/fixtures/cli/malformed.yaml#1'],
      ['invalid-manifest', 'test/fixtures/cli/malformed.yaml#2'],
    ].sort((a, b) => run.stdout.indexOf(a[1]) - run.stdout.indexOf(b[1])));
  });

  test('turns an error into a warning with --severity and then exits 0', () => {
    // WHEN
    const run = runCli(['check', fixture('malformed.yaml'), '--severity', 'invalid-manifest=warning']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^warning invalid-manifest {2}\[test/m);
    expect(run.stdout).toMatch(/0 errors, 3 warnings/);
  });

  test('fails with exit 2 when the YAML cannot be parsed, naming file, document and line', () => {
    // WHEN
    const run = runCli(['check', fixture('not-yaml.yaml')]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[test\/fixtures\/cli\/not-yaml\.yaml#1\] is not valid YAML at line 9: .*Fix the YAML syntax\.\n$/);
  });

  test('fails with exit 2 when a file does not exist', () => {
    // WHEN
    const run = runCli(['check', fixture('missing.yaml')]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[test/fixtures/cli/missing.yaml] file or directory not found');
  });

  test('fails with exit 2 on an unknown CNI or severity', () => {
    // WHEN
    const cni = runCli(['check', fixture('shop'), '--cni', 'bogus']);
    const severity = runCli(['check', fixture('shop'), '--severity', 'invalid-manifest']);
    // THEN
    expect(cni.code).toBe(2);
    expect(cni.stderr).toMatch(/\[--cni\] is not a known CNI \(got "bogus"\)/);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toContain('[--severity] must be <check code>=<error|warning|info|off>');
  });
});
