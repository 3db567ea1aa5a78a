/**
 * A fixed list of delays: attempt n waits schedule[n-1] ms. Useful when product wants
 * predictable steps ("now, 2 s, 10 s, then every 30 s") rather than a curve.
 */
import type { RetryContext, RetryPolicy } from './types.js';
import { checkKnownKeys, checkObject, checkSchedule, invalidOption, orDefault } from './validate.js';
import { describeValue } from '../errors/index.js';

export interface FixedScheduleOptions {
  /** Past the end of the list, keep using its last delay (true, the default) or stop (false). */
  readonly repeatLast?: boolean;
}

/** Builds a policy from a non-empty list of delays in whole milliseconds. */
export function fixedSchedule(schedule: readonly number[], options: FixedScheduleOptions = {}): RetryPolicy {
  const delays = checkSchedule('retry.schedule', schedule);
  checkObject('schedule options', options, 'an object of options');
  checkKnownKeys('schedule options', options, ['repeatLast']);
  const repeatLast = orDefault(options.repeatLast, true);
  if (typeof repeatLast !== 'boolean') {
    throw invalidOption('schedule options.repeatLast', `schedule options.repeatLast must be true or false (got ${describeValue(repeatLast)})`, repeatLast);
  }
  const last = delays[delays.length - 1] ?? null;

  return {
    nextDelayMs(ctx: RetryContext): number | null {
      if (Number.isNaN(ctx.attempt)) return null;
      const index = Math.max(0, Math.floor(ctx.attempt) - 1);
      if (index < delays.length) return delays[index] ?? null;
      return repeatLast ? last : null;
    },
  };
}
