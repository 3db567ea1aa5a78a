export { createSession } from './create-session.js';
export { Session } from './session.js';
export type { ReauthenticateUpdate } from './session.js';
export { validateSessionOptions, SESSION_OPTION_NAMES } from './options.js';
export type { SessionOptions, SessionClock } from './options.js';
export type { SessionEventMap, SessionEventName, FaultEvent, ReconnectingEvent, ClosedEvent, FailedEvent } from './events.js';
