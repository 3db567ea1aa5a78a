import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulatedClock } from 'xstate';
import { WebSocket } from 'ws';
import { createSession } from '../../../src/session/index.js';
import type { Session } from '../../../src/session/index.js';
import { isSessionError } from '../../../src/errors/index.js';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { fakeBrowser } from '../../support/fake-browser.js';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';
import { pendingTimers } from '../../support/pending-timers.js';

let server: FaultServer | TestWsServer | undefined;
let session: Session | undefined;

afterEach(async () => {
  session?.disconnect();
  await server?.close();
  server = undefined;
  session = undefined;
  vi.unstubAllGlobals();
});

/** Collects what the session hands to `reportError` (a listener's throw), instead of an uncaught exception. */
function collectListenerErrors(): unknown[] {
  const reported: unknown[] = [];
  vi.stubGlobal('reportError', (error: unknown) => reported.push(error));
  return reported;
}

describe('Session facade: a throwing listener never skips the SDK\'s own bookkeeping', () => {
  it('throwing state and phase listeners: the disconnect still releases the window and document listeners', async () => {
    const reported = collectListenerErrors();
    const { win, doc } = fakeBrowser();
    // A port nothing answers on: the session is connecting (phase connect) when it is disconnected.
    session = createSession({ protocol: 'guacamole', url: 'ws://127.0.0.1:9/tunnel', WebSocket, clock: new SimulatedClock() });
    session.on('state', () => {
      throw new Error('state listener bug');
    });
    session.on('phase', () => {
      throw new Error('phase listener bug');
    });
    session.connect();
    expect(session.state.phase).toBe('connect');
    session.disconnect();
    expect(session.state.state).toBe('closed');
    expect(win.count + doc.count).toBe(0);
    expect(session.actor.getSnapshot().status).toBe('done');
    expect(reported.map((e) => (e as Error).message)).toEqual(expect.arrayContaining(['state listener bug', 'phase listener bug']));
    // Nothing reaches the stopped actor afterwards.
    win.dispatch('offline');
    win.dispatch('online');
  });

  it('a throwing needs-auth listener: the wait still stands and survives offline/online with no second connection', async () => {
    const reported = collectListenerErrors();
    const { win } = fakeBrowser();
    const fault = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.status(769, 'bad credentials')] });
    server = fault;
    session = createSession({ protocol: 'guacamole', url: fault.url, WebSocket, clock: new SimulatedClock() });
    session.on('needs-auth', () => {
      throw new Error('needs-auth listener bug');
    });
    session.on('fault', () => {
      throw new Error('fault listener bug');
    });
    session.connect();
    await vi.waitFor(() => expect(session!.state.state).toBe('active.awaiting.auth'));
    win.dispatch('offline');
    win.dispatch('online');
    expect(session.state.state).toBe('active.awaiting.auth');
    expect(fault.connections).toHaveLength(1);
    expect(reported.map((e) => (e as Error).message)).toEqual(['fault listener bug', 'needs-auth listener bug']);
  });
});

