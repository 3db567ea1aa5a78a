import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';

const STEPS = ['tunnel', 'sync'];
const machine = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none' } });

describe('session machine: suspended (offline / hidden)', () => {
  it('suspends on offline, drops the socket, and resumes at once on online with backoff reset', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.socket().close(1006);
    await h.advance(1500); // the default first delay without jitter
    h.socket().close(1006);
    expect(h.context().attempt).toBe(1);
    h.send({ type: 'env.offline' });
    expect(h.state()).toBe('suspended');
    expect(h.context().connectivity).toBe('transient-failure');
    await h.advance(3_600_000);
    expect(h.sockets).toHaveLength(2);
    h.send({ type: 'env.online' });
    await h.settle();
    expect(h.sockets).toHaveLength(3);
    expect(h.context().attempt).toBe(0);
  });

  it('goes straight to suspended when connect is asked for while offline, and connects when back online', async () => {
    const h = startHarness(machine, { online: false });
    h.send({ type: 'user.connect' });
    expect(h.state()).toBe('suspended');
    h.send({ type: 'env.online' });
    await h.settle();
    expect(h.sockets).toHaveLength(1);
  });

  it('keeps a live session when the page is hidden but does not reconnect in the background', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.send({ type: 'env.hidden' });
    expect(h.state()).toContain('ready');
    h.socket().close(1006);
    expect(h.state()).toBe('suspended');
    await h.advance(60_000);
    expect(h.sockets).toHaveLength(1);
    h.send({ type: 'env.visible' });
    await h.settle();
    expect(h.sockets).toHaveLength(2);
  });

  it('needs both online and visible to resume', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.send({ type: 'env.hidden' });
    h.send({ type: 'env.offline' });
    h.send({ type: 'env.online' });
    expect(h.state()).toBe('suspended');
    h.send({ type: 'env.visible' });
    await h.settle();
    expect(h.sockets).toHaveLength(2);
  });
});

describe('session machine: disconnect', () => {
  const stages: [string, (h: ReturnType<typeof startHarness>) => Promise<void>][] = [
    ['idle', async () => undefined],
    ['resolving', async (h) => h.send({ type: 'user.connect' })],
    ['connecting', async (h) => { h.send({ type: 'user.connect' }); await h.settle(); }],
    ['handshaking', async (h) => { h.send({ type: 'user.connect' }); await h.settle(); h.socket().open(); }],
    ['ready', async (h) => connectToReady(h, STEPS)],
    ['backoff', async (h) => { await connectToReady(h, STEPS); h.socket().close(1006); }],
    ['awaiting.auth', async (h) => { await connectToReady(h, STEPS); h.socket().status(769); }],
    ['awaiting.decision', async (h) => { await connectToReady(h, STEPS); h.socket().status(521); }],
    ['suspended', async (h) => { await connectToReady(h, STEPS); h.send({ type: 'env.offline' }); }],
  ];

  for (const [stage, reach] of stages) {
    it(`from ${stage}: ends in closed with no timer or socket left, and nothing reopens it`, async () => {
      const h = startHarness(machine);
      await reach(h);
      h.send({ type: 'user.disconnect' });
      await h.settle();
      expect(h.state()).toBe('closed');
      expect(h.actor.getSnapshot().status).toBe('done');
      expect(h.pendingTimers()).toBe(0);
      expect(h.sockets.every((s) => !s.alive)).toBe(true);
      expect(h.emittedOf('closed')).toHaveLength(1);
      const count = h.sockets.length;
      h.send({ type: 'user.connect' });
      h.send({ type: 'env.online' });
      await h.advance(3_600_000);
      expect(h.sockets).toHaveLength(count);
    });
  }

  it('closes an open socket politely (shutdown 1000) rather than terminating it', async () => {
    const h = startHarness(machine);
    await connectToReady(h, STEPS);
    h.send({ type: 'user.disconnect' });
    expect(h.sockets[0]!.commands).toEqual([{ type: 'transport.shutdown', code: 1000, reason: '' }]);
  });
});
