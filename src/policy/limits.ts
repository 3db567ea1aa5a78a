/**
 * Attempt and time limits around any policy.
 *
 * The policy stops (returns null) when either:
 * - `attempt > maxAttempts` (checked before the wrapped policy is asked), or
 * - `elapsedMs + delay > maxElapsedMs`, where `delay` is what the wrapped policy just
 *   returned: an attempt that could only start after the deadline is not scheduled at all,
 *   rather than waited for and then abandoned. A delay that lands exactly on the deadline is kept.
 */
import { DEFAULT_RETRY } from './defaults.js';
import type { RetryContext, RetryPolicy } from './types.js';
import { checkInteger, checkKnownKeys, checkObject, orDefault } from './validate.js';

export interface RetryLimits {
  /** Reconnect attempts per outage (default `DEFAULT_RETRY.maxAttempts`); 0 never reconnects. */
  readonly maxAttempts?: number;
  /** Time budget per outage in ms (default `DEFAULT_RETRY.maxElapsedMs`). */
  readonly maxElapsedMs?: number;
}

/** Wraps `policy` so that it stops once the attempt or time limit is reached. */
export function withLimits(policy: RetryPolicy, limits: RetryLimits = {}): RetryPolicy {
  checkObject('retry', limits, 'an object of options');
  checkKnownKeys('retry', limits, ['maxAttempts', 'maxElapsedMs']);
  const maxAttempts = checkInteger('retry.maxAttempts', orDefault(limits.maxAttempts, DEFAULT_RETRY.maxAttempts), 0, Number.MAX_SAFE_INTEGER);
  const maxElapsedMs = checkInteger('retry.maxElapsedMs', orDefault(limits.maxElapsedMs, DEFAULT_RETRY.maxElapsedMs), 0, Number.MAX_SAFE_INTEGER);

  return {
    nextDelayMs(ctx: RetryContext, random: () => number): number | null {
      if (!(ctx.attempt <= maxAttempts)) return null;
      const delay = policy.nextDelayMs(ctx, random);
      if (delay === null) return null;
      if (!(ctx.elapsedMs + delay <= maxElapsedMs)) return null;
      return delay;
    },
  };
}
