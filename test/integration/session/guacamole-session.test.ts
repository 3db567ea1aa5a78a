import { afterEach, describe, expect, it } from 'vitest';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { deadPort } from '../../support/ws-server.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';

const quick = { retry: { jitter: 'none' as const, initialDelayMs: 1000, maxAttempts: 3 } };
let server: FaultServer | undefined;
let harness: SessionHarness | undefined;

afterEach(async () => {
  harness?.session.disconnect();
  await server?.close();
  server = undefined;
  harness = undefined;
});

describe('createSession over the Guacamole tunnel protocol (real ws server on 127.0.0.1:0)', () => {
  it('connects, completes the tunnel and sync handshake, streams, and answers the server\'s sync', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.stream(200, 100)] });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('ready').length === 1);
    expect(harness.session.state).toMatchObject({ connectivity: 'ready', phase: 'stream', reconnecting: false });
    await harness.until(() => harness!.messages.length >= 5);
    expect(harness.of('phase').map((p) => p)).toEqual(expect.arrayContaining(['connect', 'handshake', 'stream']));
    // the client acknowledged the handshake sync the way Guacamole.Client does
    await harness.until(() => server!.connections[0]!.received.some((m) => String(m).startsWith('4.sync,')));
  });

  it('reconnects with backoff after a retryable `error` instruction (515), and only after the delay', async () => {
    server = await createFaultServer({
      protocol: 'guacamole',
      scripts: [[step.handshake(), step.status(515, 'upstream error')], [step.handshake()]],
    });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('reconnecting').length === 1);
    expect(harness.of('fault')[0]!.fault).toMatchObject({ space: 'guacamole', code: 515, name: 'UPSTREAM_ERROR' });
    expect(harness.of('reconnecting')[0]).toMatchObject({ attempt: 1, delayMs: 1000 });
    harness.advance(999);
    expect(server.connections).toHaveLength(1);
    harness.advance(1);
    await harness.until(() => harness!.of('ready').length === 2);
    expect(server.connections).toHaveLength(2);
    // Ready again: the banner's reconnecting flag is down; attempt keeps the outage's count until minUptimeMs.
    expect(harness.session.state).toMatchObject({ reconnecting: false, attempt: 1 });
  });

  it('stops on an auth failure (769): needs-auth, and no second connection however long it waits', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.status(769, 'bad credentials')] });
    harness = startSession({ protocol: 'guacamole', url: `${server.url}?token=wrong`, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('needs-auth').length === 1);
    harness.advance(24 * 3_600_000);
    expect(server.connections).toHaveLength(1);
    expect(harness.of('reconnecting')).toHaveLength(0);
    harness.session.reauthenticate({ url: `${server.url}?token=right` });
    await harness.until(() => server!.connections.length === 2);
    expect(server.connections[1]!.path).toContain('token=');
  });

  it('declares a stalled server unstable, then dead (514), drops the socket and reconnects', async () => {
    server = await createFaultServer({ protocol: 'guacamole', scripts: [[step.handshake(), step.stall()], [step.handshake()]] });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('ready').length === 1);
    harness.advance(1500);
    expect(harness.of('unstable')).toHaveLength(1);
    harness.advance(13_500);
    expect(harness.of('fault')[0]!.fault).toMatchObject({ code: 514, name: 'UPSTREAM_TIMEOUT' });
    await harness.until(() => server!.connections[0]!.closeCode !== null);
    expect(server.connections[0]!.closeCode).toBe(1006);
    harness.advance(1000);
    await harness.until(() => harness!.of('ready').length === 2);
  });

  it('reconnects after a server restart (close 1012) once the floor has passed', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('ready').length === 1);
    await server.restart(50, { closeCode: 1012, closeReason: 'restarting' });
    await harness.until(() => harness!.of('reconnecting').length === 1);
    const { cause, delayMs } = harness.of('reconnecting')[0]!;
    expect(cause.via).toMatchObject({ space: 'websocket', code: 1012 });
    expect(cause.outcome).toBe('retry-later');
    expect(delayMs).toBeGreaterThanOrEqual(cause.retryAfterMs!);
    harness.advance(delayMs);
    await harness.until(() => harness!.of('ready').length === 2);
  });

  it('retries a refused port, then fails with the cause (519 via ECONNREFUSED)', async () => {
    harness = startSession({ protocol: 'guacamole', url: `ws://127.0.0.1:${await deadPort()}/`, retry: { jitter: 'none', initialDelayMs: 100, maxAttempts: 2 } });
    harness.session.connect();
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      await harness.until(() => harness!.of('reconnecting').length === attempt);
      harness.advance(100 * 2 ** (attempt - 1));
    }
    await harness.until(() => harness!.of('failed').length === 1);
    const failed = harness.of('failed')[0]!;
    expect(failed.reason).toBe('exhausted');
    expect(failed.cause).toMatchObject({ space: 'guacamole', code: 519, via: { space: 'errno', code: 'ECONNREFUSED' } });
    expect(harness.session.state.connectivity).toBe('shutdown');
    expect(() => harness!.session.connect()).toThrowError(/never reopens/);
  });

  it('floors the next attempt at a 503 upgrade rejection\'s Retry-After (120 s)', async () => {
    server = await createFaultServer({ protocol: 'guacamole', scripts: [[step.reject(503, { retryAfter: 120 })], [step.handshake()]] });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('reconnecting').length === 1);
    expect(harness.of('reconnecting')[0]!.delayMs).toBe(120_000);
    harness.advance(119_999);
    expect(server.connections).toHaveLength(1);
    harness.advance(1);
    await harness.until(() => harness!.of('ready').length === 1);
  });

  it('pings the tunnel every 500 ms of the session\'s clock from the transport, a nop every 5 s; the echoes keep it healthy', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('ready').length === 1);
    const record = server.connections[0]!;
    const pings = () => record.received.map(String).filter((m) => m.includes('4.ping,'));
    for (let k = 1; k <= 20; k += 1) {
      harness.advance(500); // the socket opened at 0 on the simulated clock: ping k at k × 500 ms
      await harness.until(() => pings().length === k);
    }
    const at = (ms: number) => `0.,4.ping,${String(ms).length}.${ms};`;
    expect(pings()).toEqual(Array.from({ length: 20 }, (_, i) => ((i + 1) * 500 - 500) % 5_000 === 0 ? `3.nop;${at((i + 1) * 500)}` : at((i + 1) * 500)));
    expect(harness.of('unstable')).toHaveLength(0); // 10 s, never 1.5 s without an echo
    harness.session.disconnect();
    await harness.until(() => record.closeCode !== null);
    expect(harness.pendingTimers()).toBe(0); // no ping left scheduled
  });

  it('a user disconnect closes politely with 1000 and leaves no timer', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('ready').length === 1);
    harness.session.disconnect();
    await harness.until(() => server!.connections[0]!.closeCode !== null);
    expect(server.connections[0]!.closeCode).toBe(1000);
    expect(harness.of('closed')).toEqual([{ by: 'user', cause: null }]);
    expect(harness.pendingTimers()).toBe(0);
  });
});

