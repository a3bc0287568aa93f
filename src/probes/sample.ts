/**
 * Deterministic sampling of cells (internal): the same seed picks the same cells on every machine.
 */

/** A small, well-known 32-bit generator (mulberry32); enough to spread a sample, not for secrets. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct indices below `size`, ascending, chosen by `seed`. */
export function sampleIndices(size: number, count: number, seed: number): number[] {
  const indices = Array.from({ length: size }, (_, i) => i);
  if (count >= size) {
    return indices;
  }
  const next = generator(seed);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(next() * (size - i));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, count).sort((a, b) => a - b);
}
