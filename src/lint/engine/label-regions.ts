/**
 * Label selectors as sets of label sets (internal), for exact static reasoning in the tier checks: whether two
 * selectors can match a common label set, and whether one matches every label set another matches.
 *
 * A selector constrains each key on its own: the values a key may take, a subset of every string plus
 * "absent". matchLabels and In allow finitely many values; NotIn, Exists and DoesNotExist are written with
 * the values they exclude. Keys the selector does not name may take anything. Label sets are arbitrary, so
 * the label sets a selector matches are the product of its keys' sets, and both questions are exact per key:
 * two selectors meet iff every key's two sets meet; A matches only what B matches iff A matches nothing or
 * every key's set of A lies in B's. A namespace always carries `kubernetes.io/metadata.name`: for namespace
 * selectors that key is never absent.
 */
import { NAMESPACE_NAME_LABEL, NormalizedSelector } from '../../analysis/model';

/** `undefined` stands for "absent" among the values. */
type Value = string | undefined;

/** A set of values: the listed ones (`finite`), or every value except the listed ones. */
interface ValueSet {
  readonly finite: boolean;
  readonly values: ReadonlySet<Value>;
}

const EVERY: ValueSet = { finite: false, values: new Set() };

function meet(a: ValueSet, b: ValueSet): ValueSet {
  if (a.finite && b.finite) return { finite: true, values: new Set([...a.values].filter((v) => b.values.has(v))) };
  if (a.finite) return { finite: true, values: new Set([...a.values].filter((v) => !b.values.has(v))) };
  if (b.finite) return meet(b, a);
  return { finite: false, values: new Set([...a.values, ...b.values]) };
}

function isEmpty(a: ValueSet): boolean {
  return a.finite && a.values.size === 0; // a co-finite set of strings is never empty
}

function within(a: ValueSet, b: ValueSet): boolean {
  if (a.finite) return b.finite ? [...a.values].every((v) => b.values.has(v)) : [...a.values].every((v) => !b.values.has(v));
  return !b.finite && [...b.values].every((v) => a.values.has(v)); // co-finite in finite: never
}

/** A selector as one value set per key it names. */
export type LabelRegion = ReadonlyMap<string, ValueSet>;

/** The label sets a selector matches; for a namespace selector, namespaces always carry their name label. */
export function regionOf(selector: NormalizedSelector | undefined, namespaces = false): LabelRegion {
  const region = new Map<string, ValueSet>();
  const add = (key: string, set: ValueSet) => region.set(key, meet(region.get(key) ?? EVERY, set));
  if (namespaces) add(NAMESPACE_NAME_LABEL, { finite: false, values: new Set([undefined]) });
  if (selector === undefined) return region;
  for (const [key, value] of Object.entries(selector.matchLabels)) add(key, { finite: true, values: new Set([value]) });
  for (const r of selector.requirements) {
    switch (r.operator) {
      case 'In': add(r.key, { finite: true, values: new Set(r.values) }); break;
      case 'NotIn': add(r.key, { finite: false, values: new Set(r.values) }); break;
      case 'Exists': add(r.key, { finite: false, values: new Set([undefined]) }); break;
      case 'DoesNotExist': add(r.key, { finite: true, values: new Set([undefined]) }); break;
    }
  }
  return region;
}

/** Whether the region matches no label set at all. */
export function regionIsEmpty(a: LabelRegion): boolean {
  return [...a.values()].some(isEmpty);
}

/** Whether some label set matches both. */
export function regionsMeet(a: LabelRegion, b: LabelRegion): boolean {
  if (regionIsEmpty(a) || regionIsEmpty(b)) return false;
  for (const [key, set] of a) {
    const other = b.get(key);
    if (other !== undefined && isEmpty(meet(set, other))) return false;
  }
  return true;
}

/** Whether every label set `inner` matches, `outer` matches too. */
export function regionWithin(inner: LabelRegion, outer: LabelRegion): boolean {
  if (regionIsEmpty(inner)) return true;
  for (const [key, set] of outer) {
    if (!within(inner.get(key) ?? EVERY, set)) return false;
  }
  return true;
}
