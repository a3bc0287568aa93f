import { EXAMPLE_DIST, fixture, runCli } from './run-cli';

const SHOP = fixture('shop');

describe('cdk8s-netpol explain', () => {
  test('says allowed, names the deciding policies and rules, and exits 0', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', 'shop/web', '--to', 'shop/api', '--port', '8080']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatchSnapshot();
    expect(run.stdout).toMatch(/^ALLOWED: shop\/web -> shop\/api on TCP 8080/);
    expect(run.stdout).toContain('Ingress ALLOWED_BY_RULE shop/api-from-web#0');
    expect(run.stdout).toContain('Egress ALLOWED_BY_RULE shop/web-to-api#0');
  });

  test('says that the destination has no port of the given name, and which ports it has', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', 'shop/api', '--to', 'shop/db', '--port', 'metrics']);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('note: shop/db has no port named metrics (its ports: postgres (TCP 5432))\n');
    expect(run.stdout).toContain('UNKNOWN_PORT_NAME');
  });

  test('adds no note when the destination has the named port', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', 'shop/api', '--to', 'shop/db', '--port', 'postgres']);
    // THEN
    expect(run.stdout).not.toContain('note:');
  });

  test('says denied, names the isolating policies, and exits 1', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', 'shop/web', '--to', 'shop/db', '--port', '5432']);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchSnapshot();
    expect(run.stdout).toContain('Ingress NO_RULE_MATCHES shop/db-from-api');
  });

  test('resolves a named port on the destination and accepts an IP address as the source', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', '203.0.113.7', '--to', 'shop/web', '--port', 'http']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ALLOWED: ip:203.0.113.7 -> shop\/web on TCP 80 \("http"\)/);
    expect(run.stdout).toContain('Egress NOT_A_POD');
  });

  test('accepts a pod that is not in the manifests as namespace/name=labels', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', 'shop/probe=app=web', '--to', 'shop/db', '--port', '5432/tcp']);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DENIED: shop\/probe -> shop\/db on TCP 5432/);
  });

  test('prints the verdict with its reasons as JSON', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', 'shop/api', '--to', 'shop/db', '--port', '5432', '--format', 'json']);
    // THEN
    expect(run.code).toBe(0);
    const verdict = JSON.parse(run.stdout);
    expect(verdict).toMatchObject({ allowed: true, source: 'shop/api', destination: 'shop/db', port: 5432, protocol: 'TCP' });
    expect(verdict.reasons.map((r: any) => `${r.direction} ${r.code} ${r.policy}#${r.ruleIndex}`)).toEqual([
      'Egress ALLOWED_BY_RULE shop/api-to-db#0',
      'Ingress ALLOWED_BY_RULE shop/db-from-api#0',
    ]);
  });

  test('reads the example app: the web tier may call the API on 8080', () => {
    // WHEN
    const run = runCli(['explain', EXAMPLE_DIST, '--from', 'shop/web', '--to', 'shop/api', '--port', '8080']);
    // THEN
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ALLOWED: shop\/web -> shop\/api on TCP 8080/);
  });

  test('fails with exit 2 and lists the workloads when --from names none of them', () => {
    // WHEN
    const run = runCli(['explain', SHOP, '--from', 'shop/cart', '--to', 'shop/api', '--port', '8080']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('cdk8s-netpol: [--from] no workload in the manifests has this namespace/name (got "shop/cart"). '
      + 'Use one of: shop/api, shop/db, shop/web.\n');
  });

  test('fails with exit 2 on a malformed port or a missing option', () => {
    // WHEN
    const port = runCli(['explain', SHOP, '--from', 'shop/web', '--to', 'shop/api', '--port', '80/icmp']);
    const missing = runCli(['explain', SHOP, '--from', 'shop/web', '--port', '80']);
    // THEN
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('[--port] must be <number|name>[/<tcp|udp|sctp>] (got "80/icmp")');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--to <endpoint>' not specified/);
  });

  test('fails with exit 2 on malformed manifests, naming the file, document and field', () => {
    // WHEN
    const run = runCli(['explain', fixture('malformed.yaml'), '--from', '10.0.0.1', '--to', '10.0.0.2', '--port', '80']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[test\/fixtures\/cli\/malformed\.yaml#1 NetworkPolicy shop\/bad-port\] spec\.ingress\[0\]\.ports\[0\]\.port/);
  });
});
