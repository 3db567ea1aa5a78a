/**
 * The outcome guard: the one rule no option can turn off (docs/policy.md, "The outcome guard").
 * Codes whose outcome is `ok`, `ended`, `reauthenticate`, `user-decision` or `fatal` never schedule a reconnect:
 * replaying a wrong password locks accounts. The wrapped policy is not even asked.
 *
 * The guard also sanitises what the wrapped policy returns, so that a faulty custom policy
 * stops rather than hot-loops:
 * - not a number, NaN, negative, or ±Infinity → null (stop);
 * - a fraction → rounded to whole milliseconds;
 * - above `MAX_TIMER_DELAY_MS` (which timers would fire after 1 ms) → clamped to it.
 * - an exception thrown by the wrapped policy → null (stop): a buggy custom policy must not crash the
 *   session actor; the session fails with the fault that was being retried as its cause.
 */
import { NON_RETRYABLE_OUTCOMES } from '../codes/types.js';
import type { Outcome } from '../codes/types.js';
import { MAX_TIMER_DELAY_MS } from './defaults.js';
import type { RetryContext, RetryPolicy } from './types.js';

/** Wraps `policy` with the outcome rule and the result sanitiser. */
export function guardOutcome(policy: RetryPolicy): RetryPolicy {
  return {
    nextDelayMs(ctx: RetryContext, random: () => number): number | null {
      if (!isRetryableCause(ctx)) return null;
      let delay: unknown;
      try {
        delay = policy.nextDelayMs(ctx, random);
      } catch {
        return null;
      }
      return sanitiseDelay(delay);
    },
  };
}

/** True only for a context whose cause has an outcome outside `NON_RETRYABLE_OUTCOMES`. */
export function isRetryableCause(ctx: RetryContext): boolean {
  const cause: unknown = (ctx as Partial<RetryContext> | null | undefined)?.cause;
  if (typeof cause !== 'object' || cause === null) return false;
  const outcome: unknown = (cause as { outcome?: unknown }).outcome;
  return typeof outcome === 'string' && !NON_RETRYABLE_OUTCOMES.has(outcome as Outcome);
}

/** A delay a timer can use, or null for anything that is not one. */
export function sanitiseDelay(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const rounded = Math.round(value);
  // `+ 0` turns -0 into 0.
  return Math.min(MAX_TIMER_DELAY_MS, rounded) + 0;
}
