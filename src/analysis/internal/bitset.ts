/* eslint-disable no-bitwise */ // a bitset is bit arithmetic
/**
 * A fixed-size set of small integers, 32 to a word (internal). Bits past `size` in the last word are always
 * zero, so words can be compared and counted directly. A set may be a view of a row of a `BitMatrix`.
 */
export class BitSet {
  public static full(size: number): BitSet {
    const set = new BitSet(size);
    set.fill();
    return set;
  }

  /** A set over existing words (a matrix row); changes write through. */
  public static view(size: number, words: Uint32Array): BitSet {
    return new BitSet(size, words);
  }

  public readonly words: Uint32Array;

  constructor(public readonly size: number, words?: Uint32Array) {
    this.words = words ?? new Uint32Array(wordsFor(size));
  }

  public add(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }

  /** Adds i if absent, removes it if present. */
  public flip(i: number): void {
    this.words[i >>> 5] ^= 1 << (i & 31);
  }

  public has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /** Every element from 0 to size - 1. */
  public fill(): void {
    this.words.fill(0xffffffff);
    const tail = this.size & 31;
    if (tail !== 0) this.words[this.words.length - 1] = (1 << tail) - 1;
  }

  public clear(): void {
    this.words.fill(0);
  }

  /** this |= other */
  public addAll(other: BitSet): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= other.words[w];
  }

  /** this |= a & b */
  public addIntersection(a: BitSet, b: BitSet): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= a.words[w] & b.words[w];
  }

  /** this &= other */
  public retainAll(other: BitSet): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] &= other.words[w];
  }

  /** this &= ~other */
  public removeAll(other: BitSet): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] &= ~other.words[w];
  }

  public isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }

  /** How many elements. */
  public count(): number {
    let n = 0;
    for (let w = 0; w < this.words.length; w++) n += bitCount(this.words[w]);
    return n;
  }

  /** The elements, ascending. */
  public elements(): number[] {
    const found: number[] = [];
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w];
      while (word !== 0) {
        const low = word & -word;
        found.push(w * 32 + 31 - Math.clz32(low));
        word ^= low;
      }
    }
    return found;
  }
}

export function wordsFor(size: number): number {
  return Math.ceil(size / 32);
}

export function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
