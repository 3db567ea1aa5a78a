/**
 * Reads an HTTP Retry-After value (RFC 9110 §10.2.3) as a wait in milliseconds.
 * Both forms are accepted: delay-seconds ("120") and an HTTP-date in any of the three formats
 * RFC 9110 §5.6.7 obliges recipients to read (IMF-fixdate, RFC 850, asctime). Pure: the current
 * time is passed in.
 */

/** Limits applied to Retry-After values. */
export const RETRY_AFTER_LIMITS = {
  /** Longer waits are capped here: a server asking for days is treated as asking for one day. */
  maxMs: 24 * 60 * 60 * 1000,
  /** Longer header values are not parsed at all (the longest valid form is 29 characters). */
  maxLength: 64,
} as const;

const SHORT_DAYS = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAYS = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

/** Sun, 06 Nov 1994 08:49:37 GMT */
const IMF_FIXDATE = new RegExp(`^${SHORT_DAYS}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
/** Sunday, 06-Nov-94 08:49:37 GMT */
const RFC_850 = new RegExp(`^${LONG_DAYS}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
/** Sun Nov  6 08:49:37 1994 */
const ASCTIME = new RegExp(`^${SHORT_DAYS} ${MONTH} ((?:\\d| )\\d) ${TIME} (\\d{4})$`);
const DELAY_SECONDS = /^\d+$/;

interface DateParts {
  readonly year: number;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
}

function cap(ms: number): number {
  return Math.min(Math.max(0, ms), RETRY_AFTER_LIMITS.maxMs);
}

/** Milliseconds since the epoch for valid parts, undefined for impossible dates (31 Feb, 25:00). */
function toEpochMs(parts: DateParts): number | undefined {
  const month = MONTHS.indexOf(parts.month as (typeof MONTHS)[number]);
  const day = Number(parts.day.trim());
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  if (month < 0 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(parts.year, month, day);
  if (date.getUTCMonth() !== month || date.getUTCDate() !== day) return undefined;
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** RFC 9110: a two-digit year more than 50 years ahead of now belongs to the previous century. */
function fullYear(twoDigits: number, nowMs: number): number {
  const nowYear = new Date(nowMs).getUTCFullYear();
  const year = Math.floor(nowYear / 100) * 100 + twoDigits;
  return year > nowYear + 50 ? year - 100 : year;
}

function parseHttpDate(text: string, nowMs: number): number | undefined {
  let m = IMF_FIXDATE.exec(text);
  if (m !== null) {
    const [, day = '', month = '', year = '', hour = '', minute = '', second = ''] = m;
    return toEpochMs({ year: Number(year), month, day, hour, minute, second });
  }
  m = RFC_850.exec(text);
  if (m !== null) {
    const [, day = '', month = '', year = '', hour = '', minute = '', second = ''] = m;
    return toEpochMs({ year: fullYear(Number(year), nowMs), month, day, hour, minute, second });
  }
  m = ASCTIME.exec(text);
  if (m !== null) {
    const [, month = '', day = '', hour = '', minute = '', second = '', year = ''] = m;
    return toEpochMs({ year: Number(year), month, day, hour, minute, second });
  }
  return undefined;
}

/**
 * The wait a Retry-After value asks for, in milliseconds (≥ 0, at most `RETRY_AFTER_LIMITS.maxMs`).
 * Numbers are read as seconds. A date in the past gives 0. Absent or invalid values give
 * undefined; the function never throws, whatever it is handed.
 */
export function parseRetryAfter(value: string | number | undefined | null, nowMs: number): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? cap(Math.ceil(value * 1000)) : undefined;
  }
  if (typeof value !== 'string' || value.length > RETRY_AFTER_LIMITS.maxLength) return undefined;
  const text = value.replace(/^[ \t]+|[ \t]+$/g, '');
  if (DELAY_SECONDS.test(text)) return cap(Number(text) * 1000);
  if (!Number.isFinite(nowMs)) return undefined;
  const at = parseHttpDate(text, nowMs);
  return at === undefined ? undefined : cap(at - nowMs);
}
