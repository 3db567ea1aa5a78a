import { describe, expect, it } from 'vitest';
import { EXPONENTIAL_RETRY, exponentialBackoff } from '../../../src/policy/index.js';
import type { RetryPolicy } from '../../../src/policy/index.js';
import { fakeCause } from '../../support/fake-classification.js';
import { mulberry32, sequenceRandom } from '../../support/seeded-random.js';

const cause = fakeCause('retry');

/** Asks the policy for attempts 1..count the way the machine does, feeding back the last delay. */
function delays(policy: RetryPolicy, random: () => number, count: number): (number | null)[] {
  const out: (number | null)[] = [];
  let lastDelayMs: number | undefined;
  for (let attempt = 1; attempt <= count; attempt += 1) {
    const delay = policy.nextDelayMs(lastDelayMs === undefined ? { attempt, elapsedMs: 0, cause } : { attempt, elapsedMs: 0, cause, lastDelayMs }, random);
    out.push(delay);
    if (delay !== null) lastDelayMs = delay;
  }
  return out;
}

const half = () => 0.5;

/** The curve of the previous default, for tests about the exponential shape itself: 1000 ms ×2 up to 30000 ms, full jitter. */
const { initialDelayMs, multiplier, maxDelayMs, jitter } = EXPONENTIAL_RETRY;
const exponential = { initialDelayMs, multiplier, maxDelayMs, jitter };

