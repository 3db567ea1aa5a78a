import { describe, expect, it } from 'vitest';
import { NON_RETRYABLE_OUTCOMES, OUTCOMES } from '../../../src/codes/types.js';
import type { Outcome } from '../../../src/codes/types.js';
import { createRetryPolicy, guardOutcome, withCauseFloor } from '../../../src/policy/index.js';
import type { RetryPolicy } from '../../../src/policy/index.js';
import { fakeCause } from '../../support/fake-classification.js';

const half = () => 0.5;
const NON_RETRYABLE: readonly Outcome[] = ['ok', 'ended', 'reauthenticate', 'user-decision', 'fatal'];

/** A custom policy that always says "reconnect now" and records whether it was asked. */
function eager(): RetryPolicy & { asked: number } {
  return {
    asked: 0,
    nextDelayMs() {
      this.asked += 1;
      return 0;
    },
  };
}

function returning(value: unknown): RetryPolicy {
  return { nextDelayMs: () => value as number };
}

const ctx = { attempt: 1, elapsedMs: 0, cause: fakeCause('retry') };

describe('guardOutcome', () => {
  it('covers exactly the outcomes the vocabulary marks non-retryable', () => {
    expect([...NON_RETRYABLE_OUTCOMES].sort()).toEqual([...NON_RETRYABLE].sort());
  });

  it.each(NON_RETRYABLE)('returns null for %s even when the custom policy always says 0, without asking it', (outcome) => {
    const inner = eager();
    expect(guardOutcome(inner).nextDelayMs({ attempt: 1, elapsedMs: 0, cause: fakeCause(outcome) }, half)).toBeNull();
    expect(inner.asked).toBe(0);
  });

  it.each(NON_RETRYABLE)('returns null for %s through createRetryPolicy with a custom policy', (outcome) => {
    const policy = createRetryPolicy(eager());
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: fakeCause(outcome) }, half)).toBeNull();
  });

  it.each(NON_RETRYABLE)('returns null for %s through createRetryPolicy with options, whatever they are', (outcome) => {
    const policy = createRetryPolicy({ maxAttempts: 1000, maxElapsedMs: Number.MAX_SAFE_INTEGER, initialDelayMs: 0, jitter: 'none' });
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: fakeCause(outcome, { retryAfterMs: 1000 }) }, half)).toBeNull();
  });

  it.each(['retry', 'retry-later'] as const)('asks the wrapped policy for %s', (outcome) => {
    const inner = eager();
    expect(guardOutcome(inner).nextDelayMs({ attempt: 1, elapsedMs: 0, cause: fakeCause(outcome) }, half)).toBe(0);
    expect(inner.asked).toBe(1);
  });

  it('decides on the cause itself, not on the layer it travelled in', () => {
    const inner = fakeCause('fatal', { space: 'guacamole', code: 519, via: fakeCause('retry', { code: 1011 }) });
    expect(createRetryPolicy(eager()).nextDelayMs({ attempt: 1, elapsedMs: 0, cause: inner }, half)).toBeNull();
  });

  it('returns null when the context has no usable cause', () => {
    const policy = guardOutcome(eager());
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0 } as never, half)).toBeNull();
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause: { outcome: 7 } } as never, half)).toBeNull();
  });

  describe('sanitising a misbehaving custom policy', () => {
    it.each([
      ['NaN', Number.NaN],
      ['-1', -1],
      ['-0.4', -0.4],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
      ["'x'", 'x'],
      ["'1000'", '1000'],
      ['undefined', undefined],
      ['an object', { delay: 5 }],
      ['a bigint', 10n],
    ])('turns %s into a stop', (_label, value) => {
      expect(guardOutcome(returning(value)).nextDelayMs(ctx, half)).toBeNull();
    });

    it('rounds fractional delays to whole ms', () => {
      expect(guardOutcome(returning(1234.5)).nextDelayMs(ctx, half)).toBe(1235);
      expect(guardOutcome(returning(0.2)).nextDelayMs(ctx, half)).toBe(0);
    });

    it('turns -0 into 0', () => {
      expect(Object.is(guardOutcome(returning(-0)).nextDelayMs(ctx, half), 0)).toBe(true);
    });

    it('clamps delays a timer cannot hold to 2^31 - 1 ms', () => {
      expect(guardOutcome(returning(1e12)).nextDelayMs(ctx, half)).toBe(2_147_483_647);
    });

    it('keeps null as null and passes good delays through', () => {
      expect(guardOutcome(returning(null)).nextDelayMs(ctx, half)).toBeNull();
      expect(guardOutcome(returning(2500)).nextDelayMs(ctx, half)).toBe(2500);
    });

    it('sanitises through createRetryPolicy too', () => {
      expect(createRetryPolicy(returning(Number.NaN)).nextDelayMs(ctx, half)).toBeNull();
    });
  });

  it('leaves limits to a custom policy: attempt 1000 still gets its answer', () => {
    expect(createRetryPolicy(returning(50)).nextDelayMs({ ...ctx, attempt: 1000, elapsedMs: 10 ** 9 }, half)).toBe(50);
  });

  it('can wrap any composition, including one the user builds from the parts', () => {
    const policy = guardOutcome(withCauseFloor(returning(10), { spread: 0 }));
    expect(policy.nextDelayMs({ ...ctx, cause: fakeCause('retry-later', { retryAfterMs: 3000 }) }, half)).toBe(3000);
    expect(policy.nextDelayMs({ ...ctx, cause: fakeCause('reauthenticate', { retryAfterMs: 3000 }) }, half)).toBeNull();
  });

  it('treats every outcome in the vocabulary: only retry and retry-later may reconnect', () => {
    const allowed = OUTCOMES.filter((outcome) => createRetryPolicy(eager()).nextDelayMs({ ...ctx, cause: fakeCause(outcome) }, half) !== null);
    expect(allowed).toEqual(['retry', 'retry-later']);
  });

  it('stops instead of crashing when a custom policy throws', () => {
    const throwing = { nextDelayMs: (): number => { throw new Error('policy bug'); } };
    expect(createRetryPolicy(throwing).nextDelayMs(ctx, half)).toBeNull();
  });
});
