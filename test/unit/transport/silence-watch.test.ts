/**
 * The transport's silence watch (`link.watchSilence`), on a socket the test drives and timers it holds: what the
 * parent hears (one `keepalive.check` per watch, only for a silence that lasted), when (from `lastDataAt`), and that it
 * never outlives the socket or throws.
 */
import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { createWebSocketTransport } from '../../../src/transport/index.js';
import type { WebSocketConstructor } from '../../../src/transport/index.js';
import { ResolvedUrl } from '../../../machines/secret-url.js';
import type { SessionLink, TransportEvent, TransportTimers } from '../../../machines/wire.js';
import { createEchoCodec } from '../../support/echo-codec.js';
import { DrivenSocket } from '../../support/driven-socket.js';

/** Timers the test fires by hand, on a clock it sets. */
class HandTimers implements TransportTimers {
  now = 0;
  next = 1;
  readonly pending = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(id: unknown): void {
    this.pending.delete(id as number);
  }
  /** Moves the clock to `to`, firing what falls due in order. */
  advanceTo(to: number): void {
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = to;
  }
}

function start(options: { throwingClock?: () => boolean; keepAliveEveryMs?: number } = {}) {
  const timers = new HandTimers();
  const heard: TransportEvent['type'][] = [];
  const failures: string[] = [];
  const link: SessionLink = { lastDataAt: 0, wantActivity: false, onData: () => undefined, send: null, timers };
  const now = () => {
    if (options.throwingClock?.() === true) throw new Error('clock broke at token=abc123');
    return timers.now;
  };
  const transport = createWebSocketTransport(DrivenSocket as unknown as WebSocketConstructor);
  const parent = setup({ actors: { transport } }).createMachine({
    invoke: {
      src: 'transport',
      input: { url: new ResolvedUrl('ws://x/'), codec: createEchoCodec(), link, now, ...(options.keepAliveEveryMs === undefined ? {} : { keepAliveEveryMs: options.keepAliveEveryMs }) },
    },
    on: {
      '*': {
        actions: ({ event }) => {
          heard.push(event.type as TransportEvent['type']);
          if (event.type === 'transport.error') failures.push((event as Extract<TransportEvent, { type: 'transport.error' }>).failure.message);
        },
      },
    },
  });
  const actor = createActor(parent).start();
  const socket = DrivenSocket.last!;
  const open = () => {
    socket.readyState = 1;
    socket.dispatch('open', { type: 'open' });
  };
  /** A frame at `at`, in a read of its own (the transport reads the clock once per burst: a microtask turn apart). */
  const data = async (at: number) => {
    timers.advanceTo(at);
    socket.dispatch('message', { type: 'message', data: 'x' });
    await Promise.resolve();
  };
  return { actor, socket, link, timers, heard, failures, open, data };
}

