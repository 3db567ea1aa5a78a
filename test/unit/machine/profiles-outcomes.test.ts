import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { frameProfile } from '../../../machines/frame/profile.js';
import { softdriveProfile } from '../../../machines/softdrive/profile.js';
import { msraProfile } from '../../../machines/msra/profile.js';
import type { Profile } from '../../../machines/profile.js';
import type { Outcome } from '../../../src/codes/types.js';
import { connectToReady, startHarness } from '../../support/machine-harness.js';
import type { Harness } from '../../support/machine-harness.js';

/** How a code reaches the session in each profile: Frame's as close codes, the others' as protocol status. */
type Delivery = 'status' | 'close';

interface Row {
  readonly profile: Profile;
  readonly delivery: Delivery;
  readonly codes: Readonly<Record<'retry' | 'reauthenticate' | 'user-decision' | 'ended' | 'fatal', number>>;
}

const ROWS: readonly Row[] = [
  { profile: guacamoleProfile, delivery: 'status', codes: { retry: 515, reauthenticate: 769, 'user-decision': 521, ended: 523, fatal: 771 } },
  { profile: frameProfile, delivery: 'close', codes: { retry: 4029, reauthenticate: 0, 'user-decision': 4006, ended: 4018, fatal: 4022 } },
  { profile: softdriveProfile, delivery: 'status', codes: { retry: 12, reauthenticate: 15, 'user-decision': 10, ended: 14, fatal: 1 } },
  { profile: msraProfile, delivery: 'status', codes: { retry: 15, reauthenticate: 26, 'user-decision': 41, ended: 4, fatal: 45 } },
];

function deliver(h: Harness, delivery: Delivery, code: number): void {
  if (delivery === 'close') h.socket().close(code, 'closed by test');
  else h.socket().status(code, 'from test');
}

for (const row of ROWS) {
  const { profile } = row;
  const steps = profile.steps.map((s) => s.id);
  const machine = createSessionMachine(profile, { retry: { jitter: 'none', initialDelayMs: 1000, maxAttempts: 3 } });
  const outcomeOf = (code: number): Outcome => profile.own(code).outcome;

  describe(`${profile.id} profile: a scripted outage per code class`, () => {
    it('a retryable drop reconnects with backoff', async () => {
      expect(outcomeOf(row.codes.retry)).toBe('retry');
      const h = startHarness(machine);
      await connectToReady(h, steps);
      deliver(h, row.delivery, row.codes.retry);
      expect(h.state()).toBe('active.backoff.waiting');
      await h.advance(1000);
      expect(h.sockets).toHaveLength(2);
      h.socket().open();
      steps.forEach((s) => h.socket().step(s));
      expect(h.emittedOf('ready').map((e) => e.attempt)).toEqual([0, 1]);
    });

    it('an auth failure lands in awaiting.auth with zero reconnect attempts, and new credentials reconnect', async () => {
      const h = startHarness(machine);
      await connectToReady(h, steps);
      if (profile.id === 'frame') {
        // Frame has no auth code of its own: a gateway answers the upgrade with 401.
        h.socket().close(1006);
        await h.advance(1000);
        h.socket().error({ message: 'Unexpected server response: 401', http: { status: 401 }, beforeOpen: true });
      } else {
        expect(outcomeOf(row.codes.reauthenticate)).toBe('reauthenticate');
        deliver(h, row.delivery, row.codes.reauthenticate);
      }
      expect(h.state()).toBe('active.awaiting.auth');
      const attempts = h.sockets.length;
      await h.advance(3_600_000);
      expect(h.sockets).toHaveLength(attempts);
      expect(h.emittedOf('needs-auth')).toHaveLength(1);
      h.send({ type: 'user.reauthenticate', url: 'wss://gw.example/t?token=fresh' });
      await h.settle();
      expect(h.sockets).toHaveLength(attempts + 1);
      expect(h.socket().url).toBe('wss://gw.example/t?token=fresh');
    });

    it('a conflict lands in awaiting.decision; takeOver reconnects, cancel closes', async () => {
      expect(outcomeOf(row.codes['user-decision'])).toBe('user-decision');
      const h = startHarness(machine);
      await connectToReady(h, steps);
      deliver(h, row.delivery, row.codes['user-decision']);
      expect(h.state()).toBe('active.awaiting.decision');
      await h.advance(3_600_000);
      expect(h.sockets).toHaveLength(1);
      h.send({ type: 'user.takeOver' });
      await h.settle();
      expect(h.sockets).toHaveLength(2);
      deliver(h, row.delivery, row.codes['user-decision']);
      h.send({ type: 'user.cancel' });
      expect(h.state()).toBe('closed');
    });

    it('a deliberate close ends in closed', async () => {
      expect(outcomeOf(row.codes.ended)).toBe('ended');
      const h = startHarness(machine);
      await connectToReady(h, steps);
      deliver(h, row.delivery, row.codes.ended);
      expect(h.state()).toBe('closed');
      expect(h.emittedOf('closed')[0]).toMatchObject({ by: 'peer', cause: { code: row.codes.ended } });
      expect(h.pendingTimers()).toBe(0);
    });

    it('a fatal code ends in failed with the cause', async () => {
      expect(outcomeOf(row.codes.fatal)).toBe('fatal');
      const h = startHarness(machine);
      await connectToReady(h, steps);
      deliver(h, row.delivery, row.codes.fatal);
      expect(h.state()).toBe('failed');
      expect(h.emittedOf('failed')[0]).toMatchObject({ reason: 'fatal', cause: { space: profile.id, code: row.codes.fatal } });
      expect(h.sockets).toHaveLength(1);
      expect(h.pendingTimers()).toBe(0);
    });

    it('every handshake step times out with the protocol\'s own code', async () => {
      for (const [index, step] of profile.steps.entries()) {
        const h = startHarness(machine);
        h.send({ type: 'user.connect' });
        await h.settle();
        h.socket().open();
        steps.slice(0, index).forEach((s) => h.socket().step(s));
        await h.advance(step.timeoutMs);
        expect(h.emittedOf('fault')[0]!.fault).toMatchObject({ space: profile.id, code: step.timeoutCode });
      }
    });

    it('keep-alive death reports the protocol\'s receive-timeout code', async () => {
      const h = startHarness(machine);
      await connectToReady(h, steps);
      await h.advance(profile.keepAlive.deadAfterMs);
      expect(h.emittedOf('fault')[0]!.fault).toMatchObject({ space: profile.id, code: profile.local.receiveTimeout });
    });
  });
}
