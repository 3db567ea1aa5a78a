import { describe, expect, it } from 'vitest';
import type { AnyActorRef } from 'xstate';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';

const STEPS = ['tunnel', 'sync'];
const quick = createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 1000, maxAttempts: 3 } });

describe('session machine: connect, handshake, ready', () => {
  it('walks resolving → connecting → each handshake step → ready, with the phase tags on the way', async () => {
    const h = startHarness(quick, { url: () => 'wss://gw.example/t?token=t1' });
    expect(h.state()).toBe('idle');
    h.send({ type: 'user.connect' });
    expect(h.state()).toBe('active.resolving');
    expect(h.actor.getSnapshot().hasTag('phase:pre-session')).toBe(true);
    expect(h.context().connectivity).toBe('connecting');
    await h.settle();
    expect(h.state()).toBe('active.online.connecting');
    expect(h.actor.getSnapshot().hasTag('phase:connect')).toBe(true);
    h.socket().open();
    expect(h.state()).toBe('active.online.handshaking.tunnel');
    h.socket().step('tunnel');
    expect(h.state()).toBe('active.online.handshaking.sync');
    expect(h.actor.getSnapshot().hasTag('phase:handshake')).toBe(true);
    h.socket().step('sync');
    expect(h.state()).toContain('active.online.ready');
    expect(h.actor.getSnapshot().hasTag('phase:stream')).toBe(true);
    expect(h.emittedOf('ready')).toEqual([{ type: 'ready', attempt: 0 }]);
    expect(h.context().connectivity).toBe('ready');
  });

  it('connects to a static URL at once: no resolver actor, no resolving state, same phase and connectivity', () => {
    const h = startHarness(quick, { url: 'wss://gw.example/t?token=abc' });
    const children: string[] = [];
    h.actor.system.inspect({ next: (event) => event.type === '@xstate.actor' && children.push(String((event.actorRef as AnyActorRef).src)) });
    h.send({ type: 'user.connect' });
    // Synchronously, with no settle(): nothing asynchronous stands between connect and the socket.
    expect(h.state()).toBe('active.online.connecting');
    expect(h.actor.getSnapshot().hasTag('phase:connect')).toBe(true);
    expect(h.context().connectivity).toBe('connecting');
    expect(children).toEqual(['transport']);
    expect(h.socket().url).toBe('wss://gw.example/t?token=abc');
    h.socket().close(1006);
    expect(h.state()).toBe('active.backoff.waiting');
    expect(h.context().connectivity).toBe('transient-failure');
  });

  it('passes the resolved URL to the transport but keeps only a redacted form in the snapshot', async () => {
    const h = startHarness(quick, { url: 'wss://alice:pw@gw.example/t?token=abc123' });
    h.send({ type: 'user.connect' });
    await h.settle();
    expect(h.socket().url).toBe('wss://alice:pw@gw.example/t?token=abc123');
    const serialised = JSON.stringify(h.actor.getSnapshot());
    expect(serialised).not.toContain('abc123');
    expect(serialised).not.toContain('pw@');
  });

  it('calls a url function before every attempt', async () => {
    let n = 0;
    const h = startHarness(quick, { url: () => `wss://gw.example/t?token=t${(n += 1)}` });
    await connectToReady(h, STEPS);
    h.socket().close(1006);
    await h.advance(1000);
    expect(h.sockets.map((s) => s.url)).toEqual(['wss://gw.example/t?token=t1', 'wss://gw.example/t?token=t2']);
  });

  it('turns a url function that throws into a classified fault, not a crash', async () => {
    const h = startHarness(quick, { url: () => { throw new Error('token service down for https://idp.example/?secret=1'); } });
    h.send({ type: 'user.connect' });
    await h.settle();
    const fault = h.emittedOf('fault')[0]!.fault;
    expect(fault).toMatchObject({ space: 'guacamole', code: 519 });
    expect(fault.message).toBe('url() failed (Error)');
    expect(JSON.stringify(h.actor.getSnapshot())).not.toContain('secret=1');
    expect(h.state()).toBe('active.backoff.waiting');
  });

  it('skips from the first step to ready when the protocol reports a later step first', async () => {
    const h = startHarness(quick);
    h.send({ type: 'user.connect' });
    await h.settle();
    h.socket().open();
    h.socket().step('sync');
    expect(h.state()).toContain('active.online.ready');
  });

  it('accepts handshake steps reported by the app (step.done) for closed protocols', async () => {
    const h = startHarness(quick);
    h.send({ type: 'user.connect' });
    await h.settle();
    h.socket().open();
    h.send({ type: 'step.done', step: 'tunnel' });
    h.send({ type: 'step.done', step: 'sync' });
    expect(h.state()).toContain('active.online.ready');
  });
});

describe('session machine: timeouts in the protocol\'s own codes', () => {
  it('faults with the connect-timeout code when the socket never opens', async () => {
    const h = startHarness(quick);
    h.send({ type: 'user.connect' });
    await h.settle();
    await h.advance(15_000);
    expect(h.emittedOf('fault')[0]!.fault).toMatchObject({ space: 'guacamole', code: 514, name: 'UPSTREAM_TIMEOUT' });
    expect(h.sockets[0]!.alive).toBe(false);
  });

  it('faults with the step timeout code when a handshake step stalls', async () => {
    const machine = createSessionMachine(guacamoleProfile, { timeouts: { handshakeMs: { sync: 2000 } } });
    const h = startHarness(machine);
    h.send({ type: 'user.connect' });
    await h.settle();
    h.socket().open();
    h.socket().step('tunnel');
    await h.advance(1999);
    expect(h.state()).toBe('active.online.handshaking.sync');
    await h.advance(1);
    expect(h.emittedOf('fault')[0]!.fault.code).toBe(514);
    expect(h.sockets[0]!.commands).toEqual([{ type: 'transport.terminate' }]);
  });
});

describe('createFrameProfile options', () => {
  it('rejects an FRP version other than 7 or 8 with a typed error', async () => {
    const { createFrameProfile } = await import('../../../machines/frame/profile.js');
    expect(() => createFrameProfile({ frp: 9 as never })).toThrow(expect.objectContaining({ code: 'SESSION_ERR_INVALID_OPTION', message: 'frp must be 7 or 8 (got 9)' }));
  });
});
