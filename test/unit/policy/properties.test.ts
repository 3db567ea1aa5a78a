import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { OUTCOMES } from '../../../src/codes/types.js';
import type { Outcome } from '../../../src/codes/types.js';
import { CAUSE_FLOOR_DEFAULTS, DEFAULT_RETRY, MAX_TIMER_DELAY_MS, createRetryPolicy, guardOutcome } from '../../../src/policy/index.js';
import type { RetryOptions } from '../../../src/policy/index.js';
import { fakeCause } from '../../support/fake-classification.js';

const NON_RETRYABLE: readonly Outcome[] = ['ok', 'ended', 'reauthenticate', 'user-decision', 'fatal'];

const attempt = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1_000_000 }));
const elapsedMs = fc.integer({ min: 0, max: 2 * DEFAULT_RETRY.maxElapsedMs });
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const lastDelayMs = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined });

const options: fc.Arbitrary<RetryOptions> = fc
  .record({
    initialDelayMs: fc.integer({ min: 0, max: 60_000 }),
    extraDelayMs: fc.integer({ min: 0, max: 600_000 }),
    multiplier: fc.double({ min: 1, max: 1000, noNaN: true }),
    jitter: fc.constantFrom('full', 'equal', 'decorrelated', 'none' as const),
    maxAttempts: fc.integer({ min: 0, max: 50 }),
    maxElapsedMs: fc.integer({ min: 0, max: 3_600_000 }),
  })
  .map(({ extraDelayMs, ...rest }) => ({ ...rest, maxDelayMs: rest.initialDelayMs + extraDelayMs }));

function isWholeMs(value: number | null): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

describe('retry policy properties', () => {
  test.prop([attempt, elapsedMs, unit, lastDelayMs])(
    'the default policy returns null or an integer in [0, maxDelayMs] for a retry cause',
    (n, elapsed, r, last) => {
      const ctx = last === undefined ? { attempt: n, elapsedMs: elapsed, cause: fakeCause('retry') } : { attempt: n, elapsedMs: elapsed, cause: fakeCause('retry'), lastDelayMs: last };
      const delay = createRetryPolicy().nextDelayMs(ctx, () => r);
      expect(delay === null || (isWholeMs(delay) && delay <= DEFAULT_RETRY.maxDelayMs)).toBe(true);
      if (n > DEFAULT_RETRY.maxAttempts) expect(delay).toBeNull();
      if (delay !== null) expect(elapsed + delay).toBeLessThanOrEqual(DEFAULT_RETRY.maxElapsedMs);
    },
  );

  test.prop([attempt, elapsedMs, unit, fc.integer({ min: 0, max: 1_000_000 })])(
    'the default policy returns null or an integer ≥ the floor (and ≤ max(floor × 1.5, maxDelayMs)) for a retry-later cause',
    (n, elapsed, r, floor) => {
      const cause = fakeCause('retry-later', { retryAfterMs: floor });
      const delay = createRetryPolicy().nextDelayMs({ attempt: n, elapsedMs: elapsed, cause }, () => r);
      if (delay === null) return;
      expect(isWholeMs(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(floor);
      // Delays that hit the floor are spread over [floor, 1.5 × floor] (CAUSE_FLOOR_DEFAULTS.spread); others are the curve's.
      expect(delay).toBeLessThanOrEqual(Math.max(Math.round(floor * (1 + CAUSE_FLOOR_DEFAULTS.spread)), DEFAULT_RETRY.maxDelayMs));
    },
  );

  test.prop([fc.constantFrom(...NON_RETRYABLE), options, attempt, elapsedMs, unit, fc.option(fc.nat(), { nil: undefined })])(
    'never returns a number for a non-retryable outcome, whatever the options',
    (outcome, retry, n, elapsed, r, floor) => {
      const cause = floor === undefined ? fakeCause(outcome) : fakeCause(outcome, { retryAfterMs: floor });
      expect(createRetryPolicy(retry).nextDelayMs({ attempt: n, elapsedMs: elapsed, cause }, () => r)).toBeNull();
    },
  );

  test.prop([fc.constantFrom(...NON_RETRYABLE), fc.anything(), attempt])(
    'never returns a number for a non-retryable outcome, whatever a custom policy says',
    (outcome, answer, n) => {
      const policy = createRetryPolicy({ nextDelayMs: () => answer as number });
      expect(policy.nextDelayMs({ attempt: n, elapsedMs: 0, cause: fakeCause(outcome) }, () => 0)).toBeNull();
    },
  );

  test.prop([options, attempt, elapsedMs, unit, lastDelayMs])(
    'any valid options give null or whole ms within the cap and the limits',
    (retry, n, elapsed, r, last) => {
      const base = { attempt: n, elapsedMs: elapsed, cause: fakeCause('retry') };
      const delay = createRetryPolicy(retry).nextDelayMs(last === undefined ? base : { ...base, lastDelayMs: last }, () => r);
      if (delay === null) return;
      expect(isWholeMs(delay)).toBe(true);
      expect(delay).toBeLessThanOrEqual(retry.maxDelayMs ?? Number.NaN);
      expect(n).toBeLessThanOrEqual(retry.maxAttempts ?? Number.NaN);
      expect(elapsed + delay).toBeLessThanOrEqual(retry.maxElapsedMs ?? Number.NaN);
    },
  );

  test.prop([fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -1e15, max: 1e15 })), fc.constantFrom('retry', 'retry-later' as const)])(
    'the guard turns any answer of a custom policy into null or a delay a timer can hold',
    (answer, outcome) => {
      const delay = guardOutcome({ nextDelayMs: () => answer as number }).nextDelayMs({ attempt: 1, elapsedMs: 0, cause: fakeCause(outcome) }, () => 0);
      expect(delay === null || (isWholeMs(delay) && delay <= MAX_TIMER_DELAY_MS)).toBe(true);
    },
  );

  test.prop([fc.constantFrom(...OUTCOMES), attempt, unit])(
    'reconnects only for retry and retry-later',
    (outcome, n, r) => {
      const delay = createRetryPolicy({ maxAttempts: 1_000_000 }).nextDelayMs({ attempt: n, elapsedMs: 0, cause: fakeCause(outcome) }, () => r);
      if (delay !== null) expect(['retry', 'retry-later']).toContain(outcome);
    },
  );
});
