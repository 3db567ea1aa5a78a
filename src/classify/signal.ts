/**
 * The raw forms `classify` accepts, and their decoding into a small, catalog-free shape.
 * Decoding never consults a catalog: it only decides which form an input is and whether it is
 * well formed. Which space a decoded code lands in is the classifier's job.
 */
import { SessionError, describeValue } from '../errors/index.js';
import { REDACT_DEFAULTS, redactText } from '../errors/redact.js';
import type { CodeRef, GatewayId } from '../codes/types.js';

/** A WebSocket close event (DOM `CloseEvent`, `ws`'s, or a plain object of that shape). */
export interface CloseSignal {
  readonly code: number;
  readonly reason?: string;
  readonly wasClean?: boolean;
  readonly type?: string;
}

/** A status reported by a protocol (`error` instruction, envelope status, app callback). */
export interface StatusSignal {
  readonly code: number | string;
  readonly message?: string;
}

/**
 * An HTTP answer to the upgrade request (or a fetch `Response`). In the guacamole space a
 * `Guacamole-Status-Code` header naming a known status wins over the bare HTTP status (kept in `via`).
 */
export interface HttpSignal {
  readonly status: number;
  readonly retryAfter?: string | number;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>> | { get(name: string): string | null };
}

/** A Node error (`err.code === 'ECONNREFUSED'`), or an Error whose `cause` carries one. */
export interface ErrnoSignal {
  readonly code: string;
  readonly message?: string;
}

/** Everything `classify` and `session.report` accept. */
export type ClassifySignal = number | string | CodeRef | CloseSignal | StatusSignal | HttpSignal | ErrnoSignal | Error;

