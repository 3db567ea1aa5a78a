/**
 * A small seeded random source for simulations. mulberry32 keeps 32 bits of state and passes the usual
 * statistical smoke tests well enough for jitter; what matters here is that one seed always yields the
 * same sequence, so a simulated outage replays exactly.
 */

/** Returns a function producing numbers in [0, 1), fully determined by `seed` (taken as an unsigned 32-bit integer). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives the seed of one member of a group (client `index` of a herd) from the group's seed, so that
 * clients draw independent sequences while the whole run still depends on one number.
 */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
