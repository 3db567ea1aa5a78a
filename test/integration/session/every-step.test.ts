/**
 * Every fault-script step, staged by the real fault server against a real session (ws sockets on 127.0.0.1:0),
 * each with the effect the session must show. Session timers run on a SimulatedClock advanced by the test.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../../src/testing/index.js';
import type { FaultServerOptions } from '../../../src/testing/index.js';
import { useSessionFixture } from '../../support/session-fixture.js';
import type { ConnectedSession } from '../../support/session-fixture.js';

const fixture = useSessionFixture();

/** A Guacamole fault server with these scripts, and a session on it (default `retry`: no jitter, 1 s first delay), connecting. */
function stage(options: Omit<FaultServerOptions, 'protocol'>, retry: object = { jitter: 'none', initialDelayMs: 1000 }): Promise<ConnectedSession> {
  return fixture.connected({ protocol: 'guacamole', ...options }, { retry });
}

describe('every fault-script step against a real session', () => {
  it('wait + accept: the upgrade is answered only after the wait, and the session connects then', async () => {
    const { h, server } = await stage({ script: [step.wait(150), step.accept(), step.handshake()] });
    await h.until(() => server.connections.length === 1);
    expect(h.session.state.phase).toBe('connect');
    await h.until(() => h.of('ready').length === 1);
    expect(server.connections[0]!.upgradeStatus).toBe(101);
  });

  it('reject: a 503 with Retry-After floors the next attempt', async () => {
    const { h } = await stage({ scripts: [[step.reject(503, { retryAfter: 30 })], [step.handshake()]] });
    await h.until(() => h.of('reconnecting').length === 1);
    expect(h.of('fault')[0]!.fault).toMatchObject({ space: 'http', code: 503 });
    expect(h.of('reconnecting')[0]!.delayMs).toBe(30_000);
  });

  it('handshake with a subset of steps: the session waits in the step that never came', async () => {
    const { h } = await stage({ script: [step.handshake(['tunnel'])] });
    await h.until(() => h.stateIs('active.online.handshaking.sync'));
    h.advance(15_000);
    expect(h.of('fault')[0]!.fault).toMatchObject({ code: 514 });
  });

  it('stall: the link goes unstable, then dead, and the socket is dropped', async () => {
    const { h } = await stage({ script: [step.handshake(), step.stall()] });
    await h.until(() => h.of('ready').length === 1);
    h.advance(1500);
    expect(h.of('unstable')).toHaveLength(1);
    h.advance(13_500);
    expect(h.of('fault')[0]!.fault).toMatchObject({ code: 514 });
  });

  it('stream: data frames reach the message event, whole and in order', async () => {
    const { h } = await stage({ script: [step.handshake(), step.stream(100, 200)] });
    const instructions = (): { opcode: string; args: readonly string[] }[] => h.messages as { opcode: string; args: readonly string[] }[];
    const rows = (): number[] => instructions().filter((m) => m.opcode === 'img').map((m) => Number(m.args[5]));
    await h.until(() => rows().length >= 21); // the handshake's first image and 20 streamed frames
    for (const message of instructions()) {
      expect(typeof message.opcode).toBe('string');
      expect(message.args.every((arg) => typeof arg === 'string')).toBe(true);
    }
    const streamed = rows().slice(1, 21);
    expect(streamed).toEqual(streamed.map((_, i) => streamed[0]! + i)); // no frame lost, none out of order
    const syncs = instructions().filter((m) => m.opcode === 'sync').map((m) => Number(m.args[0]));
    expect(syncs.length).toBeGreaterThanOrEqual(21);
    expect(syncs.every((t, i) => i === 0 || t > syncs[i - 1]!)).toBe(true);
  });

  it('silence then stream: unstable during the silence, stable when data flows again', async () => {
    const { h } = await stage({ script: [step.handshake(), step.silence(200), step.stream(20, 3000)] });
    await h.until(() => h.of('ready').length === 1);
    h.advance(1500);
    expect(h.of('unstable')).toHaveLength(1);
    await h.until(() => h.of('stable').length === 1);
  });

  it('status: a retryable error instruction faults and schedules a reconnect', async () => {
    const { h } = await stage({ script: [step.handshake(), step.status(515, 'upstream error')] });
    await h.until(() => h.of('reconnecting').length === 1);
    expect(h.of('fault')[0]!.fault).toMatchObject({ code: 515, message: 'upstream error' });
  });

  it('end: the peer\'s disconnect instruction closes the session for good', async () => {
    const { h, server } = await stage({ script: [step.handshake(), step.end()] });
    await h.until(() => h.of('closed').length === 1);
    expect(h.of('closed')[0]).toMatchObject({ by: 'peer' });
    h.advance(3_600_000);
    expect(server.connections).toHaveLength(1);
  });

  it('close: a close frame whose reason carries a Guacamole status is read as that status, via the close code', async () => {
    const { h } = await stage({ script: [step.handshake(), step.close(1011, '519')] });
    await h.until(() => h.of('fault').length === 1);
    expect(h.of('fault')[0]!.fault).toMatchObject({ space: 'guacamole', code: 519, via: { space: 'websocket', code: 1011 } });
  });

  it('drop: the TCP connection ends without a close frame, and the session reconnects', async () => {
    const { h } = await stage({ scripts: [[step.handshake(), step.drop()], [step.handshake()]] });
    await h.until(() => h.of('reconnecting').length === 1);
    expect(h.of('fault')[0]!.fault.via).toMatchObject({ space: 'websocket', code: 1006 });
    h.advance(1000);
    await h.until(() => h.of('ready').length === 2);
  });

  it('server restart (waitForConnections, wait, restart with 1012): the session reconnects once the floor passed', async () => {
    const { h, server } = await stage({
      script: [step.handshake()],
      server: [step.waitForConnections(1), step.wait(100), step.restart(100, { closeCode: 1012 })],
    });
    await h.until(() => h.of('reconnecting').length === 1);
    const { delayMs, cause } = h.of('reconnecting')[0]!;
    expect(cause.via).toMatchObject({ code: 1012 });
    await h.until(() => server.listening);
    h.advance(delayMs);
    await h.until(() => h.of('ready').length === 2);
  });

  it('server flap: every outage is a fault, and the session is ready again after the last one', async () => {
    const { h, server } = await stage(
      { script: [step.handshake()], server: [step.waitForConnections(1), step.flap(2, { upMs: 150, downMs: 100 })] },
      { schedule: [0], maxAttempts: 100_000 },
    );
    await h.until(() => h.of('fault').length >= 2 && server.listening && h.of('ready').length >= 3, 10_000);
    expect(h.session.state.connectivity).toBe('ready');
  });
});
