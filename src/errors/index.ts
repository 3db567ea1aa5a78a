export { SessionError, SESSION_ERROR_CODES, isSessionError, describeValue } from './session-error.js';
export type { SessionErrorCode, SessionErrorOptions } from './session-error.js';
