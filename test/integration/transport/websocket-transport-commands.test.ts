import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWs } from 'ws';
import type { WebSocket as ServerSocket } from 'ws';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';
import { startTransport } from './transport-harness.js';
import type { TransportHarness } from './transport-harness.js';
import { WS_READY_STATE, closeCodeForClient, closeReasonForClient } from '../../../src/transport/index.js';
import type { WebSocketConstructor } from '../../../src/transport/index.js';

let server: TestWsServer | undefined;
let harness: TransportHarness | undefined;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  harness?.stop();
  harness = undefined;
  await server?.close();
  server = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** `ws`'s class, remembering every instance so tests can inspect the client socket. */
function recordingWs(): { Ctor: WebSocketConstructor; created: NodeWs[] } {
  const created: NodeWs[] = [];
  class Recording extends NodeWs {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      created.push(this);
    }
  }
  return { Ctor: Recording, created };
}

interface PeerClose {
  code: number;
  reason: string;
}

async function connect(): Promise<{ h: TransportHarness; peer: ServerSocket; client: NodeWs; peerClose: () => PeerClose | undefined }> {
  const peers: ServerSocket[] = [];
  let closed: PeerClose | undefined;
  server = await startWsServer((socket) => {
    peers.push(socket);
    socket.on('close', (code, reason) => {
      closed = { code, reason: reason.toString() };
    });
  });
  const { Ctor, created } = recordingWs();
  const h = (harness = startTransport(Ctor, server.url));
  await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open']));
  await vi.waitFor(() => expect(peers).toHaveLength(1));
  return { h, peer: peers[0] as ServerSocket, client: created[0] as NodeWs, peerClose: () => closed };
}

const OUR_EVENTS = ['open', 'message', 'close', 'error', 'unexpected-response'] as const;

function listenerTotal(client: NodeWs): number {
  return OUR_EVENTS.reduce((sum, type) => sum + client.listenerCount(type), 0);
}

describe('createWebSocketTransport: commands', () => {
  it('drops the socket at once on transport.terminate: no close frame, the peer sees 1006', async () => {
    const { h, peerClose } = await connect();
    h.terminate();
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 1006, reason: '', wasClean: false });
    await vi.waitFor(() => expect(peerClose()).toEqual({ code: 1006, reason: '' }));
    expect(h.link.send).toBeNull();
  });

  it('closes politely on transport.shutdown with the given code and reason', async () => {
    const { h, peerClose } = await connect();
    h.shutdown(4321, 'user left');
    await vi.waitFor(() => expect(peerClose()).toEqual({ code: 4321, reason: 'user left' }));
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 4321, reason: 'user left', wasClean: true });
  });

  it('closes with 1000 and an empty reason when transport.shutdown carries neither', async () => {
    const { h, peerClose } = await connect();
    h.shutdown();
    await vi.waitFor(() => expect(peerClose()).toEqual({ code: 1000, reason: '' }));
  });

  it('replaces a code a client may not send with 1000 and cuts the reason to 123 UTF-8 bytes', async () => {
    const { h, peerClose } = await connect();
    h.shutdown(1011, 'é'.repeat(100));
    await vi.waitFor(() => expect(peerClose()?.code).toBe(1000));
    expect(Buffer.byteLength(peerClose()?.reason ?? '')).toBe(122);
    expect(peerClose()?.reason).toBe('é'.repeat(61));
  });
});

describe('closeCodeForClient / closeReasonForClient', () => {
  it('keeps 1000 and 3000-4999 and turns every other code into 1000', () => {
    expect([1000, 3000, 4999, 4000].map(closeCodeForClient)).toEqual([1000, 3000, 4999, 4000]);
    expect([undefined, 1001, 1005, 1006, 2999, 5000, 4000.5, Number.NaN, -1].map(closeCodeForClient)).toEqual(Array(9).fill(1000));
  });

  it('never splits a multi-byte character when cutting the reason', () => {
    const emoji = '😀'.repeat(40); // 4 bytes each
    expect(closeReasonForClient(emoji)).toBe('😀'.repeat(30));
    expect(closeReasonForClient('a'.repeat(123))).toHaveLength(123);
    expect(closeReasonForClient('a'.repeat(124))).toHaveLength(123);
    expect(closeReasonForClient(undefined)).toBe('');
  });
});

describe('createWebSocketTransport: stopping the parent', () => {
  it('closes an open socket, removes every listener and sends nothing more when the parent leaves the state', async () => {
    const { h, client } = await connect();
    h.leave();
    expect(h.link.send).toBeNull();
    expect([WS_READY_STATE.CLOSING, WS_READY_STATE.CLOSED]).toContain(client.readyState);
    await vi.waitFor(() => expect(server?.wss.clients.size).toBe(0));
    await vi.waitFor(() => expect(client.readyState).toBe(WS_READY_STATE.CLOSED));
    expect(listenerTotal(client)).toBe(0);
    expect(h.eventTypes()).toEqual(['transport.open']);
  });

  it('does not pass late frames to the link once stopped', async () => {
    const { h, peer, client } = await connect();
    h.stop();
    peer.send('too late');
    await vi.waitFor(() => expect(client.readyState).toBe(WS_READY_STATE.CLOSED));
    expect(h.data).toEqual([]);
    expect(h.eventTypes()).toEqual(['transport.open']);
  });

  it('aborts a pending handshake without an unhandled error when stopped while connecting', async () => {
    // An upgrade the server never answers keeps the client CONNECTING for as long as the test wants.
    const held: net.Socket[] = [];
    let serverSawEnd = false;
    const stalling = http.createServer();
    stalling.on('upgrade', (_request, socket: net.Socket) => {
      held.push(socket);
      socket.on('end', () => (serverSawEnd = true));
      socket.on('error', () => {});
      socket.resume();
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => {
      for (const socket of held) socket.destroy();
      stalling.close(() => resolve());
    }));
    const { port } = stalling.address() as net.AddressInfo;
    const { Ctor, created } = recordingWs();
    const h = (harness = startTransport(Ctor, `ws://127.0.0.1:${port}/session`));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    const client = created[0] as NodeWs;
    expect(client.readyState).toBe(WS_READY_STATE.CONNECTING);
    h.stop();
    await vi.waitFor(() => expect(serverSawEnd).toBe(true));
    await vi.waitFor(() => expect(client.readyState).toBe(WS_READY_STATE.CLOSED));
    expect(listenerTotal(client)).toBe(0);
    expect(h.events).toEqual([]);
  });

  it('releases the socket when stopped in the same tick it was created', async () => {
    server = await startWsServer();
    const { Ctor, created } = recordingWs();
    const h = (harness = startTransport(Ctor, server.url));
    h.stop();
    const client = created[0] as NodeWs;
    await vi.waitFor(() => expect(client.readyState).toBe(WS_READY_STATE.CLOSED));
    await vi.waitFor(() => expect(server?.wss.clients.size).toBe(0));
    expect(listenerTotal(client)).toBe(0);
    expect(h.events).toEqual([]);
  });

  it('ignores commands after the socket has closed, without throwing', async () => {
    const { h, peer } = await connect();
    peer.close(1000);
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(() => {
      h.terminate();
      h.shutdown(4000, 'again');
    }).not.toThrow();
    expect(h.eventTypes()).toEqual(['transport.open', 'transport.close']);
  });
});
