import * as fc from 'fast-check';
import { canonicalJson, canonicalSet, compareStrings, sortedUnique, undefinedIfEmpty, undefinedIfEmptyMap } from '../../src/private/canonical';

describe('canonical', () => {
  test('canonicalJson sorts keys at every level and drops undefined', () => {
    // GIVEN / WHEN / THEN
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"x":2,"z":1}]},"b":1}');
  });

  test('canonicalJson writes what JSON.stringify writes for the key-sorted value', () => {
    // GIVEN: values of every JSON kind, with the cases JSON.stringify treats specially
    const sorted = (v: unknown): unknown => (Array.isArray(v) ? v.map(sorted)
      : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v);
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      // WHEN / THEN
      expect(canonicalJson(value)).toBe(JSON.stringify(sorted(value)));
    }), { numRuns: 300 });
    expect(canonicalJson({ b: 1, 10: 1, a: 1, 9: 1, 4294967295: 1 })).toBe('{"9":1,"10":1,"4294967295":1,"a":1,"b":1}');
    const special = { z: undefined, f: () => 1, s: Symbol('x'), list: [undefined, () => 1, 'x', null], n: NaN, e: {}, q: '"\\n' };
    expect(canonicalJson(special)).toBe(JSON.stringify(sorted(special)));
    expect(canonicalJson(special)).toBe('{"e":{},"list":[null,null,"x",null],"n":null,"q":"\\"\\\\n"}');
  });

  test('canonicalSet dedupes by content and sorts', () => {
    // GIVEN / WHEN / THEN
    expect(canonicalSet([{ a: 2 }, { a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
  });

  test('sorting is byte-wise, not locale-dependent', () => {
    // GIVEN / WHEN / THEN
    expect(sortedUnique(['b', 'B', 'a', 'a', '_'])).toEqual(['B', '_', 'a', 'b']);
    expect(compareStrings('a', 'a')).toBe(0);
  });

  test('empty collections become undefined', () => {
    // GIVEN / WHEN / THEN
    expect(undefinedIfEmpty([])).toBeUndefined();
    expect(undefinedIfEmpty([1])).toEqual([1]);
    expect(undefinedIfEmptyMap({})).toBeUndefined();
    expect(undefinedIfEmptyMap({ a: 'b' })).toEqual({ a: 'b' });
  });
});
