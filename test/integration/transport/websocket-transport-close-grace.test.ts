/**
 * A polite close the peer never answers: after `transport.shutdown` (and the actor's stop, as the session machine does
 * it) the socket is dropped once `closeGraceMs` have passed, instead of waiting in CLOSING for `ws`'s 30 s.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenerTotal, recordingWs, startTransport } from './transport-harness.js';
import type { TransportHarness } from './transport-harness.js';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';
import { WEBSOCKET_TRANSPORT_DEFAULTS, WS_READY_STATE } from '../../../src/transport/index.js';

let harness: TransportHarness | undefined;
let server: TestWsServer | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  harness?.stop();
  harness = undefined;
  await server?.close();
  server = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * A server that completes the WebSocket upgrade and then reads and ignores every byte: it never answers the close
 * handshake and never ends the TCP connection itself.
 */
async function silentPeer(): Promise<{ url: string; received: () => Buffer; sawEnd: () => boolean }> {
  const sockets: net.Socket[] = [];
  const chunks: Buffer[] = [];
  let ended = false;
  const server = http.createServer();
  server.on('upgrade', (request: http.IncomingMessage, socket: net.Socket) => {
    sockets.push(socket);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => (ended = true));
    socket.on('error', () => {});
    const accept = createHash('sha1').update(`${String(request.headers['sec-websocket-key'])}${WEBSOCKET_GUID}`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  }));
  const { port } = server.address() as net.AddressInfo;
  return { url: `ws://127.0.0.1:${port}/tunnel`, received: () => Buffer.concat(chunks), sawEnd: () => ended };
}

/**
 * Timers that keep this process alive (vitest's own included: compare against a count taken in the same test).
 * An unref'd timer, as the grace is, does not count: it cannot hold the process open.
 */
const activeTimers = (): number => process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;

describe('createWebSocketTransport: close grace (closeGraceMs)', () => {
  it('drops the socket within closeGraceMs when the peer never answers a shutdown, after the actor has stopped', async () => {
    const peer = await silentPeer();
    const { Ctor, created } = recordingWs();
    const h = (harness = startTransport(Ctor, peer.url, { closeGraceMs: 100 }));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open']));
    const client = created[0]!;
    const timersBefore = activeTimers();
    h.shutdown(1000, 'bye');
    h.leave(); // the session machine leaves the state that invokes the transport right after the shutdown
    expect(client.readyState).toBe(WS_READY_STATE.CLOSING);
    // The close frame went out first (masked, FIN + opcode 8): the polite close was tried.
    await vi.waitFor(() => expect(peer.received()[0]).toBe(0x88));
    // ws alone would wait 30 s in CLOSING; the grace ends it after 100 ms.
    const started = Date.now();
    await vi.waitFor(() => expect(client.readyState).toBe(WS_READY_STATE.CLOSED), { timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(1_500);
    await vi.waitFor(() => expect(peer.sawEnd()).toBe(true));
    // Nothing is left: no timer keeps the process alive (ws's 30 s close timer is gone), no listener, no event after
    // the stop.
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
    expect(listenerTotal(client)).toBe(0);
    expect(h.eventTypes()).toEqual(['transport.open']);
  });

  it('reports the dropped socket as a close 1006 when the actor is still running', async () => {
    const peer = await silentPeer();
    const { Ctor, created } = recordingWs();
    const h = (harness = startTransport(Ctor, peer.url, { closeGraceMs: 100 }));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open']));
    h.shutdown(4000, 'bye');
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open', 'transport.close']), { timeout: 2_000 });
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 1006, reason: '', wasClean: false });
    expect(created[0]?.readyState).toBe(WS_READY_STATE.CLOSED);
  });

  it('leaves a close the peer answers alone: clean, and nothing keeps the process alive', async () => {
    server = await startWsServer();
    const { Ctor, created } = recordingWs();
    const h = (harness = startTransport(Ctor, server.url, { closeGraceMs: 60_000 }));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open']));
    const timersBefore = activeTimers();
    h.shutdown(4000, 'bye');
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 4000, reason: 'bye', wasClean: true });
    h.leave();
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
    expect(listenerTotal(created[0]!)).toBe(0);
  });

  it('defaults to 1000 ms', () => {
    expect(WEBSOCKET_TRANSPORT_DEFAULTS.closeGraceMs).toBe(1000);
  });
});
