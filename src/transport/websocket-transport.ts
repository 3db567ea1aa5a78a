/**
 * The socket as an XState callback actor: one instance per connection attempt.
 *
 * Incoming data goes codec → `link.onData` without any actor event; only control signals, the open,
 * the close and failures reach the parent. The parent owns every timer (connect timeout, keep-alive checks), but two,
 * both on the link's timers (the injected clock, called directly):
 * - a keep-alive the profile gives the transport (`input.keepAliveEveryMs`, Guacamole's tunnel ping) is sent on a fixed
 *   cadence from open to close;
 * - the silence watch the parent asks for in its `healthy` state (`link.watchSilence`): one `keepalive.check` once the
 *   link has been silent that long, and no event while data keeps arriving.
 *
 * Event order a parent can rely on:
 * - `transport.open` at most once, before any `transport.signal`/`transport.activity`;
 * - `transport.error` at most once and `transport.close` at most once. A socket that fails usually
 *   sends both, error first (the `ws` package fires `error` then `close 1006`); Node 20's undici fires
 *   `error` only and never closes, so the error alone must be enough to end the attempt. The parent
 *   treats the first of them as the fault and ignores the other;
 * - nothing after the actor stops, even if the socket fires late;
 * - nothing after a `transport.error` but the `transport.close` (no signal from frames still in the socket);
 * - `keepalive.check` only while open, between a `link.watchSilence(ms)` and its `link.watchSilence(null)`, at most once per watch.
 *
 * Limits (`WEBSOCKET_TRANSPORT_DEFAULTS`, overridable per connection through `TransportInput`):
 * - the send buffer: after every send, `bufferedAmount` over `maxBufferedBytes` means the peer is not reading (a server
 *   that floods pings and never reads the echoes); the socket is dropped and one `transport.error` carries `overflow`;
 * - incoming messages: `maxPayloadBytes` goes to the constructor as `ws`'s `maxPayload` (close 1009 beyond it);
 * - the close handshake: after a polite close, a peer that never answers has `closeGraceMs`, then the socket is dropped.
 *   That timer is the I/O layer's own, outlives the actor (the machine stops it right after the shutdown) and is unref'd.
 *
 * Server text (close reasons, status and goodbye messages, malformed-frame errors, step names) is redacted here, before
 * it enters any event: the parent and every inspector see only `redactText`'s output.
 */
import { fromCallback } from 'xstate';
import { SessionError } from '../errors/index.js';
import type { CallbackActorLogic } from 'xstate';
import type { SessionLink, WireFrame, WireSignal, TransportCommand, TransportEvent, TransportFailure, TransportInput, TransportTimers } from '../../machines/wire.js';
import {
  describeFailure, describeRejection, drop, dropAfterGrace, isNodeEmitter, redactSignal, safely, swallowLateErrors, toMutable,
} from './socket-edges.js';
import type { UpgradeRejection } from './socket-edges.js';
import { redactText } from '../errors/redact.js';
import { WS_READY_STATE } from './websocket-types.js';
import type {
  WebSocketClientOptionsLike,
  WebSocketCloseEventLike,
  WebSocketConstructor,
  WebSocketEventLike,
  WebSocketLike,
  WebSocketMessageEventLike,
} from './websocket-types.js';

export const WEBSOCKET_TRANSPORT_DEFAULTS = {
  /** Close code of a `transport.shutdown` without one, and the stand-in for codes a client may not send. */
  shutdownCode: 1000,
  /** Longest close reason a client may send, in UTF-8 bytes (RFC 6455 §5.5: 125-byte payload minus the code). */
  maxReasonBytes: 123,
  /**
   * Unsent bytes the socket may hold (16 MiB) before the peer counts as not reading. What a healthy client queues is
   * small and drains in milliseconds: input events, sync acks and ping echoes of tens of bytes, Guacamole `blob`s of at
   * most 8 KiB sent one per `ack`. 16 MiB leaves room for an application's unpaced burst over a slow uplink, yet bounds a
   * flooding peer at a small fraction of what it took before (1.3 GB in 20 s).
   */
  maxBufferedBytes: 16 * 1024 * 1024,
  /**
   * Largest incoming message (8 MiB), where the runtime can bound it (`ws`; its own default is 100 MiB, buffered whole).
   * A Guacamole message is one or more instructions of at most 8192 code points each (the tunnel sends about 8 KiB per
   * message; guacd caps a `blob` at 6048 bytes) and the envelope codec refuses frames over 1 MiB by default: 8 MiB is
   * far above either, so only a hostile or broken peer meets it.
   */
  maxPayloadBytes: 8 * 1024 * 1024,
  /**
   * How long a peer has to answer a polite close (1000 ms) before the socket is dropped. An answering peer takes a
   * round trip; `ws` alone would wait 30 s in CLOSING, holding a socket and a timer after `disconnect()`.
   */
  closeGraceMs: 1000,
} as const;

