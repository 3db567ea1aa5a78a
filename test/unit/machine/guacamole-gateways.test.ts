/**
 * Issue 11: what real Guacamole gateways send, read by the machine. Each case feeds the signals the Guacamole codec
 * produces for the frames a real gateway sent (docs/gateways.md) into the shared machine under SimulatedClock.
 */
import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';

const STEPS = ['tunnel', 'sync'];
const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 1000, maxAttempts: 3 } });

/** Connects and completes the tunnel step only: guacd has not sent its first sync yet. */
async function connectToTunnel(h: ReturnType<typeof startHarness>): Promise<void> {
  h.send({ type: 'user.connect' });
  await h.settle();
  h.socket().open();
  h.socket().step('tunnel');
}

describe('Guacamole gateways: guacamole-lite text codes', () => {
  it('SERVICE_UNAVAILABLE (guacd not running) is retried with its floor, the text kept', async () => {
    const h = startHarness(machine);
    await connectToTunnel(h);
    h.socket().status('SERVICE_UNAVAILABLE', 'Desktop service unavailable');
    expect(h.state()).toBe('active.backoff.waiting');
    const [fault] = h.emittedOf('fault');
    expect(fault?.fault).toMatchObject({ space: 'guacamole', code: 'SERVICE_UNAVAILABLE', known: true, outcome: 'retry-later', message: 'Desktop service unavailable' });
    expect(h.emittedOf('reconnecting')[0]?.delayMs).toBeGreaterThanOrEqual(2000);
  });

  it('INVALID_TOKEN asks for credentials and never opens a second connection', async () => {
    const h = startHarness(machine);
    await connectToTunnel(h);
    h.socket().status('INVALID_TOKEN', 'Token validation failed');
    expect(h.state()).toBe('active.awaiting.auth');
    await h.advance(3_600_000);
    expect(h.sockets).toHaveLength(1);
    expect(h.emittedOf('needs-auth')).toHaveLength(1);
  });

  it('CONNECTION_RESET (guacd killed) mid-session is retried and the session is ready again', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().status('CONNECTION_RESET', 'Desktop connection reset');
    h.socket().close(1011, 'Internal server error');
    expect(h.state()).toBe('active.backoff.waiting');
    await h.advance(1000);
    h.socket().open();
    STEPS.forEach((s) => h.socket().step(s));
    expect(h.emittedOf('ready').map((e) => e.attempt)).toEqual([0, 1]);
    expect(h.context().cause?.code).toBe('CONNECTION_RESET');
  });

  it('an unknown text code is known: false, retried within the policy, its text kept', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().status('SOMETHING_NEW', 'a future guacamole-lite error');
    expect(h.state()).toBe('active.backoff.waiting');
    expect(h.emittedOf('fault')[0]?.fault).toMatchObject({ code: 'SOMETHING_NEW', known: false, outcome: 'retry', message: 'a future guacamole-lite error' });
  });
});

describe('Guacamole gateways: a disconnect before the first sync is a failed attempt', () => {
  it('is retried within the policy, then fails with DISCONNECT_WITHOUT_STATUS as the cause, never SUCCESS', async () => {
    const h = startHarness(machine);
    await connectToTunnel(h);
    for (let attempt = 0; attempt <= 3; attempt += 1) {
      if (attempt > 0) {
        await h.advance(1000 * 2 ** (attempt - 1));
        h.socket().open();
        h.socket().step('tunnel');
      }
      h.socket().status('DISCONNECT_WITHOUT_STATUS', 'disconnect before the first sync');
      h.socket().close(1000, 'Connection closed normally');
    }
    expect(h.sockets).toHaveLength(4);
    expect(h.state()).toBe('failed');
    const [failed] = h.emittedOf('failed');
    expect(failed).toMatchObject({ reason: 'exhausted', cause: { code: 'DISCONNECT_WITHOUT_STATUS', category: 'upstream' } });
    expect(failed?.cause.fix).toMatch(/reachable from guacd/);
    expect(h.emittedOf('closed')).toHaveLength(0);
    expect(h.emittedOf('fault').map((f) => f.fault.code)).not.toContain(0);
  });

  it('inside an outage it continues the retry plan (the first fault stays the cause)', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().status(515, 'Aborted. See logs.');
    await h.advance(1000);
    h.socket().open();
    h.socket().step('tunnel');
    h.socket().status('DISCONNECT_WITHOUT_STATUS', 'disconnect before the first sync');
    expect(h.state()).toBe('active.backoff.waiting');
    expect(h.context()).toMatchObject({ attempt: 1, cause: { code: 515 }, lastFault: { code: 'DISCONNECT_WITHOUT_STATUS' } });
    await h.advance(2000);
    h.socket().open();
    STEPS.forEach((s) => h.socket().step(s));
    expect(h.state()).toMatch(/^active\.online\.ready/);
  });
});

describe('Guacamole gateways: close 1000', () => {
  it('without a disconnect before it is a severed link (519), retried', async () => {
    for (const reason of ['Connection closed normally', '0', '']) {
      const h = startHarness(machine);
      await connectToReady(h, STEPS);
      h.socket().close(1000, reason);
      expect(h.state()).toBe('active.backoff.waiting');
      expect(h.emittedOf('fault')[0]?.fault).toMatchObject({ code: 519, outcome: 'retry', via: { code: 0, name: 'SUCCESS' } });
    }
  });

  it('after a disconnect stays a deliberate end: closed by peer, no reconnect', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().signal({ kind: 'end' });
    h.socket().close(1000, '0');
    expect(h.state()).toBe('closed');
    expect(h.emittedOf('closed')).toMatchObject([{ by: 'peer' }]);
    await h.advance(3_600_000);
    expect(h.sockets).toHaveLength(1);
  });

  it('a 1000 before the socket opened is a failed connect (519), not SUCCESS', async () => {
    const h = startHarness(machine);
    h.send({ type: 'user.connect' });
    await h.settle();
    h.socket().close(1000, '');
    expect(h.state()).toBe('active.backoff.waiting');
    expect(h.emittedOf('fault')[0]?.fault.code).toBe(519);
  });
});

describe('Guacamole gateways: a frame that breaks the wire', () => {
  it('is the server\'s fault: 512 SERVER_ERROR with a bounded retry, not 781', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().signal({ kind: 'malformed', error: Object.assign(new Error('bad frame'), { code: 'SESSION_ERR_PROTOCOL' }) as never });
    expect(h.state()).toBe('active.backoff.waiting');
    expect(h.emittedOf('fault')[0]?.fault).toMatchObject({ code: 512, name: 'SERVER_ERROR', outcome: 'retry' });
  });
});
