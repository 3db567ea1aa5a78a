import { describe, expect, it } from 'vitest';
import { step } from '../../../src/testing/index.js';
import type { FaultServerOptions } from '../../../src/testing/index.js';
import { useSessionFixture } from '../../support/session-fixture.js';
import type { ConnectedSession } from '../../support/session-fixture.js';

const quick = { retry: { jitter: 'none' as const, initialDelayMs: 1000, maxAttempts: 3 } };
const fixture = useSessionFixture();

/** A fault server for `protocol` running `scripts`, and a `quick`-retry session on it, connecting. */
function envelopeSession(protocol: 'softdrive' | 'msra', scripts: NonNullable<FaultServerOptions['scripts']>): Promise<ConnectedSession> {
  return fixture.connected({ protocol, scripts }, quick);
}

describe('createSession over Softdrive (reference envelope)', () => {
  it('walks tls → handshake → settings to ready, in order', async () => {
    const { h } = await envelopeSession('softdrive', [[step.handshake(['tls']), step.wait(200), step.handshake(['handshake', 'settings'])]]);
    await h.until(() => h.stateIs('active.online.handshaking.handshake'));
    expect(h.of('ready')).toHaveLength(0);
    await h.until(() => h.of('ready').length === 1);
    expect(h.of('phase')).toEqual(expect.arrayContaining(['connect', 'handshake', 'stream']));
    expect(h.session.state).toMatchObject({ connectivity: 'ready', phase: 'stream' });
  });

  it('asks for credentials on "Error Code 15" (UserAuthenticationFailure) and does not reconnect', async () => {
    const { h, server } = await envelopeSession('softdrive', [[step.handshake(['tls']), step.status('Error Code 15')]]);
    await h.until(() => h.of('needs-auth').length === 1);
    expect(h.of('needs-auth')[0]!.cause).toMatchObject({ space: 'softdrive', code: 15, name: 'UserAuthenticationFailure', outcome: 'reauthenticate' });
    h.advance(3_600_000);
    expect(server.connections).toHaveLength(1);
    expect(h.of('reconnecting')).toHaveLength(0);
  });

  it('waits at least the 60 s floor of 13 ServerRestart (retry-later) before reconnecting', async () => {
    const { h, server } = await envelopeSession('softdrive', [[step.handshake(), step.status(13)], [step.handshake()]]);
    await h.until(() => h.of('reconnecting').length === 1);
    const { cause, delayMs } = h.of('reconnecting')[0]!;
    expect(cause).toMatchObject({ code: 13, name: 'ServerRestart', outcome: 'retry-later', retryAfterMs: 60_000 });
    expect(delayMs).toBe(60_000);
    h.advance(59_999);
    expect(server.connections).toHaveLength(1);
    h.advance(1);
    await h.until(() => h.of('ready').length === 2);
    expect(server.connections).toHaveLength(2);
  });

  it('faults with 04 KeepAliveTimeout when the app reports "Error Code 04", drops the socket and reconnects', async () => {
    const { h, server } = await envelopeSession('softdrive', [[step.handshake()], [step.handshake()]]);
    await h.until(() => h.of('ready').length === 1);
    const reported = h.session.report('Error Code 04');
    expect(reported).toMatchObject({ space: 'softdrive', code: 4, name: 'KeepAliveTimeout', outcome: 'retry', known: true });
    expect(h.of('fault')[0]!.fault).toMatchObject({ code: 4, name: 'KeepAliveTimeout' });
    expect(h.of('reconnecting')[0]).toMatchObject({ attempt: 1, delayMs: 1000, cause: { code: 4 } });
    await h.until(() => server.connections[0]!.closeCode !== null);
    h.advance(1000);
    await h.until(() => h.of('ready').length === 2);
  });

  it('reaches ready on app-reported steps (stepDone) over a silent wire, in step order only', async () => {
    const { h } = await envelopeSession('softdrive', [[step.accept(), step.silence(600_000)]]);
    await h.until(() => h.stateIs('active.online.handshaking.tls'));
    h.session.stepDone('settings'); // a later step completes the ones before it
    expect(h.of('ready')).toHaveLength(1);
  });

  it('keeps an app-fed session alive with heartbeat(): unstable → stable, and dead only 15 s after the last one', async () => {
    const { h } = await envelopeSession('softdrive', [[step.accept(), step.silence(600_000)]]);
    await h.until(() => h.stateIs('active.online.handshaking.tls'));
    h.session.stepDone('tls');
    h.session.stepDone('handshake');
    expect(h.of('ready')).toHaveLength(0);
    h.session.stepDone('settings');
    expect(h.of('ready')).toHaveLength(1);

    h.advance(5000);
    expect(h.of('unstable')).toEqual([{ silentMs: 5000 }]);
    h.session.heartbeat();
    expect(h.of('stable')).toHaveLength(1);
    h.advance(14_999); // 15 s after the heartbeat, not after ready
    expect(h.of('fault')).toHaveLength(0);
    h.advance(1);
    expect(h.of('fault')[0]!.fault).toMatchObject({ space: 'softdrive', code: 4, name: 'KeepAliveTimeout' });
  });
});

describe('createSession over MS-RA (reference envelope)', () => {
  it('walks invitation → consent to ready', async () => {
    const { h } = await envelopeSession('msra', [[step.handshake()]]);
    await h.until(() => h.of('ready').length === 1);
    expect(h.session.state).toMatchObject({ connectivity: 'ready', phase: 'stream' });
  });

  it('asks the user on 41 SAFERROR_HELPEESAIDNO, and cancel() closes without reconnecting', async () => {
    const { h, server } = await envelopeSession('msra', [[step.handshake(['invitation']), step.status(41)]]);
    await h.until(() => h.of('needs-decision').length === 1);
    expect(h.of('needs-decision')[0]!.cause).toMatchObject({ space: 'msra', code: 41, name: 'SAFERROR_HELPEESAIDNO', outcome: 'user-decision' });
    h.advance(3_600_000);
    expect(server.connections).toHaveLength(1);
    h.session.cancel();
    expect(h.of('closed')).toEqual([{ by: 'user', cause: expect.objectContaining({ code: 41 }) }]);
  });

  it('reports a consent step that never completes as 40 SAFERROR_HELPEENEVERRESPONDED after 120 s', async () => {
    const { h } = await envelopeSession('msra', [[step.handshake(['invitation']), step.stall()]]);
    await h.until(() => h.stateIs('active.online.handshaking.consent'));
    h.advance(119_999);
    expect(h.of('fault')).toHaveLength(0);
    h.advance(1);
    expect(h.of('needs-decision')[0]!.cause).toMatchObject({ space: 'msra', code: 40 });
  });
});
