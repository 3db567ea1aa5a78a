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
import { SessionError, isSessionError } from '../errors/index.js';
import type { CallbackActorLogic } from 'xstate';
import type { WireFrame, WireSignal, TransportCommand, TransportEvent, TransportFailure, TransportInput } from '../../machines/wire.js';
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

/** What a rejected HTTP upgrade said (Node `ws` only). */
type UpgradeRejection = NonNullable<TransportFailure['http']>;

/** The transport actor logic; `.provide({ actors: { transport } })` it to a session machine. */
export type WebSocketTransportLogic = CallbackActorLogic<TransportCommand, TransportInput, TransportEvent>;

// Shared, immutable: opening and activity allocate nothing per connection or per frame.
const OPEN_EVENT: TransportEvent = Object.freeze({ type: 'transport.open' });
const ACTIVITY_EVENT: TransportEvent = Object.freeze({ type: 'transport.activity' });
const KEEPALIVE_TICK: TransportCommand = Object.freeze({ type: 'transport.keepalive' });
const CHECK_EVENT: TransportEvent = Object.freeze({ type: 'keepalive.check' });
/** The id of the keep-alive tick among this actor's scheduled events. */
const KEEPALIVE_TIMER = 'keepalive';

/** Builds the transport actor logic over an injected WHATWG-style WebSocket constructor. */
export function createWebSocketTransport(WebSocket: WebSocketConstructor): WebSocketTransportLogic {
  return fromCallback<TransportCommand, TransportInput, TransportEvent>(({ input, sendBack, receive, self, system }) => {
    const { codec, link, now, keepAliveEveryMs } = input;
    const maxBufferedBytes = input.maxBufferedBytes ?? WEBSOCKET_TRANSPORT_DEFAULTS.maxBufferedBytes;
    const closeGraceMs = input.closeGraceMs ?? WEBSOCKET_TRANSPORT_DEFAULTS.closeGraceMs;
    const clientOptions: WebSocketClientOptionsLike = { maxPayload: input.maxPayloadBytes ?? WEBSOCKET_TRANSPORT_DEFAULTS.maxPayloadBytes };
    let stopped = false;
    let opened = false;
    let errored = false;
    let closed = false;
    let rejection: UpgradeRejection | undefined;

    const send = (event: TransportEvent): void => {
      if (!stopped) sendBack(event);
    };
    const fail = (failure: TransportFailure): void => {
      if (errored || closed) return;
      errored = true;
      send({ type: 'transport.error', failure });
    };

    codec.reset();
    let socket: WebSocketLike;
    try {
      const url = input.url.reveal();
      // The third argument is `ws`'s options; browsers and undici take two arguments and ignore it (Web IDL).
      socket = new WebSocket(url, input.protocols === undefined ? undefined : toMutable(input.protocols), clientOptions);
    } catch (error) {
      // Bad URL or protocol list: the constructor throws synchronously; report it like any failure.
      fail(describeFailure(error, true));
      return () => {
        stopped = true;
      };
    }
    const ws = socket;
    safely(() => {
      ws.binaryType = 'arraybuffer';
    });

    // Nothing thrown by what the transport calls (the injected clock, a codec, the scheduler) escapes into the socket's
    // listeners or the actor (where it would leave the socket open): the link is reported failed and dropped.
    const broken = (error: unknown): void => {
      const why = error instanceof Error ? error.message : 'unexpected error';
      fail({ message: redactText(`transport failed: ${why}`), beforeOpen: !opened });
      drop(ws);
    };

    // A peer that stops reading makes every send queue: over the limit, the link counts as broken.
    const overflow = (bufferedBytes: number): void => {
      fail({
        message: `send buffer over ${maxBufferedBytes} bytes: the peer is not reading`,
        beforeOpen: false,
        overflow: { bufferedBytes, limitBytes: maxBufferedBytes },
      });
      drop(ws);
    };
    const sendFrame = (frame: WireFrame): boolean => {
      if (ws.readyState !== WS_READY_STATE.OPEN) return false;
      let buffered: unknown;
      try {
        ws.send(frame);
        buffered = ws.bufferedAmount;
      } catch {
        return false;
      }
      if (typeof buffered === 'number' && buffered > maxBufferedBytes) {
        overflow(buffered);
        return false;
      }
      return true;
    };
    // Created once per connection: the hot path below allocates nothing of its own.
    const onSignal = (signal: WireSignal): void => {
      switch (signal.kind) {
        case 'data':
          link.onData(signal.data);
          return;
        case 'keepalive':
          return;
        case 'reply':
          sendFrame(signal.frame);
          return;
        default:
          // A reply earlier in this frame may have overflowed the send buffer: after the error, only the close.
          if (!errored) send({ type: 'transport.signal', signal: redactSignal(signal) });
      }
    };

    // The transport's own keep-alive: one tick pending at a time, from open until the close or the stop. On the
    // link's timers (the injected clock, called directly: a tick costs a timer, not an actor event) when it has them,
    // else on the actor system's scheduler.
    let ticking = false;
    let tickTimer: unknown = null;
    const { timers } = link;
    const onTick = (): void => {
      tickTimer = null;
      try {
        sendKeepAlive();
      } catch (error) {
        stopKeepAlive();
        broken(error);
      }
    };
    const scheduleKeepAlive = (): void => {
      ticking = true;
      if (timers === undefined) system.scheduler.schedule(self, self, KEEPALIVE_TICK, keepAliveEveryMs!, KEEPALIVE_TIMER);
      else tickTimer = timers.setTimeout(onTick, keepAliveEveryMs!);
    };
    const stopKeepAlive = (): void => {
      if (!ticking) return;
      ticking = false;
      if (timers === undefined) system.scheduler.cancel(self, KEEPALIVE_TIMER);
      else if (tickTimer !== null) timers.clearTimeout(tickTimer);
      tickTimer = null;
    };
    const sendKeepAlive = (): void => {
      if (!ticking) return;
      const frame = codec.keepAliveFrame(now());
      if (frame !== null) sendFrame(frame);
      scheduleKeepAlive();
    };

    // The link's silence, watched for the machine (`link.watchSilence`) on the link's timers: one timer pending at a
    // time, at `lastDataAt + silentMs`; when it fires and data came meanwhile it re-arms for the new deadline, so the
    // machine hears only a silence that lasted (one `keepalive.check`), never the link staying fresh.
    let silentMs: number | null = null;
    let silenceTimer: unknown = null;
    const onSilence = (): void => {
      silenceTimer = null;
      if (silentMs === null || stopped || errored || closed) return;
      try {
        const left = link.lastDataAt + silentMs - now();
        if (left > 0) {
          silenceTimer = timers!.setTimeout(onSilence, left);
          return;
        }
        silentMs = null;
        send(CHECK_EVENT);
      } catch (error) {
        broken(error);
      }
    };
    const watchSilence = (ms: number | null): void => {
      try {
        if (silenceTimer !== null) timers!.clearTimeout(silenceTimer);
        silenceTimer = null;
        silentMs = ms;
        if (ms === null || stopped || closed || errored) return;
        silenceTimer = timers!.setTimeout(onSilence, Math.max(0, link.lastDataAt + ms - now()));
      } catch (error) {
        silentMs = null;
        broken(error);
      }
    };
    const unwatchSilence = (): void => {
      if (link.watchSilence === watchSilence) link.watchSilence = null;
      if (silenceTimer !== null) safely(() => timers!.clearTimeout(silenceTimer));
      silenceTimer = null;
      silentMs = null;
    };

    const onOpen = (): void => {
      if (stopped || opened) return;
      opened = true;
      link.send = sendFrame;
      if (timers !== undefined) link.watchSilence = watchSilence;
      try {
        if (keepAliveEveryMs !== undefined) scheduleKeepAlive();
        send(OPEN_EVENT);
      } catch (error) {
        broken(error);
      }
    };
    // The clock is read once per burst: frames that arrive in one read of the socket are dispatched in the
    // same tick, so the first frame's time is the burst's time (keep-alive thresholds are whole seconds).
    let stamped = false;
    const unstamp = (): void => {
      stamped = false;
    };
    const onMessage = (event: WebSocketMessageEventLike): void => {
      if (stopped || errored) return;
      try {
        if (!stamped) {
          stamped = true;
          link.lastDataAt = now();
          queueMicrotask(unstamp);
        }
        if (link.wantActivity) {
          link.wantActivity = false;
          send(ACTIVITY_EVENT);
        }
        codec.decode(event.data as WireFrame, onSignal, link.onData);
      } catch (error) {
        broken(error);
      }
    };
    const onClose = (event: WebSocketCloseEventLike): void => {
      if (stopped || closed) return;
      closed = true;
      stopKeepAlive();
      unwatchSilence();
      if (link.send === sendFrame) link.send = null;
      send({ type: 'transport.close', code: event.code, reason: redactText(event.reason), wasClean: event.wasClean });
    };
    const onError = (event: WebSocketEventLike): void => {
      if (stopped) return;
      fail(describeFailure(event, !opened, rejection));
    };

    ws.addEventListener('open', onOpen);
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', onClose);
    ws.addEventListener('error', onError);
    const unwatchUpgrade = watchUpgradeRejection(ws, (seen) => {
      rejection = seen;
      // Listening to 'unexpected-response' makes us the owner of the request: ws no longer aborts it.
      // terminate() aborts it, destroys the socket, then ws fires `error` and `close 1006`.
      drop(ws);
    });

    receive((command) => {
      if (stopped) return;
      try {
        if (command.type === 'transport.keepalive') sendKeepAlive();
        else if (command.type === 'transport.terminate') drop(ws);
        else if (command.type === 'transport.shutdown') {
          // A polite close says goodbye in the protocol first, where it has a way to (Guacamole's `disconnect`).
          const goodbye = codec.goodbyeFrame?.() ?? null;
          if (goodbye !== null) sendFrame(goodbye);
          safely(() => ws.close(closeCodeForClient(command.code), closeReasonForClient(command.reason)));
          dropAfterGrace(ws, closeGraceMs);
        }
      } catch (error) {
        stopKeepAlive();
        broken(error);
      }
    });

    const dispose = (): void => {
      if (link.release === dispose) link.release = null;
      if (stopped) return;
      stopped = true;
      stopKeepAlive();
      unwatchSilence();
      safely(() => {
        ws.removeEventListener('open', onOpen);
        ws.removeEventListener('message', onMessage);
        ws.removeEventListener('close', onClose);
        ws.removeEventListener('error', onError);
      });
      safely(unwatchUpgrade);
      if (link.send === sendFrame) link.send = null;
      // A socket still CLOSING (a polite close of a handshake in flight) can fire `error` later too.
      if (ws.readyState !== WS_READY_STATE.CLOSED && isNodeEmitter(ws)) swallowLateErrors(ws);
      if (ws.readyState === WS_READY_STATE.CONNECTING || ws.readyState === WS_READY_STATE.OPEN) drop(ws);
      // Still CLOSING (a polite close the peer has not answered yet): it gets the grace, then it is dropped.
      dropAfterGrace(ws, closeGraceMs);
    };
    link.release = dispose;
    return dispose;
  });
}