describe('Session facade: an actor that errors anyway is noticed', () => {
  it('emits failed with the error, releases socket, timers and listeners, and says so in state', async () => {
    const { win, doc } = fakeBrowser();
    const raw = await startWsServer((socket) => {
      socket.send('0.,36.6d4f1e2a-0000-4000-8000-000000000000;');
      socket.send('4.sync,1.0;');
    });
    server = raw;
    const clock = new SimulatedClock();
    let broken = false;
    const failing = {
      now: () => {
        if (broken) throw new Error('clock failure with wss://h/t?token=SECRET');
        return clock.now();
      },
      setTimeout: clock.setTimeout.bind(clock),
      clearTimeout: clock.clearTimeout.bind(clock),
    };
    session = createSession({ protocol: 'guacamole', url: raw.url, WebSocket, clock: failing });
    const failed: unknown[] = [];
    session.on('failed', (event) => failed.push(event));
    session.connect();
    await vi.waitFor(() => expect(session!.state.connectivity).toBe('ready'));
    broken = true;
    // The next clock read inside the machine throws (a keep-alive check): the actor errors.
    clock.increment(1500);
    await vi.waitFor(() => expect(failed).toHaveLength(1));
    expect(session.actor.getSnapshot().status).toBe('error');
    expect(session.state).toMatchObject({ connectivity: 'shutdown', state: 'failed' });
    expect(failed[0]).toMatchObject({ reason: 'internal', cause: { category: 'internal', outcome: 'fatal' } });
    expect(JSON.stringify(failed[0])).not.toContain('SECRET');
    // The raw error (its message names the token) is not passed on; the cause carries it redacted.
    expect(Object.keys(failed[0] as object).sort()).toEqual(['cause', 'final', 'reason']);
    expect((failed[0] as { cause: { message: string } }).cause.message).toContain('clock failure');
    expect(win.count + doc.count).toBe(0);
    await vi.waitFor(() => expect(raw.wss.clients.size).toBe(0));
    expect(pendingTimers(clock)).toBe(0);
    const connect = (() => {
      try {
        session!.connect();
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(isSessionError(connect) && connect.code).toBe('SESSION_ERR_INVALID_STATE');
    session.disconnect();
  });
});

describe('Session facade: report()', () => {
  it('is a typed error after the session closed, naming the state', () => {
    session = createSession({ protocol: 'softdrive', url: 'ws://127.0.0.1:9/x', WebSocket, clock: new SimulatedClock() });
    session.disconnect();
    let error: unknown;
    try {
      session.report(15);
    } catch (caught) {
      error = caught;
    }
    expect(isSessionError(error) && error.code).toBe('SESSION_ERR_INVALID_STATE');
    expect(String((error as Error).message)).toContain('closed');
  });
});

describe('Session facade over a real socket: a status code the classifier refuses', () => {
  it('Guacamole 5.error,4.boom,11.99999999999; is a classified fault: the socket and the ping stop, state moves on', async () => {
    const raw = await startWsServer((socket) => {
      socket.send('0.,36.6d4f1e2a-0000-4000-8000-000000000000;');
      socket.send('4.sync,1.0;');
      socket.send('5.error,4.boom,11.99999999999;');
    });
    server = raw;
    const clock = new SimulatedClock();
    session = createSession({ protocol: 'guacamole', url: raw.url, WebSocket, clock, retry: { maxAttempts: 1, jitter: 'none' } });
    const faults: unknown[] = [];
    session.on('fault', (event) => faults.push(event));
    session.on('reconnecting', ({ delayMs }) => clock.increment(delayMs));
    session.connect();
    await vi.waitFor(() => expect(faults).toHaveLength(2));
    expect(session.actor.getSnapshot().status).not.toBe('error');
    // A server frame that breaks the wire is the server's fault: 512 SERVER_ERROR, retried within the policy (one
    // attempt here), then failed. (781 CLIENT_OVERRUN named what a client sent; issue 11.)
    expect(faults[0]).toMatchObject({ fault: { space: 'guacamole', code: 512 } });
    await vi.waitFor(() => expect(session!.state).toMatchObject({ state: 'failed', connectivity: 'shutdown' }));
    await vi.waitFor(() => expect(raw.wss.clients.size).toBe(0));
  });
});

describe('Session facade over a real socket: a server that floods and never reads', () => {
  it('passes limits.maxBufferedBytes: the link counts as severed (519), the socket is dropped, memory stays bounded', async () => {
    const raw = await startWsServer((socket) => {
      socket.send('0.,36.6d4f1e2a-0000-4000-8000-000000000000;');
      socket.send('4.sync,1.0;');
      // Stop reading what the client sends, then flood pings (a batch per event-loop turn, at most 512 MiB): each one
      // is echoed into the client's send buffer.
      socket.pause();
      const big = 'x'.repeat(7000); // within the parser's instruction limit (8192)
      const frame = `0.,4.ping,${big.length}.${big};`;
      let sent = 0;
      const batch = (): void => {
        for (let i = 0; i < 128 && socket.readyState === socket.OPEN; i += 1) socket.send(frame);
        sent += 128 * frame.length;
        if (socket.readyState === socket.OPEN && sent < 512 * 1024 * 1024) setImmediate(batch);
      };
      batch();
    });
    server = raw;
    session = createSession({
      protocol: 'guacamole', url: raw.url, WebSocket, clock: new SimulatedClock(),
      limits: { maxBufferedBytes: 256 * 1024 }, retry: { maxAttempts: 1, jitter: 'none' },
    });
    const faults: { fault: { code: unknown; message?: string } }[] = [];
    session.on('fault', (event) => faults.push(event));
    session.connect();
    await vi.waitFor(() => expect(faults).toHaveLength(1), { timeout: 10_000 });
    expect(faults[0]!.fault.code).toBe(519);
    expect(faults[0]!.fault.message).toMatch(/not reading|buffer/);
    expect(session.state.connectivity).toBe('transient-failure');
  });
});

describe('Session facade over a real socket: a message over limits.maxPayloadBytes', () => {
  it('is the peer breaking the wire (the profile protocol-error code), not a Node errno', async () => {
    const raw = await startWsServer((socket) => {
      for (const step of ['tls', 'handshake', 'settings']) socket.send(JSON.stringify({ t: 'step', step }));
      socket.send(Buffer.alloc(128 * 1024));
    });
    server = raw;
    session = createSession({ protocol: 'softdrive', url: raw.url, WebSocket, clock: new SimulatedClock(), limits: { maxPayloadBytes: 64 * 1024 } });
    const faults: { fault: { space: string; code: unknown; message?: string } }[] = [];
    session.on('fault', (event) => faults.push(event));
    session.connect();
    await vi.waitFor(() => expect(faults).toHaveLength(1));
    expect(faults[0]!.fault).toMatchObject({ space: 'softdrive', code: 7 });
    expect(faults[0]!.fault.message).toMatch(/payload|length/i);
  });
});

describe('Session facade over a real socket: an upgrade refused with a Guacamole-Status-Code header', () => {
  it('403 + Guacamole-Status-Code: 769 is guacamole 769 (needs-auth, no second connection), not a bare HTTP 403', async () => {
    let upgrades = 0;
    const http = createServer();
    http.on('upgrade', (_request, socket) => {
      upgrades += 1;
      socket.end('HTTP/1.1 403 Forbidden\r\nGuacamole-Status-Code: 769\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    try {
      const clock = new SimulatedClock();
      session = createSession({ protocol: 'guacamole', url: `ws://127.0.0.1:${port}/websocket-tunnel?token=${'x'.repeat(8)}`, WebSocket, clock });
      const auth: { cause: { space: string; code: unknown; via?: { space: string; code: unknown } } }[] = [];
      session.on('needs-auth', (event) => auth.push(event));
      session.connect();
      await vi.waitFor(() => expect(auth).toHaveLength(1));
      expect(auth[0]!.cause).toMatchObject({ space: 'guacamole', code: 769, via: { space: 'http', code: 403 } });
      clock.increment(3_600_000);
      expect(upgrades).toBe(1);
    } finally {
      session?.disconnect();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});

describe('Session facade: a throwing message handler', () => {
  it('is reported, and the session keeps streaming and keeps its keep-alive', async () => {
    const reported = collectListenerErrors();
    const raw = await startWsServer((socket) => {
      socket.send('0.,36.6d4f1e2a-0000-4000-8000-000000000000;');
      socket.send('4.sync,1.0;');
      socket.send('4.size,1.0,2.10,2.10;');
      socket.send('4.size,1.0,2.20,2.20;');
    });
    server = raw;
    session = createSession({ protocol: 'guacamole', url: raw.url, WebSocket, clock: new SimulatedClock() });
    const seen: unknown[] = [];
    session.on('message', (data) => {
      seen.push(data);
      throw new Error('message handler bug');
    });
    session.connect();
    await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(3));
    expect(session.state.connectivity).toBe('ready');
    expect(reported.length).toBe(seen.length);
    expect((reported[0] as Error).message).toBe('message handler bug');
  });
});
