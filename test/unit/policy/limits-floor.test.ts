import { describe, expect, it } from 'vitest';
import { EXPONENTIAL_RETRY, createRetryPolicy, withCauseFloor, withLimits } from '../../../src/policy/index.js';
import type { RetryContext, RetryPolicy } from '../../../src/policy/index.js';
import { fakeCause } from '../../support/fake-classification.js';

const cause = fakeCause('retry');
const half = () => 0.5;

/** A policy that always answers `delay` and counts how often it was asked. */
function constant(delay: number | null): RetryPolicy & { calls: number } {
  return {
    calls: 0,
    nextDelayMs() {
      this.calls += 1;
      return delay;
    },
  };
}

function ctx(attempt: number, elapsedMs = 0, extra: Partial<RetryContext> = {}): RetryContext {
  return { attempt, elapsedMs, cause, ...extra };
}

describe('withLimits', () => {
  it('allows attempts up to maxAttempts and stops at maxAttempts + 1', () => {
    const policy = withLimits(constant(100), { maxAttempts: 3, maxElapsedMs: 1_000_000 });
    expect([1, 2, 3, 4, 5].map((n) => policy.nextDelayMs(ctx(n), half))).toEqual([100, 100, 100, null, null]);
  });

  it('does not ask the wrapped policy once attempts are exhausted', () => {
    const inner = constant(100);
    withLimits(inner, { maxAttempts: 1 }).nextDelayMs(ctx(2), half);
    expect(inner.calls).toBe(0);
  });

  it('never reconnects with maxAttempts 0', () => {
    expect(withLimits(constant(0), { maxAttempts: 0 }).nextDelayMs(ctx(1), half)).toBeNull();
  });

  it('stops when the next attempt would start after maxElapsedMs, counting the delay', () => {
    const policy = withLimits(constant(5000), { maxAttempts: 100, maxElapsedMs: 60_000 });
    expect(policy.nextDelayMs(ctx(4, 54_999), half)).toBe(5000);
    expect(policy.nextDelayMs(ctx(4, 55_000), half)).toBe(5000); // lands exactly on the deadline
    expect(policy.nextDelayMs(ctx(4, 55_001), half)).toBeNull();
  });

  it('stops when the time is already spent, even for a zero delay', () => {
    const policy = withLimits(constant(0), { maxElapsedMs: 1000 });
    expect(policy.nextDelayMs(ctx(1, 1001), half)).toBeNull();
  });

  it('passes a stop from the wrapped policy through', () => {
    expect(withLimits(constant(null)).nextDelayMs(ctx(1), half)).toBeNull();
  });

  it('uses DEFAULT_RETRY limits (13 attempts, 10 minutes) when none are given', () => {
    const policy = withLimits(constant(1000));
    expect(policy.nextDelayMs(ctx(13), half)).toBe(1000);
    expect(policy.nextDelayMs(ctx(14), half)).toBeNull();
    expect(policy.nextDelayMs(ctx(2, 599_000), half)).toBe(1000);
    expect(policy.nextDelayMs(ctx(2, 599_001), half)).toBeNull();
  });

  it('stops for NaN attempt or elapsed time instead of retrying forever', () => {
    const policy = withLimits(constant(10));
    expect(policy.nextDelayMs(ctx(Number.NaN), half)).toBeNull();
    expect(policy.nextDelayMs(ctx(1, Number.NaN), half)).toBeNull();
  });

  it('rejects invalid limits', () => {
    expect(() => withLimits(constant(1), { maxAttempts: -1 })).toThrow('retry.maxAttempts must be an integer ≥ 0 (got -1)');
    expect(() => withLimits(constant(1), { maxElapsedMs: Infinity })).toThrow('retry.maxElapsedMs must be an integer ≥ 0 (got Infinity)');
  });
});

