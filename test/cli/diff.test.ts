import { fixture, runCli } from './run-cli';

const BEFORE = fixture('before.yaml');
const AFTER = fixture('after.yaml');

describe('cdk8s-netpol diff', () => {
  test.each(['text', 'markdown', 'json'])('lists the flows that became allowed or denied as %s and exits 1', (format) => {
    // WHEN
    const run = runCli(['diff', BEFORE, AFTER, '--format', format]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchSnapshot();
  });

  test('names each change by source, destination and port', () => {
    // WHEN
    const run = runCli(['diff', BEFORE, AFTER, '--format', 'json']);
    // THEN
    const changes = JSON.parse(run.stdout).changes.map((c: any) => `${c.source} -> ${c.destination} ${c.port} ${c.allowedAfter}`);
    expect(changes).toEqual([
      'shop/app=web -> shop/app=api 8080 false',
      'shop/app=web -> shop/app=api 8443 true',
      'shop/app=worker -> shop/app=api 8443 true',
    ]);
  });

  test('exits 0 and says so when nothing changed', () => {
    // WHEN
    const run = runCli(['diff', fixture('shop'), fixture('shop')]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('no flow changed\n');
  });

  test('compares stdin with a file, on the ports and extra endpoints given', () => {
    // WHEN: before = no policy at all, so the new ingress isolation of the API denies what it does not list
    const run = runCli(['diff', '-', AFTER, '--port', '8443', '--endpoint', 'shop/app=batch'], { input: '' });
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toBe([
      '- denied   shop/app=api -> shop/app=api    TCP 8443',
      '- denied   shop/app=batch -> shop/app=api  TCP 8443',
      '2 flows changed: 0 now allowed, 2 now denied',
      '',
    ].join('\n'));
  });

  test('fails with exit 2 when one side cannot be read', () => {
    // WHEN
    const run = runCli(['diff', BEFORE, fixture('not-yaml.yaml')]);
    // THEN
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('[test/fixtures/cli/not-yaml.yaml#1] is not valid YAML at line 9');
  });
});
