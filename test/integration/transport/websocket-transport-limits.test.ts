/**
 * The transport's memory bounds against a hostile or stuck peer: the send buffer (`maxBufferedBytes`) and the
 * largest incoming message (`maxPayloadBytes`, passed to `ws`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebSocket as ServerSocket } from 'ws';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';
import { listenerTotal, recordingWs, startTransport } from './transport-harness.js';
import type { HarnessOptions, TransportHarness } from './transport-harness.js';
import { WEBSOCKET_TRANSPORT_DEFAULTS, WS_READY_STATE } from '../../../src/transport/index.js';
import type { TransportEvent, TransportFailure } from '../../../machines/wire.js';

let server: TestWsServer | undefined;
let harness: TransportHarness | undefined;
let flooding = false;

afterEach(async () => {
  flooding = false;
  harness?.stop();
  harness = undefined;
  await server?.close();
  server = undefined;
});

async function connect(options: HarnessOptions = {}) {
  const peers: ServerSocket[] = [];
  server = await startWsServer((socket) => peers.push(socket));
  const { Ctor, created, args } = recordingWs();
  const h = (harness = startTransport(Ctor, `${server.url}/tunnel`, options));
  await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open']));
  await vi.waitFor(() => expect(peers).toHaveLength(1));
  return { h, peer: peers[0] as ServerSocket, client: created[0]!, args };
}

function failures(h: TransportHarness): TransportFailure[] {
  return h.events.flatMap((event: TransportEvent) => (event.type === 'transport.error' ? [event.failure] : []));
}

/**
 * Sends `!ping:<padding>` frames (the echo codec answers each with a `reply` of the same size) in batches, one batch
 * per turn of the event loop, until `flooding` is cleared or `capBytes` have gone out.
 */
function flood(peer: ServerSocket, frameBytes: number, capBytes: number): { sentBytes: () => number } {
  const frame = `!ping:${'x'.repeat(frameBytes - 6)}`;
  let sent = 0;
  flooding = true;
  const batch = (): void => {
    if (!flooding || peer.readyState !== peer.OPEN) return;
    for (let i = 0; i < 16 && sent < capBytes; i += 1) {
      peer.send(frame);
      sent += frame.length;
    }
    if (sent < capBytes) setImmediate(batch);
  };
  batch();
  return { sentBytes: () => sent };
}

describe('createWebSocketTransport: send buffer limit (maxBufferedBytes)', () => {
  it('drops the socket and reports one overflow failure when the peer floods pings and never reads the echoes', async () => {
    const limit = 1024 * 1024;
    const { h, peer, client } = await connect({ maxBufferedBytes: limit });
    peer.pause(); // the server stops reading: every echo the client sends stays in its buffers
    const { sentBytes } = flood(peer, 64 * 1024, 256 * 1024 * 1024);
    await vi.waitFor(() => expect(failures(h)).toHaveLength(1), { timeout: 15_000 });
    const [failure] = failures(h);
    expect(failure).toEqual({
      beforeOpen: false,
      message: `send buffer over ${limit} bytes: the peer is not reading`,
      overflow: { bufferedBytes: expect.any(Number), limitBytes: limit },
    });
    expect(failure?.overflow?.bufferedBytes).toBeGreaterThan(limit);
    // Dropped, not closed politely: ws fires close 1006 after the terminate, and the parent hears it once.
    await vi.waitFor(() => expect(client.readyState).toBe(WS_READY_STATE.CLOSED));
    expect(h.eventTypes()).toEqual(['transport.open', 'transport.error', 'transport.close']);
    expect(h.events.at(-1)).toMatchObject({ type: 'transport.close', code: 1006, wasClean: false });
    expect(h.link.send).toBeNull();
    // The flood was stopped by the limit, long before the server's cap.
    expect(sentBytes()).toBeLessThan(256 * 1024 * 1024);
    h.stop();
    expect(listenerTotal(client)).toBe(0);
  });

  it('keeps a busy link whose peer reads: echoes of a flood never pass a small limit', async () => {
    const { h, peer } = await connect({ maxBufferedBytes: 256 * 1024 });
    let echoed = 0;
    peer.on('message', () => (echoed += 1));
    flood(peer, 16 * 1024, 16 * 1024 * 1024);
    await vi.waitFor(() => expect(echoed).toBe(1024), { timeout: 15_000 });
    expect(failures(h)).toEqual([]);
    expect(h.eventTypes()).toEqual(['transport.open']);
  });

  it('defaults to 16 MiB', () => {
    expect(WEBSOCKET_TRANSPORT_DEFAULTS.maxBufferedBytes).toBe(16 * 1024 * 1024);
  });
});

describe('createWebSocketTransport: largest incoming message (maxPayloadBytes, ws only)', () => {
  it('fails the socket with close 1009 on a message over maxPayloadBytes, without delivering it', async () => {
    const limit = 64 * 1024;
    const { h, peer } = await connect({ maxPayloadBytes: limit });
    let peerClose: number | undefined;
    peer.on('close', (code) => (peerClose = code));
    peer.send('a'.repeat(limit)); // at the limit: delivered
    peer.send('b'.repeat(limit + 1)); // over it: refused before it is buffered whole
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.data).toEqual(['a'.repeat(limit)]);
    expect(h.eventTypes()).toEqual(['transport.open', 'transport.error', 'transport.close']);
    // ws reports its own error code (the errno catalog knows it), closes with 1009 and stops reading: it never parses
    // the peer's answer, so its own close event says 1006. The peer sees the 1009.
    expect(failures(h)[0]).toMatchObject({ beforeOpen: false, code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' });
    await vi.waitFor(() => expect(peerClose).toBe(1009));
  });

  it('bounds incoming messages to WEBSOCKET_TRANSPORT_DEFAULTS.maxPayloadBytes (8 MiB) when none is given', async () => {
    const limit = 8 * 1024 * 1024;
    expect(WEBSOCKET_TRANSPORT_DEFAULTS.maxPayloadBytes).toBe(limit);
    const { h, peer } = await connect();
    let peerClose: number | undefined;
    peer.on('close', (code) => (peerClose = code));
    peer.send(Buffer.alloc(limit + 1));
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'), { timeout: 5_000 });
    expect(h.data).toEqual([]);
    expect(failures(h)[0]).toMatchObject({ code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' });
    await vi.waitFor(() => expect(peerClose).toBe(1009));
  });
});
