/**
 * createSession against the real guacamole-lite 1.2.0 (npm), run in a child process (a token it cannot decrypt
 * crashes its whole process). guacd is absent, or a stand-in that only answers the handshake and syncs: what these
 * tests check is what guacamole-lite itself sends (docs/gateways.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';
import { startGuacamoleLite } from '../../support/guacamole-lite/spawn.js';
import type { LiteProcess } from '../../support/guacamole-lite/spawn.js';

let lite: LiteProcess | undefined;
let harness: SessionHarness | undefined;

afterEach(async () => {
  harness?.session.disconnect();
  await lite?.stop();
  lite = undefined;
  harness = undefined;
});

const retry = { jitter: 'none' as const, initialDelayMs: 1000, maxAttempts: 3 };

/** Nothing the session emitted may carry the token (it is the credential here). */
function expectNoToken(h: SessionHarness, token: string): void {
  const seen = JSON.stringify(h.events, (_key, value: unknown) => (value instanceof Error ? { message: value.message, name: value.name } : value));
  expect(seen).not.toContain(token);
  expect(seen).not.toContain(encodeURIComponent(token));
  expect(JSON.stringify(h.session.state)).not.toContain(token);
}

describe('guacamole-lite without guacd', () => {
  it('sends SERVICE_UNAVAILABLE: the session retries, not before the 2 s floor, and ends failed with that cause', async () => {
    lite = await startGuacamoleLite({ guacd: 'none' });
    const token = lite.token();
    harness = startSession({ protocol: 'guacamole', url: `${lite.url}?token=${encodeURIComponent(token)}`, retry: { ...retry, maxAttempts: 2 } });
    const h = harness;
    h.session.on('reconnecting', ({ delayMs }) => h.advance(delayMs));
    h.session.connect();
    await h.until(() => h.of('failed').length === 1, 10_000);
    const faults = h.of('fault').map((f) => f.fault);
    expect(faults).toHaveLength(3);
    for (const fault of faults) {
      expect(fault).toMatchObject({ space: 'guacamole', code: 'SERVICE_UNAVAILABLE', known: true, outcome: 'retry-later', message: 'Desktop service unavailable' });
    }
    expect(h.of('reconnecting').map((r) => r.delayMs)).toEqual([2000, 2000]);
    expect(h.of('failed')[0]).toMatchObject({ reason: 'exhausted', cause: { code: 'SERVICE_UNAVAILABLE' } });
    expect(h.of('closed')).toHaveLength(0);
    expectNoToken(h, token);
  });

  it('a token it cannot decrypt gets INVALID_TOKEN: needs-auth, no second connection (and guacamole-lite 1.2.0 crashes)', async () => {
    lite = await startGuacamoleLite({ guacd: 'none' });
    const token = Buffer.from('{"iv":"AAAAAAAAAAAAAAAAAAAAAA==","value":"bm90IGEgdG9rZW4="}').toString('base64');
    harness = startSession({ protocol: 'guacamole', url: `${lite.url}?token=${encodeURIComponent(token)}`, retry });
    const h = harness;
    h.session.connect();
    await h.until(() => h.of('needs-auth').length === 1);
    expect(h.of('needs-auth')[0]!.cause).toMatchObject({ space: 'guacamole', code: 'INVALID_TOKEN', outcome: 'reauthenticate', message: 'Token validation failed' });
    expect(h.session.state.state).toBe('active.awaiting.auth');
    h.advance(3_600_000);
    expect(h.of('reconnecting')).toHaveLength(0);
    expect(h.of('fault')).toHaveLength(1);
    // guacamole-lite 1.2.0 then throws in ClientConnection and its process dies: why these tests run it in a child.
    expect(await lite.exited).not.toBe(0);
    expectNoToken(h, token);
  });
});

describe('guacamole-lite in front of a guacd stand-in', () => {
  it('reaches ready on guacd\'s $-id and first sync; SIGTERM closes 1000 without disconnect: a severed link, retried', async () => {
    lite = await startGuacamoleLite({ guacd: 'stub' });
    const token = lite.token();
    harness = startSession({ protocol: 'guacamole', url: `${lite.url}?token=${encodeURIComponent(token)}`, retry });
    const h = harness;
    h.session.connect();
    await h.until(() => h.of('ready').length === 1);
    lite.child.kill('SIGTERM');
    await h.until(() => h.of('reconnecting').length === 1);
    const [fault] = h.of('fault');
    expect(fault!.fault).toMatchObject({ code: 519, outcome: 'retry', via: { code: 0, via: { space: 'websocket', code: 1000 }, message: 'Connection closed normally' } });
    expect(h.of('closed')).toHaveLength(0);
    expectNoToken(h, token);
  });
});
