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

// A scheme followed by `//`, then everything up to whitespace or a quote/bracket. The scheme starts at the first
// letter at a word boundary of a run of scheme characters; the match starts only where a run does, and only a run
// followed by `://`, so a long run such as `a.a.a…` is read once, not once per letter (prefix, URL).
const SCHEME_URL = /(?<![a-z0-9+.-])(?=[a-z0-9+.-]*:\/\/)([a-z0-9+.-]*?)(\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+)/gi;
// A query string left in scheme-less text (`/path?token=abc`): `?` or `&` then `key=value`.
const BARE_QUERY = /([?&][^\s=&?#"'<>`]+=)[^\s&#"'<>`]+/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// A run of control characters that breaks a line: it ends a `key=value` clause, so it stays a `\n` until the pairs are done.
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;
/** Text no rule of `redactText` can change: every rule needs whitespace, `=`, `:` (URLs, pairs) or a control character. */
// eslint-disable-next-line no-control-regex
const PLAIN = /^[^\s=:\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
// `key=` or `key: ` in free text; the key may be quoted (JSON): quote, key, separator. The value is read by `secretSpan`.
const PAIR_KEY = /(?<![\w.-])(["']?)([A-Za-z][\w.-]{0,63})\1(\s*[=:]\s*)/g;
// `Bearer abc` / `Basic abc` anywhere: the credential is the token68 word after the scheme.
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Negotiate|NTLM)(\s+)[A-Za-z0-9._~+/=-]{4,}/g;
// Key names whose `=` value is a secret: anything with token, password, secret, credential, api key or
// session id in it; and these words alone or as the last part of a name (`access_key`, `oauth_signature`).
const SECRET_ANYWHERE = /token|passw(?:or)?d|secret|credential|api[_-]?key|session[_-]?id/;
const SECRET_LAST_WORD = /(?:^|[_.-])(?:key|pwd|pass|auth|authorization|session|sid|signature|sig|code)$/;
// With `:` (prose: "Session: closed", "Error Code: 04") only names that cannot be ordinary words count.
const COLON_SECRET = /token|passw(?:or)?d|secret|credential|api[_-]?key|session[_-]?id|^pwd$|(?:^|[_.-])authorization$/;
// Keys whose value may start with an auth scheme that stays readable (`Authorization: Bearer ***`).
const AUTH_KEY = /(?:^|[_.-])(?:auth|authorization)$/;
// A `code` key keeps a value that is a status code as the SDK prints it (`code=519`, `code=0xC0040017`):
// those are not secrets, while OAuth authorization codes and one-time codes (6+ digits) are.
const NAMES_A_CODE = /(?:^|[_.-])code$/;
const STATUS_VALUE = /^(?:\d{1,5}|0x[0-9a-f]{1,8})$/i;

// The grammar of a value (every pattern is sticky, read at one position, and cannot backtrack more than linearly).
// A word character: anything but whitespace and the delimiters & , ; quotes and brackets.
const WORD_CHAR = `[^\\s&,;"'<>()[\\]{}]`;
// A word: word characters, and quotes between them (`isn't`, `pa"ss`); a quote before a delimiter ends it.
const WORD = `(?:${WORD_CHAR}|["'](?=${WORD_CHAR}))+`;
// The next pair of a clause: a key, then `=` (or `:` before whitespace: "user: bob", not "horse:battery").
const PAIR_KEY_NAME = `[A-Za-z][\\w.-]{0,63}`;
const NEXT_PAIR = `(?:"${PAIR_KEY_NAME}"\\s*[=:]|'${PAIR_KEY_NAME}'\\s*[=:]|${PAIR_KEY_NAME}(?:\\s*=|:(?!\\S)))`;
// One word (the value of a `key: value` pair).
const ONE_WORD = new RegExp(WORD, 'y');
// Words on one line up to a delimiter or the next pair (the value of a `key=value` pair).
const CLAUSE = new RegExp(`${WORD}(?:[^\\S\\n]+(?!${NEXT_PAIR})${WORD})*`, 'y');
// A quoted value up to its closing quote (backslash escapes honoured), or to the end of the text if it has none.
const QUOTED = /(["'])((?:(?!\1)[^\\]|\\[\s\S]?)*)(\1?)/y;
// An auth scheme (case-insensitive) as a whole word, and the spaces after it.
const SCHEME_AT = new RegExp(`(?:Bearer|Basic|Digest|Negotiate|NTLM|Token|DPoP|OAuth|HOBA|Mutual|AWS4-HMAC-SHA256)(?!${WORD_CHAR})[^\\S\\n]*`, 'iy');
const IS_WORD_CHAR = new RegExp(`^${WORD_CHAR}$`);

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
 * Makes free text (an error message, a close reason) safe to show. In order:
 *
 * - control characters become spaces (a run that breaks a line ends a `key=value` clause first);
 * - every URL goes through `redactUrl` (credentials, query values and fragment go; scheme, host and path stay);
 * - the credential after `Bearer`/`Basic`/`Digest`/`Negotiate`/`NTLM` goes: `Bearer ***`;
 * - secret `key=value` pairs (`token=`, `password=`, `api_key=`, `sessionid=`, `sig=`, `code=`… case-insensitive,
 *   the key quoted or not) and `key: value` ones whose name cannot be an ordinary word (`token:`, `password:`,
 *   `Authorization:`, not `Session:` or `Code:`) lose their value:
 *   - a quoted value goes whole, up to its closing quote (`\"` escapes honoured; with no closing quote, up to the
 *     end of the text): `password: "correct horse"` → `password: "***"`;
 *   - an unquoted value (after `=` or `:`) goes up to the end of its clause: `& , ; ( ) [ ] { } < >`, a quote that
 *     ends a word, a line break, the end of the text, or whitespace before another `key=` / `key: ` pair. A password
 *     may hold spaces, so `password=correct horse battery` → `password=***`, `password: hunter2 now` → `password: ***`,
 *     and `token=a user=bob` → `token=*** user=bob`;
 *   - an auth scheme in front of the value stays for an `auth`/`Authorization` key and the credential goes
 *     (`Authorization: Token ***`); for any other key scheme and credential go together (`token: ***`);
 *   - `code=519` and `code=0xC0040017` keep their value (a status code is not a secret; a longer code is);
 * - leftover query strings (`/path?user=bob`) lose their values up to whitespace, `&` or `#`.
 *
 * Text that merely names a secret ("session closed", "Session: closed") stays as it is. The input is cut to
 * `maxInputLength` before any parsing and every pattern runs in linear time, so hostile text costs little; the
 * result is cut to `maxLength` (with a trailing `…`).
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
  // No rule below can change a text without whitespace, `=`, `:` or a control character (a step name, a status code,
  // most close reasons): it is only cut to length.
  if (PLAIN.test(bounded)) return truncate(bounded, maxLength);
  const cleaned = bounded
    .replace(CONTROL, (run) => (LINE_BREAK.test(run) ? '\n' : ' '))
    .replace(SCHEME_URL, (_match, prefix: string, url: string) => `${prefix}${redactUrl(url)}`)
    .replace(AUTH_SCHEME, `$1$2${REDACTED}`);
  return truncate(redactPairs(cleaned).replace(BARE_QUERY, `$1${REDACTED}`).replace(/\n/g, ' '), maxLength);
}

/**
 * Replaces the values of secret `key=value` / `key: value` pairs. A pair that is not a secret is
 * skipped up to its value only, so `failed: token=abc` still finds `token=abc` inside the value.
 * Each secret value is read once, from where its key ends, so the whole pass is linear in the text.
 */
function redactPairs(text: string): string {
  let out = '';
  let copied = 0;
  PAIR_KEY.lastIndex = 0;
  for (let match = PAIR_KEY.exec(text); match !== null; match = PAIR_KEY.exec(text)) {
    const [whole, , key = '', separator = ''] = match;
    const valueAt = match.index + whole.length;
    const span = secretSpan(text, valueAt, key.toLowerCase(), separator.includes('='));
    if (span === undefined) continue; // PAIR_KEY resumes at the value: a secret may hide in it
    out += `${text.slice(copied, span.from)}${span.replacement}`;
    copied = span.to;
    PAIR_KEY.lastIndex = span.to;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

interface Span {
  readonly from: number;
  readonly to: number;
  readonly replacement: string;
}

/** What to redact of the value at `at` of the pair `name`, or undefined when the pair is no secret (or done). */
function secretSpan(text: string, at: number, name: string, equals: boolean): Span | undefined {
  if (!(equals ? SECRET_ANYWHERE.test(name) || SECRET_LAST_WORD.test(name) : COLON_SECRET.test(name))) return undefined;
  if (NAMES_A_CODE.test(name) && STATUS_VALUE.test(readAt(ONE_WORD, text, at))) return undefined;
  const scheme = readAt(SCHEME_AT, text, at);
  if (scheme !== '') {
    const credential = valueSpan(text, at + scheme.length);
    // `Authorization: Bearer ***`: the scheme stays (and a scheme alone, or one already redacted, is left as it is).
    if (AUTH_KEY.test(name)) return credential;
    // Any other key: scheme and credential go together (`token: Bearer abc` → `token: ***`).
    if (credential !== undefined) return { ...credential, from: at };
  }
  return valueSpan(text, at);
}

/** The span of a plain value at `at` (quoted, a clause after `=`, one word after `:`), or undefined if none is left. */
function valueSpan(text: string, at: number): Span | undefined {
  if (text.startsWith(REDACTED, at) && !IS_WORD_CHAR.test(text.charAt(at + REDACTED.length))) return undefined;
  QUOTED.lastIndex = at;
  const quoted = QUOTED.exec(text);
  if (quoted !== null) {
    const [whole, quote = '', inside, closing = ''] = quoted;
    return inside === REDACTED ? undefined : { from: at, to: at + whole.length, replacement: `${quote}${REDACTED}${closing}` };
  }
  // Unquoted, after `=` or `:` alike, the value runs to the end of its clause: a passphrase may hold spaces, and a
  // server that echoes `password: correct horse battery` must not leak the words after the first.
  const value = readAt(CLAUSE, text, at);
  return value === '' ? undefined : { from: at, to: at + value.length, replacement: REDACTED };
}

/** What the sticky `pattern` matches at `at` ('' for nothing). */
function readAt(pattern: RegExp, text: string, at: number): string {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? '';
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - 1;
  // Do not leave half of a surrogate pair before the ellipsis.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
