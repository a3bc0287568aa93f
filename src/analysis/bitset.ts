/* eslint-disable no-bitwise */ // a bitset is bit arithmetic
/** A fixed-size set of small integers (internal). */
export class BitSet {
  public static full(size: number): BitSet {
    const set = new BitSet(size);
    set.words.fill(0xffffffff);
    return set;
  }

  public readonly words: Uint32Array;

  constructor(public readonly size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }

  public add(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
  }

  public has(i: number): boolean {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }

  /** this |= other */
  public addAll(other: BitSet): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= other.words[w];
  }

  /** this |= a & b */
  public addIntersection(a: BitSet, b: BitSet): void {
    for (let w = 0; w < this.words.length; w++) this.words[w] |= a.words[w] & b.words[w];
  }
}
