import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';

const STEPS = ['tunnel', 'sync'];
const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 1000, minUptimeMs: 5000 } });

describe('session machine: the uptime timer (minUptimeMs) is armed only when there is an outage to reset', () => {
  it('a session that never had an outage holds no uptime timer while ready: the keep-alive check is its only timer', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    expect(h.context().attempt).toBe(0);
    expect(h.pendingTimers()).toBe(1); // the keep-alive check (the scripted socket watches no silence)
    await h.advance(10_000);
    h.socket().data();
    expect(h.state()).toBe('active.online.ready.healthy');
    expect(h.context()).toMatchObject({ attempt: 0, cause: null, outageStartedAt: null });
  });

  it('after a recovery: armed on ready, resets the attempt count and the cause once, and is cancelled by a drop before it fires', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().close(1006);
    await h.advance(1000);
    await connectToReady(h, STEPS);
    expect(h.context().attempt).toBe(1);
    expect(h.pendingTimers()).toBe(2); // the keep-alive check and the uptime timer
    h.socket().close(1006); // a flap before minUptime: the uptime timer goes with `ready`
    expect(h.pendingTimers()).toBe(1); // only the backoff
    await h.advance(2000);
    await connectToReady(h, STEPS);
    expect(h.context().attempt).toBe(2);
    for (let t = 0; t < 5000; t += 1000) {
      h.socket().data();
      await h.advance(1000);
    }
    expect(h.context()).toMatchObject({ attempt: 0, cause: null, outageStartedAt: null, delayMs: null });
    expect(h.state()).toBe('active.online.ready.healthy');
    expect(h.pendingTimers()).toBe(1); // fired once: only the keep-alive check is left
  });
});
