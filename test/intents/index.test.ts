import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { allowFromLabelExample, baselineExample, dnsHttpsExample, profilesExample } from '../../examples/snippets/intents';
import * as intents from '../../src/intents';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'intents.md'), 'utf8');

describe('intents', () => {
  test.each([
    ['baseline', baselineExample],
    ['allow from label', allowFromLabelExample],
    ['DNS and HTTPS', dnsHttpsExample],
    ['node-local DNS and public egress', profilesExample],
  ])('docs/intents.md shows the YAML the %s example synthesizes', (_name, example: () => Chart) => {
    // GIVEN
    const chart = example();
    // WHEN
    const yaml = Yaml.stringify(...Testing.synth(chart));
    // THEN
    expect(DOC).toContain('```yaml\n' + yaml + '```');
  });

  test('the catalogue in docs/intents.md lists every intent construct', () => {
    // GIVEN
    const constructs = Object.keys(intents).filter((name) => typeof (intents as any)[name] === 'function');
    // WHEN
    const rows = [...DOC.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    // THEN
    expect(constructs).toHaveLength(19);
    expect(rows.sort()).toEqual(expect.arrayContaining(constructs.sort()));
  });

  test('the same program synthesizes byte-identical YAML', () => {
    // GIVEN
    const examples = [baselineExample, allowFromLabelExample, dnsHttpsExample, profilesExample];
    // WHEN
    const first = examples.map((example) => Yaml.stringify(...Testing.synth(example())));
    const second = examples.map((example) => Yaml.stringify(...Testing.synth(example())));
    // THEN
    expect(second).toEqual(first);
  });
});