function toMutable(protocols: string | readonly string[]): string | string[] {
  return typeof protocols === 'string' ? protocols : [...protocols];
}

/** Sockets with a close grace running: one timer per socket, however many closes asked for it. */
const graced = new WeakSet<WebSocketLike>();

/**
 * Drops the socket if it is not CLOSED `graceMs` from now. The timer is the I/O layer's, not an actor's: the actor is
 * stopped right after a shutdown, and the socket must still be released. It is cleared by the close and unref'd, so it
 * never keeps a Node process alive by itself. Only for sockets that can be dropped (`ws`'s `terminate`): a browser or
 * undici socket has nothing stronger than the `close()` it already got, and holds no Node handle of ours.
 */
function dropAfterGrace(ws: WebSocketLike, graceMs: number): void {
  if (ws.readyState === WS_READY_STATE.CLOSED || graced.has(ws) || !canTerminate(ws)) return;
  graced.add(ws);
  const timer = setTimeout(() => {
    release();
    if (ws.readyState !== WS_READY_STATE.CLOSED) drop(ws);
  }, graceMs);
  function release(): void {
    clearTimeout(timer);
    safely(() => ws.removeEventListener('close', release));
  }
  safely(() => ws.addEventListener('close', release));
  safely(() => (timer as { unref?: () => void }).unref?.());
}

