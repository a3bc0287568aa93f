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
    for (const pod of ['n0', 'n1', 'n2']) {
      expect(run.stdout).toContain(`${pod} -->|"53, 53/udp"| n4`); // the DNS peer the policies name
    }
    expect(run.stdout.match(/-->/g)).toHaveLength(6);
  });

  test('hides the pairs no policy governs unless --all-pairs asks for them', () => {
    // WHEN
    const governed = runCli(['graph', fixture('shop')]);
    const all = runCli(['graph', fixture('shop'), '--all-pairs']);
    // THEN: the DNS pods and the internet address are neither isolated, so traffic between them is ungoverned
    expect(governed.stdout).toContain('n4["k8s-app=kube-dns"]');
    expect(governed.stdout).not.toMatch(/n3 -->\|[^|]*\| n4|n4 -->\|[^|]*\| n3/);
    expect(all.stdout).toMatch(/n3 -->\|[^|]*\| n4/);
    expect(all.stdout).toMatch(/n4 -->\|[^|]*\| n3/);
    expect(all.stdout.match(/-->/g)).toHaveLength(8);
    expect(governed.stderr).toBe('note: 2 edge(s) hidden: no policy governs them, so their traffic is allowed by default; --all-pairs shows them\n');
    expect(all.stderr).toBe('');
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
