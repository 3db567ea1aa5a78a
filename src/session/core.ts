/**
 * `session-lifecycle/session`: `createSession` for a Profile object only. Nothing here reaches another
 * protocol's catalog, so `createSession({ protocol: guacamoleProfile, … })` bundles Guacamole's codes alone.
 * Stack a gateway on the profile itself: `withTmgGateway(guacamoleProfile)` from 'session-lifecycle/machines/tmg'.
 */
import { SessionError, describeValue } from '../errors/index.js';
import type { Profile } from '../../machines/profile.js';
import { validateSessionOptions } from './options.js';
import type { SessionOptions } from './options.js';
import { isProfile } from './is-profile.js';
import { Session } from './session.js';

export interface ProfileSessionOptions extends Omit<SessionOptions, 'protocol' | 'gateway'> {
  readonly protocol: Profile;
}

export function createSession(options: ProfileSessionOptions): Session {
  validateSessionOptions(options);
  const record = options as unknown as Record<string, unknown>;
  if (!isProfile(record.protocol)) {
    throw new SessionError(
      'SESSION_ERR_UNKNOWN_PROTOCOL',
      `protocol must be a Profile object here, such as guacamoleProfile from 'session-lifecycle/machines/guacamole' (got ${describeValue(record.protocol)}); protocol ids are accepted by createSession from 'session-lifecycle'`,
      { field: 'protocol', value: describeValue(record.protocol) },
    );
  }
  if (record.gateway !== undefined) {
    throw new SessionError(
      'SESSION_ERR_INVALID_OPTION',
      "gateway is not an option here: stack it on the profile, protocol: withTmgGateway(profile) from 'session-lifecycle/machines/tmg'",
      { field: 'gateway', value: describeValue(record.gateway) },
    );
  }
  return new Session(options, options.protocol);
}

export { Session } from './session.js';
export type { ReauthenticateUpdate } from './session.js';
export type { SessionOptions, SessionClock } from './options.js';
export type { SessionEventMap, SessionEventName, FaultEvent, ReconnectingEvent, ClosedEvent, FailedEvent } from './events.js';
export type { SessionProjection } from '../../machines/project.js';
