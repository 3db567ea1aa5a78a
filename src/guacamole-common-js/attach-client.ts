/**
 * `attachGuacamoleClient(session, { createClient, onclient })`: a fresh Guacamole.Client, on a fresh tunnel, for every
 * connection the session makes. guacamole-common-js 1.5 has no way to reset a client: layers, buffers, the cursor,
 * open streams and pending frames of the old connection would stay on its display. So the first instruction of a new
 * connection retires the old tunnel (what its client still sends is dropped) and goes to a new client, handed to the
 * app by `onclient` to put in the page.
 */
import type { Session } from '../session/session.js';
import type { GuacamoleClientLike } from './guacamole-types.js';
import { callApp, reportAppError } from './report-error.js';
import { SessionBridge } from './session-bridge.js';
import { SessionTunnel } from './session-tunnel.js';
import type { GuacamoleSessionTunnel } from './session-tunnel.js';
import { checkedSession } from './create-tunnel.js';

export interface AttachGuacamoleClientOptions<C extends GuacamoleClientLike> {
  /** Makes the client for a tunnel: `(tunnel) => new Guacamole.Client(tunnel)`. Set the client's handlers here. */
  readonly createClient: (tunnel: GuacamoleSessionTunnel) => C;
  /** A new connection's client replaced `previous` (null for the first): put its display in the page. */
  readonly onclient?: (client: C, previous: C | null) => void;
}

export interface GuacamoleClientAttachment<C extends GuacamoleClientLike> {
  /** The current connection's client. */
  readonly client: C;
  /** The current connection's tunnel. */
  readonly tunnel: GuacamoleSessionTunnel;
  /** `client.connect()`: starts the session. */
  connect(): void;
  /** Ends the session politely (the client's `disconnect()`, which sends guacd its `disconnect` first). */
  disconnect(): void;
}

export function attachGuacamoleClient<C extends GuacamoleClientLike>(
  session: Session,
  options: AttachGuacamoleClientOptions<C>,
): GuacamoleClientAttachment<C> {
  checkedSession(session);
  const { createClient, onclient } = options;
  const first = new SessionTunnel(session);
  let client = createClient(first);
  let bound = false;

  const bridge = new SessionBridge(session, first, (current, trigger) => {
    // The first connection keeps the first client; each later one gets its own with its first instruction, so the old
    // display stays (frozen, under the app's banner) through attempts that draw nothing.
    if (!bound) {
      bound = true;
      return current;
    }
    if (trigger === 'state') return null;
    const tunnel = new SessionTunnel(session);
    let next: C;
    try {
      next = createClient(tunnel);
      next.connect('');
    } catch (error) {
      reportAppError(error);
      return current;
    }
    current.retire();
    const previous = client;
    client = next;
    callApp(undefined, onclient, next, previous);
    return tunnel;
  });
  callApp(undefined, onclient, client, null);

  return {
    get client() {
      return client;
    },
    get tunnel() {
      return bridge.tunnel;
    },
    connect: () => client.connect(''),
    disconnect: () => {
      if (typeof client.disconnect === 'function') client.disconnect();
      session.disconnect();
    },
  };
}
