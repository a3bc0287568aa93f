import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', 'src');

/** Every source file (relative to src/, without extension) and the project files it imports. */
function importGraph(options: { withTypes?: boolean } = {}): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        const targets = [...text.matchAll(/^(?:import|export)\s[^;]*?from '(\.[^']+)'/gm)]
          // type-only imports are erased at runtime and do not create load cycles
          .filter((m) => options.withTypes === true || !/^(?:import|export) type /.test(m[0]))
          .map((m) => resolve(path.dirname(full), m[1]));
        graph.set(rel(full), targets);
      }
    }
  };
  walk(SRC);
  return graph;
}

function resolve(fromDir: string, spec: string): string {
  const base = path.join(fromDir, spec);
  return rel(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
}

function rel(file: string): string {
  return path.relative(SRC, file).replace(/\\/g, '/').replace(/\.ts$/, '');
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/** The value layer: immutable values that are not constructs, and the checks of the structs they are given. */
const VALUES = ['protocol', 'direction', 'port', 'peer', 'policy-rule', 'dns', 'selectors/', 'struct-checks'];

/** The construct layer: the policy construct and what is built on it. */
const CONSTRUCTS = ['network-policy', 'direction-rules', 'policy-spec', 'intents/', 'connections/'];

/** Folders (or files) a layer may import from, besides itself. */
const ALLOWED: Array<[string, string[]]> = [
  ['private/', ['private/']],
  ...VALUES.map((value): [string, string[]] => [value, [...VALUES, 'private/']]),
  ['analysis/', ['analysis/', 'private/', 'protocol', 'direction']],
  ['lint/', ['lint/', 'analysis/', 'private/', 'protocol', 'direction']],
  ['probes/', ['probes/', 'analysis/', 'private/', 'protocol', 'direction']],
  ['cli/', ['cli/', 'analysis/', 'lint/', 'probes/', 'private/', 'protocol', 'direction', 'report/']],
  ['report/', ['report/', 'cli/', 'analysis/', 'lint/', 'private/', 'protocol', 'direction']],
];

/** The type-only imports that close an import cycle (outside the value and construct layers). */
const TYPE_ONLY_CYCLES = [
  'analysis/model -> analysis/tier-model',
  'analysis/tier-model -> analysis/model',
  'cli/errors -> cli/input-limits',
  'lint/engine/context -> lint/engine/lint-index',
  'lint/engine/lint-index -> lint/engine/context',
  'probes/report-formats -> probes/report',
];

/** The `import type` lines that name a project file, as `file -> target`. */
function typeOnlyImports(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(full, 'utf8');
        for (const m of text.matchAll(/^(?:import|export) type [^;]*?from '(\.[^']+)'/gm)) {
          found.push(`${rel(full)} -> ${resolve(path.dirname(full), m[1])}`);
        }
      }
    }
  };
  walk(SRC);
  return found.sort();
}

function inLayer(file: string, layer: string[]): boolean {
  return layer.some((part) => file === part || (part.endsWith('/') && file.startsWith(part)));
}

describe('architecture', () => {
  test('the source has no import cycles', () => {
    // GIVEN
    const graph = importGraph();
    // WHEN
    const cycle = findCycle(graph);
    // THEN
    expect(graph.size).toBeGreaterThan(50);
    expect(cycle).toBeUndefined();
  });

  test.each(ALLOWED)('files under %s import only from their allowed layers', (layer, allowed) => {
    // GIVEN
    const graph = importGraph();
    // WHEN
    const violations = [...graph.entries()]
      .filter(([file]) => file.startsWith(layer))
      .flatMap(([file, targets]) => targets.filter((t) => !allowed.some((a) => t === a || t.startsWith(a))).map((t) => `${file} -> ${t}`));
    // THEN
    expect(violations).toEqual([]);
  });

  test('values never import constructs, and neither values nor constructs hide an import behind import type', () => {
    // GIVEN
    const graph = importGraph({ withTypes: true });
    // WHEN
    const valueFiles = [...graph.keys()].filter((file) => inLayer(file, VALUES));
    const upward = valueFiles.flatMap((file) => graph.get(file)!.filter((t) => inLayer(t, CONSTRUCTS)).map((t) => `${file} -> ${t}`));
    const typeOnly = typeOnlyImports();
    // THEN
    expect(valueFiles.length).toBeGreaterThan(6);
    expect(upward).toEqual([]);
    // import type hides a dependency from the cycle check; the layers that users build on have none
    expect(typeOnly.filter((line) => inLayer(line.split(' -> ')[0], [...VALUES, ...CONSTRUCTS]))).toEqual([]);
    // elsewhere, the ones that close a cycle are counted, so that a new one is a decision
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      if (from === to) return true;
      if (seen.has(from)) return false;
      seen.add(from);
      return (graph.get(from) ?? []).some((next) => reaches(next, to, seen));
    };
    const cyclic = typeOnly.filter((line) => {
      const [file, target] = line.split(' -> ');
      return reaches(target, file);
    });
    expect(typeOnly.length).toBeGreaterThan(0);
    expect(cyclic).toEqual(TYPE_ONLY_CYCLES);
  });

  test('the construct and value layers have no import cycle, counting type-only imports', () => {
    // GIVEN
    const all = importGraph({ withTypes: true });
    const layer = [...VALUES, ...CONSTRUCTS];
    const graph = new Map([...all.entries()].filter(([file]) => inLayer(file, layer))
      .map(([file, targets]) => [file, targets.filter((t) => inLayer(t, layer))]));
    // WHEN
    const cycle = findCycle(graph);
    // THEN
    expect(graph.size).toBeGreaterThan(40);
    expect(cycle).toBeUndefined();
  });

  test('the package index only re-exports modules', () => {
    // GIVEN / WHEN
    const lines = fs.readFileSync(path.join(SRC, 'index.ts'), 'utf8').trim().split('\n');
    // THEN
    expect(lines.every((line) => /^export \* from '\.\/[a-z/-]+';$/.test(line))).toBe(true);
    expect(lines.some((line) => /private|cli|testing|plugin/.test(line))).toBe(false);
  });

  test('the cycle finder finds a cycle', () => {
    // GIVEN
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]);
    // WHEN / THEN
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
