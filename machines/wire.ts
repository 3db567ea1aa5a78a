/**
 * The contract between a profile's wire codec, the transport actor and the lifecycle machine.
 *
 * Hot path: application data never goes through `actor.send`. The transport decodes each frame with the
 * profile's codec, hands data straight to `link.onData`, and records `link.lastDataAt`; keep-alive reads that
 * timestamp against the injected clock. Only control signals (handshake steps, status codes, a peer's goodbye,
 * malformed frames) become machine events.
 */
import type { CodeValue } from '../src/codes/types.js';
import type { SessionError } from '../src/errors/index.js';

/** What one incoming frame means to the lifecycle. */
export type WireSignal =
  /** Application payload (a Guacamole instruction, a binary frame, an envelope's data). */
  | { readonly kind: 'data'; readonly data: unknown }
  /** A handshake step completed (the profile names its steps, e.g. 'tunnel', 'sync', 'tls'). */
  | { readonly kind: 'step'; readonly step: string }
  /** A status code from the peer (Guacamole `error` instruction, envelope status). */
  | { readonly kind: 'status'; readonly code: CodeValue; readonly message?: string }
  /** The peer says goodbye on purpose (Guacamole `disconnect`, envelope `end`). */
  | { readonly kind: 'end'; readonly message?: string }
  /** A frame the codec answers on its own (sync ack, ping echo): the transport sends it. */
  | { readonly kind: 'reply'; readonly frame: string }
  /** Traffic that only proves the peer is alive (nop, pong). */
  | { readonly kind: 'keepalive' }
  /** A frame that breaks the wire format (or exceeds the size limit). */
  | { readonly kind: 'malformed'; readonly error: SessionError };

export type WireFrame = string | ArrayBuffer | ArrayBufferView;

export interface WireCodec {
  /**
   * Feed one incoming frame; calls `emit` for each signal, in order. Never throws. When `onData` is given,
   * application data goes straight to it instead of as a `{ kind: 'data' }` signal (the transport's hot path:
   * no wrapper object per instruction); order relative to the other signals is kept.
   */
  decode(frame: WireFrame, emit: (signal: WireSignal) => void, onData?: (data: unknown) => void): void;
  /** Encode an application message for sending. Throws SessionError (SESSION_ERR_PROTOCOL) on bad input. */
  encode(message: unknown): WireFrame;
  /**
   * The client keep-alive frame due at `now` (the injected clock), or null when the protocol has none. Sent by the
   * machine, or by the transport when the profile says so (`Profile.keepAliveSender`, `TransportInput.keepAliveEveryMs`).
   * Guacamole: a tunnel `ping` every time (the tunnel echoes it), plus a `nop` for guacd once 5 s have passed.
   */
  keepAliveFrame(now: number): WireFrame | null;
  /**
   * The frame that says goodbye on purpose before a polite close (the user's `disconnect()`), or null when the protocol
   * has none or it was already sent: Guacamole's `disconnect` instruction, as Guacamole.Client sends it, so guacd ends
   * the connection cleanly instead of seeing the tunnel drop. Optional.
   */
  goodbyeFrame?(): WireFrame | null;
  /** Forget partial input; called for every new connection. */
  reset(): void;
}

/**
 * The one mutable object shared by the facade, the transport and the machine, per session.
 * Written on the hot path without allocating events.
 */
export interface SessionLink {
  /** Clock time (ms) of the last frame received, of any kind. */
  lastDataAt: number;
  /** When true, the next received frame sends one `transport.activity` event and clears the flag. */
  wantActivity: boolean;
  /** Application data sink (the facade's `message` event). */
  onData(data: unknown): void;
  /** Set by the transport while a socket is open; null otherwise. Returns false when nothing could be sent. */
  send: ((frame: WireFrame) => boolean) | null;
  /**
   * Set by the transport while it holds a socket: drops the socket and detaches, as stopping the transport actor does.
   * For an owner that can no longer stop its child: XState does not stop the children of an actor that errored.
   */
  release?: (() => void) | null;
  /**
   * The clock the transport's own timer runs on (the keep-alive tick of `TransportInput.keepAliveEveryMs`): the same
   * injected clock the actor runs on, called directly so a tick costs a timer, not an actor event. Absent: the actor
   * system's scheduler.
   */
  readonly timers?: TransportTimers;
  /**
   * Set by a transport that watches the link's silence itself, on `timers`, while its socket is open (the WebSocket
   * transport does when the link has timers). `watchSilence(ms)`: send the parent one `{ type: 'keepalive.check' }` once
   * the link has been silent `ms` (from `lastDataAt`); while data keeps arriving the watch re-arms itself on a plain
   * timer, so a healthy link costs the machine no event at all. `watchSilence(null)` stops watching. The machine uses it
   * in `healthy` when the transport sends the keep-alive (a machine-sent keep-alive needs the machine's own check);
   * absent or null, the machine runs that check on its own (XState) timer. Never throws.
   */
  watchSilence?: ((silentMs: number | null) => void) | null;
  /**
   * Opens a connection without an actor: given, the machine calls `open(input, deliver)` on entering `online` instead
   * of spawning its `transport` child, and the connection reports through `deliver` exactly the events a transport
   * actor sends its parent (the facade's WebSocket: one object per connection, no actor, no actor event per command).
   * The connection sets `command` and `release` while it holds the socket; the machine sends the close command through
   * `command` and then calls `release` when it leaves `online`. Absent: the `transport` actor the machine is provided
   * with (test harnesses, a custom transport). A stopped actor runs no exit action: whoever stops it calls `release`.
   */
  readonly open?: (input: TransportInput, deliver: (event: TransportEvent) => void) => void;
  /** Set by a connection opened through `open` while it holds the socket: what the transport actor's `receive` takes. */
  command?: ((command: TransportCommand) => void) | null;
}

