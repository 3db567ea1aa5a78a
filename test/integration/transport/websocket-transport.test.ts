import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulatedClock } from 'xstate';
import { WebSocket as NodeWs } from 'ws';
import type { WebSocket as ServerSocket } from 'ws';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';
import { startTransport } from './transport-harness.js';
import type { HarnessOptions, TransportHarness } from './transport-harness.js';

let server: TestWsServer | undefined;
let harness: TransportHarness | undefined;

afterEach(async () => {
  harness?.stop();
  harness = undefined;
  await server?.close();
  server = undefined;
});

/** Starts a server, connects the transport to it, and resolves with the server side of the socket once open. */
async function connect(options: HarnessOptions = {}): Promise<{ h: TransportHarness; peer: ServerSocket }> {
  const peers: ServerSocket[] = [];
  server = await startWsServer((socket) => peers.push(socket));
  const h = startTransport(NodeWs, `${server.url}/session`, options);
  harness = h;
  await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.open'));
  await vi.waitFor(() => expect(peers).toHaveLength(1));
  return { h, peer: peers[0] as ServerSocket };
}

describe('createWebSocketTransport: opening', () => {
  it('sends transport.open once and installs link.send when the socket opens', async () => {
    const { h } = await connect();
    expect(h.eventTypes()).toEqual(['transport.open']);
    expect(h.link.send).toBeTypeOf('function');
    expect(h.codec.resets).toBe(1);
  });

  it('sends frames through link.send as they are, and returns false once the socket is gone', async () => {
    const { h, peer } = await connect();
    const received: string[] = [];
    peer.on('message', (data, isBinary) => received.push(isBinary ? `bin:${(data as Buffer).length}` : String(data)));
    const send = h.link.send;
    expect(send?.('hello')).toBe(true);
    expect(send?.(new Uint8Array([1, 2, 3]))).toBe(true);
    await vi.waitFor(() => expect(received).toEqual(['hello', 'bin:3']));
    peer.close(1000);
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.link.send).toBeNull();
    expect(send?.('late')).toBe(false);
  });

  it('offers the requested subprotocols to the server', async () => {
    const { peer } = await connect({ protocols: ['guacamole', 'other'] });
    expect(peer.protocol).toBe('guacamole');
  });
});

describe('createWebSocketTransport: incoming data', () => {
  it('hands text and binary data to link.onData without sending any parent event', async () => {
    const { h, peer } = await connect();
    peer.send('first');
    peer.send(Buffer.from([7, 8, 9]));
    peer.send('!multi:a|b');
    await vi.waitFor(() => expect(h.data).toHaveLength(4));
    expect(h.data[0]).toBe('first');
    expect(h.data[1]).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(h.data[1] as ArrayBuffer)]).toEqual([7, 8, 9]);
    expect(h.data.slice(2)).toEqual(['a', 'b']);
    expect(h.eventTypes()).toEqual(['transport.open']);
  });

  it('records lastDataAt from the injected clock for every burst of frames, keep-alives included', async () => {
    const { h, peer } = await connect();
    h.setNow(5_000);
    peer.send('one');
    await vi.waitFor(() => expect(h.link.lastDataAt).toBe(5_000));
    h.setNow(7_500);
    peer.send('!nop');
    await vi.waitFor(() => expect(h.link.lastDataAt).toBe(7_500));
    expect(h.data).toEqual(['one']);
    expect(h.eventTypes()).toEqual(['transport.open']);
  });


  it('sends exactly one transport.activity when wantActivity is set, then clears the flag', async () => {
    const { h, peer } = await connect();
    h.link.wantActivity = true;
    for (const text of ['a', 'b', 'c']) peer.send(text);
    await vi.waitFor(() => expect(h.data).toEqual(['a', 'b', 'c']));
    expect(h.link.wantActivity).toBe(false);
    expect(h.eventTypes()).toEqual(['transport.open', 'transport.activity']);
    h.link.wantActivity = true;
    peer.send('!nop');
    await vi.waitFor(() => expect(h.eventTypes()).toEqual(['transport.open', 'transport.activity', 'transport.activity']));
  });

  it('sends codec replies back on the socket without telling the parent', async () => {
    const { h, peer } = await connect();
    const replies: string[] = [];
    peer.on('message', (data) => replies.push(String(data)));
    peer.send('!ping:42');
    await vi.waitFor(() => expect(replies).toEqual(['!pong:42']));
    expect(h.eventTypes()).toEqual(['transport.open']);
  });

  it('turns step, status, end and malformed frames into transport.signal events, in order', async () => {
    const { h, peer } = await connect();
    for (const text of ['!step:sync', '!status:519:upstream gone', '!end:bye', '!what']) peer.send(text);
    await vi.waitFor(() => expect(h.events).toHaveLength(5));
    const signals = h.events.slice(1).map((event) => (event.type === 'transport.signal' ? event.signal : event));
    expect(signals.slice(0, 3)).toEqual([
      { kind: 'step', step: 'sync' },
      { kind: 'status', code: 519, message: 'upstream gone' },
      { kind: 'end', message: 'bye' },
    ]);
    expect(signals[3]).toMatchObject({ kind: 'malformed', error: { code: 'SESSION_ERR_PROTOCOL' } });
  });
});