describe('withCauseFloor', () => {
  const busy = fakeCause('retry-later', { retryAfterMs: 15_000 });

  it('raises a shorter delay to exactly the cause floor with spread 0', () => {
    expect(withCauseFloor(constant(1000), { spread: 0 }).nextDelayMs(ctx(1, 0, { cause: busy }), half)).toBe(15_000);
  });

  it('spreads delays that hit the floor over [floor, floor × 1.5) by default, so a herd does not land at once', () => {
    const policy = withCauseFloor(constant(1000));
    expect(policy.nextDelayMs(ctx(1, 0, { cause: busy }), () => 0)).toBe(15_000);
    expect(policy.nextDelayMs(ctx(1, 0, { cause: busy }), half)).toBe(18_750);
    expect(policy.nextDelayMs(ctx(1, 0, { cause: busy }), () => 0.999_999)).toBe(22_500);
    const landings = new Set(Array.from({ length: 100 }, (_, i) => policy.nextDelayMs(ctx(1, 0, { cause: busy }), () => i / 100)));
    expect(landings.size).toBe(100);
  });

  it('rejects a spread outside 0..1', () => {
    expect(() => withCauseFloor(constant(1), { spread: 2 })).toThrow(expect.objectContaining({ code: 'SESSION_ERR_INVALID_OPTION', message: 'withCauseFloor spread must be a number from 0 to 1 (got 2)' }));
    expect(() => withCauseFloor(constant(1), { spread: Number.NaN })).toThrow('(got NaN)');
  });

  it('keeps a longer delay as it is', () => {
    expect(withCauseFloor(constant(20_000)).nextDelayMs(ctx(1, 0, { cause: busy }), half)).toBe(20_000);
  });

  it('leaves the delay alone when the cause has no floor', () => {
    expect(withCauseFloor(constant(1234)).nextDelayMs(ctx(1), half)).toBe(1234);
  });

  it('never turns a stop into a retry', () => {
    expect(withCauseFloor(constant(null)).nextDelayMs(ctx(1, 0, { cause: busy }), half)).toBeNull();
  });

  it('ignores a negative or NaN floor', () => {
    const policy = withCauseFloor(constant(700));
    expect(policy.nextDelayMs(ctx(1, 0, { cause: fakeCause('retry-later', { retryAfterMs: -5 }) }), half)).toBe(700);
    expect(policy.nextDelayMs(ctx(1, 0, { cause: fakeCause('retry-later', { retryAfterMs: Number.NaN }) }), half)).toBe(700);
  });
});

describe('createRetryPolicy limits and floors together', () => {
  it('lets a floor go above maxDelayMs', () => {
    const policy = createRetryPolicy({ jitter: 'none' });
    const cause60 = fakeCause('retry-later', { retryAfterMs: 60_000 });
    expect(policy.nextDelayMs({ attempt: 8, elapsedMs: 0, cause: cause60 }, half)).toBe(60_000);
  });

  it('stops when the floor pushes the next attempt past maxElapsedMs', () => {
    const policy = createRetryPolicy({ maxElapsedMs: 120_000, jitter: 'none' });
    const late = fakeCause('retry-later', { retryAfterMs: 90_000 });
    expect(policy.nextDelayMs({ attempt: 2, elapsedMs: 20_000, cause: late }, half)).toBe(90_000);
    expect(policy.nextDelayMs({ attempt: 2, elapsedMs: 40_000, cause: late }, half)).toBeNull();
  });

  it('stops after the default 13 attempts', () => {
    const policy = createRetryPolicy();
    // Decorrelated at the cap: min(10000, 1500 + 0.5 × (3 × 10000 − 1500)).
    expect(policy.nextDelayMs({ attempt: 13, elapsedMs: 0, cause, lastDelayMs: 10_000 }, half)).toBe(10_000);
    expect(policy.nextDelayMs({ attempt: 14, elapsedMs: 0, cause, lastDelayMs: 10_000 }, half)).toBeNull();
  });

  it('stops after 10 attempts with EXPONENTIAL_RETRY, the previous default', () => {
    const policy = createRetryPolicy(EXPONENTIAL_RETRY);
    expect(policy.nextDelayMs({ attempt: 10, elapsedMs: 0, cause }, half)).toBe(15_000);
    expect(policy.nextDelayMs({ attempt: 11, elapsedMs: 0, cause }, half)).toBeNull();
  });

  it('gives an infinite floor a stop, not an endless wait', () => {
    const policy = createRetryPolicy();
    const never = fakeCause('retry-later', { retryAfterMs: Infinity });
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: never }, half)).toBeNull();
  });

  it('spreads above the floor with jitter, and lands exactly on it with jitter none or a schedule', () => {
    const cause10 = fakeCause('retry-later', { retryAfterMs: 10_000 });
    expect(createRetryPolicy({ jitter: 'full' }).nextDelayMs({ attempt: 1, elapsedMs: 0, cause: cause10 }, half)).toBe(12_500);
    expect(createRetryPolicy({ jitter: 'none' }).nextDelayMs({ attempt: 1, elapsedMs: 0, cause: cause10 }, half)).toBe(10_000);
    expect(createRetryPolicy({ schedule: [0] }).nextDelayMs({ attempt: 1, elapsedMs: 0, cause: cause10 }, half)).toBe(10_000);
  });

  it('rounds a fractional floor to whole ms', () => {
    const policy = createRetryPolicy({ jitter: 'none' });
    const odd = fakeCause('retry-later', { retryAfterMs: 2500.6 });
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: odd }, half)).toBe(2501);
  });
});
