/**
 * Validation helpers shared by the policy constructors. Each check throws a `SessionError`
 * (`SESSION_ERR_INVALID_OPTION`) whose message names the option, the bad value and what is
 * accepted, and whose `field` is the option's full name (`retry.maxDelayMs`).
 */
import { describeValue, invalidOption } from '../errors/index.js';
import { MAX_TIMER_DELAY_MS } from './defaults.js';

/** The error every check throws (the SDK's shared builder, re-exported for the policy modules). */
export { invalidOption };

/** Requires a non-null, non-array object; returns it as a record for key checks. */
export function checkObject(field: string, value: unknown, accepted: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidOption(field, `${field} must be ${accepted} (got ${describeValue(value)})`, value);
  }
  return value as Readonly<Record<string, unknown>>;
}

/** Rejects keys outside `allowed`, suggesting the nearest allowed name for a typo. */
export function checkKnownKeys(prefix: string, value: object, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const field = `${prefix}.${PLAIN_KEY.test(key) ? key : describeValue(key)}`;
    const guess = closestName(key, allowed);
    const hint = guess === undefined ? `accepted: ${allowed.join(', ')}` : `did you mean ${guess}?`;
    throw invalidOption(field, `${field} is not an option; ${hint}`, key);
  }
}

/** Requires an integer in [min, max]. */
export function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(field, `${field} must be an integer ${rangeText(min, max)} (got ${describeValue(value)})`, value);
  }
  return value;
}

/** Requires a finite number in [min, max]. */
export function checkNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidOption(field, `${field} must be a finite number ${rangeText(min, max)} (got ${describeValue(value)})`, value);
  }
  return value;
}

/** Requires a delay in whole milliseconds that a timer can hold. */
export function checkDelayMs(field: string, value: unknown): number {
  return checkInteger(field, value, 0, MAX_TIMER_DELAY_MS);
}

/** Requires one of a fixed set of strings. */
export function checkOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const list = allowed.map((item) => `'${item}'`).join(' | ');
    throw invalidOption(field, `${field} must be one of ${list} (got ${describeValue(value)})`, value);
  }
  return value as T;
}

/** Requires a function. */
export function checkFunction<T extends (...args: never[]) => unknown>(field: string, value: unknown, accepted: string): T {
  if (typeof value !== 'function') {
    throw invalidOption(field, `${field} must be ${accepted} (got ${describeValue(value)})`, value);
  }
  return value as T;
}

/** Requires a non-empty array of delays in whole milliseconds; returns a frozen copy. */
export function checkSchedule(field: string, value: unknown): readonly number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw invalidOption(field, `${field} must be a non-empty array of delays in ms (got ${describeValue(value)})`, value);
  }
  const copy = (value as readonly unknown[]).map((item, index) => checkDelayMs(`${field}[${index}]`, item));
  return Object.freeze(copy);
}

/** Requires `value ≥ lower`, naming the option the lower bound comes from. */
export function checkAtLeast(field: string, value: number, lowerName: string, lower: number): void {
  if (value < lower) {
    throw invalidOption(field, `${field} must be ≥ ${lowerName} (got ${value} < ${lower})`, value);
  }
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]{0,59}$/;

function rangeText(min: number, max: number): string {
  return max >= Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
}

/** The allowed name closest to `key` (case-insensitive match, or at most 2 edits), if any. */
export function closestName(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of allowed) {
    const distance = name.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, name, bestDistance);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 64 || b.length > 64) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? limit;
}

/** `value`, or `fallback` when the option was left out. Only `undefined` means "left out": null is a bad value. */
export function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}
