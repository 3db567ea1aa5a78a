import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWs } from 'ws';
import { deadPort } from '../../support/ws-server.js';
import { startTransport } from './transport-harness.js';
import type { TransportHarness } from './transport-harness.js';
import { WS_READY_STATE } from '../../../src/transport/index.js';
import type { WebSocketLikeEventMap } from '../../../src/transport/index.js';
import type { TransportEvent } from '../../../machines/wire.js';

let harness: TransportHarness | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  harness?.stop();
  harness = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function failures(h: TransportHarness): Extract<TransportEvent, { type: 'transport.error' }>[] {
  return h.events.filter((event): event is Extract<TransportEvent, { type: 'transport.error' }> => event.type === 'transport.error');
}

/** A plain HTTP server that answers every upgrade request with `status` and extra headers. */
async function rejectingServer(status: number, headers: Record<string, string>): Promise<{ url: string; clientGone: () => boolean }> {
  const sockets: net.Socket[] = [];
  let gone = 0;
  const server = http.createServer();
  server.on('upgrade', (_request, socket: net.Socket) => {
    sockets.push(socket);
    socket.on('end', () => (gone += 1));
    socket.on('error', () => {});
    socket.resume();
    const lines = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.write(`${lines.join('\r\n')}\r\ncontent-length: 4\r\n\r\nbusy`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  }));
  const { port } = server.address() as net.AddressInfo;
  return { url: `ws://127.0.0.1:${port}/session?token=secret`, clientGone: () => gone > 0 };
}

describe('createWebSocketTransport: failures before open', () => {
  it('reports a refused port as one error with beforeOpen and ECONNREFUSED, then the 1006 close', async () => {
    const port = await deadPort();
    const h = (harness = startTransport(NodeWs, `ws://127.0.0.1:${port}/session?token=secret`));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.error', 'transport.close']));
    const [failure] = failures(h);
    expect(failure?.failure).toMatchObject({ beforeOpen: true, code: 'ECONNREFUSED' });
    expect(failure?.failure.message).toContain('ECONNREFUSED');
    expect(h.events[1]).toMatchObject({ code: 1006, wasClean: false });
    expect(h.link.send).toBeNull();
  });

  it('reports a rejected upgrade with its HTTP status and Retry-After, and releases the request', async () => {
    const { url, clientGone } = await rejectingServer(503, { 'Retry-After': '120' });
    const created: NodeWs[] = [];
    class Recording extends NodeWs {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        created.push(this);
      }
    }
    const h = (harness = startTransport(Recording, url));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.error', 'transport.close']));
    expect(failures(h)[0]?.failure).toEqual({
      beforeOpen: true,
      message: 'Unexpected server response: 503',
      http: { status: 503, retryAfter: '120' },
    });
    const client = created[0];
    expect(client?.readyState).toBe(WS_READY_STATE.CLOSED);
    expect(client?.listenerCount('unexpected-response')).toBe(1); // still ours until the actor stops
    h.stop();
    expect(client?.listenerCount('unexpected-response')).toBe(0);
    // The request was aborted: the server sees its side of the TCP connection end.
    await vi.waitFor(() => expect(clientGone()).toBe(true));
  });

  it('reports a constructor that throws (bad URL) as a failure whose message shows no secret', async () => {
    const h = (harness = startTransport(NodeWs, 'ws://user:hunter2@[bad/x?token=secret'));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.error']));
    const failure = failures(h)[0]?.failure;
    expect(failure?.beforeOpen).toBe(true);
    expect(failure?.message).toMatch(/invalid url/i);
    expect(failure?.message).not.toMatch(/hunter2|secret/);
  });
});

/**
 * Node 20's undici WebSocket fires `error` on a refused connection and never `close`; its readyState
 * stays CONNECTING. `ws` always closes after an error, so only a fake can show that shape in-process.
 */
class UndiciLikeRefusal {
  static instances: UndiciLikeRefusal[] = [];
  readyState: number = WS_READY_STATE.CONNECTING;
  binaryType: 'arraybuffer' | 'blob' = 'blob';
  readonly protocol = '';
  closeCalls = 0;
  private readonly listeners = new Map<string, Set<(event: never) => void>>();

  constructor(readonly url: string) {
    UndiciLikeRefusal.instances.push(this);
    queueMicrotask(() => this.fire('error', { type: 'error', message: `Received network error for ${url}` }));
  }

  send(): void {
    throw new Error('InvalidStateError');
  }

  close(): void {
    this.closeCalls += 1;
    // undici fires another error synchronously when a CONNECTING socket is closed, then sits in CLOSING.
    this.readyState = WS_READY_STATE.CLOSING;
    this.fire('error', { type: 'error', message: 'Connection was closed before it was established.' });
  }

  addEventListener<K extends keyof WebSocketLikeEventMap>(type: K, listener: (event: WebSocketLikeEventMap[K]) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener as (event: never) => void);
    this.listeners.set(type, set);
  }

  removeEventListener<K extends keyof WebSocketLikeEventMap>(type: K, listener: (event: WebSocketLikeEventMap[K]) => void): void {
    this.listeners.get(type)?.delete(listener as (event: never) => void);
  }

  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0;
  }

  private fire(type: string, event: object): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) (listener as (event: object) => void)(event);
  }
}

describe('createWebSocketTransport: error before open without a close (undici)', () => {
  it('sends exactly one failure, and stopping closes the socket without a second event', async () => {
    UndiciLikeRefusal.instances = [];
    const h = (harness = startTransport(UndiciLikeRefusal, 'wss://u:pw@gateway.test/tunnel?token=secret'));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.error']));
    expect(failures(h)[0]?.failure).toEqual({
      beforeOpen: true,
      message: 'Received network error for wss://***@gateway.test/tunnel?token=***',
    });
    const socket = UndiciLikeRefusal.instances[0];
    expect(socket?.binaryType).toBe('arraybuffer');
    h.stop();
    expect(socket?.closeCalls).toBe(1);
    expect(h.eventTypes()).toEqual(['transport.error']);
    for (const type of ['open', 'message', 'close', 'error']) expect(socket?.listenerCount(type)).toBe(0);
  });
});
