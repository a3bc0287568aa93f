import { EXAMPLE_DIST, fixture, runCli } from './run-cli';

const SHOP = fixture('shop');

describe('cdk8s-netpol matrix', () => {
  test.each(['text', 'markdown', 'json', 'html'])('prints the truth table of the workloads plus an address as %s', (format) => {
    // WHEN
    const run = runCli(['matrix', SHOP, '--endpoint', '203.0.113.7', '--format', format]);
    // THEN: the address and the DNS pods (which no policy selects) to each other are the 4 pairs no policy governs
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('note: 4 pair(s) hidden: no policy governs them, so their traffic is allowed by default; --all-pairs shows them\n');
    expect(run.stdout).toMatchSnapshot();
  });

  test('hides cell by cell the pairs no policy governs, and --all-pairs shows them with the same verdicts', () => {
    // WHEN
    const hidden = JSON.parse(runCli(['matrix', SHOP, '--endpoint', '203.0.113.7', '-p', '8080', '-f', 'json']).stdout);
    const all = runCli(['matrix', SHOP, '--endpoint', '203.0.113.7', '-p', '8080', '-f', 'json', '--all-pairs']);
    // THEN
    const shown = JSON.parse(all.stdout);
    expect(all.stderr).toBe('');
    expect(shown.endpoints).toEqual(hidden.endpoints);
    const rows = (table: any) => table.matrices[0].rows;
    // The verdicts are the same; only the mask is new.
    expect(rows(hidden).map((r: any) => r.allowed)).toEqual(rows(shown).map((r: any) => r.allowed));
    expect(rows(shown).every((r: any) => r.hidden === undefined)).toBe(true);
    const at = (source: string, destination: string) => {
      const row = rows(hidden).find((r: any) => r.source === source);
      return row.hidden?.[hidden.endpoints.indexOf(destination)] ?? false;
    };
    // api is isolated for ingress, web for egress: every pair with one of them on that side is governed
    expect(at('ip:203.0.113.7', 'shop/api')).toBe(false);
    expect(at('shop/web', 'ip:203.0.113.7')).toBe(false);
    // Neither end isolated in the direction that matters: allowed by default, hidden
    expect(at('ip:203.0.113.7', 'kube-system/k8s-app=kube-dns')).toBe(true);
    expect(at('kube-system/k8s-app=kube-dns', 'ip:203.0.113.7')).toBe(true);
    expect(rows(hidden).flatMap((r: any) => r.hidden ?? []).filter((h: boolean) => h)).toHaveLength(4);
  });

  test('probes every port the policies and workloads name, unless --port narrows it', () => {
    // WHEN
    const all = JSON.parse(runCli(['matrix', SHOP, '-f', 'json']).stdout);
    const some = JSON.parse(runCli(['matrix', SHOP, '-f', 'json', '--port', '8080,53/udp', '--port', 'http']).stdout);
    // THEN
    expect(all.ports.map((p: any) => p.label)).toEqual(['TCP 53', 'UDP 53', 'TCP 80', 'TCP 5432', 'TCP 8080', 'TCP "http"']);
    expect(some.ports.map((p: any) => p.label)).toEqual(['TCP 8080', 'UDP 53', 'TCP "http"']);
    expect(some.endpoints).toEqual(['shop/api', 'shop/db', 'shop/web', 'ip:203.0.113.7', 'kube-system/k8s-app=kube-dns']);
  });

  test('makes up pods from the policy selectors when the manifests have no workloads, and says so', () => {
    // WHEN
    const run = runCli(['matrix', fixture('after.yaml'), '--format', 'json']);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('pods were inferred from the policies\' label selectors');
    expect(JSON.parse(run.stdout).endpoints).toEqual(['shop/app=api', 'shop/app=web', 'shop/app=worker']);
  });

  test('reads a JSON file holding a list of manifests', () => {
    // WHEN
    const run = runCli(['matrix', fixture('manifests.json'), '--format', 'json']);
    // THEN
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).matrices[0]).toEqual({
      port: { label: 'TCP 9000', port: 9000, protocol: 'TCP' },
      rows: [{ source: 'shop/probe', allowed: [false] }],
    });
  });

  test('reads the example app and shows the web tier reaching the API on 8080', () => {
    // WHEN
    const run = runCli(['matrix', EXAMPLE_DIST, '--port', '8080', '--format', 'json']);
    // THEN
    expect(run.code).toBe(0);
    const table = JSON.parse(run.stdout);
    const web = table.matrices[0].rows.find((r: any) => r.source === 'shop/web');
    expect(web.allowed[table.endpoints.indexOf('shop/api')]).toBe(true);
  });

  test('reads manifests from stdin', () => {
    // GIVEN
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ns}\nspec: {containers: [{name: c, image: i}]}\n';
    // WHEN
    const run = runCli(['matrix', '-', '--port', '80', '--all-pairs'], { input: yaml });
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 ns\/a +✓$/m);
  });

  test('hides endpoints in no governed pair unless --all-pairs asks for them, and says so', () => {
    // GIVEN: a pod that no policy selects
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ns}\nspec: {containers: [{name: c, image: i}]}\n';
    // WHEN
    const run = runCli(['matrix', '-', '--port', '80'], { input: yaml });
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('ns/a');
    expect(run.stderr).toBe('note: 1 endpoint(s) hidden: no policy governs them, so their traffic is allowed by default; --all-pairs shows them\n');
  });

  test('fails with exit 2 when nothing names a port and --port is missing', () => {
    // WHEN
    const run = runCli(['matrix', '-'], { input: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' });
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[--port] no ports to probe: the manifests name none (got []). Pass --port');
  });

  test('fails with exit 2 on a malformed --endpoint', () => {
    // WHEN
    const run = runCli(['matrix', SHOP, '--endpoint', 'shop/probe=App Name=x']);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cdk8s-netpol: \[--endpoint\] labels entry "App Name"/);
  });
});

