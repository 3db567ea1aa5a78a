/**
 * A raw WebSocket client for the fault-server tests (not the SDK): records what it saw, in order.
 * Works with `ws`'s class (real server) and with msw's patched global (intercepted), through the standard API.
 */
import { WebSocket as NodeWs } from 'ws';
import type { Profile } from '../../../machines/profile.js';
import type { WireSignal } from '../../../machines/wire.js';
import type { SessionFixture } from '../../support/session-fixture.js';

export interface RawClient {
  readonly socket: WebSocket | NodeWs;
  /** Text frames received, in order. */
  readonly frames: string[];
  readonly events: string[];
  opened: boolean;
  closed: { code: number; reason: string; wasClean: boolean } | null;
  /** A rejected upgrade (real `ws` only). */
  response: { status: number; retryAfter: string | undefined } | null;
  send(frame: string): void;
  close(code?: number): void;
  /** Ends the socket at once (a `ws` terminate; a plain close for other classes). */
  terminate(): void;
}

type Ctor = new (url: string) => WebSocket | NodeWs;

export function connectRaw(url: string, WebSocketClass: Ctor = NodeWs): RawClient {
  const socket = new WebSocketClass(url);
  const client: RawClient = {
    socket,
    frames: [],
    events: [],
    opened: false,
    closed: null,
    response: null,
    send: (frame) => socket.send(frame),
    close: (code) => socket.close(code),
    terminate: () => (socket instanceof NodeWs ? socket.terminate() : socket.readyState <= 1 && socket.close()),
  };
  socket.addEventListener('open', () => {
    client.opened = true;
    client.events.push('open');
  });
  socket.addEventListener('message', (event: { data: unknown }) => {
    const text = typeof event.data === 'string' ? event.data : String(event.data);
    client.frames.push(text);
    client.events.push(`message ${text}`);
  });
  socket.addEventListener('error', () => client.events.push('error'));
  socket.addEventListener('close', (event: { code: number; reason: string; wasClean: boolean }) => {
    client.closed = { code: event.code, reason: event.reason, wasClean: event.wasClean };
    client.events.push(`close ${event.code}`);
  });
  if (socket instanceof NodeWs) {
    socket.on('unexpected-response', (_request, response) => {
      const header = response.headers['retry-after'];
      client.response = { status: response.statusCode ?? 0, retryAfter: Array.isArray(header) ? header[0] : header };
      client.events.push(`http ${response.statusCode ?? 0}`);
      response.resume();
      socket.terminate(); // ends the attempt: error, then close 1006

    });
  }
  return client;
}

/** `connectRaw` for tests on the session fixture: each client is terminated after its test, before the server closes. */
export function rawConnector(fixture: Pick<SessionFixture, 'defer'>): (url: string) => RawClient {
  return (url) => {
    const client = connectRaw(url);
    fixture.defer(() => client.terminate());
    return client;
  };
}

/** Every signal the profile's real client codec reads from these frames. */
export function decodeAll(profile: Profile, frames: readonly string[]): WireSignal[] {
  const codec = profile.createCodec();
  const signals: WireSignal[] = [];
  for (const frame of frames) codec.decode(frame, (signal) => signals.push(signal));
  return signals;
}

/** The signals without data and keep-alive noise, as `kind:detail` strings. */
export function controlSignals(profile: Profile, frames: readonly string[]): string[] {
  return decodeAll(profile, frames).flatMap((s) => {
    if (s.kind === 'step') return [`step:${s.step}`];
    if (s.kind === 'status') return [`status:${String(s.code)}:${s.message ?? ''}`];
    if (s.kind === 'end') return [`end:${s.message ?? ''}`];
    if (s.kind === 'malformed') return [`malformed:${s.error.message}`];
    return [];
  });
}