describe('exponentialBackoff', () => {
  it('doubles from 1500 ms up to the 10000 ms cap without jitter, on the default curve', () => {
    const policy = exponentialBackoff({ jitter: 'none' });
    expect(delays(policy, half, 8)).toEqual([1500, 3000, 6000, 10000, 10000, 10000, 10000, 10000]);
  });

  it('doubles from 1000 ms up to the 30000 ms cap without jitter, on the curve of EXPONENTIAL_RETRY', () => {
    const policy = exponentialBackoff({ ...exponential, jitter: 'none' });
    expect(delays(policy, half, 8)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('uses decorrelated jitter by default: 1500 + random × (3 × last − 1500), capped at 10000', () => {
    // 1500 + 0.5 × (3 × last − 1500), the first from last = 1500: 3000, 5250, 8625, 13687.5 → cap
    expect(delays(exponentialBackoff(), half, 7)).toEqual([3000, 5250, 8625, 10000, 10000, 10000, 10000]);
  });

  it('uses full jitter with EXPONENTIAL_RETRY: random × base', () => {
    expect(delays(exponentialBackoff(exponential), half, 7)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it('follows a non-integer multiplier and rounds to whole ms', () => {
    const policy = exponentialBackoff({ initialDelayMs: 500, multiplier: 1.5, maxDelayMs: 5000, jitter: 'none' });
    expect(delays(policy, half, 7)).toEqual([500, 750, 1125, 1688, 2531, 3797, 5000]);
  });

  it('keeps the initial delay forever with multiplier 1', () => {
    const policy = exponentialBackoff({ initialDelayMs: 250, multiplier: 1, maxDelayMs: 250, jitter: 'none' });
    expect(delays(policy, half, 4)).toEqual([250, 250, 250, 250]);
  });

  it('replays the exact full-jitter sequence for a seeded random', () => {
    expect(delays(exponentialBackoff({ ...exponential, jitter: 'full' }), mulberry32(42), 8)).toEqual([601, 897, 3410, 5358, 2797, 15798, 8197, 18742]);
  });

  it('replays the exact equal-jitter sequence for a seeded random', () => {
    expect(delays(exponentialBackoff({ ...exponential, jitter: 'equal' }), mulberry32(42), 8)).toEqual([801, 1448, 3705, 6679, 9399, 22899, 19098, 24371]);
  });

  it('replays the exact decorrelated sequence (the default) for a seeded random, each step within [initial, 3 × last]', () => {
    const out = delays(exponentialBackoff(), mulberry32(42), 8);
    expect(out).toEqual([3303, 5270, 10000, 10000, 6482, 10000, 9287, 10000]);
    out.forEach((delay, index) => {
      const last = index === 0 ? 1500 : (out[index - 1] ?? 0);
      expect(delay).toBeGreaterThanOrEqual(1500);
      expect(delay).toBeLessThanOrEqual(Math.min(10000, 3 * last));
    });
  });

  it('grows decorrelated delays from the last delay and clamps them to the cap', () => {
    // 1000 + 0.5 × (3 × last − 1000): 2000, 3500, 5750, 9125, 14187.5, 21782, 33173 → cap
    const out = delays(exponentialBackoff({ ...exponential, jitter: 'decorrelated' }), half, 8);
    expect(out).toEqual([2000, 3500, 5750, 9125, 14188, 21782, 30000, 30000]);
  });

  it('starts decorrelated jitter from initialDelayMs when there is no last delay', () => {
    const policy = exponentialBackoff({ jitter: 'decorrelated' });
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause }, () => 0)).toBe(1500);
    expect(policy.nextDelayMs({ attempt: 1, elapsedMs: 0, cause }, () => 1)).toBe(4500);
  });

  it('never goes below initialDelayMs with decorrelated jitter, even after a tiny last delay', () => {
    const policy = exponentialBackoff({ jitter: 'decorrelated' });
    expect(policy.nextDelayMs({ attempt: 3, elapsedMs: 0, cause, lastDelayMs: 10 }, () => 0.9)).toBe(1500);
  });

  it('spreads equal jitter over [base/2, base]', () => {
    const policy = exponentialBackoff({ jitter: 'equal' });
    const ctx = { attempt: 3, elapsedMs: 0, cause };
    expect(policy.nextDelayMs(ctx, () => 0)).toBe(3000);
    expect(policy.nextDelayMs(ctx, () => 0.999999)).toBe(6000);
  });

  describe('jitter after the cap', () => {
    // attempt 7: 1000 × 2^6 = 64000 is capped to 30000 first, then jittered.
    // Jitter before the cap would give min(30000, 0.5 × 64000) = 30000 for full
    // and min(30000, 48000) = 30000 for equal: every client would cluster at the cap.
    const ctx = { attempt: 7, elapsedMs: 0, cause };

    it('spreads full jitter over [0, cap] once the curve passes the cap', () => {
      expect(exponentialBackoff({ ...exponential, jitter: 'full' }).nextDelayMs(ctx, half)).toBe(15000);
    });

    it('spreads equal jitter over [cap/2, cap] once the curve passes the cap', () => {
      expect(exponentialBackoff({ ...exponential, jitter: 'equal' }).nextDelayMs(ctx, half)).toBe(22500);
    });

    it('gives distinct delays to clients with different randoms at the cap', () => {
      const policy = exponentialBackoff({ ...exponential, jitter: 'full' });
      const spread = new Set([0.1, 0.4, 0.7, 0.95].map((r) => policy.nextDelayMs(ctx, () => r)));
      expect(spread.size).toBe(4);
    });
  });

  describe('huge attempts', () => {
    it.each([10_000, 1_000_000, Number.MAX_SAFE_INTEGER, Infinity])('returns the cap for attempt %s instead of Infinity or NaN', (attempt) => {
      expect(exponentialBackoff({ jitter: 'none' }).nextDelayMs({ attempt, elapsedMs: 0, cause }, half)).toBe(10000);
      expect(exponentialBackoff({ jitter: 'full' }).nextDelayMs({ attempt, elapsedMs: 0, cause }, () => 0.25)).toBe(2500);
      expect(exponentialBackoff({ ...exponential, jitter: 'none' }).nextDelayMs({ attempt, elapsedMs: 0, cause }, half)).toBe(30000);
      expect(exponentialBackoff({ ...exponential, jitter: 'full' }).nextDelayMs({ attempt, elapsedMs: 0, cause }, () => 0.25)).toBe(7500);
    });

    it('stays at the cap with the largest multiplier and delays', () => {
      const policy = exponentialBackoff({ initialDelayMs: 2_000_000_000, multiplier: 1000, maxDelayMs: 2_147_483_647, jitter: 'none' });
      expect(policy.nextDelayMs({ attempt: 10_000, elapsedMs: 0, cause }, half)).toBe(2_147_483_647);
    });
  });

  describe('odd inputs', () => {
    it('stops for a NaN attempt rather than producing NaN', () => {
      expect(exponentialBackoff().nextDelayMs({ attempt: Number.NaN, elapsedMs: 0, cause }, half)).toBeNull();
    });

    it('treats attempt 0 or below like attempt 1', () => {
      expect(exponentialBackoff({ jitter: 'none' }).nextDelayMs({ attempt: 0, elapsedMs: 0, cause }, half)).toBe(1500);
      expect(exponentialBackoff({ jitter: 'none' }).nextDelayMs({ attempt: -3, elapsedMs: 0, cause }, half)).toBe(1500);
    });

    it('clamps a random source that strays outside [0, 1] or returns NaN', () => {
      const policy = exponentialBackoff({ jitter: 'full' });
      const ctx = { attempt: 2, elapsedMs: 0, cause };
      expect(policy.nextDelayMs(ctx, () => 7)).toBe(3000);
      expect(policy.nextDelayMs(ctx, () => -1)).toBe(0);
      expect(policy.nextDelayMs(ctx, () => Number.NaN)).toBe(0);
    });

    it('ignores a negative or non-finite lastDelayMs for decorrelated jitter', () => {
      const policy = exponentialBackoff({ jitter: 'decorrelated' });
      expect(policy.nextDelayMs({ attempt: 2, elapsedMs: 0, cause, lastDelayMs: -5 }, half)).toBe(3000);
      expect(policy.nextDelayMs({ attempt: 2, elapsedMs: 0, cause, lastDelayMs: Infinity }, half)).toBe(3000);
    });
  });

  it('uses only the injected random: two runs with the same seed agree', () => {
    const a = delays(exponentialBackoff({ jitter: 'equal' }), mulberry32(7), 10);
    const b = delays(exponentialBackoff({ jitter: 'equal' }), mulberry32(7), 10);
    expect(a).toEqual(b);
  });

  it('accepts sequenceRandom for scripted randomness', () => {
    // Decorrelated: 1500 + r × (3 × last − 1500), the first from last = 1500.
    expect(delays(exponentialBackoff(), sequenceRandom([0, 1, 0.25]), 4)).toEqual([1500, 4500, 4500, 4500]);
    expect(delays(exponentialBackoff(exponential), sequenceRandom([0, 1, 0.25]), 4)).toEqual([0, 2000, 1000, 2000]);
  });
});

describe('mulberry32', () => {
  it('returns the published first value for seed 42 and stays in [0, 1)', () => {
    const random = mulberry32(42);
    expect(random()).toBeCloseTo(0.6011037519201636, 15);
    for (let i = 0; i < 1000; i += 1) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('gives different sequences for different seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});