export interface ClassifyOptions {
  /** A gateway in front of the protocol: numbers the protocol lacks are read as the gateway's. */
  readonly gateway?: GatewayId;
  /** Clock for HTTP-date `Retry-After` values (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * A code as written, before any space is chosen. The vendor documents print some codes with more than the
 * number; those extras are kept so the classifier can check them against the catalog:
 * `label` is a name printed with the number ("519 (UPSTREAM_NOT_FOUND)", "Error Code 10 OtherClientConnected"),
 * `also` a second number printed with it (TMG's pair "12204/ 12304", Softdrive's range "1001–1004"),
 * `or` a second name of the same code (TMG's "WSA_RWS_TIMEOUT or FWX_E_TIMEOUT").
 */
export type ParsedCode =
  | { readonly kind: 'number'; readonly value: number; readonly label?: string; readonly also?: number }
  | { readonly kind: 'text'; readonly text: string; readonly or?: string };

export type DecodedSignal =
  | { readonly kind: 'code'; readonly code: ParsedCode; readonly message: string | undefined }
  | { readonly kind: 'ref'; readonly space: string; readonly code: ParsedCode }
  | { readonly kind: 'close'; readonly code: number; readonly reason: string | undefined; readonly message: string | undefined }
  | {
      readonly kind: 'http';
      readonly status: number;
      readonly retryAfter: string | number | undefined;
      /** A decimal `Guacamole-Status-Code` header (Guacamole's HTTP tunnel and REST API); garbage is dropped. */
      readonly guacamoleStatus: number | undefined;
    }
  | { readonly kind: 'errno'; readonly code: string; readonly message: string | undefined };

export const SIGNAL_LIMITS = {
  /** Longest code string accepted (before trimming). */
  maxTextLength: 256,
  /** Smallest number accepted: a signed 32-bit HRESULT as logs print it. */
  minNumber: -(2 ** 31),
  /** Largest number accepted: an unsigned 32-bit HRESULT. */
  maxNumber: 2 ** 32 - 1,
  /** Longest free text (close reason, error message) kept in a Classification. */
  maxMessageLength: 200,
} as const;

const ACCEPTED =
  'a code number (integer −2^31…2^32−1), a code string ("519", "0x0207", "-1073479657", "Error Code 04", "519 (UPSTREAM_NOT_FOUND)", ' +
  '"Error Code 10 OtherClientConnected", "12204/ 12304", a symbolic name the space knows, "NAME or ALIAS"), ' +
  'a { space, code } reference, a close event { code, reason }, a status { code, message }, an HTTP { status } or an error with a string code';

/**
 * An input made safe to echo in an error message: a string is redacted first (URLs, `token=…` pairs),
 * then `describeValue` bounds it; other values are described by shape, never by content.
 */
export function describeInput(input: unknown): string {
  return describeValue(typeof input === 'string' ? redactText(input, REDACT_DEFAULTS.maxInputLength) : input);
}

export function invalidCode(input: unknown, why: string): SessionError {
  const value = describeInput(input);
  return new SessionError('SESSION_ERR_INVALID_CODE', `Cannot classify ${value}: ${why}. Accepted: ${ACCEPTED}.`, { value });
}

const NEGATIVE = /^-0*\d{1,10}$/;
const NUMBER = String.raw`(0x0*[0-9a-f]{1,8}|0*\d{1,10})`;
/**
 * A number as the vendor documents print it: an optional label ("Error Code", "Error", "Code", "Exit Code"),
 * the number (decimal or 0x hex), an optional second number after "/" or a dash, and an optional name, in
 * parentheses or after it (with or without a space: Softdrive's cells run together, "Error Code 01TLSHandshakeFailed").
 */
const PRINTED = new RegExp(
  String.raw`^(?:(?:(?:error|exit|result|status)\s+)?code|error)?\s*[:#]?\s*${NUMBER}` +
    String.raw`(?:\s*(?:/|[-–—])\s*${NUMBER})?` +
    String.raw`(?:\s*\(\s*([^()]{1,100}?)\s*\)|\s*([A-Za-z][A-Za-z0-9 _.'-]{0,99}))?$`,
  'i',
);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NAME_OR_NAME = /^([A-Za-z_][A-Za-z0-9_]*)\s+or\s+([A-Za-z_][A-Za-z0-9_]*)$/;
const WORDS = /^[A-Za-z][A-Za-z0-9 _.,'()/-]*$/;
// A table cell copied with its separator ("0 |", "12204/ 12304 |" in the TMG seed).
const CELL_BAR = /\s*\|$/;

/** Parses a code string; `undefined` when it is no code form at all. */
export function parseCodeText(raw: string): ParsedCode | undefined {
  if (raw.length > SIGNAL_LIMITS.maxTextLength) return undefined;
  const text = raw.trim().replace(CELL_BAR, '');
  if (text === '') return undefined;
  if (NEGATIVE.test(text)) return numberCode(text);
  const printed = PRINTED.exec(text);
  if (printed?.[1] !== undefined) return printedCode(printed[1], printed[2], (printed[3] ?? printed[4])?.trim());
  if (NAME.test(text)) return { kind: 'text', text };
  const pair = NAME_OR_NAME.exec(text);
  if (pair?.[1] !== undefined && pair[2] !== undefined) return { kind: 'text', text: pair[1], or: pair[2] };
  if (WORDS.test(text)) return { kind: 'text', text };
  return undefined;
}

function numberCode(written: string): ParsedCode | undefined {
  const value = /^0x/i.test(written) ? Number.parseInt(written.slice(2), 16) : Number(written);
  return value >= SIGNAL_LIMITS.minNumber && value <= SIGNAL_LIMITS.maxNumber ? { kind: 'number', value: value === 0 ? 0 : value } : undefined;
}

function printedCode(first: string, second: string | undefined, label: string | undefined): ParsedCode | undefined {
  const code = numberCode(first);
  const also = second === undefined ? undefined : numberCode(second);
  if (code?.kind !== 'number' || (second !== undefined && also?.kind !== 'number')) return undefined;
  return {
    ...code,
    ...(also?.kind === 'number' ? { also: also.value } : {}),
    ...(label === undefined || label === '' ? {} : { label }),
  };
}

/** Whether a number is a code value at all (range and integrality; sign rules are per space). */
export function isCodeNumber(value: number): boolean {
  return Number.isInteger(value) && value >= SIGNAL_LIMITS.minNumber && value <= SIGNAL_LIMITS.maxNumber;
}

/**
 * The Guacamole status a close without a numeric reason stands for, as guacamole-common-js's
 * WebSocketTunnel derives it (Status.Code.fromWebSocketCode): normal closure → SUCCESS;
 * abnormal closure, TLS failure or no code → UPSTREAM_NOT_FOUND; going away, restart, try again
 * later, bad gateway → UPSTREAM_UNAVAILABLE; anything else → SERVER_ERROR. Except 1008 (policy),
 * which the classifier reads as POLICY_CLOSE_WITHOUT_STATUS (src/codes/guacamole-close.ts), not as a
 * SERVER_ERROR to retry: the Java tunnel sends 1008 only for statuses that are no plain retry.
 */
export function guacamoleStatusForClose(closeCode: number): number {
  switch (closeCode) {
    case 1000:
      return 0;
    case 0:
    case 1006:
    case 1015:
      return 519;
    case 1001:
    case 1012:
    case 1013:
    case 1014:
      return 520;
    default:
      return 512;
  }
}

const URL_SHAPED = /\b[a-z][a-z0-9+.-]*:\/\/\S*|\bwww\.[^\s/]+\S*/gi;

/** Free text made safe to keep: URLs removed, control characters gone, at most 200 chars. */
export function redactMessage(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const bounded = text.length > 8192 ? text.slice(0, 8192) : text;
  const cleaned = redactText(bounded.replace(URL_SHAPED, '[url]'), SIGNAL_LIMITS.maxMessageLength).trim();
  return cleaned === '' ? undefined : cleaned;
}

/** Decodes any input into one of the accepted forms, or throws SESSION_ERR_INVALID_CODE. */
export function decodeSignal(input: unknown): DecodedSignal {
  if (typeof input === 'number') {
    if (!isCodeNumber(input)) throw invalidCode(input, 'a code number is an integer from −2^31 to 2^32−1');
    return { kind: 'code', code: { kind: 'number', value: input === 0 ? 0 : input }, message: undefined };
  }
  if (typeof input === 'string') return { kind: 'code', code: parseText(input, input), message: undefined };
  if (typeof input !== 'object' || input === null) throw invalidCode(input, 'it is not a code, a string or a signal object');
  try {
    return decodeObject(input);
  } catch (error) {
    if (error instanceof SessionError) throw error;
    throw invalidCode(input, 'reading it threw');
  }
}

function parseText(text: string, input: unknown): ParsedCode {
  const parsed = parseCodeText(text);
  if (parsed === undefined) throw invalidCode(input, 'the string is no code form');
  return parsed;
}

function parseCodeField(code: unknown, input: unknown): ParsedCode {
  if (typeof code === 'string') return parseText(code, input);
  if (typeof code === 'number' && isCodeNumber(code)) return { kind: 'number', value: code === 0 ? 0 : code };
  throw invalidCode(input, '`code` must be an integer code or a code string');
}

const ERRNO_CODE = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

function decodeObject(input: object): DecodedSignal {
  if (Array.isArray(input)) throw invalidCode(input, 'an array is not a signal');
  const o = input as Record<string, unknown>;
  const { code, status } = o;
  if (typeof o['space'] === 'string' && 'code' in o) return { kind: 'ref', space: o['space'], code: parseCodeField(code, input) };
  if (typeof status === 'number') {
    if (!Number.isInteger(status) || status < 100 || status > 999) throw invalidCode(input, 'an HTTP status is an integer from 100 to 999');
    return { kind: 'http', status, retryAfter: readRetryAfter(o), guacamoleStatus: readGuacamoleStatus(o) };
  }
  if (typeof code === 'number' && ('reason' in o || 'wasClean' in o || o['type'] === 'close')) {
    if (!isCodeNumber(code) || code < 0) throw invalidCode(input, 'a close code is a non-negative integer');
    const reason = typeof o['reason'] === 'string' ? o['reason'] : undefined;
    return { kind: 'close', code: code === 0 ? 0 : code, reason, message: redactMessage(reason) };
  }
  const isError = input instanceof Error;
  if (isError && typeof code === 'string') return errno(code, o['message'], input);
  if (typeof code === 'string' || typeof code === 'number') {
    return { kind: 'code', code: parseCodeField(code, input), message: redactMessage(o['message']) };
  }
  if (isError && code === undefined) {
    const cause = o['cause'];
    if (typeof cause === 'object' && cause !== null) {
      const causeCode = (cause as Record<string, unknown>)['code'];
      if (typeof causeCode === 'string') return errno(causeCode, (cause as Record<string, unknown>)['message'] ?? o['message'], input);
    }
    throw invalidCode(input, 'an error without a string `code` (nor a `cause` with one)');
  }
  throw invalidCode(input, 'the object has none of the accepted shapes');
}

function errno(code: string, message: unknown, input: unknown): DecodedSignal {
  const trimmed = code.trim();
  if (!ERRNO_CODE.test(trimmed)) throw invalidCode(input, 'an error code is a short identifier such as ECONNREFUSED');
  return { kind: 'errno', code: trimmed, message: redactMessage(message) };
}

function readRetryAfter(o: Record<string, unknown>): string | number | undefined {
  const direct = o['retryAfter'];
  if (typeof direct === 'string' || typeof direct === 'number') return direct;
  return readHeader(o['headers'], 'retry-after');
}

const GUACAMOLE_STATUS = /^\s*(\d{1,10})\s*$/;

/** The `Guacamole-Status-Code` header as a number; absent, garbage or unreadable → `undefined` (the HTTP status stands). */
function readGuacamoleStatus(o: Record<string, unknown>): number | undefined {
  let value: string | undefined;
  try {
    value = readHeader(o['headers'], 'guacamole-status-code');
  } catch {
    return undefined;
  }
  const digits = value === undefined ? undefined : GUACAMOLE_STATUS.exec(value)?.[1];
  return digits === undefined || Number(digits) > SIGNAL_LIMITS.maxNumber ? undefined : Number(digits);
}

/** A header from a plain record (case-insensitive keys, string or string[] values) or a fetch-style `{ get(name) }`. */
function readHeader(headers: unknown, lowerName: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === 'function') {
    const value: unknown = get.call(headers, lowerName);
    return typeof value === 'string' ? value : undefined;
  }
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lowerName) continue;
    const value: unknown = (headers as Record<string, unknown>)[key];
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  return undefined;
}
