import { describe, expect, it } from 'vitest';
import { createRetryBudget, createRetryPolicy, withBudget } from '../../../src/policy/index.js';
import type { RetryPolicy } from '../../../src/policy/index.js';
import { isSessionError } from '../../../src/errors/index.js';
import { fakeCause } from '../../support/fake-classification.js';

const cause = fakeCause('retry');
const half = () => 0.5;

/** A manual clock: the test moves time, nothing else does. */
function manualClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => { time += ms; }, set: (ms) => { time = ms; } };
}

const always100: RetryPolicy = { nextDelayMs: () => 100 };

describe('createRetryBudget', () => {
  it('starts full and hands out exactly `capacity` tokens', () => {
    const clock = manualClock();
    const budget = createRetryBudget({ capacity: 3, refillPerMinute: 6, now: clock.now });
    expect(budget.available).toBe(3);
    expect([budget.tryAcquire(), budget.tryAcquire(), budget.tryAcquire(), budget.tryAcquire()]).toEqual([true, true, true, false]);
    expect(budget.available).toBe(0);
  });

  it('refills lazily from the injected clock: 6 per minute is one token every 10 s', () => {
    const clock = manualClock();
    const budget = createRetryBudget({ capacity: 2, refillPerMinute: 6, now: clock.now });
    budget.tryAcquire();
    budget.tryAcquire();
    clock.advance(9_999);
    expect(budget.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(budget.available).toBe(1);
    expect(budget.tryAcquire()).toBe(true);
    expect(budget.tryAcquire()).toBe(false);
  });

  it('keeps fractional progress across reads', () => {
    const clock = manualClock();
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 1, now: clock.now });
    budget.tryAcquire();
    for (let i = 0; i < 6; i += 1) {
      clock.advance(10_000);
      expect(budget.available).toBe(i === 5 ? 1 : 0);
    }
  });

  it('never fills beyond capacity, however long it idles', () => {
    const clock = manualClock();
    const budget = createRetryBudget({ capacity: 2, refillPerMinute: 60, now: clock.now });
    budget.tryAcquire();
    clock.advance(24 * 60 * 60 * 1000);
    expect(budget.available).toBe(2);
  });

  it('never refills with refillPerMinute 0', () => {
    const clock = manualClock();
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 0, now: clock.now });
    expect(budget.tryAcquire()).toBe(true);
    clock.advance(10 ** 9);
    expect(budget.tryAcquire()).toBe(false);
  });

  it('refills nothing while the clock steps backwards, and resumes from the latest reading', () => {
    const clock = manualClock(100_000);
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 6, now: clock.now });
    budget.tryAcquire();
    clock.set(50_000);
    expect(budget.available).toBe(0);
    clock.set(109_999);
    expect(budget.available).toBe(0);
    clock.set(110_000);
    expect(budget.available).toBe(1);
  });

  it('ignores a clock that starts returning NaN later', () => {
    let time: number = 0;
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 60, now: () => time });
    budget.tryAcquire();
    time = Number.NaN;
    expect(budget.available).toBe(0);
    time = 1000;
    expect(budget.available).toBe(1);
  });

  it.each([
    [{ capacity: 0, refillPerMinute: 1 }, 'budget.capacity must be an integer ≥ 1 (got 0)'],
    [{ capacity: 2.5, refillPerMinute: 1 }, 'budget.capacity must be an integer ≥ 1 (got 2.5)'],
    [{ capacity: 5, refillPerMinute: -1 }, 'budget.refillPerMinute must be a finite number ≥ 0 (got -1)'],
    [{ capacity: 5, refillPerMinute: Infinity }, 'budget.refillPerMinute must be a finite number ≥ 0 (got Infinity)'],
    [{ capacity: 5, refillPerMinute: 1, now: 12 }, 'budget.now must be a function returning the time in ms (got 12)'],
    [{ capacity: 5, refillPerMinute: 1, now: () => 'soon' }, 'budget.now must return a finite number of ms (got "soon")'],
    [{ capacity: 5, refillPerMinute: 1, capcity: 5 }, 'budget.capcity is not an option; did you mean capacity?'],
  ])('rejects %o', (options, message) => {
    const withClock = { now: () => 0, ...options };
    try {
      createRetryBudget(withClock as never);
      expect.unreachable('createRetryBudget should have thrown');
    } catch (error) {
      expect(isSessionError(error, 'SESSION_ERR_INVALID_OPTION')).toBe(true);
      expect((error as Error).message).toBe(message);
    }
  });
});

describe('withBudget', () => {
  it('stops once the bucket is empty and resumes when it refills', () => {
    const clock = manualClock();
    const policy = withBudget(always100, createRetryBudget({ capacity: 2, refillPerMinute: 1, now: clock.now }));
    const ask = () => policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause }, half);
    expect([ask(), ask(), ask()]).toEqual([100, 100, null]);
    clock.advance(60_000);
    expect([ask(), ask()]).toEqual([100, null]);
  });

  it('takes no token when the wrapped policy stops', () => {
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 0, now: () => 0 });
    const policy = withBudget({ nextDelayMs: () => null }, budget);
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause }, half)).toBeNull();
    expect(budget.available).toBe(1);
  });

  it('shares one bucket between two policies (two sessions in one process)', () => {
    const clock = manualClock();
    const budget = createRetryBudget({ capacity: 3, refillPerMinute: 0, now: clock.now });
    const sessionA = createRetryPolicy({ budget, jitter: 'none' });
    const sessionB = createRetryPolicy({ budget, jitter: 'none' });
    const ctx = { attempt: 1, elapsedMs: 0, cause };
    expect(sessionA.nextDelayMs(ctx, half)).toBe(1500);
    expect(sessionB.nextDelayMs(ctx, half)).toBe(1500);
    expect(sessionA.nextDelayMs({ ...ctx, attempt: 2 }, half)).toBe(3000);
    expect(sessionB.nextDelayMs({ ...ctx, attempt: 2 }, half)).toBeNull();
    expect(sessionA.nextDelayMs({ ...ctx, attempt: 3 }, half)).toBeNull();
    expect(budget.available).toBe(0);
  });

  it('spends no token on a non-retryable cause or on an exhausted attempt count', () => {
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 0, now: () => 0 });
    const policy = createRetryPolicy({ budget, maxAttempts: 2 });
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: fakeCause('fatal') }, half)).toBeNull();
    expect(policy.nextDelayMs({ attempt: 3, elapsedMs: 0, cause }, half)).toBeNull();
    expect(budget.available).toBe(1);
  });

  it('rejects something that is not a budget', () => {
    expect(() => withBudget(always100, {} as never)).toThrow('retry.budget.tryAcquire must be a function (see createRetryBudget) (got undefined)');
    expect(() => createRetryPolicy({ budget: 3 as never })).toThrow('retry.budget must be a RetryBudget (see createRetryBudget) (got 3)');
  });
});
