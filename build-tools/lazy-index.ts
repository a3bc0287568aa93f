/**
 * Makes the compiled package entry (lib/index.js) load the analyzer, the connections and the lint modules on
 * first use, so that a cdk8s app that only builds policies does not load and compile them.
 *
 * jsii needs `export * from './analysis'` in src/index.ts to find the types, and TypeScript compiles that to an
 * eager `__exportStar(require("./analysis"), exports)`. This step, run after jsii, replaces those lines with one
 * getter per exported name that requires the module when the name is first read. The names come from loading
 * the compiled modules here, in the order `export *` would bind them (an earlier module's name wins).
 *
 * After writing, it checks the result in a fresh Node process: the same names in the same order, none of the
 * deferred modules loaded by the entry itself, and each deferred name giving the module's own value.
 *
 * Usage: ts-node build-tools/lazy-index.ts [libDir]   (default: lib)
 */
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

/** The modules of src/index.ts that are loaded on first use. */
export const DEFERRED = ['./analysis', './connections', './lint', './probes'];

/** One `__exportStar(require("<path>"), exports);` line of the compiled entry. */
const EXPORT_STAR = /^__exportStar\(require\("([^"]+)"\), exports\);$/;

/** A deferred module and the names it binds (those no earlier module bound). */
export interface DeferredModule {
  readonly path: string;
  readonly names: string[];
}

/** The module paths of the entry's `export *` lines, in order. */
export function exportStarPaths(source: string): string[] {
  return source.split('\n').map((line) => EXPORT_STAR.exec(line)?.[1]).filter((path): path is string => path !== undefined);
}

/**
 * `source` with the `export *` line of each deferred module replaced by lazy getters for its names, and the
 * helper that defines them. A source without such lines (already rewritten) is returned unchanged.
 */
export function lazyIndex(source: string, deferred: DeferredModule[]): string {
  const byPath = new Map(deferred.map((d) => [d.path, d]));
  let changed = false;
  const lines = source.split('\n').map((line) => {
    const path = EXPORT_STAR.exec(line)?.[1];
    const module = path === undefined ? undefined : byPath.get(path);
    if (module === undefined) {
      return line;
    }
    changed = true;
    return `// ${path}: required when one of its names is first read (build-tools/lazy-index.ts)\n`
      + `__lazyExports(() => require(${JSON.stringify(path)}), ${JSON.stringify(module.names)});`;
  });
  if (!changed) {
    return source;
  }
  const esModule = lines.findIndex((line) => line.startsWith('Object.defineProperty(exports, "__esModule"'));
  if (esModule < 0) {
    throw new Error('lazy-index: no __esModule line in the compiled entry; is it a CommonJS module compiled by tsc?');
  }
  lines.splice(esModule + 1, 0, LAZY_HELPER);
  return lines.join('\n');
}

/** Defines each name as an enumerable getter that loads the module once. */
const LAZY_HELPER = `function __lazyExports(load, names) {
    var loaded;
    names.forEach(function (name) {
        Object.defineProperty(exports, name, { enumerable: true, get: function () { return (loaded || (loaded = load()))[name]; } });
    });
}`;

/** The names each deferred module binds, given the compiled entry in `lib` (loads every module of the entry). */
export function deferredModules(lib: string, source: string): DeferredModule[] {
  const bound = new Set<string>();
  const modules: DeferredModule[] = [];
  for (const path of exportStarPaths(source)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const names = Object.keys(require(join(lib, path))).filter((name) => name !== 'default' && !bound.has(name));
    names.forEach((name) => bound.add(name));
    if (DEFERRED.includes(path)) {
      modules.push({ path, names });
    }
  }
  return modules;
}

/** Problems of the rewritten entry, seen from a fresh Node process; empty when it behaves like the original. */
function verify(lib: string, expectedNames: string[]): string[] {
  const script = `
    const entry = require(${JSON.stringify(join(lib, 'index.js'))});
    const deferred = ${JSON.stringify(DEFERRED.map((p) => join(lib, p)))};
    const loaded = Object.keys(require.cache).filter((f) => deferred.some((d) => f.startsWith(d + '/')));
    const names = Object.keys(entry);
    const wrong = names.filter((n) => entry[n] === undefined);
    process.stdout.write(JSON.stringify({ loaded, names, wrong }));`;
  const { loaded, names, wrong } = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
  const problems: string[] = [];
  if (loaded.length > 0) problems.push(`the entry loads deferred modules itself: ${loaded.slice(0, 3).join(', ')}`);
  if (JSON.stringify(names) !== JSON.stringify(expectedNames)) problems.push('the entry does not export the same names in the same order');
  if (wrong.length > 0) problems.push(`names without a value: ${wrong.slice(0, 5).join(', ')}`);
  return problems;
}

function main(): void {
  const lib = resolve(process.argv[2] ?? 'lib');
  const file = join(lib, 'index.js');
  const source = readFileSync(file, 'utf8');
  if (!exportStarPaths(source).some((p) => DEFERRED.includes(p))) {
    console.log('lazy-index: lib/index.js already defers its modules');
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const expectedNames = Object.keys(require(file));
  const deferred = deferredModules(lib, source);
  writeFileSync(file, lazyIndex(source, deferred));
  const problems = verify(lib, expectedNames);
  if (problems.length > 0) {
    writeFileSync(file, source);
    throw new Error(`lazy-index: the rewritten lib/index.js was wrong, so the original was put back: ${problems.join('; ')}`);
  }
  console.log(`lazy-index: ${deferred.map((d) => `${d.path} (${d.names.length} names)`).join(', ')} load on first use`);
}

if (require.main === module) {
  main();
}
