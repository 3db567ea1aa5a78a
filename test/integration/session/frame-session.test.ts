import { describe, expect, it } from 'vitest';
import { step } from '../../../src/testing/index.js';
import type { FaultServerOptions } from '../../../src/testing/index.js';
import { deadPort } from '../../support/ws-server.js';
import { useSessionFixture } from '../../support/session-fixture.js';
import type { ConnectedSession } from '../../support/session-fixture.js';

const quick = { retry: { jitter: 'none' as const, initialDelayMs: 1000, maxAttempts: 3 } };
const fixture = useSessionFixture();

/** A Frame fault server running `scripts`, and a `quick`-retry session on it, connecting. */
function frameSession(scripts: NonNullable<FaultServerOptions['scripts']>): Promise<ConnectedSession> {
  return fixture.connected({ protocol: 'frame', scripts }, quick);
}

describe('createSession over Frame (FRP 8 through the reference envelope, real ws server on 127.0.0.1:0)', () => {
  it('walks the FRP 8 steps (signalling, then ice) to ready and streams data', async () => {
    const { h } = await frameSession([[step.handshake(), step.stream(200, 100)]]);
    await h.until(() => h.of('ready').length === 1);
    expect(h.session.state).toMatchObject({ connectivity: 'ready', phase: 'stream', reconnecting: false, attempt: 0 });
    expect(h.of('phase')).toEqual(expect.arrayContaining(['connect', 'handshake', 'stream']));
    await h.until(() => h.messages.length >= 5);
    expect(h.messages[0]).toEqual({ seq: 0 });
  });

  it('stays in the ice step after only the signalling step and is not ready', async () => {
    const { h } = await frameSession([[step.handshake(['signalling']), step.stall()]]);
    await h.until(() => h.stateIs('active.online.handshaking.ice'));
    expect(h.of('ready')).toHaveLength(0);
    h.advance(20_000);
    expect(h.of('fault')[0]!.fault).toMatchObject({ space: 'frame', code: 5007 });
  });

  it('reports a signalling step timeout as 4107 SIGNALING_PEER_TIMEOUT, not before 15 s', async () => {
    const { h } = await frameSession([[step.stall()], [step.handshake()]]);
    await h.until(() => h.stateIs('active.online.handshaking.signalling'));
    h.advance(14_999);
    expect(h.of('fault')).toHaveLength(0);
    h.advance(1);
    expect(h.of('fault')[0]!.fault).toMatchObject({ space: 'frame', code: 4107, name: 'SIGNALING_PEER_TIMEOUT', outcome: 'retry' });
    expect(h.of('reconnecting')[0]).toMatchObject({ attempt: 1, delayMs: 1000 });
  });

  it('reconnects after close 4029 decoded directly, reconnecting events carrying status 4103', async () => {
    const { h, server } = await frameSession([[step.handshake(), step.close(4029, 'unexpected')], [step.handshake()]]);
    await h.until(() => h.of('reconnecting').length === 1);
    const fault = h.of('fault')[0]!.fault;
    expect(fault).toMatchObject({ space: 'frame', code: 4029, name: 'CONNECTION_CLOSED_UNEXPECTEDLY', outcome: 'retry' });
    // the outer layer is kept: a private-use WebSocket close code
    expect(fault.via).toMatchObject({ space: 'websocket', code: 4029 });
    const reconnecting = h.of('reconnecting')[0]!;
    expect(reconnecting).toMatchObject({ attempt: 1, delayMs: 1000, cause: { code: 4029 } });
    expect(reconnecting.status).toMatchObject({ space: 'frame', code: 4103, name: 'RECONNECTING', outcome: 'ok' });
    h.advance(999);
    expect(server.connections).toHaveLength(1);
    h.advance(1);
    await h.until(() => h.of('ready').length === 2);
    expect(h.of('ready')[1]).toEqual({ attempt: 1 });
  });

  it('asks for a decision on 4006 (another session holds the seat), and takeOver() reconnects at once', async () => {
    const { h, server } = await frameSession([[step.handshake(), step.close(4006, 'elsewhere')], [step.handshake()]]);
    await h.until(() => h.of('needs-decision').length === 1);
    expect(h.of('needs-decision')[0]!.cause).toMatchObject({ space: 'frame', code: 4006, outcome: 'user-decision' });
    expect(h.of('reconnecting')).toHaveLength(0);
    h.advance(3_600_000);
    expect(server.connections).toHaveLength(1);
    h.session.takeOver();
    await h.until(() => h.of('ready').length === 2);
    expect(server.connections).toHaveLength(2);
  });

  it.each([
    [4000, 'USER_CLOSED_SESSION'],
    [4018, 'USER_LOGGED_OFF'],
  ])('ends as closed by the peer on close %i (%s), with no reconnect', async (code, name) => {
    const { h, server } = await frameSession([[step.handshake(), step.close(code, 'bye')]]);
    await h.until(() => h.of('closed').length === 1);
    expect(h.of('closed')[0]).toMatchObject({ by: 'peer', cause: { space: 'frame', code, name, outcome: 'ended' } });
    expect(h.session.state.connectivity).toBe('shutdown');
    h.advance(3_600_000);
    expect(server.connections).toHaveLength(1);
  });

  it('fails fatally on 4022 PROFILE_MOUNT_FAILED without retrying', async () => {
    const { h } = await frameSession([[step.handshake(['signalling']), step.close(4022, 'profile')]]);
    await h.until(() => h.of('failed').length === 1);
    expect(h.of('failed')[0]).toMatchObject({
      reason: 'fatal',
      cause: { space: 'frame', code: 4022, outcome: 'fatal' },
      final: { space: 'frame', code: 4022 },
    });
    expect(h.of('reconnecting')).toHaveLength(0);
  });

  it('asks for credentials when the upgrade is rejected with HTTP 401, and never replays them', async () => {
    const { h, server } = await frameSession([[step.reject(401)], [step.handshake()]]);
    await h.until(() => h.of('needs-auth').length === 1);
    expect(h.of('needs-auth')[0]!.cause).toMatchObject({ space: 'http', code: 401, outcome: 'reauthenticate' });
    h.advance(3_600_000);
    expect(server.connections).toHaveLength(1);
    h.session.reauthenticate();
    await h.until(() => h.of('ready').length === 1);
  });

  it('closes without an uncaught error when the user disconnects while the socket is still connecting', async () => {
    const { h, server } = await frameSession([[step.wait(60_000), step.accept()]]);
    await h.until(() => server.connections.length === 1);
    expect(h.stateIs('active.online.connecting')).toBe(true);
    h.session.disconnect();
    expect(h.of('closed')).toEqual([{ by: 'user', cause: null }]);
    // ws reports the aborted handshake on process.nextTick: let it surface while this test still runs
    await new Promise((resolve) => setImmediate(resolve));
  });

  it('retries a refused port, then fails with final 4106 RECONNECT_FAILED (cause 4101 via ECONNREFUSED)', async () => {
    const h = fixture.session({ protocol: 'frame', url: `ws://127.0.0.1:${await deadPort()}/`, retry: { jitter: 'none', initialDelayMs: 100, maxAttempts: 2 } });
    h.session.connect();
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      await h.until(() => h.of('reconnecting').length === attempt);
      expect(h.of('reconnecting')[attempt - 1]!.status).toMatchObject({ code: 4103 });
      h.advance(100 * 2 ** (attempt - 1));
    }
    await h.until(() => h.of('failed').length === 1);
    const failed = h.of('failed')[0]!;
    expect(failed.reason).toBe('exhausted');
    expect(failed.cause).toMatchObject({ space: 'frame', code: 4101, via: { space: 'errno', code: 'ECONNREFUSED' } });
    expect(failed.final).toMatchObject({ space: 'frame', code: 4106, name: 'RECONNECT_FAILED', via: { code: 4101 } });
  });
});
