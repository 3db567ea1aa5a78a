// session-lifecycle: the life of a remote-desktop session, Connect → Handshake → Stream → KeepAlive,
// with every close and status code mapped to a typed transition and a retry decision.

// Sessions
export { createSession, Session } from './session/index.js';
export type {
  SessionOptions,
  SessionClock,
  ReauthenticateUpdate,
  SessionEventMap,
  SessionEventName,
  FaultEvent,
  ReconnectingEvent,
  ClosedEvent,
  FailedEvent,
} from './session/index.js';
export type { SessionProjection, Connectivity, FailureReason, Profile, UrlSource } from '../machines/index.js';

// Codes: classify, look up, browse
export { classify, lookup, lookupAll, createClassifier } from './classify/index.js';
export type { Classifier, ClassifierCatalogs, ClassifySignal, ClassifyOptions, CloseSignal, StatusSignal, HttpSignal, ErrnoSignal } from './classify/index.js';
export { catalogs, parseRetryAfter, tmgResultSpace } from './codes/index.js';
export { PROTOCOLS, GATEWAYS, TRANSPORT_SPACES, CODE_SPACES, PHASES, OUTCOMES, NON_RETRYABLE_OUTCOMES, CATEGORIES, SEVERITIES } from './codes/index.js';
export type {
  ProtocolId,
  GatewayId,
  TransportSpace,
  CodeSpace,
  Phase,
  Outcome,
  Category,
  Severity,
  CodeValue,
  EntryDetails,
  CodeEntry,
  CodeRange,
  Catalog,
  CodeRef,
  Classification,
} from './codes/types.js';

// Retry policies
export {
  createRetryPolicy,
  resolveRetryOptions,
  isRetryPolicy,
  DEFAULT_RETRY,
  DECORRELATED_RETRY,
  EXPONENTIAL_RETRY,
  exponentialBackoff,
  fixedSchedule,
  withLimits,
  withCauseFloor,
  createRetryBudget,
  withBudget,
  guardOutcome,
} from './policy/index.js';
export type { RetryContext, RetryPolicy, JitterMode, RetryBudget, RetryOptions, ResolvedRetryOptions } from './policy/index.js';

// Errors
export { SessionError, SESSION_ERROR_CODES, isSessionError } from './errors/index.js';
export type { SessionErrorCode } from './errors/index.js';

// Redaction helpers (what the SDK uses before anything reaches events, logs or traces)
export { redactUrl, redactText } from './errors/redact.js';
