/**
 * What a reconnect banner renders from `session.state` over a whole outage (issue 15): `reconnecting` is up from the
 * first fault until the session is ready again, and down while streaming, while asking the user, and at the end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';
import type { SessionProjection } from '../../../src/index.js';

let server: FaultServer | undefined;
let harness: SessionHarness | undefined;

afterEach(async () => {
  harness?.session.disconnect();
  await server?.close();
  server = undefined;
  harness = undefined;
});

/** The banner's view: one line per distinct (connectivity, reconnecting) the app was told, in order. */
function bannerOf(h: SessionHarness): string[] {
  const lines = (h.of('state') as SessionProjection[]).map((s) => `${s.connectivity}${s.reconnecting ? ' (reconnecting)' : ''}`);
  return lines.filter((line, i) => line !== lines[i - 1]);
}

describe('the reconnect banner over a whole outage (session.state)', () => {
  it('shows reconnecting from the drop through backoff and the attempts, and clears it once ready, before minUptimeMs', async () => {
    server = await createFaultServer({ protocol: 'guacamole', scripts: [[step.handshake(), step.drop()], [step.reject(503)], [step.handshake()]] });
    harness = startSession({ protocol: 'guacamole', url: server.url, retry: { jitter: 'none', initialDelayMs: 1000 } });
    harness.session.connect();
    await harness.until(() => harness!.of('reconnecting').length === 1);
    expect(harness.session.state.reconnecting).toBe(true); // waiting in backoff after the drop
    harness.advance(1000);
    await harness.until(() => harness!.of('reconnecting').length === 2);
    expect(harness.session.state.reconnecting).toBe(true);
    harness.advance(harness.of('reconnecting')[1]!.delayMs); // a 503's floor
    await harness.until(() => harness!.of('ready').length === 2);
    expect(harness.session.state).toMatchObject({ connectivity: 'ready', reconnecting: false, attempt: 2 });
    expect(bannerOf(harness)).toEqual([
      'connecting',
      'ready',
      'transient-failure (reconnecting)',
      'connecting (reconnecting)',
      'transient-failure (reconnecting)',
      'connecting (reconnecting)',
      'ready',
    ]);
  });

  it('does not say reconnecting while waiting for credentials, nor after the session failed', async () => {
    server = await createFaultServer({ protocol: 'guacamole', scripts: [[step.handshake(), step.drop()], [step.handshake(), step.status(769, 'bad credentials')]] });
    harness = startSession({ protocol: 'guacamole', url: server.url, retry: { jitter: 'none', initialDelayMs: 1000 } });
    harness.session.connect();
    await harness.until(() => harness!.of('reconnecting').length === 1);
    expect(harness.session.state.reconnecting).toBe(true);
    harness.advance(1000);
    await harness.until(() => harness!.of('needs-auth').length === 1);
    expect(harness.session.state).toMatchObject({ state: 'active.awaiting.auth', reconnecting: false });
    harness.session.cancel();
    expect(harness.session.state).toMatchObject({ connectivity: 'shutdown', reconnecting: false });
  });
});
