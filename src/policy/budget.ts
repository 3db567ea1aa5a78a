/**
 * A retry budget: a token bucket shared by every session that holds it, so that one process
 * with many sessions cannot stampede a recovering server. Each scheduled reconnect takes a
 * token; tokens refill continuously at `refillPerMinute`, computed lazily from the injected
 * clock when the bucket is read (no timers). The bucket starts full.
 */
import { describeValue } from '../errors/index.js';
import type { RetryBudget, RetryContext, RetryPolicy } from './types.js';
import { checkFunction, checkInteger, checkKnownKeys, checkNumber, checkObject, invalidOption } from './validate.js';

export interface RetryBudgetOptions {
  /** Most tokens the bucket holds (and starts with); an integer ≥ 1. */
  readonly capacity: number;
  /** Tokens added per minute; 0 makes the budget a one-off allowance. */
  readonly refillPerMinute: number;
  /** Clock in ms (e.g. `Date.now`, `performance.now` or a simulated clock). */
  readonly now: () => number;
}

const MS_PER_MINUTE = 60_000;

/** Creates a token bucket; validates its options once. */
export function createRetryBudget(options: RetryBudgetOptions): RetryBudget {
  checkObject('budget', options, 'an object { capacity, refillPerMinute, now }');
  checkKnownKeys('budget', options, ['capacity', 'refillPerMinute', 'now']);
  const capacity = checkInteger('budget.capacity', options.capacity, 1, Number.MAX_SAFE_INTEGER);
  const refillPerMinute = checkNumber('budget.refillPerMinute', options.refillPerMinute, 0, Number.MAX_SAFE_INTEGER);
  const now = checkFunction<() => number>('budget.now', options.now, 'a function returning the time in ms');
  const perMs = refillPerMinute / MS_PER_MINUTE;

  let tokens = capacity;
  let lastRefillAt = firstReading(now);

  function refill(): void {
    const at = now();
    // A clock that steps backwards (or returns garbage) refills nothing; the bucket waits
    // until it reads a later time.
    if (typeof at === 'number' && Number.isFinite(at) && at > lastRefillAt) {
      tokens = Math.min(capacity, tokens + (at - lastRefillAt) * perMs);
      lastRefillAt = at;
    }
  }

  return {
    tryAcquire(): boolean {
      refill();
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    get available(): number {
      refill();
      return Math.floor(tokens);
    },
  };
}

/**
 * Wraps `policy` so that every reconnect it would schedule takes a token from `budget`;
 * when the bucket is empty the policy stops (null). Stops from the wrapped policy take no token.
 * Ask once per attempt: every non-null answer spends a token.
 */
export function withBudget(policy: RetryPolicy, budget: RetryBudget): RetryPolicy {
  checkObject('retry.budget', budget, 'a RetryBudget (see createRetryBudget)');
  checkFunction('retry.budget.tryAcquire', budget.tryAcquire, 'a function (see createRetryBudget)');
  return {
    nextDelayMs(ctx: RetryContext, random: () => number): number | null {
      const delay = policy.nextDelayMs(ctx, random);
      if (delay === null) return null;
      return budget.tryAcquire() ? delay : null;
    },
  };
}

/** Reads the clock once at construction, so a wrong clock is reported where it is passed in. */
function firstReading(now: () => number): number {
  const at: unknown = now();
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    throw invalidOption('budget.now', `budget.now must return a finite number of ms (got ${describeValue(at)})`, at);
  }
  return at;
}
