/**
 * `session.actor.stop()` from outside: XState runs no exit action on a stop, so the facade releases the connection
 * itself: the socket closes, no event follows, no timer is left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';

let server: FaultServer | undefined;
let harness: SessionHarness | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  harness = undefined;
});

describe('a session whose actor is stopped from outside', () => {
  it('drops its socket, leaves no timer and emits nothing more', async () => {
    server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.stream(50, 60_000)] });
    harness = startSession({ protocol: 'guacamole', url: server.url });
    harness.session.connect();
    await harness.until(() => harness!.of('ready').length === 1);
    const events = harness.events.length;
    harness.session.actor.stop();
    await harness.until(() => server!.connections[0]!.closeCode !== null);
    expect(harness.pendingTimers()).toBe(0);
    harness.advance(60_000);
    expect(harness.events.length).toBe(events);
    expect(harness.session.actor.getSnapshot().context.link.send).toBeNull();
  });
});