/**
 * Server text made safe before it enters an event: the messages of status and goodbye signals, a malformed frame's
 * error (its message and value; its cause, which may quote the frame, is left out), step names and string codes.
 * Allocates only when something changed (numbers, names and decimal reasons come through as they are).
 */
function redactSignal(signal: WireSignal): WireSignal {
  switch (signal.kind) {
    case 'status': {
      const code = typeof signal.code === 'string' ? redactText(signal.code) : signal.code;
      const message = signal.message === undefined ? undefined : redactText(signal.message);
      if (code === signal.code && message === signal.message) return signal;
      return message === undefined ? { kind: 'status', code } : { kind: 'status', code, message };
    }
    case 'end': {
      if (signal.message === undefined) return signal;
      const message = redactText(signal.message);
      return message === signal.message ? signal : { kind: 'end', message };
    }
    case 'step': {
      const step = redactText(signal.step);
      return step === signal.step ? signal : { kind: 'step', step };
    }
    case 'malformed':
      return { kind: 'malformed', error: redactError(signal.error) };
    default:
      return signal;
  }
}

function redactError(error: SessionError): SessionError {
  const message = redactText(readProperty(error, 'message') as string);
  const value = readProperty(error, 'value');
  const field = readProperty(error, 'field');
  return new SessionError(isSessionError(error) ? error.code : 'SESSION_ERR_PROTOCOL', message, {
    ...(typeof value === 'string' ? { value: redactText(value) } : {}),
    ...(typeof field === 'string' ? { field } : {}),
  });
}