/** A clock's timer half: `SimulatedClock`, or the platform's setTimeout/clearTimeout. */
export interface TransportTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

/** Why a socket failed, as the transport saw it (no secrets: URLs are redacted). */
export interface TransportFailure {
  /** Node error code (ECONNREFUSED, ...) when there is one. */
  readonly code?: string;
  readonly message: string;
  /** HTTP status of a rejected upgrade (Node `ws` only) and its Retry-After header. */
  readonly http?: {
    readonly status: number;
    readonly retryAfter?: string;
    /** A `Guacamole-Status-Code` header (Guacamole's HTTP tunnel and REST API): the status that wins over `status`. */
    readonly guacamoleStatus?: string;
  };
  /** True when the failure happened before the socket opened. */
  readonly beforeOpen: boolean;
  /**
   * Set when the transport dropped the socket because its send buffer passed `TransportInput.maxBufferedBytes`:
   * the peer stopped reading (a server that floods pings and never reads what is echoed back). `bufferedBytes` is
   * the socket's `bufferedAmount` at the send that passed the limit.
   */
  readonly overflow?: { readonly bufferedBytes: number; readonly limitBytes: number };
}

/** Events the transport actor sends to its parent machine. */
export type TransportEvent =
  | { readonly type: 'transport.open' }
  | { readonly type: 'transport.signal'; readonly signal: WireSignal }
  | { readonly type: 'transport.activity' }
  | { readonly type: 'transport.close'; readonly code: number; readonly reason: string; readonly wasClean: boolean }
  | { readonly type: 'transport.error'; readonly failure: TransportFailure }
  /** The link has been silent as long as the machine asked (`SessionLink.watchSilence`): check the keep-alive now. */
  | { readonly type: 'keepalive.check' };

/** Events the machine sends to the transport actor. */
export type TransportCommand =
  /**
   * Send `codec.keepAliveFrame(now)`: the transport's own keep-alive tick (`TransportInput.keepAliveEveryMs`), which it
   * schedules for itself on the system's clock; the machine never sends it.
   */
  | { readonly type: 'transport.keepalive' }
  /** Drop the socket at once (keep-alive declared the peer dead): no polite close handshake. */
  | { readonly type: 'transport.terminate' }
  /** Polite close with a code and reason (user disconnect). */
  | { readonly type: 'transport.shutdown'; readonly code?: number; readonly reason?: string };

/** Input the machine gives the transport actor for one connection attempt. */
/**
 * A resolved URL that serialises redacted: actor snapshots carry their input, so a raw string here would
 * put tokens into inspector traces. `reveal()` is the only way to the raw URL.
 */
export interface SecretString {
  reveal(): string;
  toJSON(): string;
}

export interface TransportInput {
  /** Already resolved (the machine calls `url()` before each attempt). */
  readonly url: SecretString;
  readonly protocols?: string | readonly string[];
  readonly codec: WireCodec;
  readonly link: SessionLink;
  /** Reads the injected clock. */
  readonly now: () => number;
  /**
   * Set when the profile's keep-alive is the transport's (`Profile.keepAliveSender: 'transport'`): while the socket is
   * open, send `codec.keepAliveFrame(now)` every this many ms, the first one this long after the open, whatever the
   * traffic. The timer runs on the actor system's clock (the injected one), so a simulated clock drives it too.
   */
  readonly keepAliveEveryMs?: number;
  /**
   * Most bytes the socket may hold unsent (`bufferedAmount`, read after every send: replies, keep-alives and
   * `link.send`). Above it the peer is not reading: the transport drops the socket at once and reports one
   * `transport.error` whose failure carries `overflow`. Default `WEBSOCKET_TRANSPORT_DEFAULTS.maxBufferedBytes`.
   */
  readonly maxBufferedBytes?: number;
  /**
   * Largest incoming message, in bytes (after permessage-deflate), where the WebSocket implementation lets a client
   * bound it (`ws`'s `maxPayload`; browsers and undici have no such option and ignore it). A bigger message fails the
   * socket (close 1009) instead of being buffered whole. Default `WEBSOCKET_TRANSPORT_DEFAULTS.maxPayloadBytes`.
   */
  readonly maxPayloadBytes?: number;
  /**
   * After a polite close (`transport.shutdown`, or the actor stopping on a closing socket), how long the peer has to
   * answer the close handshake before the socket is dropped. Runs on a plain, unref'd timer that outlives the actor:
   * it never keeps a Node process alive by itself. Default `WEBSOCKET_TRANSPORT_DEFAULTS.closeGraceMs`.
   */
  readonly closeGraceMs?: number;
}
