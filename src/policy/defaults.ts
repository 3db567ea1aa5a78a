/**
 * Defaults of the `retry` option (docs/policy.md, "Defaults"). The one place these numbers live.
 *
 * Decorrelated jitter from 1.5 s, capped at 10 s (issue 14, docs/policy.md "Recovery after a mass outage"): 10,000
 * clients behind a gateway down 10 s come back with at most 1.95 % accepted per 100 ms, all within 20 s, in 2.98
 * attempts each. `multiplier` is not used by decorrelated jitter; it shapes the curve when `jitter` is changed.
 * `maxAttempts` 13: the expected wait before a session gives up on a server that never comes back is 92.8 s, about
 * the 90.5 s of the exponential policy's 10 attempts (`EXPONENTIAL_RETRY`).
 */
export const DEFAULT_RETRY = {
  initialDelayMs: 1500,
  multiplier: 2,
  maxDelayMs: 10_000,
  jitter: 'decorrelated',
  maxAttempts: 13,
  maxElapsedMs: 600_000,
  minUptimeMs: 5000,
} as const;

/**
 * The curve of `DEFAULT_RETRY`: decorrelated jitter from 1.5 s, capped at 10 s. Kept for code written before it became
 * the default (`retry: DECORRELATED_RETRY` now changes nothing); derived from `DEFAULT_RETRY`, so the two never differ.
 */
export const DECORRELATED_RETRY = Object.freeze({
  jitter: DEFAULT_RETRY.jitter,
  initialDelayMs: DEFAULT_RETRY.initialDelayMs,
  maxDelayMs: DEFAULT_RETRY.maxDelayMs,
} as const);

/**
 * The default before issue 14, for apps that want it back (`retry: EXPONENTIAL_RETRY`): exponential from 1 s ×2,
 * capped at 30 s, full jitter, 10 attempts. The first reconnect comes sooner (0–1 s), but after a mass outage the
 * herd takes twice as long to come back (39.9 s, 4.98 attempts each; docs/policy.md "Recovery after a mass outage").
 */
export const EXPONENTIAL_RETRY = Object.freeze({
  initialDelayMs: 1000,
  multiplier: 2,
  maxDelayMs: 30_000,
  jitter: 'full',
  maxAttempts: 10,
  maxElapsedMs: 600_000,
  minUptimeMs: 5000,
} as const);

/**
 * The longest delay a timer can hold: Node and browsers treat anything above 2^31 - 1 ms
 * as 1 ms, which would turn a very long wait into a hot loop. Delays are clamped to it.
 */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** The jitter modes, in the order used by validation messages. */
export const JITTER_MODES = ['full', 'equal', 'decorrelated', 'none'] as const;
