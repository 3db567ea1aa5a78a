/**
 * Soak: 1,000 reconnect cycles of one session against the real fault server leave nothing behind.
 *
 * This is the one session test on the real clock: every backoff is 0 ms (`schedule: [0]`), so nothing waits on
 * wall-clock delays; the test waits with `vi.waitFor` on the count of `ready` events. What is checked:
 * - open handles (`process.getActiveResourcesInfo()` counted by type) are back to their level before the session
 *   once it has disconnected, allowing a little noise;
 * - the session emitter's listener counts do not change, and the server's ws clients go back to 0;
 * - heap used after forced GC grows by less than HEAP_TOLERANCE_BYTES between cycle 200 and cycle 1000
 *   (800 cycles: a leak of even ~6 KB per cycle would show).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { WebSocketServer } from 'ws';
import { step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { createSession } from '../../../src/session/index.js';
import { useSessionFixture } from '../../support/session-fixture.js';

const CYCLES = 1000;
const WARM_UP_CYCLES = 200;
/** Heap growth allowed between cycle 200 and cycle 1000, after a full GC at both points. */
const HEAP_TOLERANCE_BYTES = 5 * 1024 * 1024;
/** Extra handles of one type allowed after the run (timers of the runner, a socket still finishing its close). */
const HANDLE_NOISE = 2;

const fixture = useSessionFixture();

function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function handleCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function grownTypes(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([type, count]) => count > (before.get(type) ?? 0) + HANDLE_NOISE).map(([type, count]) => `${type}: ${before.get(type) ?? 0} → ${count}`);
}

/** The server's live ws clients. Not public API: read for this leak check only. */
function openClients(faultServer: FaultServer): number {
  return (faultServer as unknown as { wss: WebSocketServer }).wss.clients.size;
}

describe('createSession soak (real fault server, real clock, 0 ms backoff)', () => {
  it(`survives ${CYCLES} reconnect cycles without growth in handles, listeners or heap`, { timeout: 60_000 }, async () => {
    const gc = exposeGc();
    const faultServer = await fixture.faultServer({
      protocol: 'guacamole',
      maxRecordedMessages: 0,
      // even connections: handshake then close 1011; odd ones: handshake then drop the TCP socket
      scripts: (index) => (index % 2 === 0 ? [step.handshake(), step.close(1011, 'soak')] : [step.handshake(), step.drop()]),
    });
    const handlesBefore = handleCounts();

    const s = createSession({
      protocol: 'guacamole',
      url: faultServer.url,
      WebSocket,
      retry: { schedule: [0], maxAttempts: 2 * CYCLES, maxElapsedMs: 3_600_000 },
    });
    fixture.defer(() => s.disconnect());
    let ready = 0;
    let faults = 0;
    const heap: number[] = [];
    s.on('fault', () => {
      faults += 1;
    });
    s.on('ready', () => {
      ready += 1;
      if (ready === WARM_UP_CYCLES || ready === CYCLES) {
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
    });
    s.on('failed', (event) => {
      throw new Error(`the soak session failed: ${event.reason} ${event.cause.name}`);
    });
    const listenersBefore = s.eventNames().map((name) => [name, s.listenerCount(name)]);
    s.connect();

    await vi.waitFor(() => expect(ready).toBeGreaterThanOrEqual(CYCLES), { timeout: 50_000, interval: 20 });
    expect(faults).toBeGreaterThanOrEqual(CYCLES - 1);
    expect(s.state.attempt).toBeGreaterThanOrEqual(CYCLES - 1);
    s.disconnect();
    expect(s.state.connectivity).toBe('shutdown');

    await vi.waitFor(() => expect(openClients(faultServer)).toBe(0), { timeout: 5000, interval: 10 });
    expect(faultServer.connections.filter((c) => c.closedAt === null)).toEqual([]);
    expect(s.eventNames().map((name) => [name, s.listenerCount(name)])).toEqual(listenersBefore);
    await vi.waitFor(() => expect(grownTypes(handlesBefore, handleCounts())).toEqual([]), { timeout: 5000, interval: 20 });

    expect(heap).toHaveLength(2);
    const growth = heap[1]! - heap[0]!;
    expect(growth, `heap grew ${(growth / 1024 / 1024).toFixed(2)} MB over ${CYCLES - WARM_UP_CYCLES} cycles`).toBeLessThan(HEAP_TOLERANCE_BYTES);
  });
});
