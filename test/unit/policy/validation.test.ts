import { describe, expect, it } from 'vitest';
import { DECORRELATED_RETRY, DEFAULT_RETRY, EXPONENTIAL_RETRY, createRetryBudget, createRetryPolicy, exponentialBackoff, resolveRetryOptions } from '../../../src/policy/index.js';
import type { RetryOptions } from '../../../src/policy/index.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

/** Runs `run`, expecting a SESSION_ERR_INVALID_OPTION; returns the error. */
const invalid = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_INVALID_OPTION');

describe('resolveRetryOptions', () => {
  it('fills every default when nothing is given', () => {
    expect(resolveRetryOptions()).toEqual({
      initialDelayMs: 1500, multiplier: 2, maxDelayMs: 10000, jitter: 'decorrelated', maxAttempts: 13, maxElapsedMs: 600000, minUptimeMs: 5000,
    });
  });

  it('keeps DECORRELATED_RETRY, the name of the default curve before it was the default, equal to it', () => {
    expect(DECORRELATED_RETRY).toEqual({ jitter: 'decorrelated', initialDelayMs: 1500, maxDelayMs: 10000 });
    expect(resolveRetryOptions(DECORRELATED_RETRY)).toEqual(resolveRetryOptions());
    expect(Object.isFrozen(DECORRELATED_RETRY)).toBe(true);
  });

  it('keeps the previous default as EXPONENTIAL_RETRY: full jitter from 1 s ×2 up to 30 s, 10 attempts', () => {
    expect(resolveRetryOptions(EXPONENTIAL_RETRY)).toEqual({
      initialDelayMs: 1000, multiplier: 2, maxDelayMs: 30000, jitter: 'full', maxAttempts: 10, maxElapsedMs: 600000, minUptimeMs: 5000,
    });
    expect(Object.isFrozen(EXPONENTIAL_RETRY)).toBe(true);
  });

  it('matches DEFAULT_RETRY, the single place defaults live', () => {
    expect(resolveRetryOptions({})).toEqual({ ...DEFAULT_RETRY });
  });

  it('keeps given values and fills the rest', () => {
    const budget = createRetryBudget({ capacity: 1, refillPerMinute: 1, now: () => 0 });
    const resolved = resolveRetryOptions({ maxAttempts: 3, minUptimeMs: 0, budget });
    expect(resolved).toMatchObject({ maxAttempts: 3, minUptimeMs: 0, initialDelayMs: 1500 });
    expect(resolved.budget).toBe(budget);
    expect('schedule' in resolved).toBe(false);
  });

  it('returns the defaults for a custom policy (the machine still needs minUptimeMs)', () => {
    expect(resolveRetryOptions({ nextDelayMs: () => 1 }).minUptimeMs).toBe(5000);
  });

  it('returns a frozen result', () => {
    expect(Object.isFrozen(resolveRetryOptions({ schedule: [1, 2] }))).toBe(true);
    expect(Object.isFrozen(resolveRetryOptions({ schedule: [1, 2] }).schedule)).toBe(true);
  });

  it.each<[RetryOptions, string, string]>([
    [{ initialDelayMs: -1 }, 'retry.initialDelayMs', 'retry.initialDelayMs must be an integer from 0 to 2147483647 (got -1)'],
    [{ initialDelayMs: 1.5 }, 'retry.initialDelayMs', 'retry.initialDelayMs must be an integer from 0 to 2147483647 (got 1.5)'],
    [{ initialDelayMs: Number.NaN }, 'retry.initialDelayMs', 'retry.initialDelayMs must be an integer from 0 to 2147483647 (got NaN)'],
    [{ initialDelayMs: '1000' as never }, 'retry.initialDelayMs', 'retry.initialDelayMs must be an integer from 0 to 2147483647 (got "1000")'],
    [{ multiplier: 0.5 }, 'retry.multiplier', 'retry.multiplier must be a finite number from 1 to 1000 (got 0.5)'],
    [{ multiplier: Infinity }, 'retry.multiplier', 'retry.multiplier must be a finite number from 1 to 1000 (got Infinity)'],
    [{ initialDelayMs: 1000, maxDelayMs: 100 }, 'retry.maxDelayMs', 'retry.maxDelayMs must be ≥ initialDelayMs (got 100 < 1000)'],
    [{ maxDelayMs: 100 }, 'retry.maxDelayMs', 'retry.maxDelayMs must be ≥ initialDelayMs (got 100 < 1500, the default initialDelayMs); set initialDelayMs too'],
    [{ initialDelayMs: 20_000 }, 'retry.initialDelayMs', 'retry.initialDelayMs must be ≤ maxDelayMs (got 20000 > 10000, the default maxDelayMs); set maxDelayMs too'],
    [{ maxDelayMs: 2 ** 31 }, 'retry.maxDelayMs', 'retry.maxDelayMs must be an integer from 0 to 2147483647 (got 2147483648)'],
    [{ jitter: 'fuzzy' as never }, 'retry.jitter', `retry.jitter must be one of 'full' | 'equal' | 'decorrelated' | 'none' (got "fuzzy")`],
    [{ maxAttempts: 2.5 }, 'retry.maxAttempts', 'retry.maxAttempts must be an integer ≥ 0 (got 2.5)'],
    [{ maxAttempts: Infinity }, 'retry.maxAttempts', 'retry.maxAttempts must be an integer ≥ 0 (got Infinity)'],
    [{ maxElapsedMs: -10 }, 'retry.maxElapsedMs', 'retry.maxElapsedMs must be an integer ≥ 0 (got -10)'],
    [{ minUptimeMs: null as never }, 'retry.minUptimeMs', 'retry.minUptimeMs must be an integer from 0 to 2147483647 (got null)'],
    [{ schedule: 'fast' as never }, 'retry.schedule', 'retry.schedule must be a non-empty array of delays in ms (got "fast")'],
    [{ budget: { tryAcquire: true } as never }, 'retry.budget.tryAcquire', 'retry.budget.tryAcquire must be a function (see createRetryBudget) (got true)'],
  ])('rejects %o, naming %s, the value and what is accepted', (options, field, message) => {
    const error = invalid(() => resolveRetryOptions(options));
    expect(error.message).toBe(message);
    expect(error.field).toBe(field);
    expect(error.name).toBe('SessionError');
  });

  it('reports the bad value on the error', () => {
    expect(invalid(() => resolveRetryOptions({ jitter: 'fuzzy' as never })).value).toBe('"fuzzy"');
  });

  it.each([
    ['maxAttempt', 'retry.maxAttempt is not an option; did you mean maxAttempts?'],
    ['initialDelay', 'retry.initialDelay is not an option; did you mean initialDelayMs?'],
    ['maxdelayms', 'retry.maxdelayms is not an option; did you mean maxDelayMs?'],
    ['retries', 'retry.retries is not an option; accepted: initialDelayMs, multiplier, maxDelayMs, jitter, maxAttempts, maxElapsedMs, minUptimeMs, budget, schedule'],
  ])('rejects the unknown option %s', (name, message) => {
    const error = invalid(() => resolveRetryOptions({ [name]: 1 } as never));
    expect(error.message).toBe(message);
    expect(error.field).toBe(`retry.${name}`);
  });

  it('renders a hostile option name safely', () => {
    const error = invalid(() => resolveRetryOptions({ ['x\n'.repeat(50)]: 1 } as never));
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThan(400);
  });

  it.each([
    [5, 'retry must be an object of options or a RetryPolicy (an object with nextDelayMs) (got 5)'],
    [null, 'retry must be an object of options or a RetryPolicy (an object with nextDelayMs) (got null)'],
    [[1000], 'retry must be an object of options or a RetryPolicy (an object with nextDelayMs) (got an array of 1)'],
    [{ nextDelayMs: 5 }, 'retry.nextDelayMs must be a function (got 5)'],
  ])('rejects a retry option that is neither options nor a policy: %o', (value, message) => {
    expect(invalid(() => createRetryPolicy(value as never)).message).toBe(message);
  });

  it('accepts the edges of each range', () => {
    expect(() => resolveRetryOptions({ initialDelayMs: 0, maxDelayMs: 0, multiplier: 1, maxAttempts: 0, maxElapsedMs: 0, minUptimeMs: 0 })).not.toThrow();
    expect(() => resolveRetryOptions({ initialDelayMs: 2_147_483_647, maxDelayMs: 2_147_483_647, multiplier: 1000 })).not.toThrow();
    expect(() => resolveRetryOptions({ maxAttempts: Number.MAX_SAFE_INTEGER, maxElapsedMs: Number.MAX_SAFE_INTEGER })).not.toThrow();
  });
});

describe('exponentialBackoff validation', () => {
  it('validates its own options when used on its own', () => {
    expect(invalid(() => exponentialBackoff({ initialDelayMs: 5000, maxDelayMs: 1000 })).message).toBe('retry.maxDelayMs must be ≥ initialDelayMs (got 1000 < 5000)');
    expect(invalid(() => exponentialBackoff({ maxAttempts: 3 } as never)).message).toBe('retry.maxAttempts is not an option; accepted: initialDelayMs, multiplier, maxDelayMs, jitter');
  });

  it('validates once, at construction, not on every call', () => {
    const policy = exponentialBackoff({ jitter: 'none' });
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: undefined as never }, () => 0)).toBe(1500);
  });
});
