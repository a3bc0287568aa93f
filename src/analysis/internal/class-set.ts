/* eslint-disable no-bitwise */ // a window of a bitset is bit arithmetic
/**
 * A set of endpoint classes as a rule's peers match them (internal): a list of members when it is small, else
 * the words of a bitset from its first to its last member. Classes are numbered in endpoint order, so the pods
 * of one namespace are neighbours, and a namespace-wide set costs the words of that namespace only, both in
 * memory and when it is added to a row word by word.
 */
import { BitSet } from './bitset';

export class ClassSet {
  /** `members` ascending. */
  public static of(members: number[]): ClassSet {
    if (members.length === 0) {
      return new ClassSet(new Int32Array(0), 0, undefined);
    }
    const first = members[0] >>> 5;
    const span = (members[members.length - 1] >>> 5) - first + 1;
    if (members.length <= span) {
      return new ClassSet(Int32Array.from(members), 0, undefined);
    }
    const words = new Uint32Array(span);
    for (const m of members) words[(m >>> 5) - first] |= 1 << (m & 31);
    return new ClassSet(undefined, first, words);
  }

  /** The union of sets over the same classes. */
  public static union(sets: ClassSet[], size: number): ClassSet {
    if (sets.length === 1) {
      return sets[0];
    }
    if (sets.every((s) => s.members !== undefined)) {
      return ClassSet.of([...new Set(sets.flatMap((s) => [...s.members!]))].sort((a, b) => a - b));
    }
    const row = new BitSet(size);
    sets.forEach((s) => s.addTo(row));
    return ClassSet.of(row.elements());
  }

  private constructor(private readonly members: Int32Array | undefined, private readonly first: number,
    private readonly words: Uint32Array | undefined) {}

  /** row |= this */
  public addTo(row: BitSet): void {
    const words = this.words;
    if (words === undefined) {
      for (const m of this.members!) row.add(m);
      return;
    }
    const target = row.words;
    for (let w = 0; w < words.length; w++) target[this.first + w] |= words[w];
  }

  /** row |= this & mask (& also) */
  public addMaskedTo(row: BitSet, mask: BitSet, also?: BitSet): void {
    const words = this.words;
    if (words === undefined) {
      for (const m of this.members!) {
        if (mask.has(m) && (also === undefined || also.has(m))) row.add(m);
      }
      return;
    }
    const target = row.words;
    const allowed = mask.words;
    const first = this.first;
    if (also === undefined) {
      for (let w = 0; w < words.length; w++) target[first + w] |= words[w] & allowed[first + w];
      return;
    }
    const second = also.words;
    for (let w = 0; w < words.length; w++) target[first + w] |= words[w] & allowed[first + w] & second[first + w];
  }
}
