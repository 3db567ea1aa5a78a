/**
 * How to test your own client against a flapping link with vitest: a real fault server on 127.0.0.1:0 goes
 * down three times (each time every client is dropped without a close frame), and the test checks that the
 * session rides it out: it never fails, every fault is one it retries, each flap is a fresh outage (the
 * attempt counter resets once the link has been up for `minUptimeMs`), and it ends connected.
 *
 * In your project this body goes straight into a test file:
 *
 *   import { it } from 'vitest';
 *   it('rides out a flapping link', flappingLinkExample);
 *
 * (examples/ is not in this repo's vitest include; test/integration/examples/examples.test.ts runs it.)
 */
import { expect, vi } from 'vitest';
import { WebSocket } from 'ws';
import { createSession } from '../src/index.js';
import type { FaultEvent, ReconnectingEvent } from '../src/index.js';
import { guacamoleProfile } from '../machines/guacamole/index.js';
import { createFaultServer, step } from '../src/testing/index.js';

export interface FlappingLinkSummary {
  readonly connections: number;
  readonly faults: readonly FaultEvent[];
  readonly reconnecting: readonly ReconnectingEvent[];
}

export async function flappingLinkExample(): Promise<FlappingLinkSummary> {
  const flaps = 3;
  const server = await createFaultServer({
    protocol: 'guacamole',
    script: [step.handshake()],
    // After the first client arrives: 3 × (up 400 ms, then down 100 ms).
    server: [step.waitForConnections(1), step.flap(flaps, { upMs: 400, downMs: 100 })],
  });
  const session = createSession({
    protocol: guacamoleProfile,
    url: server.url,
    WebSocket,
    // Small real delays: while the server is down, attempts are refused and back off 20, 40, 80 … ms.
    retry: { initialDelayMs: 20, maxDelayMs: 200, jitter: 'none', maxAttempts: 10, minUptimeMs: 150 },
  });
  const faults: FaultEvent[] = [];
  const reconnecting: ReconnectingEvent[] = [];
  let readies = 0;
  let failures = 0;
  session.on('fault', (event) => faults.push(event));
  session.on('reconnecting', (event) => reconnecting.push(event));
  session.on('ready', () => (readies += 1));
  session.on('failed', () => (failures += 1));

  try {
    session.connect();
    // Waits on events, never on fixed sleeps: ready once at first, then once after each flap.
    await vi.waitFor(() => expect(readies).toBe(flaps + 1), { timeout: 5_000, interval: 10 });

    expect(failures).toBe(0);
    expect(session.state).toMatchObject({ connectivity: 'ready', phase: 'stream' });
    // Each flap starts a new outage: exactly one first attempt per flap.
    expect(reconnecting.filter((r) => r.attempt === 1)).toHaveLength(flaps);
    // Every fault was something to retry (the drop, and refused connects while the server was down).
    for (const { fault } of faults) expect(['retry', 'retry-later']).toContain(fault.outcome);
    // Within an outage the backoff never shrinks.
    for (let i = 1; i < reconnecting.length; i += 1) {
      const [previous, current] = [reconnecting[i - 1]!, reconnecting[i]!];
      if (current.attempt > 1) expect(current.delayMs).toBeGreaterThanOrEqual(previous.delayMs);
    }
    expect(server.connections.filter((c) => c.upgradeStatus === 101).length).toBe(flaps + 1);
    return { connections: server.connections.length, faults, reconnecting };
  } finally {
    session.disconnect();
    await server.close();
  }
}
