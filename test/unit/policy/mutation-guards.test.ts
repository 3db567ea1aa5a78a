/**
 * Guards of the retry layer that worked but that no test would have missed if they broke
 * (found by `npm run mutate -- policy`; docs/testing-quality.md). Each test states the behaviour.
 */
import { describe, expect, it } from 'vitest';
import {
  createRetryBudget,
  createRetryPolicy,
  exponentialBackoff,
  fixedSchedule,
  guardOutcome,
  resolveRetryOptions,
  withBudget,
  withCauseFloor,
  withLimits,
} from '../../../src/policy/index.js';
import type { RetryContext, RetryPolicy } from '../../../src/policy/index.js';
import { fakeCause } from '../../support/fake-classification.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const cause = fakeCause('retry');
const busy = fakeCause('retry-later', { retryAfterMs: 10_000 });
const half = () => 0.5;
const invalid = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_INVALID_OPTION');

function constant(delay: number | null): RetryPolicy {
  return { nextDelayMs: () => delay };
}

function ctx(attempt: number, extra: Partial<RetryContext> = {}): RetryContext {
  return { attempt, elapsedMs: 0, cause, ...extra };
}

describe('withCauseFloor', () => {
  it.each([-0.5, -1, -Number.MIN_VALUE])('rejects the negative spread %s, which would put delays below the floor', (spread) => {
    const error = invalid(() => withCauseFloor(constant(1), { spread }));
    expect(error.message).toBe(`withCauseFloor spread must be a number from 0 to 1 (got ${spread})`);
    expect(error.field).toBe('spread');
    expect(error.value).toBe(String(spread));
  });

  it.each([['0.5', '"0.5"'], [true, 'true']])('rejects the spread %s, which is not a number even if it compares like one', (spread, shown) => {
    expect(invalid(() => withCauseFloor(constant(1), { spread: spread as never })).value).toBe(shown);
  });

  it('accepts spread 1, the top of its range, and spreads over [floor, 2 × floor)', () => {
    const policy = withCauseFloor(constant(100), { spread: 1 });
    expect(policy.nextDelayMs(ctx(1, { cause: busy }), () => 0)).toBe(10_000);
    expect(policy.nextDelayMs(ctx(1, { cause: busy }), half)).toBe(15_000);
    expect(policy.nextDelayMs(ctx(1, { cause: busy }), () => 0.999_9)).toBe(19_999);
  });

  it('keeps a computed delay that equals the floor exactly, without spreading it', () => {
    const policy = withCauseFloor(constant(10_000), { spread: 0.5 });
    expect(policy.nextDelayMs(ctx(1, { cause: busy }), () => 0.9)).toBe(10_000);
  });

  it('spreads a delay one millisecond under the floor', () => {
    const policy = withCauseFloor(constant(9_999), { spread: 0.5 });
    expect(policy.nextDelayMs(ctx(1, { cause: busy }), () => 0.9)).toBe(14_500);
  });

  it('treats a floor that is not a number as no floor', () => {
    const policy = withCauseFloor(constant(700));
    const stringFloor = fakeCause('retry-later', { retryAfterMs: '5000' as never });
    expect(policy.nextDelayMs(ctx(1, { cause: stringFloor }), half)).toBe(700);
  });
});

describe('createRetryBudget', () => {
  it.each([Number.NaN, Infinity, -Infinity])('rejects a clock whose first reading is %s, after which the bucket would never refill', (reading) => {
    const error = invalid(() => createRetryBudget({ capacity: 1, refillPerMinute: 60, now: () => reading }));
    expect(error.message).toBe(`budget.now must return a finite number of ms (got ${reading})`);
    expect(error.field).toBe('budget.now');
  });

  it('ignores a single Infinity reading later: refills neither at once nor never again', () => {
    let time = 0;
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 60, now: () => time });
    expect(budget.tryAcquire()).toBe(true);
    time = Infinity;
    expect(budget.available).toBe(0);
    time = 999;
    expect(budget.available).toBe(0);
    time = 1000;
    expect(budget.available).toBe(1);
  });

  it('names the budget option and what it accepts when it is not an object', () => {
    const error = invalid(() => createRetryBudget(null as never));
    expect(error.message).toBe('budget must be an object { capacity, refillPerMinute, now } (got null)');
    expect(error.field).toBe('budget');
  });

  it('lists the accepted options for a short name close to none of them', () => {
    const error = invalid(() => createRetryBudget({ capacity: 1, refillPerMinute: 0, now: () => 0, xy: 1 } as never));
    expect(error.message).toBe('budget.xy is not an option; accepted: capacity, refillPerMinute, now');
  });
});

describe('withBudget', () => {
  it('names retry.budget when it is not an object', () => {
    const error = invalid(() => withBudget(constant(1), null as never));
    expect(error.message).toBe('retry.budget must be a RetryBudget (see createRetryBudget) (got null)');
    expect(error.field).toBe('retry.budget');
  });
});

