import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { frameProfile } from '../../../machines/frame/profile.js';
import { softdriveProfile } from '../../../machines/softdrive/profile.js';
import { msraProfile } from '../../../machines/msra/profile.js';
import type { Profile } from '../../../machines/profile.js';
import { NON_RETRYABLE_OUTCOMES } from '../../../src/codes/types.js';
import type { Outcome } from '../../../src/codes/types.js';
import { startHarness } from '../../support/machine-harness.js';
import type { Harness } from '../../support/machine-harness.js';

const MAX_ATTEMPTS = 3;
const HISTORY = 8;

type Command =
  | { readonly kind: 'user'; readonly type: 'user.connect' | 'user.disconnect' | 'user.retryNow' | 'user.takeOver' | 'user.cancel' | 'user.reauthenticate' }
  | { readonly kind: 'env'; readonly type: 'env.online' | 'env.offline' | 'env.visible' | 'env.hidden' }
  | { readonly kind: 'open' }
  | { readonly kind: 'step'; readonly index: number }
  | { readonly kind: 'status'; readonly code: number }
  | { readonly kind: 'close'; readonly code: number }
  | { readonly kind: 'error' }
  | { readonly kind: 'data' }
  | { readonly kind: 'advance'; readonly ms: number };

function commands(profile: Profile): fc.Arbitrary<Command[]> {
  const codes = profile.catalog.entries.map((e) => e.code).filter((c): c is number => typeof c === 'number');
  return fc.array(
    fc.oneof(
      fc.constantFrom('user.connect', 'user.disconnect', 'user.retryNow', 'user.takeOver', 'user.cancel', 'user.reauthenticate').map((type) => ({ kind: 'user' as const, type })),
      fc.constantFrom('env.online', 'env.offline', 'env.visible', 'env.hidden').map((type) => ({ kind: 'env' as const, type })),
      fc.constant({ kind: 'open' as const }),
      fc.nat(4).map((index) => ({ kind: 'step' as const, index })),
      fc.oneof(fc.constantFrom(...codes), fc.integer({ min: 0, max: 70_000 })).map((code) => ({ kind: 'status' as const, code })),
      fc.constantFrom(1000, 1001, 1006, 1008, 1011, 1012, 1013, 4000, 4006, 4029, 4102, 4999).map((code) => ({ kind: 'close' as const, code })),
      fc.constant({ kind: 'error' as const }),
      fc.constant({ kind: 'data' as const }),
      fc.integer({ min: 1, max: 120_000 }).map((ms) => ({ kind: 'advance' as const, ms })),
    ),
    { maxLength: 40 },
  );
}

async function apply(h: Harness, profile: Profile, command: Command): Promise<void> {
  const socket = h.sockets.at(-1);
  const live = socket?.alive === true ? socket : undefined;
  switch (command.kind) {
    case 'user':
      h.send(command.type === 'user.reauthenticate' ? { type: command.type, url: 'wss://gw.example/t?token=new' } : { type: command.type });
      break;
    case 'env':
      h.send({ type: command.type });
      break;
    case 'open':
      live?.open();
      break;
    case 'step': {
      const step = profile.steps[command.index];
      if (step !== undefined) live?.step(step.id);
      break;
    }
    case 'status':
      live?.status(command.code);
      break;
    case 'close':
      live?.close(command.code, '');
      break;
    case 'error':
      live?.error({ code: 'ECONNRESET', message: 'reset', beforeOpen: false });
      break;
    case 'data':
      live?.data();
      break;
    case 'advance':
      await h.advance(command.ms);
      return;
  }
  await h.settle();
}

const USER_RESUMES = new Set(['user.connect', 'user.retryNow', 'user.takeOver', 'user.reauthenticate', 'env.online', 'env.visible']);

for (const profile of [guacamoleProfile, frameProfile, softdriveProfile, msraProfile]) {
  describe(`${profile.id} machine invariants under random events, codes and time`, () => {
    const machine = createSessionMachine(profile, { retry: { maxAttempts: MAX_ATTEMPTS, initialDelayMs: 500, maxDelayMs: 4000 }, historySize: HISTORY });

    it('never breaks: one transport at most, attempt ≤ maxAttempts, no retry after a non-retry outcome, no timer after the end, bounded context', async () => {
      await fc.assert(
        fc.asyncProperty(commands(profile), fc.integer(), async (script, seed) => {
          const h = startHarness(machine, { seed });
          for (const command of script) {
            const socketsBefore = h.sockets.length;
            const stateBefore = h.state();
            const outcomeBefore = h.context().lastFault?.outcome as Outcome | undefined;
            await apply(h, profile, command);

            expect(h.sockets.filter((s) => s.alive).length).toBeLessThanOrEqual(1);
            expect(h.context().attempt).toBeLessThanOrEqual(MAX_ATTEMPTS);
            expect((h.context().history as unknown[]).length).toBeLessThanOrEqual(HISTORY);
            expect(JSON.stringify(h.actor.getSnapshot().context).length).toBeLessThan(20_000);

            const waiting = stateBefore.startsWith('active.awaiting') || stateBefore === 'closed' || stateBefore === 'failed';
            const resumed = (command.kind === 'user' || command.kind === 'env') && USER_RESUMES.has(command.type);
            if (waiting && !resumed) expect(h.sockets.length).toBe(socketsBefore);
            if (outcomeBefore !== undefined && NON_RETRYABLE_OUTCOMES.has(outcomeBefore) && stateBefore.startsWith('active.awaiting') && !resumed) {
              expect(h.sockets.length).toBe(socketsBefore);
            }
            if (h.actor.getSnapshot().status === 'done') {
              expect(h.pendingTimers()).toBe(0);
              expect(h.sockets.every((s) => !s.alive)).toBe(true);
            }
          }
          h.actor.stop();
        }),
        { numRuns: 60 },
      );
    });
  });
}
