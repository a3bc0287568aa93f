import * as vm from 'vm';
import { exportStarPaths, lazyIndex } from '../../build-tools/lazy-index';

/** The shape tsc gives a compiled `export *` entry. */
const ENTRY = [
  '"use strict";',
  'var __exportStar = function (m, exports) { for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) exports[p] = m[p]; };',
  'Object.defineProperty(exports, "__esModule", { value: true });',
  '__exportStar(require("./core"), exports);',
  '__exportStar(require("./heavy"), exports);',
  '__exportStar(require("./late"), exports);',
].join('\n');

/** Runs a compiled entry with fake modules; returns its exports and the modules it loaded, in order. */
function run(source: string, modules: Record<string, Record<string, unknown>>): { exports: Record<string, unknown>; loaded: string[] } {
  const loaded: string[] = [];
  const exports: Record<string, unknown> = {};
  const require = (path: string) => {
    loaded.push(path);
    return modules[path];
  };
  vm.runInNewContext(source, { exports, require });
  return { exports, loaded };
}

describe('lazy-index (build step)', () => {
  const modules = { './core': { Policy: 'policy' }, './heavy': { Analyzer: 'analyzer', Shared: 'heavy' }, './late': { Shared: 'late', Last: 'last' } };

  test('lists the entry\'s export * modules in order', () => {
    // WHEN
    const paths = exportStarPaths(ENTRY);
    // THEN
    expect(paths).toEqual(['./core', './heavy', './late']);
  });

  test('a deferred module is required only when one of its names is first read, once', () => {
    // GIVEN
    const source = lazyIndex(ENTRY, [{ path: './heavy', names: ['Analyzer', 'Shared'] }]);
    // WHEN
    const { exports, loaded } = run(source, modules);
    const before = [...loaded];
    const analyzer = exports.Analyzer;
    const shared = exports.Shared;
    // THEN
    expect(before).toEqual(['./core', './late']);
    expect(analyzer).toBe('analyzer');
    expect(shared).toBe('heavy'); // the earlier module still wins, as with export *
    expect(loaded).toEqual(['./core', './late', './heavy']);
    expect(Object.keys(exports)).toEqual(['Policy', 'Analyzer', 'Shared', 'Last']);
  });

  test('the rewritten entry exports what the original exports', () => {
    // GIVEN
    const original = run(ENTRY, modules).exports;
    // WHEN
    const lazy = run(lazyIndex(ENTRY, [{ path: './heavy', names: ['Analyzer', 'Shared'] }]), modules).exports;
    // THEN
    expect({ ...lazy }).toEqual({ ...original });
  });

  test('an entry already rewritten, or without deferred modules, is left as it is', () => {
    // GIVEN
    const once = lazyIndex(ENTRY, [{ path: './heavy', names: ['Analyzer', 'Shared'] }]);
    // WHEN
    const twice = lazyIndex(once, [{ path: './heavy', names: ['Analyzer', 'Shared'] }]);
    // THEN
    expect(twice).toBe(once);
    expect(lazyIndex(ENTRY, [])).toBe(ENTRY);
  });

  test('an entry that is not tsc CommonJS output is refused', () => {
    // GIVEN
    const source = '__exportStar(require("./heavy"), exports);';
    // WHEN / THEN
    expect(() => lazyIndex(source, [{ path: './heavy', names: ['Analyzer'] }])).toThrow(/no __esModule line/);
  });
});
