import * as fc from 'fast-check';
import { selectorMatches } from '../../src/analysis/internal/match';
import { makeSelector } from '../../src/analysis/internal/normalize-rule';
import { NormalizedSelector, SelectorRequirement } from '../../src/analysis/model';
import { regionOf, regionsMeet, regionWithin } from '../../src/lint/engine/label-regions';

const KEYS = ['a', 'b'];
const VALUES = ['x', 'y'];

/** Every label set over the keys, each key absent, one of the values, or a value no selector names. */
const LABEL_SETS: Array<Record<string, string>> = (() => {
  const choices = [undefined, ...VALUES, 'other'];
  const sets: Array<Record<string, string>> = [];
  for (const a of choices) {
    for (const b of choices) {
      const labels: Record<string, string> = {};
      if (a !== undefined) labels.a = a;
      if (b !== undefined) labels.b = b;
      sets.push(labels);
    }
  }
  return sets;
})();

const requirement: fc.Arbitrary<SelectorRequirement> = fc.record({
  key: fc.constantFrom(...KEYS),
  operator: fc.constantFrom('In' as const, 'NotIn' as const, 'Exists' as const, 'DoesNotExist' as const),
  values: fc.subarray(VALUES, { minLength: 1 }),
}).map((r) => (r.operator === 'Exists' || r.operator === 'DoesNotExist' ? { ...r, values: [] } : r));

const selector: fc.Arbitrary<NormalizedSelector> = fc.record({
  labels: fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { maxKeys: 2 }),
  requirements: fc.array(requirement, { maxLength: 3 }),
}).map((s) => makeSelector(s.labels, s.requirements));

describe('label regions', () => {
  test('two selectors meet exactly when some label set matches both', () => {
    fc.assert(fc.property(selector, selector, (a, b) => {
      // (the universe above is enough: a key's constraints name at most the listed values)
      const some = LABEL_SETS.some((l) => selectorMatches(a, l) && selectorMatches(b, l));
      expect(regionsMeet(regionOf(a), regionOf(b))).toBe(some);
    }), { numRuns: 500 });
  });

  test('a selector lies within another exactly when every label set it matches, the other matches', () => {
    fc.assert(fc.property(selector, selector, (a, b) => {
      const all = LABEL_SETS.every((l) => !selectorMatches(a, l) || selectorMatches(b, l));
      expect(regionWithin(regionOf(a), regionOf(b))).toBe(all);
    }), { numRuns: 500 });
  });

  test('a namespace always carries its name label', () => {
    // GIVEN a namespace selector that requires the name label to be absent
    const absent = makeSelector({}, [{ key: 'kubernetes.io/metadata.name', operator: 'DoesNotExist', values: [] }]);
    // THEN it matches no namespace, and every namespace has the label
    expect(regionsMeet(regionOf(absent, true), regionOf(undefined, true))).toBe(false);
    expect(regionsMeet(regionOf(absent), regionOf(undefined))).toBe(true);
    const exists = makeSelector({}, [{ key: 'kubernetes.io/metadata.name', operator: 'Exists', values: [] }]);
    expect(regionWithin(regionOf(undefined, true), regionOf(exists, true))).toBe(true);
  });
});
