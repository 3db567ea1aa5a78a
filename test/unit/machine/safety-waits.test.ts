import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { frameProfile } from '../../../machines/frame/profile.js';
import { softdriveProfile } from '../../../machines/softdrive/profile.js';
import { msraProfile } from '../../../machines/msra/profile.js';
import type { Profile } from '../../../machines/profile.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';
import type { Harness } from '../../support/machine-harness.js';

/** One auth code and one decision code per profile (issue 13: each reopened a wait on offline/online). */
const WAITS: readonly { profile: Profile; auth: number; decision: number }[] = [
  { profile: guacamoleProfile, auth: 769, decision: 517 },
  { profile: frameProfile, auth: 4006, decision: 4006 },
  { profile: softdriveProfile, auth: 15, decision: 10 },
  { profile: msraProfile, auth: 25, decision: 25 },
];

async function waitingFor(profile: Profile, code: number): Promise<{ h: Harness; wait: string }> {
  const h = startHarness(createSessionMachine(profile, { retry: { jitter: 'none' } }));
  await connectToReady(h, profile.steps.map((s) => s.id));
  h.socket().status(code);
  await h.settle();
  const wait = h.state();
  expect(wait).toMatch(/^active\.awaiting\.(auth|decision)$/);
  return { h, wait };
}

describe('session machine: a wait for the user survives the environment', () => {
  for (const { profile, auth, decision } of WAITS) {
    for (const code of new Set([auth, decision])) {
      it(`${profile.id} ${code}: offline then online returns to the same wait with no connection and no second question`, async () => {
        const { h, wait } = await waitingFor(profile, code);
        const questions = h.emitted.filter((e) => e.type === 'needs-auth' || e.type === 'needs-decision').length;
        h.send({ type: 'env.offline' });
        await h.settle();
        expect(h.state()).toBe(wait);
        h.send({ type: 'env.online' });
        await h.settle();
        h.send({ type: 'env.hidden' });
        h.send({ type: 'env.visible' });
        await h.advance(3_600_000);
        expect(h.state()).toBe(wait);
        expect(h.sockets).toHaveLength(1);
        expect(h.emitted.filter((e) => e.type === 'needs-auth' || e.type === 'needs-decision')).toHaveLength(questions);
      });
    }
  }

  it('an answer given while offline waits for the network, then connects once with the new URL', async () => {
    const { h } = await waitingFor(guacamoleProfile, 769);
    h.send({ type: 'env.offline' });
    h.send({ type: 'user.reauthenticate', url: 'wss://gateway.example/tunnel?token=fresh' });
    await h.settle();
    expect(h.state()).toBe('suspended');
    expect(h.sockets).toHaveLength(1);
    h.send({ type: 'env.online' });
    await h.settle();
    expect(h.sockets).toHaveLength(2);
    expect(h.socket().url).toContain('token=fresh');
  });
});

describe('session machine: report() between attempts is heard', () => {
  async function inBackoff(profile: Profile): Promise<Harness> {
    const h = startHarness(createSessionMachine(profile, { retry: { jitter: 'none', initialDelayMs: 1000 } }));
    await connectToReady(h, profile.steps.map((s) => s.id));
    h.socket().close(1006);
    await h.settle();
    expect(h.state()).toMatch(/^active\.backoff/);
    return h;
  }

  for (const [profile, code, wait] of [
    [softdriveProfile, 15, 'active.awaiting.auth'],
    [softdriveProfile, 10, 'active.awaiting.decision'],
    [msraProfile, 25, 'active.awaiting.auth'],
  ] as const) {
    it(`${profile.id} ${code} reported during backoff cancels the pending attempt and waits`, async () => {
      const h = await inBackoff(profile);
      h.send({ type: 'status.report', signal: { space: profile.id, code } });
      await h.settle();
      expect(h.state()).toBe(wait);
      await h.advance(600_000);
      expect(h.sockets).toHaveLength(1);
    });
  }

  it('a retryable report during backoff is recorded and keeps the planned attempt', async () => {
    const h = await inBackoff(softdriveProfile);
    const before = h.context().cause;
    h.send({ type: 'status.report', signal: { space: 'softdrive', code: 12 } });
    await h.settle();
    expect(h.state()).toMatch(/^active\.backoff/);
    expect(h.context().cause).toBe(before);
    expect(h.context().lastFault?.code).toBe(12);
    await h.advance(1000);
    expect(h.sockets).toHaveLength(2);
  });

  it('an auth report while the URL function is pending stops the attempt and waits', async () => {
    const h = startHarness(createSessionMachine(softdriveProfile), { url: () => new Promise<string>(() => undefined) });
    h.send({ type: 'user.connect' });
    await h.settle();
    expect(h.state()).toBe('active.resolving');
    h.send({ type: 'status.report', signal: { space: 'softdrive', code: 15 } });
    await h.settle();
    expect(h.state()).toBe('active.awaiting.auth');
  });

  it('a retryable report during a wait for the user never connects', async () => {
    const { h, wait } = await waitingFor(softdriveProfile, 15);
    h.send({ type: 'status.report', signal: { space: 'softdrive', code: 12 } });
    await h.advance(600_000);
    expect(h.state()).toBe(wait);
    expect(h.sockets).toHaveLength(1);
  });

  it('a decision report during a wait for credentials turns it into a wait for the decision', async () => {
    const { h } = await waitingFor(softdriveProfile, 15);
    h.send({ type: 'status.report', signal: { space: 'softdrive', code: 10 } });
    await h.settle();
    expect(h.state()).toBe('active.awaiting.decision');
    expect(h.sockets).toHaveLength(1);
  });

  it('an auth report while offline waits for credentials instead of reconnecting on online', async () => {
    const h = await inBackoff(softdriveProfile);
    h.send({ type: 'env.offline' });
    h.send({ type: 'status.report', signal: { space: 'softdrive', code: 15 } });
    h.send({ type: 'env.online' });
    await h.advance(600_000);
    expect(h.state()).toBe('active.awaiting.auth');
    expect(h.sockets).toHaveLength(1);
  });
});

