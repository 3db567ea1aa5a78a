/**
 * The SDK's one error hierarchy. Every error has a literal `name`, a stable `code`
 * (listed in docs/errors.md) and, where it helps, the offending value.
 */

export const SESSION_ERROR_CODES = {
  /** A code, signal or log value that cannot be a code in any space. */
  SESSION_ERR_INVALID_CODE: 'SESSION_ERR_INVALID_CODE',
  /** A protocol, gateway or code space the SDK does not know. */
  SESSION_ERR_UNKNOWN_PROTOCOL: 'SESSION_ERR_UNKNOWN_PROTOCOL',
  /** An option with a value outside what is accepted. */
  SESSION_ERR_INVALID_OPTION: 'SESSION_ERR_INVALID_OPTION',
  /** A protocol frame that breaks the wire format. */
  SESSION_ERR_PROTOCOL: 'SESSION_ERR_PROTOCOL',
  /** A method called in a state where it cannot work (send while not ready, ...). */
  SESSION_ERR_INVALID_STATE: 'SESSION_ERR_INVALID_STATE',
  /** A fault script (testing kit) with a bad step. */
  SESSION_ERR_INVALID_SCRIPT: 'SESSION_ERR_INVALID_SCRIPT',
  /** An optional peer dependency a feature needs is not installed (`ws` for the fault server and the demo). */
  SESSION_ERR_MISSING_PEER: 'SESSION_ERR_MISSING_PEER',
} as const;

export type SessionErrorCode = keyof typeof SESSION_ERROR_CODES;

export interface SessionErrorOptions {
  readonly cause?: unknown;
  /** The offending value, already made safe to print (see `describeValue`). */
  readonly value?: string;
  /** The option, argument or field at fault. */
  readonly field?: string;
}

/**
 * A registry symbol marks every SessionError, so `isSessionError` recognises one made by another copy
 * of this package in the same process (the ESM and CJS builds loaded side by side each have their
 * own class, and `instanceof` fails across them).
 */
const SESSION_ERROR_BRAND = Symbol.for('session-lifecycle.SessionError');

export class SessionError extends Error {
  override readonly name = 'SessionError' as const;
  readonly code: SessionErrorCode;
  readonly value: string | undefined;
  readonly field: string | undefined;

  constructor(code: SessionErrorCode, message: string, options: SessionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.value = options.value;
    this.field = options.field;
    Object.defineProperty(this, SESSION_ERROR_BRAND, { value: true });
  }
}

export function isSessionError(value: unknown, code?: SessionErrorCode): value is SessionError {
  const branded = value instanceof SessionError
    || (typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SESSION_ERROR_BRAND] === true);
  return branded && (code === undefined || (value as SessionError).code === code);
}

const MAX_SHOWN = 60;

/**
 * A short, safe rendering of any value for an error message: bounded length,
 * no control characters, never throws (hostile getters, proxies, cycles).
 */
export function describeValue(value: unknown): string {
  try {
    let text: string;
    if (typeof value === 'string') text = JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'undefined') text = String(value);
    else if (typeof value === 'bigint') text = `${value}n`;
    else if (typeof value === 'symbol') text = 'a symbol';
    else if (typeof value === 'function') text = 'a function';
    else if (value === null) text = 'null';
    else if (Array.isArray(value)) text = `an array of ${value.length}`;
    else {
      const keys = Object.keys(value as object).slice(0, 5);
      text = keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
    }
    if (typeof value === 'string' && value.length > MAX_SHOWN) text += ` (${value.length} chars)`;
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]/g, '?');
  } catch {
    return 'an unreadable value';
  }
}

/** SESSION_ERR_INVALID_OPTION for `field`, with the offending value made safe to print. */
export function invalidOption(field: string, message: string, value: unknown): SessionError {
  return new SessionError('SESSION_ERR_INVALID_OPTION', message, { field, value: describeValue(value) });
}

/** SESSION_ERR_INVALID_OPTION worded as "`field` must be `accepted` (got `value`)". */
export function optionMustBe(field: string, value: unknown, accepted: string): SessionError {
  return invalidOption(field, `${field} must be ${accepted} (got ${describeValue(value)})`, value);
}
