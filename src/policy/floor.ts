/**
 * The cause's floor: a `retry-later` code (server busy, restarting) or an HTTP `Retry-After`
 * carries `retryAfterMs`, the earliest moment a reconnect makes sense.
 * delay = max(cause.retryAfterMs ?? 0, computed). A stop (null) stays a stop.
 */
import type { RetryContext, RetryPolicy } from './types.js';

/** Wraps `policy` so that its delay is never below the cause's `retryAfterMs`. */
export function withCauseFloor(policy: RetryPolicy): RetryPolicy {
  return {
    nextDelayMs(ctx: RetryContext, random: () => number): number | null {
      const delay = policy.nextDelayMs(ctx, random);
      if (delay === null) return null;
      return Math.max(floorMs(ctx), delay);
    },
  };
}

/** The cause's floor in ms; a missing, negative or non-numeric value counts as no floor. */
export function floorMs(ctx: RetryContext): number {
  const floor: unknown = ctx.cause.retryAfterMs;
  return typeof floor === 'number' && floor > 0 ? floor : 0;
}
