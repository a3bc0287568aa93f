import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** The package task's commands, in order, as projen wrote them. */
function packageSteps(): string[] {
  const tasks = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf8'));
  return (tasks.tasks.package.steps as Array<{ exec?: string }>).flatMap((s) => s.exec === undefined ? [] : [s.exec]);
}

/** The jsii-rosetta parameters of each TypeScript block of the README (the words after ```ts). */
function readmeBlockParameters(): string[][] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```ts(.*)$/gm)].map((m) => m[1].trim().split(/\s+/).filter((w) => w !== ''));
}

describe('examples compiled in the package step (jsii-rosetta strict mode)', () => {
  test('the package step compiles every example strictly before the bindings are generated from its translations', () => {
    // WHEN
    const steps = packageSteps();
    // THEN
    const extract = steps.findIndex((s) => /^jsii-rosetta extract .*--strict/.test(`${s} `));
    const pacmak = steps.findIndex((s) => s.startsWith('jsii-pacmak '));
    expect(extract).toBeGreaterThanOrEqual(0);
    expect(pacmak).toBeGreaterThan(extract);
    // The bindings show the translations of the compiled examples.
    expect(steps[pacmak]).toContain('--rosetta-tablet .jsii.tabl.json');
  });

  test('every fixture a README example names exists, and every fixture has the place for the example', () => {
    // GIVEN
    const named = readmeBlockParameters().flat().filter((p) => p.startsWith('fixture=')).map((p) => p.slice('fixture='.length));
    // WHEN
    const fixtures = fs.readdirSync(path.join(ROOT, 'rosetta')).filter((f) => f.endsWith('.ts-fixture'));
    // THEN
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) {
      expect(fixtures).toContain(`${name}.ts-fixture`);
    }
    expect(fixtures).toContain('default.ts-fixture');
    for (const fixture of fixtures) {
      expect(fs.readFileSync(path.join(ROOT, 'rosetta', fixture), 'utf8')).toMatch(/^\s*\/\/\/ here$/m);
    }
  });

  test('README examples use only the parameters jsii-rosetta knows', () => {
    // WHEN
    const parameters = readmeBlockParameters().flat();
    // THEN
    expect(parameters.filter((p) => !/^(nofixture|fixture=[a-z-]+)$/.test(p))).toEqual([]);
  });
});
