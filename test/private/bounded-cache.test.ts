import { BoundedCache } from '../../src/private/bounded-cache';

describe('bounded-cache', () => {
  test('makes a value once per key, and starts over when full', () => {
    // GIVEN
    const cache = new BoundedCache<{ key: string }>(2);
    let made = 0;
    const make = (key: string) => () => {
      made++;
      return { key };
    };
    // WHEN
    const a = cache.get('a', make('a'));
    const again = cache.get('a', make('a'));
    cache.get('b', make('b'));
    cache.get('c', make('c')); // the cache held 2 entries: emptied, then c kept
    const aAfter = cache.get('a', make('a'));
    // THEN
    expect(again).toBe(a);
    expect(aAfter).not.toBe(a);
    expect(aAfter).toEqual({ key: 'a' });
    expect(made).toBe(4);
  });
});