describe('transport: the silence watch', () => {
  it('is offered only while the socket is open, and only on a link that has timers', () => {
    const t = start();
    expect(t.link.watchSilence ?? null).toBeNull();
    t.open();
    expect(typeof t.link.watchSilence).toBe('function');
    t.socket.readyState = 3;
    t.socket.dispatch('close', { type: 'close', code: 1006, reason: '', wasClean: false });
    expect(t.link.watchSilence).toBeNull();
    t.actor.stop();

    const link: SessionLink = { lastDataAt: 0, wantActivity: false, onData: () => undefined, send: null };
    const transport = createWebSocketTransport(DrivenSocket as unknown as WebSocketConstructor);
    const actor = createActor(setup({ actors: { transport } }).createMachine({
      invoke: { src: 'transport', input: { url: new ResolvedUrl('ws://x/'), codec: createEchoCodec(), link, now: () => 0 } },
    })).start();
    DrivenSocket.last!.readyState = 1;
    DrivenSocket.last!.dispatch('open', { type: 'open' });
    expect(link.watchSilence ?? null).toBeNull(); // the machine keeps its own timer
    actor.stop();
  });

  it('re-arms on its own while frames arrive, and sends one keepalive.check when the silence reaches the threshold', async () => {
    const t = start();
    t.open();
    t.link.watchSilence!(1500);
    for (let at = 400; at <= 10_000; at += 400) await t.data(at); // a frame every 400 ms for 10 s
    expect(t.heard).toEqual(['transport.open']);
    expect(t.timers.pending.size).toBe(1); // one watch timer, however many frames
    t.timers.advanceTo(10_000 + 1499);
    expect(t.heard).toEqual(['transport.open']);
    t.timers.advanceTo(10_000 + 1500);
    expect(t.heard).toEqual(['transport.open', 'keepalive.check']);
    expect(t.timers.pending.size).toBe(0); // one check per watch: the machine asks again if it stays
    t.timers.advanceTo(60_000);
    expect(t.heard).toEqual(['transport.open', 'keepalive.check']);
    t.actor.stop();
  });

  it('counts from the last frame, not from when it was asked; a threshold already passed checks at once (next timer turn)', async () => {
    const t = start();
    t.open();
    await t.data(1000);
    t.timers.advanceTo(3000);
    t.link.watchSilence!(1500); // silent 2000 ms already
    expect(t.heard).toEqual(['transport.open']);
    t.timers.advanceTo(3000);
    expect(t.heard).toEqual(['transport.open', 'keepalive.check']);
    t.actor.stop();
  });

  it('watchSilence(null) stops it, and nothing is heard after the close, an error or the stop', () => {
    const t = start();
    t.open();
    t.link.watchSilence!(1500);
    t.link.watchSilence!(null);
    t.timers.advanceTo(5000);
    expect(t.heard).toEqual(['transport.open']);
    const watch = t.link.watchSilence!;
    watch(1500);
    t.socket.dispatch('error', { type: 'error', message: 'boom' });
    t.timers.advanceTo(10_000);
    expect(t.heard).toEqual(['transport.open', 'transport.error']);
    t.actor.stop();
    watch(1500); // a stale handle after the stop: a no-op, no timer
    expect(t.timers.pending.size).toBe(0);
  });

  it('a clock that throws fails the link (redacted), never the caller', () => {
    let broken = false;
    const t = start({ throwingClock: () => broken });
    t.open();
    broken = true;
    expect(() => t.link.watchSilence!(1500)).not.toThrow();
    expect(t.heard).toEqual(['transport.open', 'transport.error']);
    expect(t.failures).toHaveLength(1);
    expect(t.failures[0]).toContain('clock broke');
    expect(t.failures[0]).not.toContain('abc123');
    t.actor.stop();
    expect(t.timers.pending.size).toBe(0);
  });

  it('shares one timer with the transport\'s keep-alive tick: pings on the dot, the check at its own deadline between ticks', async () => {
    const t = start({ keepAliveEveryMs: 500 });
    t.open();
    t.link.watchSilence!(1500);
    for (let at = 500; at <= 5000; at += 500) {
      t.timers.advanceTo(at);
      expect(t.timers.pending.size).toBe(1); // the next tick; the watch falls due later
      await t.data(at); // the echo
    }
    expect(t.socket.sent).toEqual(Array.from({ length: 10 }, (_, i) => `!nop:${(i + 1) * 500}`));
    await t.data(5200); // the last frame, between ticks
    t.timers.advanceTo(6699);
    expect(t.heard).toEqual(['transport.open']);
    t.timers.advanceTo(6700);
    expect(t.heard).toEqual(['transport.open', 'keepalive.check']);
    expect(t.socket.sent.at(-1)).toBe('!nop:6500');
    t.timers.advanceTo(7000);
    expect(t.socket.sent.at(-1)).toBe('!nop:7000'); // the tick goes on after the watch ended
    t.actor.stop();
    expect(t.timers.pending.size).toBe(0);
  });
});