describe('createWebSocketTransport: closing', () => {
  it('reports a server close with its code, reason and wasClean', async () => {
    const { h, peer } = await connect();
    peer.close(4001, 'kicked out');
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 4001, reason: 'kicked out', wasClean: true });
    expect(h.eventTypes()).toEqual(['transport.open', 'transport.close']);
  });

  it('reports a close without a reason as 1005 with an empty reason', async () => {
    const { h, peer } = await connect();
    peer.close();
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 1005, reason: '', wasClean: true });
  });

  it('reports 1006, not clean, when the server drops the TCP connection without a close frame', async () => {
    const { h, peer } = await connect();
    peer.terminate();
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 1006, reason: '', wasClean: false });
    expect(h.eventTypes().filter((type) => type === 'transport.error')).toHaveLength(0);
  });
});

describe('createWebSocketTransport: its own keep-alive (keepAliveEveryMs, Guacamole\'s tunnel ping)', () => {
  /** Frames the server received, in order; `upTo(marker)` waits until a frame sent after them has arrived too. */
  function recordFrames(h: TransportHarness, peer: ServerSocket) {
    const frames: string[] = [];
    peer.on('message', (data) => frames.push(String(data)));
    return async (): Promise<string[]> => {
      const marker = `marker ${frames.length}`;
      expect(h.link.send?.(marker)).toBe(true);
      await vi.waitFor(() => expect(frames).toContain(marker));
      return frames.filter((frame) => !frame.startsWith('marker'));
    };
  }
  const scheduled = (h: TransportHarness) => Object.keys(h.actor.system.getSnapshot()._scheduledEvents);

  it('sends the codec\'s keep-alive every keepAliveEveryMs from the open, whatever the traffic, on the injected clock', async () => {
    const clock = new SimulatedClock();
    const { h, peer } = await connect({ clock, keepAliveEveryMs: 500 });
    const frames = recordFrames(h, peer);
    clock.increment(499);
    expect(await frames()).toEqual([]);
    clock.increment(1);
    expect(await frames()).toEqual(['!nop:500']);
    clock.increment(200);
    peer.send('data at 700'); // incoming traffic does not move the cadence (a machine-sent keep-alive would wait)
    await vi.waitFor(() => expect(h.data).toEqual(['data at 700']));
    clock.increment(300);
    clock.increment(500); // one tick per advance: SimulatedClock leaves a timer set by the last one it ran for the next
    clock.increment(500);
    expect(await frames()).toEqual(['!nop:500', '!nop:1000', '!nop:1500', '!nop:2000']);
    expect(scheduled(h)).toHaveLength(1); // one tick pending at a time
    expect(h.eventTypes()).toEqual(['transport.open']); // the ticks are the transport's own: the parent hears nothing
  });

  it('sends nothing on its own without keepAliveEveryMs', async () => {
    const clock = new SimulatedClock();
    const { h, peer } = await connect({ clock });
    const frames = recordFrames(h, peer);
    clock.increment(60_000);
    expect(await frames()).toEqual([]);
    expect(scheduled(h)).toEqual([]);
  });

  it('stops at the close: no tick stays scheduled, and none is sent afterwards', async () => {
    const clock = new SimulatedClock();
    const { h, peer } = await connect({ clock, keepAliveEveryMs: 500 });
    expect(scheduled(h)).toHaveLength(1);
    peer.close(1000);
    await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
    expect(scheduled(h)).toEqual([]);
    expect(() => clock.increment(5_000)).not.toThrow();
    expect(scheduled(h)).toEqual([]);
  });

  it('stops when the parent lets go of it: no tick stays scheduled', async () => {
    const clock = new SimulatedClock();
    const { h, peer } = await connect({ clock, keepAliveEveryMs: 500 });
    const received: string[] = [];
    peer.on('message', (data) => received.push(String(data)));
    clock.increment(500);
    h.leave();
    expect(scheduled(h)).toEqual([]);
    clock.increment(5_000);
    await vi.waitFor(() => expect(peer.readyState).toBe(peer.CLOSED));
    expect(received).toEqual(['!nop:500']);
  });
});
