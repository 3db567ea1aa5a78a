/**
 * The socket's edges, for the WebSocket transport: what crosses them is never trusted and never thrown. Failures are
 * read without trusting their shape, server text is redacted before it enters an event, and a socket is dropped or
 * given a close grace without a call that can throw into the caller.
 */
import { SessionError, isSessionError } from '../errors/index.js';
import type { TransportFailure, WireSignal } from '../../machines/wire.js';
import { redactText } from '../errors/redact.js';
import { WS_READY_STATE } from './websocket-types.js';
import type { WebSocketLike } from './websocket-types.js';

/** What a rejected HTTP upgrade said (Node `ws` only). */
export type UpgradeRejection = NonNullable<TransportFailure['http']>;

export function toMutable(protocols: string | readonly string[]): string | string[] {
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
export function dropAfterGrace(ws: WebSocketLike, graceMs: number): void {
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
export function redactSignal(signal: WireSignal): WireSignal {
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
export function drop(ws: WebSocketLike): void {
  const terminate = (ws as { terminate?: unknown }).terminate;
  safely(() => (typeof terminate === 'function' ? (terminate as () => void).call(ws) : ws.close()));
}

/**
 * After cleanup a Node `ws` socket may still fire `error` (it aborts a pending handshake on the next
 * tick, and an EventEmitter throws on an `error` nobody listens to). A no-op sink takes it and leaves
 * on the close that `ws` always fires after. Browser and undici sockets need no sink: an unheard
 * `error` event is harmless there, and undici may never close.
 */
export function swallowLateErrors(ws: WebSocketLike): void {
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

export function safely(action: () => void): void {
  try {
    action();
  } catch {
    // Cleanup and commands never throw into the machine.
  }
}

/** Reads what an error event (or a thrown error) says, without trusting its shape. */
export function describeFailure(source: unknown, beforeOpen: boolean, rejection?: UpgradeRejection): TransportFailure {
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

/** The part of a Node `ws` socket used to see a rejected upgrade (duck-typed: browsers have no `.on`). */
export interface NodeEmitterLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

export function isNodeEmitter(value: unknown): value is NodeEmitterLike {
  const candidate = value as Partial<NodeEmitterLike>;
  return typeof candidate.on === 'function' && typeof candidate.removeListener === 'function';
}

/** A response header's (first) value, as Node's `IncomingMessage.headers` holds it (lower-case names). */
function firstHeader(headers: unknown, name: string): string | undefined {
  const value = readProperty(headers, name);
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** What a rejected upgrade said: `ws`'s 'unexpected-response' gives the HTTP response (status and headers). */
export function describeRejection(response: unknown): UpgradeRejection {
  const status = readProperty(response, 'statusCode');
  const headers = readProperty(response, 'headers');
  const retryAfter = firstHeader(headers, 'retry-after');
  const guacamoleStatus = firstHeader(headers, 'guacamole-status-code');
  return {
    status: typeof status === 'number' ? status : 0,
    ...(retryAfter === undefined ? {} : { retryAfter: redactText(retryAfter, 64) }),
    ...(guacamoleStatus === undefined ? {} : { guacamoleStatus: redactText(guacamoleStatus, 64) }),
  };
}
