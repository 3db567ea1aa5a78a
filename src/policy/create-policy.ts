/**
 * The `retry` option turned into one policy:
 *
 *   guardOutcome( withBudget?( withLimits( withCauseFloor( base ) ) ) )
 *
 * where `base` is `fixedSchedule(schedule)` when a schedule is given, otherwise the exponential
 * curve (`curvePolicy`, its options validated once by `resolveCurve`). A custom `RetryPolicy` is
 * wrapped in `guardOutcome` only: its limits, floors and budget are its own business, but it can
 * never retry a non-retryable outcome nor return a delay a timer cannot use.
 */
import { describeValue } from '../errors/index.js';
import { withBudget } from './budget.js';
import { DEFAULT_RETRY, MAX_TIMER_DELAY_MS } from './defaults.js';
import { curvePolicy, resolveCurve } from './exponential.js';
import type { ResolvedCurve } from './exponential.js';
import { CAUSE_FLOOR_DEFAULTS, withCauseFloor } from './floor.js';
import { guardOutcome } from './guard.js';
import { withLimits } from './limits.js';
import { fixedSchedule } from './schedule.js';
import type { ResolvedRetryOptions, RetryBudget, RetryOptions, RetryPolicy } from './types.js';
import {
  checkFunction, checkInteger, checkKnownKeys, checkObject, checkSchedule, invalidOption, orDefault,
} from './validate.js';

const OPTION_NAMES = [
  'initialDelayMs', 'multiplier', 'maxDelayMs', 'jitter', 'maxAttempts', 'maxElapsedMs', 'minUptimeMs', 'budget', 'schedule',
] as const;

/** Options that shape the exponential curve and so mean nothing next to a fixed schedule. */
const CURVE_OPTIONS = ['initialDelayMs', 'multiplier', 'maxDelayMs', 'jitter'] as const;

/** True for an object with a `nextDelayMs` method, i.e. a custom policy rather than options. */
export function isRetryPolicy(value: unknown): value is RetryPolicy {
  return typeof value === 'object' && value !== null && typeof (value as { nextDelayMs?: unknown }).nextDelayMs === 'function';
}

/** Builds the policy for the `retry` option (options, a custom policy, or nothing for defaults). */
export function createRetryPolicy(options?: RetryOptions | RetryPolicy): RetryPolicy {
  if (isRetryPolicy(options)) return guardOutcome(options);
  const resolved = resolveRetryOptions(options);
  const base = resolved.schedule === undefined ? curvePolicy(curveOf(resolved)) : fixedSchedule(resolved.schedule);
  // Clients that hit a server's floor are spread above it, unless the user asked for exact delays.
  const spread = resolved.schedule !== undefined || resolved.jitter === 'none' ? 0 : CAUSE_FLOOR_DEFAULTS.spread;
  const limited = withLimits(withCauseFloor(base, { spread }), { maxAttempts: resolved.maxAttempts, maxElapsedMs: resolved.maxElapsedMs });
  return guardOutcome(resolved.budget === undefined ? limited : withBudget(limited, resolved.budget));
}

/**
 * Validates the `retry` option once and fills in `DEFAULT_RETRY`. Given a custom policy, it
 * returns the defaults (the machine still needs `minUptimeMs`). Throws `SessionError`
 * `SESSION_ERR_INVALID_OPTION` naming the option, the bad value and what is accepted.
 */
export function resolveRetryOptions(options?: RetryOptions | RetryPolicy): ResolvedRetryOptions {
  if (options === undefined || isRetryPolicy(options)) return Object.freeze({ ...DEFAULT_RETRY });
  const input = checkObject('retry', options, 'an object of options or a RetryPolicy (an object with nextDelayMs)');
  if ('nextDelayMs' in input) {
    throw invalidOption('retry.nextDelayMs', `retry.nextDelayMs must be a function (got ${describeValue(input.nextDelayMs)})`, input.nextDelayMs);
  }
  checkKnownKeys('retry', input, OPTION_NAMES);
  // Before the curve is checked: `{ schedule, maxDelayMs: 1000 }` is a clash, not a cap below the default initial delay.
  if (input.schedule !== undefined) {
    const clash = CURVE_OPTIONS.find((name) => input[name] !== undefined);
    if (clash !== undefined) {
      throw invalidOption(
        `retry.${clash}`,
        `retry.${clash} cannot be combined with retry.schedule (a schedule's delays are used as given); remove one of them`,
        input[clash],
      );
    }
  }

  const curve = resolveCurve(input);
  const maxAttempts = checkInteger('retry.maxAttempts', orDefault(input.maxAttempts, DEFAULT_RETRY.maxAttempts), 0, Number.MAX_SAFE_INTEGER);
  const maxElapsedMs = checkInteger('retry.maxElapsedMs', orDefault(input.maxElapsedMs, DEFAULT_RETRY.maxElapsedMs), 0, Number.MAX_SAFE_INTEGER);
  const minUptimeMs = checkInteger('retry.minUptimeMs', orDefault(input.minUptimeMs, DEFAULT_RETRY.minUptimeMs), 0, MAX_TIMER_DELAY_MS);
  const resolved: ResolvedRetryOptions = { ...curve, maxAttempts, maxElapsedMs, minUptimeMs };

  const extras: { budget?: RetryBudget; schedule?: readonly number[] } = {};
  if (input.budget !== undefined) {
    const budget = checkObject('retry.budget', input.budget, 'a RetryBudget (see createRetryBudget)');
    checkFunction('retry.budget.tryAcquire', budget.tryAcquire, 'a function (see createRetryBudget)');
    extras.budget = input.budget as RetryBudget;
  }
  if (input.schedule !== undefined) extras.schedule = checkSchedule('retry.schedule', input.schedule);
  return Object.freeze({ ...resolved, ...extras });
}

function curveOf(resolved: ResolvedRetryOptions): ResolvedCurve {
  const { initialDelayMs, multiplier, maxDelayMs, jitter } = resolved;
  return { initialDelayMs, multiplier, maxDelayMs, jitter };
}
