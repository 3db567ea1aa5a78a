/** Defaults of the `retry` option (docs/policy.md, "Defaults"). The one place these numbers live. */
export const DEFAULT_RETRY = {
  initialDelayMs: 1000,
  multiplier: 2,
  maxDelayMs: 30000,
  jitter: 'full',
  maxAttempts: 10,
  maxElapsedMs: 600000,
  minUptimeMs: 5000,
} as const;

/**
 * Retry options that recover a herd fast after a mass outage (docs/policy.md, "Recovery after a mass outage"):
 * decorrelated jitter from 1.5 s, capped at 10 s. 10,000 clients behind a gateway down 10 s: peak 1.95 % accepted
 * per 100 ms, all back in 20 s, 2.98 attempts each (the default: 39.9 s, 4.98). `retry: DECORRELATED_RETRY`.
 */
export const DECORRELATED_RETRY = Object.freeze({ jitter: 'decorrelated', initialDelayMs: 1500, maxDelayMs: 10_000 } as const);

/**
 * The longest delay a timer can hold: Node and browsers treat anything above 2^31 - 1 ms
 * as 1 ms, which would turn a very long wait into a hot loop. Delays are clamped to it.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** The jitter modes, in the order used by validation messages. */
export const JITTER_MODES = ['full', 'equal', 'decorrelated', 'none'] as const;