function canTerminate(ws: WebSocketLike): boolean {
  return typeof readProperty(ws, 'terminate') === 'function';
}

/** Closes without the polite handshake where the implementation allows it (`ws`'s `terminate`). */
function drop(ws: WebSocketLike): void {
  const terminate = (ws as { terminate?: unknown }).terminate;
  safely(() => (typeof terminate === 'function' ? (terminate as () => void).call(ws) : ws.close()));
}

/**
 * After cleanup a Node `ws` socket may still fire `error` (it aborts a pending handshake on the next
 * tick, and an EventEmitter throws on an `error` nobody listens to). A no-op sink takes it and leaves
 * on the close that `ws` always fires after. Browser and undici sockets need no sink: an unheard
 * `error` event is harmless there, and undici may never close.
 */
function swallowLateErrors(ws: WebSocketLike): void {
  const sink = (): void => {};
  const release = (): void => {
    safely(() => {
      ws.removeEventListener('error', sink);
      ws.removeEventListener('close', release);
    });
  };
  safely(() => {
    ws.addEventListener('error', sink);
    ws.addEventListener('close', release);
  });
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // Cleanup and commands never throw into the machine.
  }
}

/** Reads what an error event (or a thrown error) says, without trusting its shape. */
function describeFailure(source: unknown, beforeOpen: boolean, rejection?: UpgradeRejection): TransportFailure {
  const error = readProperty(source, 'error') ?? source;
  const code = readProperty(error, 'code');
  const rawMessage = readProperty(error, 'message') ?? readProperty(source, 'message');
  let message: string;
  if (rejection !== undefined) message = `Unexpected server response: ${rejection.status}`;
  else if (typeof rawMessage === 'string' && rawMessage !== '') message = redactText(rawMessage);
  else message = beforeOpen ? 'WebSocket failed before opening' : 'WebSocket error';
  return {
    message,
    beforeOpen,
    ...(typeof code === 'string' && code !== '' ? { code: redactText(code, 64) } : {}),
    ...(rejection === undefined ? {} : { http: rejection }),
  };
}

function readProperty(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
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

/** The part of a Node `ws` socket used to see a rejected upgrade (duck-typed: browsers have no `.on`). */
interface NodeEmitterLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

function isNodeEmitter(value: unknown): value is NodeEmitterLike {
  const candidate = value as Partial<NodeEmitterLike>;
  return typeof candidate.on === 'function' && typeof candidate.removeListener === 'function';
}

/** A response header's (first) value, as Node's `IncomingMessage.headers` holds it (lower-case names). */
function firstHeader(headers: unknown, name: string): string | undefined {
  const value = readProperty(headers, name);
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** Listens for `ws`'s 'unexpected-response' (a non-101 answer to the upgrade); returns the unsubscribe. */
function watchUpgradeRejection(ws: WebSocketLike, onRejected: (rejection: UpgradeRejection) => void): () => void {
  if (!isNodeEmitter(ws)) return () => {};
  const listener = (_request: unknown, response: unknown): void => {
    const status = readProperty(response, 'statusCode');
    const headers = readProperty(response, 'headers');
    const retryAfter = firstHeader(headers, 'retry-after');
    const guacamoleStatus = firstHeader(headers, 'guacamole-status-code');
    onRejected({
      status: typeof status === 'number' ? status : 0,
      ...(retryAfter === undefined ? {} : { retryAfter: redactText(retryAfter, 64) }),
      ...(guacamoleStatus === undefined ? {} : { guacamoleStatus: redactText(guacamoleStatus, 64) }),
    });
  };
  ws.on('unexpected-response', listener);
  return () => {
    ws.removeListener('unexpected-response', listener);
  };
}
