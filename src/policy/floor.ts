/**
 * The cause's floor: a `retry-later` code (server busy, restarting) or an HTTP `Retry-After`
 * carries `retryAfterMs`, the earliest moment a reconnect makes sense. A stop (null) stays a stop.
 *
 * delay = computed, when computed ≥ floor;
 *         floor + random() × floor × spread, otherwise.
 *
 * Why not plain max(floor, computed): when a server restarts and tells every client "not before 10 s",
 * every jittered delay under 10 s collapses onto exactly 10 s and the whole herd reconnects in the same
 * millisecond. Spreading the clients that hit the floor over [floor, floor × (1 + spread)) keeps the
 * server's minimum and the jitter's purpose. With `spread: 0` (what `jitter: 'none'` uses) the result is
 * exactly max(floor, computed).
 */
import { SessionError, describeValue } from '../errors/index.js';
import type { RetryContext, RetryPolicy } from './types.js';

export interface CauseFloorOptions {
  /** Fraction of the floor over which clients that hit it are spread (0 to 1). Default 0.5. */
  readonly spread?: number;
}

export const CAUSE_FLOOR_DEFAULTS = { spread: 0.5 } as const;

/** Wraps `policy` so that its delay is never below the cause's `retryAfterMs`. */
export function withCauseFloor(policy: RetryPolicy, options: CauseFloorOptions = {}): RetryPolicy {
  const spread = options.spread ?? CAUSE_FLOOR_DEFAULTS.spread;
  if (typeof spread !== 'number' || !(spread >= 0 && spread <= 1)) {
    throw new SessionError('SESSION_ERR_INVALID_OPTION', `withCauseFloor spread must be a number from 0 to 1 (got ${describeValue(spread)})`, {
      field: 'spread',
      value: describeValue(spread),
    });
  }
  return {
    nextDelayMs(ctx: RetryContext, random: () => number): number | null {
      const delay = policy.nextDelayMs(ctx, random);
      if (delay === null) return null;
      const floor = floorMs(ctx);
      if (delay >= floor) return delay;
      if (spread === 0) return floor;
      const r = random();
      const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
      return Math.round(floor + unit * floor * spread);
    },
  };
}

/** The cause's floor in ms; a missing, negative or non-numeric value counts as no floor. */
export function floorMs(ctx: RetryContext): number {
  const floor: unknown = ctx.cause.retryAfterMs;
  return typeof floor === 'number' && floor > 0 ? floor : 0;
}
