/**
 * A cache of immutable values by text key that is emptied when it grows past `max` entries, so that a
 * long-running program that makes ever new keys does not grow without end (internal).
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  /** @param max the number of entries at which the cache is emptied before the next one is added */
  constructor(private readonly max: number) {}

  /** The value of `key`, made with `make()` and kept when it is not known yet. */
  public get(key: string, make: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = make();
      if (this.entries.size >= this.max) {
        this.entries.clear();
      }
      this.entries.set(key, value);
    }
    return value;
  }
}
