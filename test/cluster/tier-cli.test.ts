import * as fs from 'fs';
import { runCli } from '../cli/run-cli';

const TIERS = 'test/fixtures/cluster/tiers.yaml';

describe('the CLI with cluster-wide tiers', () => {
  test('explain prints the chain of tiers and exits 0 when allowed', () => {
    // WHEN shop/web calls shop/api: the Admin tier passes, the NetworkPolicy allows
    const run = runCli(['explain', TIERS, '--from', 'shop/web', '--to', 'shop/api', '--port', '8080']);
    // THEN
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ingress to shop/api: allowed ([Admin] guardrails rule 0 "pass-within-shop": Pass -> [NetworkPolicy] shop/api-from-web: allowed by ingress rule 0)');
  });

  test('explain escapes control characters and bidi overrides in tier rule names (free text)', () => {
    // GIVEN the fixture's Admin rule renamed to a name that clears the screen and reorders the line
    const yaml = fs.readFileSync(TIERS, 'utf8').replace('name: pass-within-shop', 'name: "pass\\e[2J\\u202eok"');
    // WHEN
    const run = runCli(['explain', '-', '--from', 'shop/web', '--to', 'shop/api', '--port', '8080'], { input: yaml });
    // THEN the name is shown with its characters spelled out (ESC by the verdict's JSON quoting, the bidi
    // override by the CLI's escaping), and nothing raw reaches the terminal
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"pass\\u001b[2J\\u{202e}ok": Pass');
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  test('explain says UNKNOWN for a connection a nodes peer decides, and exits 1 (fails closed)', () => {
    // WHEN shop/web calls an address that may be a node
    const run = runCli(['explain', TIERS, '--from', 'shop/web', '--to', '10.0.0.1', '--port', '443', '--format', 'json']);
    // THEN unknown, not allowed
    expect(run.code).toBe(1);
    const verdict = JSON.parse(run.stdout);
    expect([verdict.outcome, verdict.allowed, verdict.egressOutcome]).toEqual(['Unknown', false, 'Unknown']);
    expect(verdict.reasons.map((r: any) => `${r.tier} ${r.code} ${r.policy}#${r.ruleIndex}`)).toContain('Admin PEER_UNKNOWN guardrails#0');
  });

  test('matrix shows unknown cells as such, in text and Markdown', () => {
    // WHEN the matrix includes an address
    const text = runCli(['matrix', TIERS, '--port', '443', '--endpoint', '10.0.0.1']);
    const markdown = runCli(['matrix', TIERS, '--port', '443', '--endpoint', '10.0.0.1', '--format', 'markdown']);
    // THEN the cells from the pods to the address are unknown, and the legend says what that means
    expect(text.code).toBe(0);
    expect(text.stdout).toMatchSnapshot();
    expect(text.stdout).toContain('? unknown');
    expect(markdown.stdout).toContain('❔');
  });

  test('graph labels the edges whose verdict is unknown, apart from the allowed ports', () => {
    // WHEN the graph includes the address a nodes peer may be
    const run = runCli(['graph', TIERS, '--port', '443', '--endpoint', '10.0.0.1', '--format', 'dot']);
    // THEN the pod -> address edges say unknown
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"shop/web" -> "ip:10.0.0.1" [label="unknown: 443"];');
  });
});