describe('session machine: nothing from the wire or the app throws inside the machine', () => {
  for (const [profile, code] of [
    [guacamoleProfile, '99999999999'],
    [guacamoleProfile, 'boom'],
    [softdriveProfile, -5],
    [frameProfile, 'garbage'],
    [msraProfile, Number.NaN],
  ] as const) {
    it(`${profile.id}: a status code the classifier refuses (${String(code)}) is a classified protocol fault, not an actor error`, async () => {
      const h = startHarness(createSessionMachine(profile, { retry: { maxAttempts: 2 } }));
      await connectToReady(h, profile.steps.map((s) => s.id));
      h.socket().status(code as never);
      await h.settle();
      expect(h.actor.getSnapshot().status).not.toBe('error');
      const fault = h.emittedOf('fault').at(-1)!.fault;
      expect(fault.space).toBe(profile.id);
      expect(fault.code).toBe(profile.local.protocolError);
      expect(h.sockets[0]!.alive).toBe(false);
    });
  }

  it('a report of a refused signal object sent straight to the actor is a protocol fault too', async () => {
    const h = startHarness(createSessionMachine(softdriveProfile));
    await connectToReady(h, softdriveProfile.steps.map((s) => s.id));
    h.send({ type: 'status.report', signal: { code: 'not a code at all' } });
    await h.settle();
    expect(h.actor.getSnapshot().status).toBe('active');
    expect(h.emittedOf('fault').at(-1)!.fault.code).toBe(softdriveProfile.local.protocolError);
  });
});

describe('session machine: a URL function that never settles', () => {
  it('times out after connectMs with the profile connect-timeout code and retries within the policy', async () => {
    const h = startHarness(createSessionMachine(frameProfile, { timeouts: { connectMs: 1000 }, retry: { maxAttempts: 1, jitter: 'none' } }), {
      url: () => new Promise<string>(() => undefined),
    });
    h.send({ type: 'user.connect' });
    await h.settle();
    expect(h.state()).toBe('active.resolving');
    await h.advance(1000);
    const fault = h.emittedOf('fault')[0]!.fault;
    expect(fault.code).toBe(frameProfile.local.connectTimeout);
    expect(h.state()).toMatch(/^active\.backoff/);
    // Backoff, then the second attempt's own resolve timeout (each timer fires on an advance of its own).
    await h.advance(60_000);
    expect(h.state()).toBe('active.resolving');
    await h.advance(1000);
    expect(h.state()).toBe('failed');
    expect(h.emittedOf('fault').map((e) => e.fault.code)).toEqual([frameProfile.local.connectTimeout, frameProfile.local.connectTimeout]);
    expect(h.pendingTimers()).toBe(0);
  });
});

describe('session machine: a Guacamole close 1008 with no numeric status', () => {
  it('asks the user (awaiting.decision) instead of reconnecting fast, and opens no connection by itself', async () => {
    const h = startHarness(createSessionMachine(guacamoleProfile, { retry: { jitter: 'none' } }));
    await connectToReady(h, ['tunnel', 'sync']);
    h.socket().close(1008, 'policy');
    await h.settle();
    expect(h.state()).toBe('active.awaiting.decision');
    await h.advance(600_000);
    expect(h.sockets).toHaveLength(1);
    expect(h.emittedOf('needs-decision')[0]!.cause).toMatchObject({ space: 'guacamole', via: { space: 'websocket', code: 1008 } });
  });
});

describe('session machine: reauthenticate keeps a URL function\'s fresh tokens', () => {
  async function authWait(url: string | (() => string)) {
    const h = startHarness(createSessionMachine(guacamoleProfile, { retry: { jitter: 'none', initialDelayMs: 1000 } }), { url });
    h.send({ type: 'user.connect' });
    await h.settle();
    h.socket().open();
    h.socket().status(769);
    await h.settle();
    expect(h.state()).toBe('active.awaiting.auth');
    return h;
  }

  it('a string given while the URL is a function is used for the next attempt only; later attempts call the function', async () => {
    let minted = 0;
    const h = await authWait(() => `wss://gw.example/t?token=minted-${(minted += 1)}`);
    h.send({ type: 'user.reauthenticate', url: 'wss://gw.example/t?token=typed-by-user' });
    await h.settle();
    expect(h.socket().url).toContain('token=typed-by-user');
    h.socket().open();
    h.socket().close(1006);
    await h.advance(1000);
    expect(h.sockets).toHaveLength(3);
    expect(h.socket().url).toContain('token=minted-2');
  });

  it('a function given replaces the source; a string replaces a string', async () => {
    const h = await authWait('wss://gw.example/t?token=old');
    h.send({ type: 'user.reauthenticate', url: 'wss://gw.example/t?token=new' });
    await h.settle();
    h.socket().open();
    h.socket().close(1006);
    await h.advance(1000);
    expect(h.socket().url).toContain('token=new');
    h.socket().open();
    h.socket().status(769);
    await h.settle();
    h.send({ type: 'user.reauthenticate', url: () => 'wss://gw.example/t?token=from-function' });
    await h.settle();
    expect(h.socket().url).toContain('token=from-function');
  });
});
