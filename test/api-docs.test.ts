/**
 * Every public factory of the package shows how it is called: each public static method of an exported class
 * has an `@example` that calls it, and each public constructor an example (its own or its class's) that calls
 * `new` on it. jsii-rosetta compiles those examples in the package step; this test keeps them from going missing.
 *
 * Reads the assembly: `npx projen compile` writes `.jsii` (the build does so before the tests).
 */
import * as fs from 'fs';
import * as path from 'path';

interface JsiiDocs { readonly example?: string }
interface JsiiCallable { readonly name?: string; readonly static?: boolean; readonly protected?: boolean; readonly docs?: JsiiDocs }
interface JsiiClass {
  readonly kind: string;
  readonly name: string;
  readonly abstract?: boolean;
  readonly docs?: JsiiDocs;
  readonly initializer?: JsiiCallable;
  readonly methods?: JsiiCallable[];
}

/**
 * Entry points that need no example, each with the reason. Empty today: every factory has one. An entry here
 * must name an entry point that exists and has no example (checked below), so the list cannot go stale.
 */
const NO_EXAMPLE_NEEDED: Record<string, string> = {};

function classes(): JsiiClass[] {
  const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.jsii'), 'utf8'));
  return (Object.values(assembly.types) as JsiiClass[]).filter((t) => t.kind === 'class');
}

/** Every public factory (`Class.method` for static methods, `new Class` for constructors) and its examples. */
function factories(): Map<string, { readonly call: string; readonly examples: string[] }> {
  const found = new Map<string, { readonly call: string; readonly examples: string[] }>();
  for (const type of classes()) {
    if (type.initializer !== undefined && type.abstract !== true && type.initializer.protected !== true) {
      found.set(`new ${type.name}`, { call: `new ${type.name}(`, examples: [type.initializer.docs?.example, type.docs?.example].filter((e): e is string => e !== undefined) });
    }
    for (const method of type.methods ?? []) {
      if (method.static === true && method.protected !== true) {
        found.set(`${type.name}.${method.name}`, { call: `${type.name}.${method.name}(`, examples: [method.docs?.example].filter((e): e is string => e !== undefined) });
      }
    }
  }
  return found;
}

describe('API docs', () => {
  test('every public static method and constructor of an exported class has an example that calls it', () => {
    // GIVEN
    const all = factories();
    // WHEN
    const missing = [...all]
      .filter(([key, { call, examples }]) => NO_EXAMPLE_NEEDED[key] === undefined && !examples.some((e) => e.includes(call)))
      .map(([key]) => key);
    // THEN
    expect(missing).toEqual([]);
    // the assembly was read: the factories the README starts with are among them
    expect([...all.keys()]).toEqual(expect.arrayContaining(['new NetworkPolicy', 'Workload.fromLabels', 'Endpoint.pod', 'PolicyAnalyzer.fromChart', 'PolicyLint.of']));
    expect(all.size).toBeGreaterThan(50);
  });

  test('the entry points listed as needing no example exist and have none', () => {
    // GIVEN
    const all = factories();
    // WHEN
    const stale = Object.keys(NO_EXAMPLE_NEEDED).filter((key) => {
      const entry = all.get(key);
      return entry === undefined || entry.examples.some((e) => e.includes(entry.call));
    });
    // THEN
    expect(stale).toEqual([]);
  });
});
