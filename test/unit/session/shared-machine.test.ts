import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { WebSocket } from 'ws';
import { createSession } from '../../../src/session/index.js';
import { createSession as createProfileSession } from '../../../src/session/create-session.js';
import { guacamoleProfile, guacamoleSessionMachine } from '../../../machines/guacamole/index.js';
import { frameProfile } from '../../../machines/frame/index.js';
import { sessionMachineFor, withTmgGateway } from '../../../machines/index.js';

const pending = (): Promise<string> => new Promise<string>(() => undefined);

describe('one machine per profile (issue 14)', () => {
  it('sessions of one profile share one machine, whatever their options; the exported machine is that one', () => {
    const a = createSession({ protocol: 'guacamole', url: pending, WebSocket, clock: new SimulatedClock() });
    const b = createSession({ protocol: guacamoleProfile, url: pending, WebSocket, clock: new SimulatedClock(), retry: { maxAttempts: 2 }, keepAlive: { deadAfterMs: 60_000 } });
    const c = createProfileSession({ protocol: guacamoleProfile, url: pending, WebSocket, clock: new SimulatedClock(), timeouts: { connectMs: 500 } });
    expect(b.actor.logic).toBe(a.actor.logic);
    expect(c.actor.logic).toBe(a.actor.logic);
    expect(sessionMachineFor(guacamoleProfile)).toBe(guacamoleSessionMachine);
    expect(createSession({ protocol: 'frame', url: pending, WebSocket }).actor.logic).not.toBe(a.actor.logic);
    for (const s of [a, b, c]) s.disconnect();
  });

  it('a session runs on its own options, carried as input', () => {
    const a = createSession({ protocol: 'guacamole', url: pending, WebSocket, clock: new SimulatedClock() });
    const b = createSession({ protocol: 'guacamole', url: pending, WebSocket, clock: new SimulatedClock(), timeouts: { connectMs: 500 }, keepAlive: { deadAfterMs: 60_000 } });
    expect(a.actor.getSnapshot().context.settings.connectMs).toBe(guacamoleProfile.connectTimeoutMs);
    expect(b.actor.getSnapshot().context.settings.connectMs).toBe(500);
    expect(b.actor.getSnapshot().context.settings.keepAlive.deadAfterMs).toBe(60_000);
    a.disconnect();
    b.disconnect();
  });

  it('the per-session connect timeout fires at its own time on the shared machine', () => {
    const clock = new SimulatedClock();
    const session = createSession({ protocol: 'frame', url: pending, WebSocket, clock, timeouts: { connectMs: 500 }, retry: { maxAttempts: 1 } });
    const faults: unknown[] = [];
    session.on('fault', ({ fault }) => faults.push(fault.code));
    session.connect();
    clock.increment(499);
    expect(faults).toEqual([]);
    clock.increment(1);
    expect(faults).toEqual([frameProfile.local.connectTimeout]);
    session.disconnect();
  });

  it('a gateway stacked on a profile is one profile (and so one machine) however often it is stacked', () => {
    expect(withTmgGateway(guacamoleProfile)).toBe(withTmgGateway(guacamoleProfile));
    const a = createSession({ protocol: 'guacamole', gateway: 'tmg', url: pending, WebSocket });
    const b = createSession({ protocol: 'guacamole', gateway: 'tmg', url: pending, WebSocket });
    expect(a.actor.logic).toBe(b.actor.logic);
    a.disconnect();
    b.disconnect();
  });
});
