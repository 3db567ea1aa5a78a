import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { encodeInstruction } from '../../../machines/guacamole/encoder.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';

const STEPS = ['tunnel', 'sync'];
const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none' } });
/** Guacamole's timings and codec with the keep-alive sent by the machine (a profile without `keepAliveSender`). */
const machineSent = createSessionMachine({ ...guacamoleProfile, keepAliveSender: 'machine' }, { retry: { jitter: 'none' } });

/** Counts the machine's keep-alive checks from now on, and those that took a transition with a target. */
function countChecks(h: ReturnType<typeof startHarness>) {
  const counts = { checks: 0, targeted: 0 };
  h.actor.system.inspect((event) => {
    if (event.type !== '@xstate.microstep' || (event as { event: { type: string } }).event.type !== 'keepalive.check') return;
    counts.checks += 1;
    const taken = (event as unknown as { _transitions: { target?: readonly unknown[] }[] })._transitions;
    counts.targeted += taken.filter((t) => t.target !== undefined).length;
  });
  return counts;
}

describe('session machine: keep-alive (Guacamole: nop 5000 ms, unstable 1500 ms, dead 15000 ms)', () => {
  it('reports unstable after 1500 ms of silence and stable again on the next frame, with one actor event', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    await h.advance(1499);
    expect(h.emittedOf('unstable')).toHaveLength(0);
    await h.advance(1);
    expect(h.emittedOf('unstable')).toEqual([{ type: 'unstable', silentMs: 1500 }]);
    expect(h.actor.getSnapshot().hasTag('phase:keepalive')).toBe(true);
    h.socket().data('a');
    h.socket().data('b');
    expect(h.emittedOf('stable')).toHaveLength(1);
    expect(h.received).toEqual(['a', 'b']);
    expect(h.link.wantActivity).toBe(false);
  });

  it('data keeps the link healthy without any actor event per message', async () => {
    const run = async (perStep: number) => {
      const h = startHarness(machine);
      await connectToReady(h, STEPS);
      let transitions = 0;
      h.actor.subscribe(() => (transitions += 1));
      for (let t = 0; t < 10_000; t += 500) {
        for (let i = 0; i < perStep; i += 1) h.socket().data(t);
        await h.advance(500);
      }
      expect(h.emittedOf('unstable')).toHaveLength(0);
      expect(h.received).toHaveLength(20 * perStep);
      return transitions;
    };
    // only the keep-alive timers cause transitions: 100× the messages, the same count
    expect(await run(100)).toBe(await run(1));
  });

  it('declares the peer dead after 15000 ms of silence: UPSTREAM_TIMEOUT, socket terminated, then backoff', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    await h.advance(14_999);
    expect(h.state()).toContain('ready');
    await h.advance(1);
    expect(h.emittedOf('fault')[0]!.fault).toMatchObject({ space: 'guacamole', code: 514, name: 'UPSTREAM_TIMEOUT' });
    expect(h.sockets[0]!.commands).toEqual([{ type: 'transport.terminate' }]);
    expect(h.sockets[0]!.alive).toBe(false);
    expect(h.state()).toBe('active.backoff.waiting');
  });

  it('leaves the 500 ms tunnel ping to the transport and checks only the silence, about once a second', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    expect(h.socket().keepAliveEveryMs).toBe(500);
    const counts = countChecks(h);
    for (let t = 0; t < 10_000; t += 500) {
      h.socket().data(); // the echo of each tunnel ping, every 500 ms
      await h.advance(500);
    }
    expect(h.socket().sent).toEqual([]); // the machine sends no keep-alive of its own
    // A check falls due 1500 ms after the last frame and finds one 500 ms old: it re-arms 1000 ms on. In 10 s that
    // is the checks at 1.5 s, 2.5 s … 9.5 s (a machine-sent 500 ms keep-alive checks 20 times: the test below).
    expect(counts).toEqual({ checks: 9, targeted: 0 });
    expect(h.emittedOf('unstable')).toHaveLength(0);
  });

  it('a machine-sent keep-alive goes out 500 ms after the last frame in either direction, with a nop every 5 s', async () => {
    const h = startHarness(machineSent);
    await connectToReady(h, STEPS);
    const nop = encodeInstruction('nop');
    const ping = (at: number) => encodeInstruction('', 'ping', String(at));
    await h.advance(499);
    expect(h.socket().sent).toEqual([]);
    await h.advance(1);
    expect(h.socket().sent).toEqual([nop + ping(500)]);
    await h.advance(500);
    expect(h.socket().sent.at(-1)).toBe(ping(1000));
    await h.advance(300);
    h.socket().data(); // incoming traffic at 1300 re-arms the keep-alive
    await h.advance(499);
    expect(h.socket().sent).toHaveLength(2);
    await h.advance(1);
    expect(h.socket().sent.at(-1)).toBe(ping(1800));
    for (let t = 1800; t < 5300; t += 500) await h.advance(500); // pings at 2300 … 5300, no nop yet
    expect(h.socket().sent.at(-1)).toBe(ping(5300));
    await h.advance(500); // 5800: 5300 ms since the first nop at 500
    expect(h.socket().sent.at(-1)).toBe(nop + ping(5800));
    expect(h.socket().sent.filter((frame) => String(frame).startsWith(nop))).toHaveLength(2);
  });

  it('re-arms its check without leaving healthy, and an extra keepalive.check never leaves two timers pending', async () => {
    const h = startHarness(machineSent);
    await connectToReady(h, STEPS);
    const counts = countChecks(h);
    for (let t = 0; t < 10_000; t += 1_000) {
      h.socket().data(); // every second: never unstable; a keep-alive 500 ms after the last frame either way
      await h.advance(500);
      await h.advance(500);
    }
    expect(h.socket().sent).toHaveLength(20);
    // every check was a targetless transition: healthy was never left or re-entered
    expect(counts).toEqual({ checks: 20, targeted: 0 });
    expect(h.pendingTimers()).toBe(1); // the check (minUptime has fired)
    h.send({ type: 'keepalive.check' });
    h.send({ type: 'keepalive.check' });
    expect(h.pendingTimers()).toBe(1);
    expect(h.state()).toBe('active.online.ready.healthy');
  });

  it('accepts heartbeats reported by the app (keepalive.tick) for closed protocols', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    for (let i = 0; i < 20; i += 1) {
      await h.advance(1000);
      h.send({ type: 'keepalive.tick' });
    }
    expect(h.emittedOf('unstable')).toHaveLength(0);
    expect(h.state()).toContain('ready');
  });
});