/** The transport actor logic; `.provide({ actors: { transport } })` it to a session machine. */
export type WebSocketTransportLogic = CallbackActorLogic<TransportCommand, TransportInput, TransportEvent>;

// Shared, immutable: opening and activity allocate nothing per connection or per frame.
const OPEN_EVENT: TransportEvent = Object.freeze({ type: 'transport.open' });
const ACTIVITY_EVENT: TransportEvent = Object.freeze({ type: 'transport.activity' });
const KEEPALIVE_TICK: TransportCommand = Object.freeze({ type: 'transport.keepalive' });
const CHECK_EVENT: TransportEvent = Object.freeze({ type: 'keepalive.check' });
const noop = (): void => undefined;
/** The id of the keep-alive tick among this actor's scheduled events. */
const KEEPALIVE_TIMER = 'keepalive';

/** Builds the transport actor logic over an injected WHATWG-style WebSocket constructor. */
export function createWebSocketTransport(WebSocket: WebSocketConstructor): WebSocketTransportLogic {
  return fromCallback<TransportCommand, TransportInput, TransportEvent>(({ input, sendBack, receive, self, system }) => {
    // Without timers on the link, the keep-alive tick runs on the actor system's scheduler, as an event to itself.
    const onSystem = input.link.timers === undefined;
    const connection = new Connection(
      input,
      sendBack,
      onSystem ? () => system.scheduler.schedule(self, self, KEEPALIVE_TICK, input.keepAliveEveryMs!, KEEPALIVE_TIMER) : noop,
      onSystem ? () => system.scheduler.cancel(self, KEEPALIVE_TIMER) : noop,
    );
    connection.open(WebSocket);
    receive(connection.onCommand);
    return connection.dispose;
  });
}

/**
 * Opens one connection without an actor, for `SessionLink.open` (the facade): the same connection as the transport
 * actor's, reporting through `deliver`. The link must have timers (its keep-alive and silence watch run on them).
 */
export function openWebSocketConnection(WebSocket: WebSocketConstructor, input: TransportInput, deliver: (event: TransportEvent) => void): void {
  if (input.link.timers === undefined) {
    throw new SessionError('SESSION_ERR_INVALID_OPTION', 'A connection opened through the link needs the link\'s timers', { field: 'link.timers' });
  }
  new Connection(input, deliver, noop, noop).open(WebSocket);
}

/**
 * One connection attempt: the socket, its listeners and its own timer (keep-alive tick and silence watch). One
 * object with the state as fields and the behaviour on its prototype; only what the socket, the codec, the timers and
 * the link call back is a function of its own (a session holds one of these while connected: every closure would be
 * memory per session).
 */
class Connection {
  readonly #input: TransportInput;
  readonly #sendBack: (event: TransportEvent) => void;
  readonly #link: SessionLink;
  readonly #timers: TransportTimers | undefined;
  readonly #maxBufferedBytes: number;
  readonly #scheduleOnSystem: () => void;
  readonly #cancelOnSystem: () => void;
  #ws: WebSocketLike | null = null;
  #stopped = false;
  #opened = false;
  #errored = false;
  #closed = false;
  #rejection: UpgradeRejection | undefined = undefined;
  /** The burst of socket reads the clock was last read in (see `currentBurst`). */
  #stampedIn = -1;
  /** The keep-alive runs (from open to the close or the stop). */
  #ticking = false;
  /** On the link's timers: when the next tick is due, and the silence the machine watches for (null: none). */
  #tickAt: number | null = null;
  #silentMs: number | null = null;
  /** The one pending timer on the link's timers, and when it is due. */
  #timer: unknown = null;
  #timerAt = 0;

