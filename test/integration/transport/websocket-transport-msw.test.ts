/**
 * The transport against an msw `ws.link` mock. msw patches only `globalThis.WebSocket`, which Node 20
 * lacks, so this file defines it from `ws` for the file (listenWithGlobalWebSocket).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ws } from 'msw';
import { setupServer } from 'msw/node';
import { listenWithGlobalWebSocket } from '../../support/msw-global-websocket.js';
import { startTransport } from './transport-harness.js';
import type { TransportHarness } from './transport-harness.js';

const gateway = ws.link('wss://gateway.test/tunnel');
const received: unknown[] = [];
const server = setupServer(
  gateway.addEventListener('connection', ({ client }) => {
    client.addEventListener('message', (event) => {
      received.push(event.data);
      if (event.data === 'please close') client.close(4000, 'bye');
    });
    client.send('hello');
    client.send('!step:tunnel');
  }),
);

listenWithGlobalWebSocket(server);
let harness: TransportHarness | undefined;

afterEach(() => {
  harness?.stop();
  harness = undefined;
  received.length = 0;
});

describe('createWebSocketTransport with an msw ws.link mock', () => {
  it('opens, passes data to the link and signals to the parent, and reports the mock server close', async () => {
    const h = (harness = startTransport(globalThis.WebSocket, 'wss://gateway.test/tunnel?token=abc'));
    await vi.waitFor(() => expect(h.data).toEqual(['hello']));
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open', 'transport.signal']));
    expect(h.events[1]).toEqual({ type: 'transport.signal', signal: { kind: 'step', step: 'tunnel' } });
    expect(h.link.lastDataAt).toBe(1_000);

    expect(h.link.send?.('please close')).toBe(true);
    await vi.waitFor(() => expect(received).toEqual(['please close']));
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 4000, reason: 'bye', wasClean: true });
    expect(h.link.send).toBeNull();
  });
});