describe('exponentialBackoff', () => {
  it.each([2, 1000])('stays at 0 ms for every attempt with initialDelayMs 0 and multiplier %s, never NaN', (multiplier) => {
    const policy = exponentialBackoff({ initialDelayMs: 0, multiplier, maxDelayMs: 30_000, jitter: 'none' });
    for (const attempt of [1, 2, 104, 1025, 1026, 5000, Number.MAX_SAFE_INTEGER]) {
      expect(policy.nextDelayMs(ctx(attempt), half)).toBe(0);
    }
  });

  it('reads a random source that returns undefined or a non-number as 0', () => {
    const policy = exponentialBackoff({ jitter: 'full' });
    expect(policy.nextDelayMs(ctx(2), (() => undefined) as unknown as () => number)).toBe(0);
    expect(policy.nextDelayMs(ctx(2), (() => '0.5') as unknown as () => number)).toBe(0);
    const equal = exponentialBackoff({ jitter: 'equal' });
    expect(equal.nextDelayMs(ctx(2), (() => undefined) as unknown as () => number)).toBe(1500);
    const decorrelated = exponentialBackoff();
    expect(decorrelated.nextDelayMs(ctx(2, { lastDelayMs: 5000 }), (() => undefined) as unknown as () => number)).toBe(1500);
  });

  it('takes a last delay of 0 as it is: the decorrelated range shrinks to initialDelayMs', () => {
    const policy = exponentialBackoff({ jitter: 'decorrelated' });
    expect(policy.nextDelayMs(ctx(2, { lastDelayMs: 0 }), () => 1)).toBe(1500);
  });

  it('starts decorrelated jitter from initialDelayMs for a missing, negative or NaN last delay', () => {
    const policy = exponentialBackoff({ jitter: 'decorrelated' });
    for (const lastDelayMs of [undefined, -5, Number.NaN]) {
      const context = lastDelayMs === undefined ? ctx(2) : ctx(2, { lastDelayMs });
      expect(policy.nextDelayMs(context, () => 1)).toBe(4500);
    }
  });

  it('names retry and what it accepts when the options are not an object', () => {
    const error = invalid(() => exponentialBackoff(null as never));
    expect(error.message).toBe('retry must be an object of options (got null)');
    expect(error.field).toBe('retry');
  });
});

describe('withLimits', () => {
  it('names retry and what it accepts when the limits are not an object', () => {
    const error = invalid(() => withLimits(constant(1), 5 as never));
    expect(error.message).toBe('retry must be an object of options (got 5)');
    expect(error.field).toBe('retry');
  });

  it('names an unknown limit with the retry prefix', () => {
    const error = invalid(() => withLimits(constant(1), { maxAttempt: 3 } as never));
    expect(error.message).toBe('retry.maxAttempt is not an option; did you mean maxAttempts?');
    expect(error.field).toBe('retry.maxAttempt');
  });
});

describe('fixedSchedule', () => {
  it('names its options and what they accept', () => {
    const notObject = invalid(() => fixedSchedule([1], 'fast' as never));
    expect(notObject.message).toBe('schedule options must be an object of options (got "fast")');
    expect(notObject.field).toBe('schedule options');
    expect(invalid(() => fixedSchedule([1], { repeatLast: 1 as never })).field).toBe('schedule options.repeatLast');
  });
});

describe('guardOutcome', () => {
  it('stops, rather than throws, for a missing context or a null cause', () => {
    const policy = guardOutcome(constant(100));
    expect(policy.nextDelayMs(null as never, half)).toBeNull();
    expect(policy.nextDelayMs(undefined as never, half)).toBeNull();
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: null } as never, half)).toBeNull();
  });
});

describe('resolveRetryOptions', () => {
  it('names retry.nextDelayMs when it is there but not a function', () => {
    const error = invalid(() => resolveRetryOptions({ nextDelayMs: 5 } as never));
    expect(error.message).toBe('retry.nextDelayMs must be a function (got 5)');
    expect(error.field).toBe('retry.nextDelayMs');
  });

  it('names the curve option that clashes with a schedule in the error field', () => {
    expect(invalid(() => resolveRetryOptions({ schedule: [1], multiplier: 3 })).field).toBe('retry.multiplier');
  });

  it.each([
    [{ multiplier: Number.NaN }, 'retry.multiplier must be a finite number from 1 to 1000 (got NaN)'],
    [{ multiplier: 1001 }, 'retry.multiplier must be a finite number from 1 to 1000 (got 1001)'],
  ])('rejects %o just outside the accepted numbers', (options, message) => {
    expect(invalid(() => resolveRetryOptions(options)).message).toBe(message);
  });

  it('accepts multiplier 1000, the top of its range', () => {
    const policy = createRetryPolicy({ multiplier: 1000, jitter: 'none' });
    expect(policy.nextDelayMs(ctx(2), half)).toBe(10_000);
  });

  it('suggests an option whose name differs only in case, however long', () => {
    expect(invalid(() => resolveRetryOptions({ MAXELAPSEDMS: 1 } as never)).message).toBe('retry.MAXELAPSEDMS is not an option; did you mean maxElapsedMs?');
  });

  describe('the option name in an error', () => {
    it.each(['a', 'ab', 'abc', '$x', '_y9', 'k'.repeat(60)])('shows the plain identifier %s as it is', (key) => {
      expect(invalid(() => resolveRetryOptions({ [key]: 1 } as never)).field).toBe(`retry.${key}`);
    });

    it.each(['1abc', 'ab-c', 'a b', '-ab'])('quotes %s, which is not a plain identifier', (key) => {
      expect(invalid(() => resolveRetryOptions({ [key]: 1 } as never)).field).toBe(`retry.${JSON.stringify(key)}`);
    });

    it('quotes a 61-character name (and shortens it)', () => {
      expect(invalid(() => resolveRetryOptions({ ['k'.repeat(61)]: 1 } as never)).field).toBe(`retry."${'k'.repeat(60)}…" (61 chars)`);
    });
  });
});
