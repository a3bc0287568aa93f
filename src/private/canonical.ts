/** Helpers for canonical, deterministic output. */

/** Sorted copy of unique strings. */
export function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** Byte-wise string comparison, independent of locale. */
export function compareStrings(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** Removes duplicates by canonical JSON and sorts by it. */
export function canonicalSet<T>(items: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    byKey.set(canonicalJson(item), item);
  }
  return [...byKey.keys()].sort(compareStrings).map((key) => byKey.get(key)!);
}

/** JSON with object keys sorted at every level, undefined fields dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    const plain = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(plain).sort(compareStrings)) {
      if (plain[key] !== undefined) {
        out[key] = sortKeys(plain[key]);
      }
    }
    return out;
  }
  return value;
}

/** A rendered value together with its canonical JSON (`key`), so that it is serialized once. */
export interface Keyed<T> {
  readonly key: string;
  readonly kube: T;
}

/** A rendered value with its canonical JSON and the key it sorts by. */
export interface SortableKeyed<T> extends Keyed<T> {
  readonly sortKey: string;
}

/** `undefined` for an empty array, the array otherwise. */
export function undefinedIfEmpty<T>(items: T[]): T[] | undefined {
  return items.length === 0 ? undefined : items;
}

/** `undefined` for an empty map, the map otherwise. */
export function undefinedIfEmptyMap(map: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(map).length === 0 ? undefined : map;
}
