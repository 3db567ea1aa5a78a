export { SessionError, SESSION_ERROR_CODES, isSessionError, describeValue, invalidOption, optionMustBe } from './session-error.js';
export type { SessionErrorCode, SessionErrorOptions } from './session-error.js';
