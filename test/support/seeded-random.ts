/**
 * Deterministic randomness for tests: the SDK's own seeded PRNG (the one `simulate` uses), and a scripted
 * sequence for exact jitter arithmetic.
 */
export { mulberry32 } from '../../src/testing/prng.js';

/** A "random" source that returns the given values in turn, then repeats the last one. */
export function sequenceRandom(values: readonly number[]): () => number {
  let index = 0;
  return () => {
    const value = values[Math.min(index, values.length - 1)] ?? 0;
    index += 1;
    return value;
  };
}
