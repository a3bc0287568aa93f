import * as fs from 'fs';
import * as path from 'path';
import { fixture, ROOT, runCli } from './run-cli';
import { fieldSegments, YamlLocator } from '../../src/cli/yaml-locations';

const FILE = fixture('sarif.yaml');

/** The 1-based line of the first line of the file that contains the text. */
function lineOf(text: string): number {
  return fs.readFileSync(path.join(ROOT, FILE), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

describe('cdk8s-netpol check -f sarif', () => {
  test('writes a SARIF 2.1.0 log: every check as a rule, each finding on the line of its field', () => {
    // WHEN
    const run = runCli(['check', FILE, '-f', 'sarif']);
    // THEN
    expect(run.code).toBe(0); // warnings only
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('cdk8s-netpol');
    expect(driver.rules.map((r: any) => r.id)).toEqual(expect.arrayContaining(['ip-block-host-bits', 'split-namespace-and-pod-peers', 'egress-blocks-dns']));
    const results = log.runs[0].results;
    const at = (id: string) => results.find((r: any) => r.ruleId === id);
    expect(at('ip-block-host-bits').level).toBe('warning');
    expect(at('ip-block-host-bits').locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/cli/sarif.yaml' },
      region: { startLine: lineOf('cidr: 10.0.0.1/8'), startColumn: 19 },
    });
    expect(at('split-namespace-and-pod-peers').locations[0].physicalLocation.region.startLine).toBe(lineOf('- namespaceSelector:'));
    expect(driver.rules[at('ip-block-host-bits').ruleIndex].id).toBe('ip-block-host-bits');
    expect(at('ip-block-host-bits').message.text).toContain('(got "10.0.0.1/8")');
  });

  test('gives findings on stdin no physical location and exits 1 on error-level findings', () => {
    // GIVEN: a policy that isolates egress without DNS
    const yaml = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Egress]}\n';
    // WHEN
    const run = runCli(['check', '-', '-f', 'sarif'], { input: yaml });
    // THEN
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout).runs[0].results.find((r: any) => r.ruleId === 'egress-blocks-dns');
    expect(result.level).toBe('error');
    expect(result.locations).toEqual([]);
  });
});

describe('YamlLocator', () => {
  test('splits field paths and falls back to the nearest parent that exists', () => {
    // GIVEN
    const locator = new YamlLocator();
    // THEN
    expect(fieldSegments('spec.ingress[1].from[0].ipBlock.cidr')).toEqual(['spec', 'ingress', 1, 'from', 0, 'ipBlock', 'cidr']);
    expect(locator.locate(`${FILE}#1`, 'spec.ingress[1].from[0].ipBlock.cidr')).toEqual({ file: FILE, line: lineOf('cidr: 10.0.0.1/8'), column: 19 });
    expect(locator.locate(`${FILE}#1`, 'spec.egress[4]')?.line).toBe(lineOf('  podSelector:')); // spec itself
    expect(locator.locate(`${FILE}#0`, undefined)?.line).toBe(1);
    expect(locator.locate('<stdin>#0', 'spec')).toBeUndefined();
  });
});
