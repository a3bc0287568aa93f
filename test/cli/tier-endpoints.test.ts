import { fixture, runCli } from './run-cli';

// An Admin ClusterNetworkPolicy denies the metadata addresses to shop and accepts HTTPS to 198.51.100.0/24
const NETWORKS = fixture('tiers-networks.yaml');
const ADDED = ['ip:169.254.169.254', 'ip:198.51.100.1', 'ip:2001:db8::7', 'ip:203.0.113.7', 'ip:fd00:ec2::254'];

describe('matrix and graph add the networks of cluster-wide policies as endpoints', () => {
  test('the matrix shows the metadata address denied and the accepted network allowed, as explain says', () => {
    // WHEN
    const run = runCli(['matrix', NETWORKS, '-p', '443', '-f', 'json']);
    // THEN: no --endpoint given, the addresses are there
    expect(run.code).toBe(0);
    const table = JSON.parse(run.stdout);
    expect(table.endpoints).toEqual(['shop/api', 'shop/web', ...ADDED]);
    const cell = (source: string, destination: string) =>
      table.matrices[0].rows.find((r: any) => r.source === source).allowed[table.endpoints.indexOf(destination)];
    const explained = (source: string, destination: string) => {
      const explain = runCli(['explain', NETWORKS, '--from', source, '--to', destination.replace(/^ip:/, ''), '--port', '443', '-f', 'json']);
      return JSON.parse(explain.stdout).allowed;
    };
    const pairs = ['shop/web', 'shop/api'].flatMap((source) => ['ip:169.254.169.254', 'ip:fd00:ec2::254', 'ip:198.51.100.1'].map((d) => [source, d]));
    expect(pairs.map(([s, d]) => cell(s, d))).toEqual([false, false, true, false, false, true]);
    expect(pairs.map(([s, d]) => cell(s, d))).toEqual(pairs.map(([s, d]) => explained(s, d)));
  });

  test('the text matrix names the Admin rules\' addresses, governed and not hidden', () => {
    // WHEN
    const run = runCli(['matrix', NETWORKS, '-p', '443']);
    // THEN rows 1 and 2 are the pods, 3 the metadata address, 4 the partner network, 7 the IPv6 metadata address
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 ip:169.254.169.254');
    expect(run.stdout).toContain('1 shop/api            · · ✗ ✓ · · ✗\n');
    expect(run.stdout).toContain('2 shop/web            ✗ ✗ ✗ ✓ ✗ ✗ ✗\n');
  });

  test('the graph draws the accepted network\'s edge and none to the metadata address', () => {
    // WHEN
    const run = runCli(['graph', NETWORKS, '-p', '443', '-f', 'dot']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"shop\/web" -> "ip:198\.51\.100\.1" \[label="443"\]/);
    expect(run.stdout).toMatch(/"shop\/api" -> "ip:198\.51\.100\.1" \[label="443"\]/);
    expect(run.stdout).toContain('"ip:169.254.169.254"');
    expect(run.stdout).not.toMatch(/-> "ip:169\.254\.169\.254"/);
    expect(run.stdout).not.toMatch(/-> "ip:fd00:ec2::254"/);
  });

  test('without workloads, the pods of a tier policy\'s subject are inferred and probed against its networks', () => {
    // GIVEN only a ClusterNetworkPolicy whose subject is shop's app=web pods
    const yaml = [
      'apiVersion: policy.networking.k8s.io/v1alpha2',
      'kind: ClusterNetworkPolicy',
      'metadata: { name: web-guardrails }',
      'spec:',
      '  tier: Admin',
      '  priority: 10',
      '  subject:',
      '    pods:',
      '      namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: shop } }',
      '      podSelector: { matchLabels: { app: web } }',
      '  egress:',
      '    - { name: deny-metadata, action: Deny, to: [{ networks: [169.254.169.254/32] }] }',
      '',
    ].join('\n');
    // WHEN
    const run = runCli(['matrix', '-', '-p', '443', '-f', 'json', '--all-pairs'], { input: yaml });
    // THEN
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('pods were inferred from the policies\' label selectors');
    const table = JSON.parse(run.stdout);
    expect(table.endpoints).toEqual(['shop/app=web', 'ip:169.254.169.254', 'ip:203.0.113.7']);
    expect(table.matrices[0].rows[0]).toEqual({ source: 'shop/app=web', allowed: [true, false, true] });
  });
});

