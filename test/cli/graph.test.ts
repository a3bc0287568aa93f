import { EXAMPLE_DIST, fixture, runCli } from './run-cli';

describe('cdk8s-netpol graph', () => {
  test.each(['mermaid', 'dot'])('draws who may talk to whom as %s, grouped by namespace', (format) => {
    // WHEN
    const run = runCli(['graph', fixture('shop'), '--endpoint', '203.0.113.7', '--format', format]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchSnapshot();
  });

  test('draws one edge per allowed pair with its ports, and none for denied pairs', () => {
    // WHEN
    const run = runCli(['graph', fixture('shop'), '--endpoint', '203.0.113.7']);
    // THEN
    expect(run.stdout).toContain('n2 -->|"8080, http"| n0'); // web -> api: 8080 is api's "http"
    expect(run.stdout).toContain('n0 -->|"5432"| n1'); // api -> db
    expect(run.stdout).toContain('n3 -->|"80, http"| n2'); // internet -> web
    expect(run.stdout.match(/-->/g)).toHaveLength(3);
  });

  test('reads the example app', () => {
    // WHEN
    const run = runCli(['graph', EXAMPLE_DIST, '--format', 'dot']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^digraph netpol \{/);
    expect(run.stdout).toMatch(/"shop\/web" -> "shop\/api" \[label="[^"]*8080/);
  });

  test('fails with exit 2 on malformed manifests', () => {
    // WHEN
    const run = runCli(['graph', fixture('malformed.yaml')]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[test/fixtures/cli/malformed.yaml#1 NetworkPolicy shop/bad-port]');
  });
});
