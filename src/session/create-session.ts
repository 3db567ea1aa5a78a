/**
 * `createSession()` from the main entry: accepts a protocol id or a Profile, and `gateway: 'tmg'`. Resolving
 * ids reaches every profile, so a bundle built on this carries every catalog; for one protocol's catalog only,
 * import `createSession` from 'session-lifecycle/session' and pass a Profile object.
 */
import { withTmgGateway } from '../../machines/tmg/gateway.js';
import { validateSessionOptions } from './options.js';
import type { SessionOptions } from './options.js';
import { resolveProfile } from './profiles.js';
import { Session } from './session.js';

/** Creates a session; nothing connects until `connect()`. Options are validated here (SessionError). */
export function createSession(options: SessionOptions): Session {
  validateSessionOptions(options);
  const base = resolveProfile(options.protocol);
  return new Session(options, options.gateway === 'tmg' ? withTmgGateway(base) : base);
}
