/**
 * The real clock and randomness, used only when the app injects none. Everything else in the SDK
 * receives time and randomness from here or from the caller.
 */
export const systemNow = (): number => Date.now();

// eslint-disable-next-line no-restricted-syntax -- the one place the SDK reads ambient randomness
export const systemRandom = (): number => Math.random();
