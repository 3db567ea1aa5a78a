/**
 * Redaction of URLs and free text before they reach an event, a log or an error message.
 * Tokens travel in query strings and userinfo; neither may leave the SDK.
 */
import { SessionError, describeValue } from '../errors/index.js';

export const REDACT_DEFAULTS = {
  /** Longest text `redactText` returns, in UTF-16 units, ellipsis included. */
  maxLength: 200,
  /** Input beyond this many characters is dropped before any parsing (bounds the work on hostile text). */
  maxInputLength: 8192,
} as const;

/** What a secret is replaced with. */
export const REDACTED = '***';
/** What `redactUrl` returns for input it cannot parse (the raw input is never echoed). */
export const UNPARSEABLE_URL = '[unparseable url]';

// A scheme followed by `//`, then everything up to whitespace or a quote/bracket.
const SCHEME_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
// A query string left in scheme-less text (`/path?token=abc`): `?` or `&` then `key=value`.
const BARE_QUERY = /([?&][^\s=&?#"'<>`]+=)[^\s&#"'<>`]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * `wss://user:pw@host/p?token=abc#frag` → `wss://***@host/p?token=***#***`.
 * Keeps scheme, host, port, path and query keys; a valueless query part (`?secret`) becomes `***`.
 */
export function redactUrl(url: string): string {
  if (typeof url !== 'string') return UNPARSEABLE_URL;
  let parsed: URL;
  try {
    parsed = new URL(url.length > REDACT_DEFAULTS.maxInputLength ? url.slice(0, REDACT_DEFAULTS.maxInputLength) : url);
  } catch {
    return UNPARSEABLE_URL;
  }
  const userinfo = parsed.username !== '' || parsed.password !== '' ? `${REDACTED}@` : '';
  const authority = parsed.host === '' && !url.includes('//') ? '' : `//${userinfo}${parsed.host}`;
  const query = parsed.search === '' ? '' : `?${redactQuery(parsed.search.slice(1))}`;
  const fragment = parsed.hash === '' ? '' : `#${REDACTED}`;
  return `${parsed.protocol}${authority}${parsed.pathname}${query}${fragment}`;
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq <= 0 ? REDACTED : `${part.slice(0, eq)}=${REDACTED}`;
    })
    .join('&');
}

/**
 * Makes free text (an error message, a close reason) safe to show: every URL in it goes through
 * `redactUrl`, leftover `?key=value` pairs lose their values, control characters become spaces,
 * and the result is cut to `maxLength` (with a trailing `…`).
 */
export function redactText(text: string, maxLength: number = REDACT_DEFAULTS.maxLength): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new SessionError(
      'SESSION_ERR_INVALID_OPTION',
      `redactText maxLength must be an integer ≥ 1 (got ${describeValue(maxLength)})`,
      { field: 'maxLength', value: describeValue(maxLength) },
    );
  }
  if (typeof text !== 'string') return '';
  const bounded = text.length > REDACT_DEFAULTS.maxInputLength ? text.slice(0, REDACT_DEFAULTS.maxInputLength) : text;
  const cleaned = bounded
    .replace(CONTROL, ' ')
    .replace(SCHEME_URL, (match) => redactUrl(match))
    .replace(BARE_QUERY, `$1${REDACTED}`);
  return truncate(cleaned, maxLength);
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - 1;
  // Do not leave half of a surrogate pair before the ellipsis.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
