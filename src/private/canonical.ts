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

/**
 * JSON with object keys sorted at every level, undefined fields dropped: what `JSON.stringify` writes for the
 * same value with its keys sorted. Written out directly rather than through a sorted copy, because it runs for
 * every new peer, port and rule of every policy.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      out += (i === 0 ? '' : ',') + (skipped(value[i]) ? 'null' : canonicalJson(value[i]));
    }
    return `${out}]`;
  }
  const plain = value as Record<string, unknown>;
  const keys = sortedKeys(plain);
  let out = '{';
  for (const key of keys) {
    const item = plain[key];
    if (!skipped(item)) {
      out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    }
  }
  return `${out}}`;
}

/**
 * The keys of an object in the order a key-sorted copy would be written: array-index keys ("0", "12") first
 * in numeric order, as JavaScript enumerates them in every object, then the others sorted byte-wise.
 */
function sortedKeys(plain: Record<string, unknown>): string[] {
  const keys = Object.keys(plain);
  if (keys.length < 2) {
    return keys;
  }
  // Object.keys already lists the array-index keys first, in numeric order.
  let indices = 0;
  while (indices < keys.length && isArrayIndex(keys[indices])) {
    indices++;
  }
  if (indices === 0) {
    return keys.sort(compareStrings);
  }
  return [...keys.slice(0, indices), ...keys.slice(indices).sort(compareStrings)];
}

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 4294967295;
}

/** Values that `JSON.stringify` leaves out of an object (and writes as null in an array). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
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
