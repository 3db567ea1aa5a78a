import { describe, expect, it } from 'vitest';
import { createRetryPolicy, fixedSchedule } from '../../../src/policy/index.js';
import { isSessionError } from '../../../src/errors/index.js';
import { fakeCause } from '../../support/fake-classification.js';

const cause = fakeCause('retry');
const never = () => {
  throw new Error('a fixed schedule must not use randomness');
};

function at(policy: ReturnType<typeof fixedSchedule>, attempts: readonly number[]): (number | null)[] {
  return attempts.map((attempt) => policy.nextDelayMs({ attempt, elapsedMs: 0, cause }, never));
}

describe('fixedSchedule', () => {
  it('gives attempt n the n-th delay', () => {
    expect(at(fixedSchedule([0, 2000, 10000, 30000]), [1, 2, 3, 4])).toEqual([0, 2000, 10000, 30000]);
  });

  it('repeats the last delay past the end by default', () => {
    expect(at(fixedSchedule([0, 2000, 10000, 30000]), [5, 6, 50, Infinity])).toEqual([30000, 30000, 30000, 30000]);
  });

  it('stops past the end when repeatLast is false', () => {
    expect(at(fixedSchedule([0, 2000], { repeatLast: false }), [1, 2, 3, 100])).toEqual([0, 2000, null, null]);
  });

  it('works with a single delay', () => {
    expect(at(fixedSchedule([500]), [1, 2, 3])).toEqual([500, 500, 500]);
  });

  it('treats attempt 0 as the first attempt and stops for NaN', () => {
    expect(at(fixedSchedule([100, 200]), [0, Number.NaN])).toEqual([100, null]);
  });

  it('keeps its own copy: changing the input array afterwards changes nothing', () => {
    const input = [100, 200];
    const policy = fixedSchedule(input);
    input[0] = 999;
    expect(at(policy, [1])).toEqual([100]);
  });

  it.each([
    [[], 'retry.schedule must be a non-empty array of delays in ms (got an array of 0)'],
    [[0, -1], 'retry.schedule[1] must be an integer from 0 to 2147483647 (got -1)'],
    [[1.5], 'retry.schedule[0] must be an integer from 0 to 2147483647 (got 1.5)'],
    [[Number.NaN], 'retry.schedule[0] must be an integer from 0 to 2147483647 (got NaN)'],
    [['100'], 'retry.schedule[0] must be an integer from 0 to 2147483647 (got "100")'],
    [[2 ** 31], 'retry.schedule[0] must be an integer from 0 to 2147483647 (got 2147483648)'],
  ])('rejects the schedule %j', (schedule, message) => {
    expect(() => fixedSchedule(schedule as number[])).toThrow(message);
  });

  it('rejects a repeatLast that is not a boolean, and unknown options', () => {
    expect(() => fixedSchedule([1], { repeatLast: 'yes' as unknown as boolean })).toThrow('schedule options.repeatLast must be true or false (got "yes")');
    expect(() => fixedSchedule([1], { repeatLst: true } as never)).toThrow('schedule options.repeatLst is not an option; did you mean repeatLast?');
  });
});

describe('createRetryPolicy with a schedule', () => {
  it('uses the schedule instead of the exponential curve, with the last delay repeating', () => {
    const policy = createRetryPolicy({ schedule: [0, 2000, 10000, 30000] });
    const out = [1, 2, 3, 4, 5].map((attempt) => policy.nextDelayMs({ attempt, elapsedMs: 0, cause }, never));
    expect(out).toEqual([0, 2000, 10000, 30000, 30000]);
  });

  it('still applies maxAttempts to a schedule', () => {
    const policy = createRetryPolicy({ schedule: [100], maxAttempts: 2 });
    const out = [1, 2, 3].map((attempt) => policy.nextDelayMs({ attempt, elapsedMs: 0, cause }, never));
    expect(out).toEqual([100, 100, null]);
  });

  it('still raises a schedule delay to the cause floor', () => {
    const policy = createRetryPolicy({ schedule: [0, 2000] });
    const busy = fakeCause('retry-later', { retryAfterMs: 5000 });
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: busy }, never)).toBe(5000);
  });

  it.each(['initialDelayMs', 'multiplier', 'maxDelayMs', 'jitter'] as const)('rejects %s next to a schedule, since it would be ignored', (name) => {
    const value = name === 'jitter' ? 'none' : 1000;
    try {
      createRetryPolicy({ schedule: [0], [name]: value });
      expect.unreachable('createRetryPolicy should have thrown');
    } catch (error) {
      expect(isSessionError(error, 'SESSION_ERR_INVALID_OPTION')).toBe(true);
      expect((error as Error).message).toBe(`retry.${name} cannot be combined with retry.schedule (a schedule's delays are used as given); remove one of them`);
    }
  });
});
