import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { frameProfile } from '../../../machines/frame/profile.js';
import { createRetryBudget } from '../../../src/policy/index.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';
import { sequenceRandom } from '../../support/seeded-random.js';

const STEPS = ['tunnel', 'sync'];

describe('session machine: backoff and reconnect', () => {
  it('reconnects after exactly the policy delay, growing ×2, with the attempt in each event', async () => {
    const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 1000, maxAttempts: 5 } });
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    for (const expected of [1000, 2000, 4000]) {
      h.socket().close(1006);
      expect(h.state()).toBe('active.backoff.waiting');
      const before = h.sockets.length;
      await h.advance(expected - 1);
      expect(h.sockets.length).toBe(before);
      await h.advance(1);
      expect(h.sockets.length).toBe(before + 1);
      h.socket().open(); // opens, then drops again during the handshake
    }
    expect(h.emittedOf('reconnecting').map((e) => [e.attempt, e.delayMs])).toEqual([[1, 1000], [2, 2000], [3, 4000]]);
  });

  it('replays the same jittered delays for the same random sequence (full jitter)', async () => {
    const run = async () => {
      const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'full', initialDelayMs: 1000, maxAttempts: 4 } });
      const h = startHarness(machine, { random: sequenceRandom([0.5, 0.25, 0.75, 0.1]) });
      await connectToReady(h, STEPS);
      for (let i = 0; i < 4; i += 1) {
        h.socket().close(1006);
        await h.advance(h.context().delayMs as number);
      }
      return h.emittedOf('reconnecting').map((e) => e.delayMs);
    };
    const first = await run();
    expect(first).toEqual([500, 500, 3000, 800]);
    expect(await run()).toEqual(first);
  });

  it('keeps the first fault of an outage as the cause while later faults only update lastFault', async () => {
    const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', maxAttempts: 5 } });
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().status(515, 'upstream error');
    expect(h.context().cause).toMatchObject({ code: 515 });
    await h.advance(1500); // the default first delay without jitter
    h.socket().close(1006); // the reconnect fails differently
    expect(h.context().cause).toMatchObject({ code: 515 });
    expect(h.context().lastFault).toMatchObject({ code: 519 });
    expect(h.emittedOf('reconnecting').every((e) => e.cause.code === 515)).toBe(true);
  });

  it('decides the next step from the latest fault: an auth failure during reconnect stops retrying', async () => {
    const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', maxAttempts: 5 } });
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().close(1006);
    await h.advance(1500); // the default first delay without jitter
    h.socket().open();
    h.socket().status(769, 'bad password');
    expect(h.state()).toBe('active.awaiting.auth');
    await h.advance(3_600_000);
    expect(h.sockets).toHaveLength(2);
  });

  it('honours a retry-later floor from the cause (SERVER_BUSY) over a smaller computed delay', async () => {
    const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 100 } });
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().status(513);
    const cause = h.context().lastFault as unknown as { outcome: string; retryAfterMs: number };
    expect(cause.outcome).toBe('retry-later');
    expect(h.emittedOf('reconnecting')[0]!.delayMs).toBe(Math.max(100, cause.retryAfterMs));
  });

  it('floors the delay at an HTTP Retry-After from a rejected upgrade (503, Retry-After: 120)', async () => {
    const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 100 } });
    const h = startHarness(machine);
    h.send({ type: 'user.connect' });
    await h.settle();
    h.socket().error({ message: 'Unexpected server response: 503', http: { status: 503, retryAfter: '120' }, beforeOpen: true });
    expect(h.emittedOf('reconnecting')[0]!.delayMs).toBe(120_000);
  });

  it('fails with reason exhausted after maxAttempts, and Frame reports 4106 as the final code', async () => {
    const machine = createSessionMachine(frameProfile, { retry: { jitter: 'none', initialDelayMs: 10, maxAttempts: 2 } });
    const h = startHarness(machine);
    h.send({ type: 'user.connect' });
    await h.settle();
    for (let i = 0; i < 3; i += 1) {
      h.socket().error({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED', beforeOpen: true });
      await h.advance(100);
    }
    expect(h.state()).toBe('failed');
    expect(h.sockets).toHaveLength(3);
    const failed = h.emittedOf('failed')[0]!;
    expect(failed.reason).toBe('exhausted');
    expect(failed.cause).toMatchObject({ space: 'frame', code: 4101 });
    expect(failed.cause.via).toMatchObject({ space: 'errno', code: 'ECONNREFUSED' });
    expect(failed.final).toMatchObject({ space: 'frame', code: 4106 });
    expect(h.pendingTimers()).toBe(0);
  });

  it('resets the attempt counter only after minUptimeMs in ready', async () => {
    const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', minUptimeMs: 5000, maxAttempts: 10 } });
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().close(1006);
    await h.advance(1500); // the default curve without jitter: 1500, 3000, ...
    h.socket().open();
    STEPS.forEach((s) => h.socket().step(s));
    expect(h.context().attempt).toBe(1);
    await h.advance(4999);
    h.socket().close(1006); // flapped before minUptime: the outage goes on
    expect(h.emittedOf('reconnecting').at(-1)).toMatchObject({ attempt: 2, delayMs: 3000 });
    await h.advance(3000);
    h.socket().open();
    STEPS.forEach((s) => h.socket().step(s));
    await h.advance(5000);
    expect(h.context().attempt).toBe(0);
    expect(h.context().cause).toBeNull();
    h.socket().close(1006);
    expect(h.emittedOf('reconnecting').at(-1)).toMatchObject({ attempt: 1, delayMs: 1500 });
  });

  it('retryNow skips the rest of the backoff', async () => {
    const h = startHarness(createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 60_000, maxDelayMs: 60_000 } }));
    await connectToReady(h, STEPS);
    h.socket().close(1006);
    h.send({ type: 'user.retryNow' });
    await h.settle();
    expect(h.sockets).toHaveLength(2);
    expect(h.context().attempt).toBe(1);
  });

  it('stops when a retry budget shared by two sessions runs dry', async () => {
    const clockless = { t: 0 };
    const budget = createRetryBudget({ capacity: 2, refillPerMinute: 1, now: () => clockless.t });
    const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', budget } });
    const a = startHarness(machine);
    const b = startHarness(machine);
    await connectToReady(a, STEPS);
    await connectToReady(b, STEPS);
    a.socket().close(1006);
    b.socket().close(1006);
    expect(a.state()).toBe('active.backoff.waiting');
    expect(b.state()).toBe('active.backoff.waiting');
    await a.advance(1500); // the default first delay without jitter
    a.socket().close(1006);
    expect(a.state()).toBe('failed');
    expect(a.emittedOf('failed')[0]!.reason).toBe('exhausted');
  });

  it('fires the reconnect when a reconnecting handler advances the simulated clock by the delay', async () => {
    const h = startHarness(createSessionMachine(guacamoleProfile, { retry: { jitter: 'none' } }));
    h.actor.on('reconnecting', (event) => h.clock.increment((event as { delayMs: number }).delayMs));
    await connectToReady(h, STEPS);
    h.socket().close(1006);
    await h.settle();
    expect(h.sockets).toHaveLength(2);
  });
});
