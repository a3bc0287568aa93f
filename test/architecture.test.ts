import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', 'src');

/** Every source file (relative to src/, without extension) and the project files it imports. */
function importGraph(): Map<string, string[]> {
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
          .filter((m) => !/^(?:import|export) type /.test(m[0]))
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

/** Folders (or files) a layer may import from, besides itself. */
const ALLOWED: Array<[string, string[]]> = [
  ['private/', ['private/']],
  ['analysis/', ['analysis/', 'private/', 'protocol']],
  ['lint/', ['lint/', 'analysis/', 'private/', 'protocol']],
  ['probes/', ['probes/', 'analysis/', 'private/', 'protocol']],
  ['cli/', ['cli/', 'analysis/', 'lint/', 'probes/', 'private/', 'protocol', 'report/']],
  ['report/', ['report/', 'cli/', 'analysis/', 'lint/', 'private/', 'protocol']],
];

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