describe('cdk8s-netpol matrix: unknown verdicts in every layout', () => {
  // shop/web's HTTPS to the internet is unknown: a domainNames Accept of a cluster-wide policy may match it
  const UNKNOWN = fixture('tiers-unknown.yaml');

  test('the sparse layout lists the flow after "unknown:", never as allowed, and counts it apart', () => {
    // WHEN
    const text = runCli(['matrix', UNKNOWN, '--layout', 'sparse']);
    const json = JSON.parse(runCli(['matrix', UNKNOWN, '--layout', 'sparse', '-f', 'json']).stdout);
    // THEN
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('shop/web -> ip:203.0.113.7  unknown: TCP 443\n');
    expect(text.stdout).toContain('shop/web -> ip:10.0.0.1  TCP 443\n');
    expect(text.stdout).toMatch(/^4 of 9 \(source, destination\) pairs allowed on at least one probed port, 1 with a port whose verdict is unknown/m);
    expect(json.flows).toContainEqual({ source: 'shop/web', destination: 'ip:203.0.113.7', ports: [], unknown: ['TCP 443'] });
    expect(json.flows).toContainEqual({ source: 'shop/web', destination: 'ip:10.0.0.1', ports: ['TCP 443'] });
  });

  test('the grouped layout lists the unknown classes of a row apart and counts the unknown cells', () => {
    // WHEN
    const text = runCli(['matrix', UNKNOWN, '--layout', 'grouped']);
    const json = JSON.parse(runCli(['matrix', UNKNOWN, '--layout', 'grouped', '-f', 'json']).stdout);
    // THEN: class 2 is shop/web, class 4 the internet address
    expect(text.stdout).toContain('class 2 (1): shop/web\n');
    expect(text.stdout).toContain('class 4 (1): ip:203.0.113.7\n');
    expect(text.stdout).toContain('TCP 443: 10 of 16 allowed, 1 unknown\n  class 1 -> all except 1\n  class 2 -> 3; unknown: 4\n');
    expect(text.stdout).toContain('(unknown: decided by a nodes or domainNames peer of a cluster-wide policy; not allowed)');
    const https = json.matrices.find((m: any) => m.port.port === 443);
    expect(https.unknownCount).toBe(1);
    expect(https.rows[1]).toEqual({ class: 2, allowed: [3], unknown: [4] });
    expect(json.matrices.find((m: any) => m.port.port === 8080).unknownCount).toBeUndefined();
  });
});
