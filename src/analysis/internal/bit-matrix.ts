/* eslint-disable no-bitwise */ // a bit matrix is bit arithmetic
/**
 * A matrix of bits, row-major, each row a whole number of 32-bit words (internal). One byte holds eight
 * cells, and rows combine word by word (`BitSet` views of the rows).
 */
import { BitSet, wordsFor } from './bitset';

export class BitMatrix {
  /** Words per row. */
  public readonly stride: number;
  public readonly data: Uint32Array;

  constructor(public readonly rows: number, public readonly columns: number) {
    this.stride = wordsFor(columns);
    this.data = new Uint32Array(this.stride * rows);
  }

  /** Row `r` as a set of columns; changes write through. */
  public row(r: number): BitSet {
    return BitSet.view(this.columns, this.data.subarray(r * this.stride, (r + 1) * this.stride));
  }

  public get(r: number, c: number): boolean {
    return (this.data[r * this.stride + (c >>> 5)] & (1 << (c & 31))) !== 0;
  }

  /** The matrix with rows and columns swapped, 32 x 32 bits at a time. */
  public transpose(): BitMatrix {
    const out = new BitMatrix(this.columns, this.rows);
    const block = new Uint32Array(32);
    for (let rb = 0; rb < this.rows; rb += 32) {
      const height = Math.min(32, this.rows - rb);
      for (let cw = 0; cw < this.stride; cw++) {
        block.fill(0);
        let any = 0;
        let every = height === 32 ? 0xffffffff : 0;
        for (let k = 0; k < height; k++) {
          const word = this.data[(rb + k) * this.stride + cw];
          block[k] = word;
          any |= word;
          every &= word;
        }
        if (any === 0) continue; // an empty block stays empty: most blocks of a sparse table
        if (every !== -1) transpose32(block); // a full block stays full
        const width = Math.min(32, this.columns - cw * 32);
        for (let k = 0; k < width; k++) out.data[(cw * 32 + k) * out.stride + (rb >>> 5)] = every === -1 ? 0xffffffff : block[k];
      }
    }
    return out;
  }

  /** Whether both matrices hold the same cells. */
  public equals(other: BitMatrix): boolean {
    if (other.rows !== this.rows || other.columns !== this.columns) return false;
    for (let i = 0; i < this.data.length; i++) {
      if (this.data[i] !== other.data[i]) return false;
    }
    return true;
  }
}

/** In place: bit c of word r moves to bit r of word c (bit i of a word is `1 << i`). */
function transpose32(a: Uint32Array): void {
  let m = 0x0000ffff;
  for (let j = 16; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
      const t = ((a[k] >>> j) ^ a[k + j]) & m;
      a[k] ^= t << j;
      a[k + j] ^= t;
    }
  }
}
