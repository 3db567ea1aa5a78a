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
  | { readonly kind: 'status'; readonly code: number | string }
  | { readonly kind: 'report'; readonly code: number | string }
  | { readonly kind: 'close'; readonly code: number }
  | { readonly kind: 'error' }
  | { readonly kind: 'data' }
  | { readonly kind: 'advance'; readonly ms: number };

/**
 * Codes as the wire or an app may deliver them: the catalog's, any integer in (and beyond) the classifier's range,
 * numbers that are not integers, and strings, well formed or not. None may throw inside the machine.
 */
function wireCodes(codes: readonly number[]): fc.Arbitrary<number | string> {
  return fc.oneof(
    fc.constantFrom(...codes),
    fc.integer({ min: 0, max: 70_000 }),
    fc.integer(),
    fc.constantFrom(Number.NaN, Infinity, -1, 2 ** 32, 2 ** 53, 0.5, -(2 ** 31) - 1),
    fc.constantFrom(...codes).map(String),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('__proto__', 'FOO_BAR', 'boom', '99999999999', '0x8007052E', 'wss://h/t?token=secret', ''),
  );
}

function commands(profile: Profile): fc.Arbitrary<Command[]> {
  const codes = profile.catalog.entries.map((e) => e.code).filter((c): c is number => typeof c === 'number');
  return fc.array(
    fc.oneof(
      fc.constantFrom('user.connect', 'user.disconnect', 'user.retryNow', 'user.takeOver', 'user.cancel', 'user.reauthenticate').map((type) => ({ kind: 'user' as const, type })),
      fc.constantFrom('env.online', 'env.offline', 'env.visible', 'env.hidden').map((type) => ({ kind: 'env' as const, type })),
      fc.constant({ kind: 'open' as const }),
      fc.nat(4).map((index) => ({ kind: 'step' as const, index })),
      wireCodes(codes).map((code) => ({ kind: 'status' as const, code })),
      wireCodes(codes).map((code) => ({ kind: 'report' as const, code })),
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
    case 'report':
      h.send({ type: 'status.report', signal: { code: command.code } });
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

/** What may end a wait for the user: the user's own answers. Offline/online, hidden/visible and reports never do. */
const USER_ANSWERS = new Set(['user.retryNow', 'user.takeOver', 'user.reauthenticate']);
/** What may resume a suspended session: the environment coming back, or the user. */
const RESUMES = new Set([...USER_ANSWERS, 'user.connect', 'env.online', 'env.visible']);

for (const profile of [guacamoleProfile, frameProfile, softdriveProfile, msraProfile]) {
  describe(`${profile.id} machine invariants under random events, codes and time`, () => {
    const machine = createSessionMachine(profile, { retry: { maxAttempts: MAX_ATTEMPTS, initialDelayMs: 500, maxDelayMs: 4000 }, historySize: HISTORY });

    it('never breaks: no actor error, one transport at most, attempt ≤ maxAttempts, no connection while a wait for the user stands, no timer after the end, bounded context (static, answering and hanging URL functions)', async () => {
      await fc.assert(
        // The URL: a string, a function that answers, or one that never settles (the resolve timeout's business).
        fc.asyncProperty(commands(profile), fc.integer(), fc.constantFrom('static', 'function', 'hangs'), async (script, seed, source) => {
          const url = source === 'static' ? undefined
            : source === 'function' ? () => 'wss://gateway.example/tunnel?token=minted'
              : () => new Promise<string>(() => undefined);
          const h = startHarness(machine, { seed, ...(url === undefined ? {} : { url }) });
          for (const command of script) {
            const socketsBefore = h.sockets.length;
            const stateBefore = h.state();
            const outcomeBefore = h.context().lastFault?.outcome as Outcome | undefined;
            await apply(h, profile, command);

            expect(h.sockets.filter((s) => s.alive).length).toBeLessThanOrEqual(1);
            expect(h.context().attempt).toBeLessThanOrEqual(MAX_ATTEMPTS);
            expect((h.context().history as unknown[]).length).toBeLessThanOrEqual(HISTORY);
            expect(JSON.stringify(h.actor.getSnapshot().context).length).toBeLessThan(20_000);

            expect(h.actor.getSnapshot().status).not.toBe('error');
            const answered = command.kind === 'user' && USER_ANSWERS.has(command.type);
            const resumed = (command.kind === 'user' || command.kind === 'env') && RESUMES.has(command.type);
            if (stateBefore === 'closed' || stateBefore === 'failed') expect(h.sockets.length).toBe(socketsBefore);
            // A wait for the user opens no connection until the user answers, whatever the environment or a report says.
            if (stateBefore.startsWith('active.awaiting') && !answered) {
              expect(h.sockets.length).toBe(socketsBefore);
              expect(h.state()).toMatch(/^(active\.awaiting|closed|failed)/);
            }
            if (outcomeBefore !== undefined && NON_RETRYABLE_OUTCOMES.has(outcomeBefore) && stateBefore.startsWith('active.awaiting') && !answered) {
              expect(h.sockets.length).toBe(socketsBefore);
            }
            if (stateBefore === 'suspended' && !resumed) expect(h.sockets.length).toBe(socketsBefore);
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