describe('session.send over Guacamole', () => {
  it('encodes with the connection\'s codec, so the echo of an app-sent tunnel ping is not echoed back', async () => {
    const faults = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    const h = startSession({ protocol: 'guacamole', url: faults.url, environment: false });
    try {
      h.session.connect();
      await h.until(() => h.of('ready').length === 1);
      expect(h.session.send(['', 'ping', '424242'])).toBe(true);
      const record = faults.connections[0]!;
      await h.until(() => record.received.some((m) => String(m).includes('424242')));
      await new Promise((resolve) => setImmediate(resolve)); // one more turn for a reply to the echo, if any
      expect(record.received.filter((m) => String(m).includes('424242'))).toHaveLength(1);
    } finally {
      h.session.disconnect();
      await faults.close();
    }
  });

  it('throws SESSION_ERR_PROTOCOL for an instruction over guacd\'s limits, sends none of it and stays ready', async () => {
    const faults = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    const h = startSession({ protocol: 'guacamole', url: faults.url, environment: false });
    try {
      h.session.connect();
      await h.until(() => h.of('ready').length === 1);
      expect(() => h.session.send(['clipboard', 'x'.repeat(20_000)])).toThrow(/is 20019 characters .*at most 8192/);
      expect(() => h.session.send(['argv', ...Array.from({ length: 200 }, (_, i) => String(i))])).toThrow(/has 201 elements/);
      expect(h.session.send(['key', 65, 1])).toBe(true);
      const record = faults.connections[0]!;
      // One socket keeps order: once the key arrives, anything sent before it has arrived too.
      await h.until(() => record.received.some((m) => String(m) === '3.key,2.65,1.1;'));
      expect(record.received.filter((m) => /clipboard|argv/.test(String(m)))).toEqual([]);
      expect(h.session.state.connectivity).toBe('ready');
    } finally {
      h.session.disconnect();
      await faults.close();
    }
  });
});

describe('disconnect() on a Guacamole session says goodbye as Guacamole.Client does', () => {
  it('sends the disconnect instruction, then closes 1000; an app that said it already sends no second one', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    harness = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    harness.session.connect();
    await harness.until(() => harness!.of('ready').length === 1);
    harness.session.disconnect();
    await harness.until(() => server!.connections[0]!.closedAt !== null);
    const goodbyes = (c: { received: (string | Uint8Array)[] }) => c.received.filter((m) => String(m).includes('10.disconnect;')).length;
    expect(goodbyes(server.connections[0]!)).toBe(1);
    expect(String(server.connections[0]!.received.at(-1))).toContain('10.disconnect;');
    expect(server.connections[0]!.closeCode).toBe(1000);

    const again = startSession({ protocol: 'guacamole', url: server.url, ...quick });
    again.session.connect();
    await again.until(() => again.of('ready').length === 1);
    expect(again.session.send(['disconnect'])).toBe(true);
    again.session.disconnect();
    await again.until(() => server!.connections[1]!.closedAt !== null);
    expect(goodbyes(server.connections[1]!)).toBe(1);
  });
});
