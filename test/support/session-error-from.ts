/**
 * The one way unit tests take the SessionError a call throws, so each test can go on to
 * check its message, value or field.
 */
import { SessionError, describeValue } from '../../src/errors/index.js';
import type { SessionErrorCode } from '../../src/errors/index.js';

/** "a SessionError" or "a SessionError SESSION_ERR_…": what the caller expects. */
function expected(code: SessionErrorCode | undefined): string {
  return code === undefined ? 'a SessionError' : `a SessionError ${code}`;
}

/** A thrown value made safe to print: an Error by name and whole message, anything else as `describeValue` renders it. */
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return describeValue(error);
  try {
    return `${String(error.name)}: ${JSON.stringify(String(error.message))}`;
  } catch {
    return 'an unreadable Error';
  }
}

/**
 * Runs `run` and returns the SessionError it throws. Fails the test when `run` throws anything
 * else, throws a SessionError with another code than `code` (when given), or throws nothing.
 */
export function sessionErrorFrom(run: () => unknown, code?: SessionErrorCode): SessionError {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof SessionError)) {
      throw new Error(`expected ${expected(code)}, got ${describeThrown(error)}`, { cause: error });
    }
    if (code !== undefined && error.code !== code) {
      throw new Error(`expected ${expected(code)}, got ${error.code}: ${JSON.stringify(error.message)}`, { cause: error });
    }
    return error;
  }
  const returned = result instanceof Promise ? 'a promise: await it and check its rejection instead' : describeValue(result);
  throw new Error(`expected ${expected(code)}, nothing was thrown (returned ${returned})`);
}
