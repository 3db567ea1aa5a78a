/**
 * `createGuacamoleTunnel(session)`: one Guacamole.Tunnel for the session's whole life, for
 * `new Guacamole.Client(createGuacamoleTunnel(session))`. Every connection's instructions reach the one client; a
 * client reused across connections may keep what the old connection drew (see attachGuacamoleClient for a fresh
 * client per connection, and docs/guacamole-common-js.md).
 */
import { SessionError } from '../errors/index.js';
import type { Session } from '../session/session.js';
import { SessionBridge } from './session-bridge.js';
import { SessionTunnel } from './session-tunnel.js';
import type { GuacamoleSessionTunnel } from './session-tunnel.js';

export function createGuacamoleTunnel(session: Session): GuacamoleSessionTunnel {
  return new SessionBridge(checkedSession(session), new SessionTunnel(session), (current) => current).tunnel;
}

/** @internal Refuses anything but a Guacamole session, with a message that says what is accepted. */
export function checkedSession(session: Session): Session {
  const protocol = (session as { protocol?: unknown } | null)?.protocol;
  if (protocol !== 'guacamole') {
    throw new SessionError(
      'SESSION_ERR_INVALID_OPTION',
      `a Guacamole tunnel needs a Guacamole session: createSession({ protocol: guacamoleCommonJsProfile, url }) (got protocol ${String(protocol)})`,
      { field: 'session', value: String(protocol) },
    );
  }
  return session;
}
