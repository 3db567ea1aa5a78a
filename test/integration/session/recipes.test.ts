/**
 * The recipes of docs/testing.md, as they run in CI: each block between `// recipe: <name>` and `// end recipe`
 * is copied verbatim into the doc (test/unit/docs/recipes-fresh.test.ts fails when they drift apart).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulatedClock } from 'xstate';
import { WebSocket } from 'ws';
import { createSession } from '../../../src/index.js';
import type { Session } from '../../../src/index.js';
import { createFaultServer, simulate, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';

let server: FaultServer | undefined;
let session: Session | undefined;

afterEach(async () => {
  session?.disconnect();
  await server?.close();
  server = undefined;
  session = undefined;
});

describe('recipes (docs/testing.md)', () => {
  it('a flapping link: three drops mid-stream, then the link holds', async () => {
    // recipe: flapping-link
    server = await createFaultServer({
      protocol: 'guacamole',
      scripts: (index) => (index < 3 ? [step.handshake(), step.stream(20, 100), step.drop()] : [step.handshake()]),
    });
    const clock = new SimulatedClock(); // backoff runs on simulated time: no sleeping in tests
    session = createSession({ protocol: 'guacamole', url: server.url, WebSocket, clock, random: () => 0.5 });
    const delays: number[] = [];
    session.on('reconnecting', ({ delayMs }) => {
      delays.push(delayMs);
      clock.increment(delayMs);
    });
    session.connect();
    await vi.waitFor(() => expect(server!.connections).toHaveLength(4));
    await vi.waitFor(() => expect(session!.state.connectivity).toBe('ready'));
    expect(delays).toEqual([3000, 5250, 8625]); // decorrelated jitter with random() = 0.5: 1500 + 0.5 × (3 × last − 1500)
    // end recipe
  });

  it('an expired token: the reconnect is refused with 401, the session asks for credentials, a fresh token works', async () => {
    // recipe: expired-token
    server = await createFaultServer({
      protocol: 'softdrive',
      scripts: [
        [step.handshake(), step.drop()], // the link drops
        [step.reject(401)], // reconnecting with the same token: expired
        [step.handshake()], // a fresh token works
      ],
    });
    const clock = new SimulatedClock();
    let token = 'old';
    session = createSession({ protocol: 'softdrive', url: () => `${server!.url}?token=${token}`, WebSocket, clock });
    session.on('reconnecting', ({ delayMs }) => clock.increment(delayMs));
    const needsAuth = new Promise((resolve) => session!.once('needs-auth', resolve));
    session.connect();
    await needsAuth;
    expect(server.connections).toHaveLength(2); // never replayed a third time
    token = 'fresh';
    session.reauthenticate();
    await vi.waitFor(() => expect(session!.state.connectivity).toBe('ready'));
    expect(server.connections.map((c) => c.path)).toEqual(['/?token=old', '/?token=old', '/?token=fresh']);
    // end recipe
  });

  it('a server restart: clients get 1012, and come back once the server\'s floor has passed', async () => {
    // recipe: server-restart
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    const clock = new SimulatedClock();
    session = createSession({ protocol: 'guacamole', url: server.url, WebSocket, clock });
    session.connect();
    await vi.waitFor(() => expect(session!.state.connectivity).toBe('ready'));
    const reconnecting = new Promise<number>((resolve) => session!.once('reconnecting', ({ delayMs }) => resolve(delayMs)));
    await server.restart(500, { closeCode: 1012, closeReason: 'restarting' });
    const delayMs = await reconnecting;
    expect(delayMs).toBeGreaterThanOrEqual(10_000); // Guacamole reads 1012 as 520 UPSTREAM_UNAVAILABLE: wait ≥ 10 s
    clock.increment(delayMs);
    await vi.waitFor(() => expect(server!.connections).toHaveLength(2));
    // end recipe
  });

  it('an auth failure: needs-auth, and no reconnect however long the test waits', async () => {
    // recipe: auth-failure
    server = await createFaultServer({
      protocol: 'guacamole',
      script: [step.handshake(['tunnel']), step.status(769, 'Invalid login'), step.close(1008, '769')],
    });
    const clock = new SimulatedClock();
    session = createSession({ protocol: 'guacamole', url: server.url, WebSocket, clock });
    const needsAuth = new Promise((resolve) => session!.once('needs-auth', resolve));
    session.connect();
    await expect(needsAuth).resolves.toMatchObject({ cause: { code: 769, outcome: 'reauthenticate' } });
    clock.increment(24 * 60 * 60 * 1000); // a simulated day later
    expect(server.connections).toHaveLength(1);
    // end recipe
  });

  it('an outage simulated without sockets: the whole timeline, deterministic', async () => {
    // recipe: simulate
    const timeline = await simulate({
      protocol: 'frame',
      retry: { jitter: 'none' },
      script: [[step.handshake(), step.close(4029)], [step.reject(503, { retryAfter: 30 })], [step.handshake()]],
    });
    expect(timeline.entries.map((e) => `${e.atMs} ${e.event}`)).toEqual([
      '0 connect', '0 ready', '0 fault', '0 reconnecting', '1500 connect', '1500 fault', '1500 reconnecting', '31500 connect', '31500 ready',
    ]);
    expect(timeline.outcome).toBe('ready');
    // end recipe
  });
});
