/**
 * Listens to a session once and drives the current SessionTunnel: each connection's instructions (a new codec in the
 * session's context marks a new connection), the tunnel state (tunnel-state.ts), and the faults the app should see
 * as `onerror`. It lets go of the session when the session ends, so nothing outlives it.
 */
import type { Classification } from '../codes/types.js';
import type { Session } from '../session/session.js';
import type { SessionEventMap } from '../session/events.js';
import type { SessionProjection } from '../../machines/project.js';
import type { WireCodec } from '../../machines/wire.js';
import type { SessionTunnel } from './session-tunnel.js';
import { SessionStatus } from './status.js';
import { tunnelStateFor } from './tunnel-state.js';

/**
 * Chooses the tunnel for a new connection, first seen through `trigger` (its tunnel step, or its first instruction):
 * the current one, a fresh one with a fresh client (attach-client.ts), or null to wait for the first instruction.
 */
export type TunnelForConnection = (current: SessionTunnel, trigger: 'state' | 'message') => SessionTunnel | null;

interface GuacamoleCodecView {
  readonly tunnelId?: string | null;
  readonly acksSync?: boolean;
}

export class SessionBridge {
  #tunnel: SessionTunnel;
  #codec: WireCodec | null = null;
  #unstable = false;
  #stopped = false;
  readonly #session: Session;
  readonly #tunnelFor: TunnelForConnection;
  readonly #listeners: { [K in keyof SessionEventMap]?: (...args: SessionEventMap[K]) => void } = {
    message: (data) => this.#message(data),
    state: (projection) => this.#refresh(projection),
    unstable: () => {
      this.#unstable = true;
      this.#refresh(this.#session.state);
    },
    stable: () => {
      this.#unstable = false;
      this.#refresh(this.#session.state);
    },
    'needs-auth': ({ cause }) => this.#fail(cause),
    'needs-decision': ({ cause }) => this.#fail(cause),
    failed: ({ final }) => this.#fail(final),
    // A goodbye after the display started has no cause (SUCCESS: no onerror, as Guacamole's tunnels do); an ended
    // outcome with a status of its own (a session timeout) is shown.
    closed: ({ by, cause }) => {
      if (by === 'peer' && cause !== null && cause.outcome !== 'ok') this.#fail(cause);
    },
  };

  constructor(session: Session, tunnel: SessionTunnel, tunnelFor: TunnelForConnection) {
    this.#session = session;
    this.#tunnel = tunnel;
    this.#tunnelFor = tunnelFor;
    for (const [name, listener] of Object.entries(this.#listeners)) session.on(name as keyof SessionEventMap, listener as never);
    tunnel.setState(tunnelStateFor({ connectivity: session.state.connectivity, unstable: false, opened: false }));
    if (session.state.connectivity === 'shutdown') this.stop();
  }

  get tunnel(): SessionTunnel {
    return this.#tunnel;
  }

  /** Lets go of the session (done by itself when the session ends). */
  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const [name, listener] of Object.entries(this.#listeners)) this.#session.off(name as keyof SessionEventMap, listener as never);
  }

  #message(data: unknown): void {
    if (!isInstruction(data)) return;
    this.#notice('message');
    this.#tunnel.deliver(data.opcode, data.args as string[]);
  }

  /**
   * A connection the tunnel has not met yet (a fresh codec in the session's context): once its tunnel instruction has
   * come (state) or its first instruction (message), bind it to a tunnel with its UUID and who acknowledges sync.
   */
  #notice(trigger: 'state' | 'message'): void {
    const codec = this.#session.actor.getSnapshot().context.connection?.codec ?? null;
    if (codec === null || codec === this.#codec) return;
    const view = codec as GuacamoleCodecView;
    const tunnelId = typeof view.tunnelId === 'string' ? view.tunnelId : null;
    if (trigger === 'state' && tunnelId === null) return;
    const tunnel = this.#tunnelFor(this.#tunnel, trigger);
    if (tunnel === null) return;
    this.#codec = codec;
    this.#tunnel = tunnel;
    tunnel.bind(tunnelId, view.acksSync === true);
    if (trigger === 'message') this.#refresh(this.#session.state);
  }

  #refresh(projection: SessionProjection): void {
    this.#notice('state');
    if (projection.connectivity !== 'ready') this.#unstable = false;
    this.#tunnel.setState(tunnelStateFor({ connectivity: projection.connectivity, unstable: this.#unstable, opened: this.#tunnel.opened }));
    if (projection.connectivity === 'shutdown') this.stop();
  }

  #fail(cause: Classification): void {
    this.#tunnel.fail(SessionStatus.from(cause));
  }
}

function isInstruction(data: unknown): data is { opcode: string; args: readonly string[] } {
  return typeof data === 'object' && data !== null && typeof (data as { opcode?: unknown }).opcode === 'string'
    && Array.isArray((data as { args?: unknown }).args);
}