  constructor(input: TransportInput, sendBack: (event: TransportEvent) => void, scheduleOnSystem: () => void, cancelOnSystem: () => void) {
    this.#input = input;
    this.#sendBack = sendBack;
    this.#link = input.link;
    this.#timers = input.link.timers;
    this.#maxBufferedBytes = input.maxBufferedBytes ?? WEBSOCKET_TRANSPORT_DEFAULTS.maxBufferedBytes;
    this.#scheduleOnSystem = scheduleOnSystem;
    this.#cancelOnSystem = cancelOnSystem;
  }

  open(WebSocket: WebSocketConstructor): void {
    const input = this.#input;
    input.codec.reset();
    let ws: WebSocketLike;
    try {
      // The third argument is `ws`'s options; browsers and undici take two arguments and ignore it (Web IDL).
      const clientOptions: WebSocketClientOptionsLike = { maxPayload: input.maxPayloadBytes ?? WEBSOCKET_TRANSPORT_DEFAULTS.maxPayloadBytes };
      ws = new WebSocket(input.url.reveal(), input.protocols === undefined ? undefined : toMutable(input.protocols), clientOptions);
    } catch (error) {
      // Bad URL or protocol list: the constructor throws synchronously; report it like any failure.
      this.#fail(describeFailure(error, true));
      return;
    }
    this.#ws = ws;
    safely(() => {
      ws.binaryType = 'arraybuffer';
    });
    ws.addEventListener('open', this.#onOpen);
    ws.addEventListener('message', this.#onMessage);
    ws.addEventListener('close', this.#onClose);
    ws.addEventListener('error', this.#onError);
    // Listening to 'unexpected-response' makes us the owner of the request: ws no longer aborts it. drop() (terminate)
    // aborts it, destroys the socket, then ws fires `error` and `close 1006`.
    if (isNodeEmitter(ws)) ws.on('unexpected-response', this.#onUpgradeRejected);
    this.#link.release = this.dispose;
    this.#link.command = this.onCommand;
  }

  #send(event: TransportEvent): void {
    if (!this.#stopped) this.#sendBack(event);
  }

  #fail(failure: TransportFailure): void {
    if (this.#errored || this.#closed) return;
    this.#errored = true;
    this.#send({ type: 'transport.error', failure });
  }

  // Nothing thrown by what the transport calls (the injected clock, a codec, the scheduler) escapes into the socket's
  // listeners or the actor (where it would leave the socket open): the link is reported failed and dropped.
  #broken(error: unknown): void {
    const why = error instanceof Error ? error.message : 'unexpected error';
    this.#fail({ message: redactText(`transport failed: ${why}`), beforeOpen: !this.#opened });
    if (this.#ws !== null) drop(this.#ws);
  }

  /** The link's `send` while open; also the codec's replies and the keep-alive. */
  readonly sendFrame = (frame: WireFrame): boolean => {
    const ws = this.#ws;
    if (ws === null || ws.readyState !== WS_READY_STATE.OPEN) return false;
    let buffered: unknown;
    try {
      ws.send(frame);
      buffered = ws.bufferedAmount;
    } catch {
      return false;
    }
    // A peer that stops reading makes every send queue: over the limit, the link counts as broken.
    if (typeof buffered === 'number' && buffered > this.#maxBufferedBytes) {
      this.#fail({
        message: `send buffer over ${this.#maxBufferedBytes} bytes: the peer is not reading`,
        beforeOpen: false,
        overflow: { bufferedBytes: buffered, limitBytes: this.#maxBufferedBytes },
      });
      drop(ws);
      return false;
    }
    return true;
  };

  /** What the codec decoded, but application data (which goes straight to `link.onData`). */
  readonly #onSignal = (signal: WireSignal): void => {
    switch (signal.kind) {
      case 'data':
        this.#link.onData(signal.data);
        return;
      case 'keepalive':
        return;
      case 'reply':
        this.sendFrame(signal.frame);
        return;
      default:
        // A reply earlier in this frame may have overflowed the send buffer: after the error, only the close.
        if (!this.#errored) this.#send({ type: 'transport.signal', signal: redactSignal(signal) });
    }
  };

  // The connection's own timers. On the link's timers (the injected clock, called directly: no actor event), when it has
  // them: the keep-alive tick (`keepAliveEveryMs`, from open to close) and the silence watch the machine asks for
  // (`link.watchSilence`), as one pending timer at the earlier of the two deadlines, the next tick and
  // `lastDataAt + silentMs`. A watch that finds data came meanwhile only re-arms, so the machine hears a silence that
  // lasted (one `keepalive.check`) and never the link staying fresh. Without timers on the link, the tick is an event
  // the actor system's scheduler sends this actor, and the machine keeps its own check.
  readonly #onTimer = (): void => {
    this.#timer = null;
    if (this.#stopped || this.#errored || this.#closed) return;
    try {
      const now = this.#input.now();
      if (this.#tickAt !== null && now >= this.#tickAt) {
        this.#tickAt = now + this.#input.keepAliveEveryMs!;
        const frame = this.#input.codec.keepAliveFrame(now);
        if (frame !== null) this.sendFrame(frame);
      }
      if (this.#silentMs !== null && now - this.#link.lastDataAt >= this.#silentMs) {
        this.#silentMs = null;
        this.#send(CHECK_EVENT);
      }
      this.#arm(now);
    } catch (error) {
      this.#stopTimers();
      this.#broken(error);
    }
  };

  /** Sets the one pending timer for the earlier deadline (none when there is neither a tick nor a watch). */
  #arm(now: number): void {
    if (this.#stopped || this.#errored || this.#closed) return;
    let due = this.#tickAt ?? Number.POSITIVE_INFINITY;
    if (this.#silentMs !== null) due = Math.min(due, this.#link.lastDataAt + this.#silentMs);
    if (this.#timer !== null) {
      if (this.#timerAt === due) return;
      this.#timers!.clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (due === Number.POSITIVE_INFINITY) return;
    this.#timerAt = due;
    this.#timer = this.#timers!.setTimeout(this.#onTimer, Math.max(0, due - now));
  }

  #startKeepAlive(): void {
    if (this.#input.keepAliveEveryMs === undefined) return;
    this.#ticking = true;
    if (this.#timers === undefined) {
      this.#scheduleOnSystem();
      return;
    }
    const now = this.#input.now();
    this.#tickAt = now + this.#input.keepAliveEveryMs;
    this.#arm(now);
  }

  /** Ends the tick and the watch, on the close, an error or the stop; never throws. */
  #stopTimers(): void {
    if (this.#ticking && this.#timers === undefined) safely(this.#cancelOnSystem);
    this.#ticking = false;
    this.#tickAt = null;
    this.#silentMs = null;
    if (this.#link.watchSilence === this.watchSilence) this.#link.watchSilence = null;
    if (this.#timer !== null) {
      const timer = this.#timer;
      safely(() => this.#timers!.clearTimeout(timer));
    }
    this.#timer = null;
  }

  /** The keep-alive tick on the actor system's scheduler (a link without timers): send the frame, schedule the next. */
  sendKeepAlive(): void {
    if (!this.#ticking || this.#timers !== undefined) return;
    const frame = this.#input.codec.keepAliveFrame(this.#input.now());
    if (frame !== null) this.sendFrame(frame);
    this.#scheduleOnSystem();
  }

  readonly watchSilence = (ms: number | null): void => {
    try {
      this.#silentMs = ms;
      this.#arm(this.#input.now());
    } catch (error) {
      this.#stopTimers();
      this.#broken(error);
    }
  };

  readonly #onOpen = (): void => {
    if (this.#stopped || this.#opened) return;
    this.#opened = true;
    this.#link.send = this.sendFrame;
    if (this.#timers !== undefined) this.#link.watchSilence = this.watchSilence;
    try {
      this.#startKeepAlive();
      this.#send(OPEN_EVENT);
    } catch (error) {
      this.#broken(error);
    }
  };

  // The clock is read once per burst: frames that arrive in one read of the socket are dispatched in the
  // same tick, so the first frame's time is the burst's time (keep-alive thresholds are whole seconds).
  readonly #onMessage = (event: WebSocketMessageEventLike): void => {
    if (this.#stopped || this.#errored) return;
    const link = this.#link;
    try {
      const burst = currentBurst();
      if (this.#stampedIn !== burst) {
        this.#stampedIn = burst;
        link.lastDataAt = this.#input.now();
      }
      if (link.wantActivity) {
        link.wantActivity = false;
        this.#send(ACTIVITY_EVENT);
      }
      this.#input.codec.decode(event.data as WireFrame, this.#onSignal, link.onData);
    } catch (error) {
      this.#broken(error);
    }
  };

  readonly #onClose = (event: WebSocketCloseEventLike): void => {
    if (this.#stopped || this.#closed) return;
    this.#closed = true;
    this.#stopTimers();
    if (this.#link.send === this.sendFrame) this.#link.send = null;
    this.#send({ type: 'transport.close', code: event.code, reason: redactText(event.reason), wasClean: event.wasClean });
  };

  readonly #onError = (event: WebSocketEventLike): void => {
    if (this.#stopped) return;
    this.#fail(describeFailure(event, !this.#opened, this.#rejection));
  };

  /** `ws`'s 'unexpected-response': a non-101 answer to the upgrade (Node only). */
  readonly #onUpgradeRejected = (_request: unknown, response: unknown): void => {
    this.#rejection = describeRejection(response);
    if (this.#ws !== null) drop(this.#ws);
  };

  readonly onCommand = (command: TransportCommand): void => {
    const ws = this.#ws;
    if (this.#stopped || ws === null) return;
    try {
      if (command.type === 'transport.keepalive') this.sendKeepAlive();
      else if (command.type === 'transport.terminate') drop(ws);
      else if (command.type === 'transport.shutdown') {
        // A polite close says goodbye in the protocol first, where it has a way to (Guacamole's `disconnect`).
        const goodbye = this.#input.codec.goodbyeFrame?.() ?? null;
        if (goodbye !== null) this.sendFrame(goodbye);
        safely(() => ws.close(closeCodeForClient(command.code), closeReasonForClient(command.reason)));
        dropAfterGrace(ws, this.#closeGraceMs());
      }
    } catch (error) {
      this.#stopTimers();
      this.#broken(error);
    }
  };

  #closeGraceMs(): number {
    return this.#input.closeGraceMs ?? WEBSOCKET_TRANSPORT_DEFAULTS.closeGraceMs;
  }

  readonly dispose = (): void => {
    const link = this.#link;
    if (link.release === this.dispose) link.release = null;
    if (link.command === this.onCommand) link.command = null;
    if (this.#stopped) return;
    this.#stopped = true;
    this.#stopTimers();
    const ws = this.#ws;
    if (ws === null) return;
    safely(() => {
      ws.removeEventListener('open', this.#onOpen);
      ws.removeEventListener('message', this.#onMessage);
      ws.removeEventListener('close', this.#onClose);
      ws.removeEventListener('error', this.#onError);
    });
    if (isNodeEmitter(ws)) safely(() => ws.removeListener('unexpected-response', this.#onUpgradeRejected));
    if (link.send === this.sendFrame) link.send = null;
    // A socket still CLOSING (a polite close of a handshake in flight) can fire `error` later too.
    if (ws.readyState !== WS_READY_STATE.CLOSED && isNodeEmitter(ws)) swallowLateErrors(ws);
    if (ws.readyState === WS_READY_STATE.CONNECTING || ws.readyState === WS_READY_STATE.OPEN) drop(ws);
    // Still CLOSING (a polite close the peer has not answered yet): it gets the grace, then it is dropped.
    dropAfterGrace(ws, this.#closeGraceMs());
  };
}

/**
 * The current burst of socket reads: a number that changes once per turn of the event loop (a microtask after the
 * first read in a turn), shared by every connection, so each one reads the clock once per burst without a microtask
 * or a closure of its own.
 */
let burst = 0;
let burstQueued = false;
function nextBurst(): void {
  burst += 1;
  burstQueued = false;
}
function currentBurst(): number {
  if (!burstQueued) {
    burstQueued = true;
    queueMicrotask(nextBurst);
  }
  return burst;
}

/** A close code a client may send: 1000 or 3000-4999; anything else becomes 1000. */
export function closeCodeForClient(code: number | undefined): number {
  if (code === undefined || !Number.isInteger(code)) return WEBSOCKET_TRANSPORT_DEFAULTS.shutdownCode;
  return code === 1000 || (code >= 3000 && code <= 4999) ? code : WEBSOCKET_TRANSPORT_DEFAULTS.shutdownCode;
}

/** A close reason cut to 123 UTF-8 bytes, on a character boundary. */
export function closeReasonForClient(reason: string | undefined): string {
  if (typeof reason !== 'string') return '';
  let bytes = 0;
  let end = 0;
  for (const char of reason) {
    const cp = char.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > WEBSOCKET_TRANSPORT_DEFAULTS.maxReasonBytes) break;
    bytes += size;
    end += char.length;
  }
  return end === reason.length ? reason : reason.slice(0, end);
}
