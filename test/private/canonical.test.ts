import { canonicalJson, canonicalSet, compareStrings, sortedUnique, undefinedIfEmpty, undefinedIfEmptyMap } from '../../src/private/canonical';

describe('canonical', () => {
  test('canonicalJson sorts keys at every level and drops undefined', () => {
    // GIVEN / WHEN / THEN
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"x":2,"z":1}]},"b":1}');
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
