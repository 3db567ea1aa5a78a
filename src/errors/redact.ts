/**
 * Redaction of URLs and free text before they reach an event, a log or an error message.
 * Tokens travel in query strings and userinfo; neither may leave the SDK.
 */
import { SessionError, describeValue } from './session-error.js';

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
// `key=value` or `key: value` in free text; the key may be quoted (JSON): quote, key, separator, value.
const KEY_VALUE = /(?<![\w.-])(["']?)([A-Za-z][\w.-]{0,63})\1(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&,;"'<>()[\]{}]+)/g;
// `Authorization: Bearer abc` / `Basic abc`: the credential is the word after the scheme.
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Negotiate|NTLM)(\s+)[A-Za-z0-9._~+/=-]{4,}/g;
const AUTH_SCHEME_WORD = /^(?:Bearer|Basic|Digest|Negotiate|NTLM)$/;
// Key names whose `=` value is a secret: anything with token, password, secret, credential, api key or
// session id in it; and these words alone or as the last part of a name (`access_key`, `oauth_signature`).
const SECRET_ANYWHERE = /token|passw(?:or)?d|secret|credential|api[_-]?key|session[_-]?id/;
const SECRET_LAST_WORD = /(?:^|[_.-])(?:key|pwd|pass|auth|authorization|session|sid|signature|sig|code)$/;
// With `:` (prose: "Session: closed", "Error Code: 04") only names that cannot be ordinary words count.
const COLON_SECRET = /token|passw(?:or)?d|secret|credential|api[_-]?key|session[_-]?id|^(?:pwd|authorization)$/;
// A `code` key keeps a value that is a status code as the SDK prints it (`code=519`, `code=0xC0040017`):
// those are not secrets, while OAuth authorization codes and one-time codes (6+ digits) are.
const NAMES_A_CODE = /(?:^|[_.-])code$/;
const STATUS_VALUE = /^(?:\d{1,5}|0x[0-9a-f]{1,8})$/i;

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
 * `redactUrl`, leftover `?key=value` pairs lose their values, so do `key=value` secrets anywhere in
 * the text (`token=`, `password=`, `api_key=`, `sessionid=`, `sig=`, `code=`… case-insensitive, the
 * key quoted or not) and `key: value` ones whose name cannot be an ordinary word (`token:`,
 * `password:`, not `Session:` or `Code:`), and the word after `Bearer`/`Basic`. `code=519` and
 * `code=0xC0040017` keep their value (a status code is not a secret; a longer code is). Control
 * characters become spaces, and the result is cut to `maxLength` (with a trailing `…`).
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
    .replace(BARE_QUERY, `$1${REDACTED}`)
    .replace(AUTH_SCHEME, `$1$2${REDACTED}`);
  return truncate(redactPairs(cleaned), maxLength);
}

/**
 * Replaces the values of secret `key=value` / `key: value` pairs. A pair that is not a secret is
 * skipped up to its value only, so `failed: token=abc` still finds `token=abc` inside the value.
 */
function redactPairs(text: string): string {
  let out = '';
  let copied = 0;
  KEY_VALUE.lastIndex = 0;
  for (let match = KEY_VALUE.exec(text); match !== null; match = KEY_VALUE.exec(text)) {
    const [whole, , key = '', separator = '', value = ''] = match;
    const valueAt = match.index + whole.length - value.length;
    if (isSecretPair(key, separator, value)) {
      const quoted = value.startsWith('"') || value.startsWith("'") ? `${value[0] ?? ''}${REDACTED}${value[0] ?? ''}` : REDACTED;
      out += `${text.slice(copied, valueAt)}${quoted}`;
      copied = match.index + whole.length;
    } else {
      KEY_VALUE.lastIndex = valueAt;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isSecretPair(key: string, separator: string, value: string): boolean {
  const name = key.toLowerCase();
  const secret = separator.includes('=') ? SECRET_ANYWHERE.test(name) || SECRET_LAST_WORD.test(name) : COLON_SECRET.test(name);
  if (!secret || value === REDACTED || value === `"${REDACTED}"` || AUTH_SCHEME_WORD.test(value)) return false;
  return !(NAMES_A_CODE.test(name) && STATUS_VALUE.test(value));
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - 1;
  // Do not leave half of a surrogate pair before the ellipsis.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
