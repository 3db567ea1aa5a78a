/**
 * The guacd-only rows of docs/gateways.md: frame sequences recorded from real stacks (test/fixtures/gateways, each
 * naming its source) replayed through a real `ws` server on 127.0.0.1:0, connection by connection, to createSession.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';
import { recorded } from '../../fixtures/gateways/recorded.js';
import type { RecordedScenario } from '../../fixtures/gateways/recorded.js';

let server: TestWsServer | undefined;
let harness: SessionHarness | undefined;
let connections = 0;

afterEach(async () => {
  harness?.session.disconnect();
  await server?.close();
  server = undefined;
  harness = undefined;
});

async function replay(scenario: RecordedScenario, maxAttempts = 5): Promise<SessionHarness> {
  connections = 0;
  server = await startWsServer((socket) => {
    const connection = scenario.connections[Math.min(connections, scenario.connections.length - 1)]!;
    connections += 1;
    for (const frame of connection.frames) socket.send(frame);
    if (connection.end === 'drop') socket.terminate();
    else if (connection.end !== 'open') socket.close(connection.end.close, connection.end.reason);
  });
  const h = startSession({ protocol: 'guacamole', url: `${server.url}/?token=recorded-secret`, retry: { jitter: 'none', initialDelayMs: 1000, maxAttempts } });
  h.session.on('reconnecting', ({ delayMs }) => h.advance(delayMs));
  h.session.connect();
  harness = h;
  return h;
}

describe('recorded guacd sequences', () => {
  it('desktop killed and back: 515, then bare disconnects, keeps retrying and is ready when the desktop is back', async () => {
    const h = await replay(recorded('vnc-killed-and-back'));
    await h.until(() => h.of('ready').length === 2);
    expect(h.of('ready').map((r) => r.attempt)).toEqual([0, 3]);
    expect(h.of('fault').map((f) => f.fault.code)).toEqual([515, 'DISCONNECT_WITHOUT_STATUS', 'DISCONNECT_WITHOUT_STATUS']);
    expect(h.of('reconnecting').map((r) => r.cause.code)).toEqual([515, 515, 515]);
    expect(h.of('closed')).toHaveLength(0);
  });

  it('guacd killed (CONNECTION_RESET, close 1011): retried, ready when guacd is back', async () => {
    const h = await replay(recorded('guacd-killed-reset'));
    await h.until(() => h.of('ready').length === 2);
    expect(h.of('fault')[0]!.fault).toMatchObject({ code: 'CONNECTION_RESET', known: true, outcome: 'retry' });
  });

  it('guacd killed (close 1000 "Connection closed normally", no disconnect): severed, retried, ready again', async () => {
    const h = await replay(recorded('guacd-killed-closed'));
    await h.until(() => h.of('ready').length === 2);
    expect(h.of('fault')[0]!.fault).toMatchObject({ code: 519, outcome: 'retry', via: { code: 0 } });
    expect(h.of('closed')).toHaveLength(0);
  });

  it('tunnel SIGTERM (close 1000, no disconnect): retried, ready after the restart', async () => {
    const h = await replay(recorded('tunnel-sigterm'));
    await h.until(() => h.of('ready').length === 2);
    expect(h.of('fault')[0]!.fault.code).toBe(519);
  });

  it('desktop unreachable or wrong password (bare disconnect every time): bounded retry, then failed with what to check', async () => {
    const h = await replay(recorded('desktop-unreachable'), 2);
    await h.until(() => h.of('failed').length === 1);
    expect(connections).toBe(3);
    const [failed] = h.of('failed');
    expect(failed).toMatchObject({ reason: 'exhausted', cause: { code: 'DISCONNECT_WITHOUT_STATUS', outcome: 'retry' } });
    expect(failed!.cause.summary).toMatch(/could not reach or sign in/);
    expect(failed!.cause.fix).toMatch(/password/);
    expect(h.of('fault').every((f) => f.fault.code !== 0 && f.fault.name !== 'SUCCESS')).toBe(true);
    expect(h.of('closed')).toHaveLength(0);
  });

  it('guacd not running (SERVICE_UNAVAILABLE, then the socket ends): retried with its floor', async () => {
    const h = await replay(recorded('guacd-not-running'));
    await h.until(() => h.of('ready').length === 1);
    expect(h.of('fault')[0]!.fault.code).toBe('SERVICE_UNAVAILABLE');
    expect(h.of('reconnecting')[0]!.delayMs).toBeGreaterThanOrEqual(2000);
  });

  it('Java tunnel loses guacd (close 1000 "0" without disconnect): severed, retried', async () => {
    const h = await replay(recorded('java-tunnel-loses-guacd'));
    await h.until(() => h.of('ready').length === 2);
    expect(h.of('fault')[0]!.fault).toMatchObject({ code: 519, via: { code: 0 } });
  });

  it('Java tunnel, guacd\'s goodbye (disconnect, then close 1000 "0"): a deliberate end, closed by peer, no reconnect', async () => {
    const h = await replay(recorded('java-tunnel-guacd-goodbye'));
    await h.until(() => h.of('closed').length === 1);
    expect(h.of('closed')[0]).toMatchObject({ by: 'peer' });
    expect(h.of('reconnecting')).toHaveLength(0);
    expect(connections).toBe(1);
  });
});
