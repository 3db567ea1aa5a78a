/**
 * One `Guacamole.Tunnel` over a session. The bridge (session-bridge.ts) feeds it the session's instructions, states
 * and faults; the client's messages go out through `session.send`, except the two the SDK already sends: guacd's
 * `nop` keep-alive (the transport's, every 5 s) and a `sync` acknowledgement the connection's codec already sent.
 */
import type { Session } from '../session/session.js';
import { TUNNEL_STATE } from './guacamole-types.js';
import type { GuacamoleStatusLike, GuacamoleTunnelLike } from './guacamole-types.js';
import { callApp } from './report-error.js';
import { SessionStatus } from './status.js';

/** Sync timestamps remembered per connection, waiting for the client's acknowledgement (guacd waits for each). */
const SYNC_MEMORY = 64;
/** Guacamole.Status.Code.CLIENT_BAD_REQUEST. */
const CLIENT_BAD_REQUEST = 0x0300;
/** Guacamole.Status.Code.RESOURCE_CLOSED. */
const RESOURCE_CLOSED = 0x0206;

/** The Guacamole.Tunnel contract, plus what the adapter adds. */
export interface GuacamoleSessionTunnel extends GuacamoleTunnelLike {
  /** The session this tunnel runs over: its events drive the reconnect UI. */
  readonly session: Session;
  /**
   * Client messages that were not sent: the link was down (reconnecting, waiting, closed), the message could not be
   * encoded (over guacd's limits), or this tunnel was replaced by a newer connection's. Input is never queued.
   */
  readonly droppedMessages: number;
}

export class SessionTunnel implements GuacamoleSessionTunnel {
  state: number = TUNNEL_STATE.CLOSED;
  uuid: string | null = null;
  /** Informational, as on Guacamole.Tunnel: the session's `keepAlive` options govern (defaults 15000 / 1500). */
  receiveTimeout = 15_000;
  unstableThreshold = 1_500;
  oninstruction: ((opcode: string, args: string[]) => void) | null = null;
  onstatechange: ((state: number) => void) | null = null;
  onerror: ((status: GuacamoleStatusLike) => void) | null = null;
  onuuid: ((uuid: string) => void) | null = null;
  droppedMessages = 0;

  readonly session: Session;
  #retired = false;
  #opened = false;
  /** The current connection's codec answers `sync` itself: the client's acknowledgements would be second ones. */
  #codecAcks = false;
  /** Sync timestamps received on the current connection and not yet acknowledged, oldest first. */
  readonly #syncs: string[] = [];

  constructor(session: Session) {
    this.session = session;
  }

  /**
   * Starts the session if it has not started (a no-op while it runs). Connection data belongs in the session's `url`
   * (a function for fresh tokens): non-empty `data` is refused with CLIENT_BAD_REQUEST, as is a session that ended.
   */
  connect(data?: string): void {
    if (this.#retired) return;
    if (data !== undefined && data !== null && data !== '') {
      throw new SessionStatus(CLIENT_BAD_REQUEST, "connection data is not sent by this tunnel: put it in the session's url (a function, for fresh tokens)");
    }
    if (this.session.state.connectivity === 'shutdown') {
      throw new SessionStatus(RESOURCE_CLOSED, `the session is ${this.session.state.state}; a closed or failed session never reopens: create a new one`);
    }
    this.session.connect();
  }

  /** Ends the session politely (Guacamole.Client sends its `disconnect` instruction first). A replaced tunnel does nothing. */
  disconnect(): void {
    if (!this.#retired) this.session.disconnect();
  }

  sendMessage(...elements: unknown[]): void {
    const opcode = elements[0];
    // guacd's keep-alive is the transport's (a nop every 5 s, on the session's clock): the client's would double it.
    if (opcode === 'nop' && !this.#retired) return;
    if (this.#retired || (opcode === 'sync' && !this.#takeSync(elements[1]))) {
      this.droppedMessages += 1;
      return;
    }
    try {
      if (!this.session.send(elements)) this.droppedMessages += 1;
    } catch {
      // Over guacd's limits, or not an instruction: nothing was sent, and nothing throws into the client.
      this.droppedMessages += 1;
    }
  }

  isConnected(): boolean {
    return this.state === TUNNEL_STATE.OPEN || this.state === TUNNEL_STATE.UNSTABLE;
  }

  setState(state: number): void {
    if (state === this.state) return;
    this.state = state;
    if (state === TUNNEL_STATE.OPEN) this.#opened = true;
    callApp(this, this.onstatechange, state);
  }

  setUUID(uuid: string): void {
    this.uuid = uuid;
    callApp(this, this.onuuid, uuid);
  }

  /** @internal Has this tunnel been OPEN (a retry after that is UNSTABLE, before it CONNECTING). */
  get opened(): boolean {
    return this.#opened;
  }

  /** @internal A new connection: its tunnel id, and whether its codec acknowledges `sync` itself. */
  bind(tunnelId: string | null, codecAcks: boolean): void {
    this.#codecAcks = codecAcks;
    this.#syncs.length = 0;
    if (tunnelId !== null) this.setUUID(tunnelId);
  }

  /** @internal One instruction of the current connection, for the client. */
  deliver(opcode: string, args: string[]): void {
    if (this.#retired) return;
    if (opcode === 'sync' && !this.#codecAcks && args[0] !== undefined) {
      this.#syncs.push(args[0]);
      if (this.#syncs.length > SYNC_MEMORY) this.#syncs.shift();
    }
    callApp(this, this.oninstruction, opcode, args);
  }

  /** @internal A fault the app should see. */
  fail(status: GuacamoleStatusLike): void {
    if (!this.#retired) callApp(this, this.onerror, status);
  }

  /**
   * @internal A newer connection has its own tunnel and client: this one is CLOSED without telling its handlers (the
   * app learnt of the new client already) and drops whatever its client still sends (late acknowledgements, input).
   */
  retire(): void {
    this.#retired = true;
    this.#syncs.length = 0;
    this.state = TUNNEL_STATE.CLOSED;
    this.oninstruction = null;
    this.onstatechange = null;
    this.onerror = null;
    this.onuuid = null;
  }

  /** A client acknowledgement goes out once per sync this connection received, and never when the codec acked it. */
  #takeSync(timestamp: unknown): boolean {
    if (this.#codecAcks) return false;
    const index = this.#syncs.indexOf(String(timestamp));
    if (index === -1) return false;
    this.#syncs.splice(0, index + 1);
    return true;
  }
}
