/**
 * Exponential backoff with jitter applied after the cap (STYLE.md item 5).
 * base(n) = min(maxDelayMs, initialDelayMs × multiplier^(n-1)); the jitter mode then spreads it.
 */
import { DEFAULT_RETRY, JITTER_MODES } from './defaults.js';
import type { JitterMode, RetryContext, RetryPolicy } from './types.js';
import { checkAtLeast, checkDelayMs, checkKnownKeys, checkNumber, checkObject, checkOneOf, invalidOption, orDefault } from './validate.js';

export interface ExponentialBackoffOptions {
  readonly initialDelayMs?: number;
  readonly multiplier?: number;
  readonly maxDelayMs?: number;
  readonly jitter?: JitterMode;
}

const KEYS = ['initialDelayMs', 'multiplier', 'maxDelayMs', 'jitter'] as const;

/** Largest accepted multiplier; anything larger reaches the cap on the second attempt anyway. */
export const MAX_MULTIPLIER = 1000;

/** The curve's options, validated and with every omitted one at its `DEFAULT_RETRY` value. */
export type ResolvedCurve = Required<ExponentialBackoffOptions>;

/**
 * Validates the curve's options of a `retry` object (other keys are the caller's to check) and fills in the
 * defaults. Throws SessionError SESSION_ERR_INVALID_OPTION naming the option.
 */
export function resolveCurve(options: Readonly<Record<string, unknown>>): ResolvedCurve {
  const initialDelayMs = checkDelayMs('retry.initialDelayMs', orDefault(options['initialDelayMs'], DEFAULT_RETRY.initialDelayMs));
  const multiplier = checkNumber('retry.multiplier', orDefault(options['multiplier'], DEFAULT_RETRY.multiplier), 1, MAX_MULTIPLIER);
  const maxDelayMs = checkDelayMs('retry.maxDelayMs', orDefault(options['maxDelayMs'], DEFAULT_RETRY.maxDelayMs));
  checkCapAboveInitial(options, initialDelayMs, maxDelayMs);
  const jitter = checkOneOf('retry.jitter', orDefault(options['jitter'], DEFAULT_RETRY.jitter), JITTER_MODES);
  return { initialDelayMs, multiplier, maxDelayMs, jitter };
}

/**
 * maxDelayMs ≥ initialDelayMs. When only one of them is given, the other is its default, and the message says so:
 * `{ initialDelayMs: 20000 }` alone is above the default 10 s cap (it was 30 s before issue 14).
 */
function checkCapAboveInitial(options: Readonly<Record<string, unknown>>, initialDelayMs: number, maxDelayMs: number): void {
  if (maxDelayMs >= initialDelayMs) return;
  if (options['maxDelayMs'] === undefined) {
    throw invalidOption(
      'retry.initialDelayMs',
      `retry.initialDelayMs must be ≤ maxDelayMs (got ${initialDelayMs} > ${maxDelayMs}, the default maxDelayMs); set maxDelayMs too`,
      initialDelayMs,
    );
  }
  if (options['initialDelayMs'] === undefined) {
    throw invalidOption(
      'retry.maxDelayMs',
      `retry.maxDelayMs must be ≥ initialDelayMs (got ${maxDelayMs} < ${initialDelayMs}, the default initialDelayMs); set initialDelayMs too`,
      maxDelayMs,
    );
  }
  checkAtLeast('retry.maxDelayMs', maxDelayMs, 'initialDelayMs', initialDelayMs);
}

/** Builds the exponential policy; omitted options take their `DEFAULT_RETRY` value. */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): RetryPolicy {
  checkObject('retry', options, 'an object of options');
  checkKnownKeys('retry', options, KEYS);
  return curvePolicy(resolveCurve(options as Readonly<Record<string, unknown>>));
}

/** The exponential policy for a curve already resolved by `resolveCurve`. */
export function curvePolicy({ initialDelayMs, multiplier, maxDelayMs, jitter }: ResolvedCurve): RetryPolicy {
  return {
    nextDelayMs(ctx: RetryContext, random: () => number): number | null {
      if (Number.isNaN(ctx.attempt)) return null;
      if (jitter === 'decorrelated') {
        return decorrelatedDelayMs(initialDelayMs, maxDelayMs, ctx.lastDelayMs, unit(random));
      }
      const base = cappedBaseMs(initialDelayMs, multiplier, maxDelayMs, ctx.attempt);
      if (jitter === 'none') return Math.round(base);
      if (jitter === 'full') return Math.round(unit(random) * base);
      return Math.round(base / 2 + (unit(random) * base) / 2);
    },
  };
}

/**
 * min(maxDelayMs, initialDelayMs × multiplier^(attempt-1)) without ever computing a power
 * that overflows: past the attempt where the curve meets the cap, the cap is returned.
 */
export function cappedBaseMs(initialDelayMs: number, multiplier: number, maxDelayMs: number, attempt: number): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  if (exponent === 0 || multiplier === 1 || initialDelayMs === 0) return Math.min(maxDelayMs, initialDelayMs);
  const exponentAtCap = Math.log(maxDelayMs / initialDelayMs) / Math.log(multiplier);
  if (exponent >= exponentAtCap) return maxDelayMs;
  return Math.min(maxDelayMs, initialDelayMs * multiplier ** exponent);
}

/**
 * The AWS "decorrelated jitter": a random delay between initialDelayMs and three times the
 * previous delay, then clamped to maxDelayMs. The first attempt uses initialDelayMs as "previous".
 */
function decorrelatedDelayMs(initialDelayMs: number, maxDelayMs: number, lastDelayMs: number | undefined, r: number): number {
  const previous = typeof lastDelayMs === 'number' && lastDelayMs >= 0 && Number.isFinite(lastDelayMs) ? lastDelayMs : initialDelayMs;
  const upper = Math.max(initialDelayMs, previous * 3);
  return Math.round(Math.min(maxDelayMs, initialDelayMs + r * (upper - initialDelayMs)));
}

/** The injected random value, forced into [0, 1] so a faulty source cannot produce NaN delays. */
function unit(random: () => number): number {
  const value = random();
  if (typeof value !== 'number' || Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
