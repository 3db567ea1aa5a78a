/**
 * What an idle, healthy Guacamole session costs its actor: nothing. The transport pings the tunnel and watches the
 * link's silence on the session's clock itself (`link.watchSilence`), so while the echoes arrive no event reaches the
 * machine; only a silence as long as `unstableAfterMs` does (one `keepalive.check`). Real sockets on 127.0.0.1, the
 * session's timers on a SimulatedClock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionEvent } from 'xstate';
import type { WebSocket as ServerSocket } from 'ws';
import { createFaultServer, step } from '../../../src/testing/index.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness, StartSessionOptions } from '../../support/session-harness.js';
import { startWsServer } from '../../support/ws-server.js';

let closeServer: (() => Promise<void>) | undefined;
let harness: SessionHarness | undefined;

afterEach(async () => {
  harness?.session.disconnect();
  await closeServer?.();
  closeServer = undefined;
  harness = undefined;
});

/**
 * A session connected to `url` and ready, whose root actor's received events are recorded from then on (the harness
 * is kept for afterEach).
 */
async function readyAndRecorded(url: string, options: Partial<StartSessionOptions> = {}): Promise<{ harness: SessionHarness; received: string[] }> {
  const received: string[] = [];
  let recording = false;
  const started: SessionHarness = startSession({
    protocol: 'guacamole',
    url,
    ...options,
    inspect: (event: InspectionEvent) => {
      if (recording && event.type === '@xstate.event' && event.actorRef === started.session.actor) received.push(event.event.type);
    },
  });
  harness = started;
  started.session.connect();
  await started.until(() => started.of('ready').length === 1);
  recording = true;
  return { harness: started, received };
}

const lastDataAt = (h: SessionHarness): number => h.session.actor.getSnapshot().context.link.lastDataAt;

describe('an idle Guacamole session over a real socket', () => {
  it('60 s of echoed tunnel pings reach the machine as no event at all; one timer serves the ping and the silence watch', async () => {
    const server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake()] });
    closeServer = () => server.close();
    const run = await readyAndRecorded(server.url);
    harness = run.harness;
    for (let k = 1; k <= 120; k += 1) {
      harness.advance(500); // ping k at k × 500 ms; its echo arrives over the socket before the next one
      await harness.until(() => lastDataAt(harness!) === harness!.clock.now());
    }
    expect(run.received).toEqual([]);
    expect(harness.of('unstable')).toHaveLength(0);
    expect(harness.session.state.state).toBe('active.online.ready.healthy');
    expect(harness.session.actor.getSnapshot().children).toEqual({}); // the connection is no actor (SessionLink.open)
    expect(harness.pendingTimers()).toBe(1); // the transport's, for the next ping (the watch falls due later): no machine timer, no uptime timer
  });

  it('a stalled server: one keepalive.check exactly unstableAfterMs after the last frame, unstable, then dead (514) at deadAfterMs', async () => {
    const server = await createFaultServer({ protocol: 'guacamole', scripts: [[step.handshake(), step.stall()], [step.handshake()]] });
    closeServer = () => server.close();
    const run = await readyAndRecorded(server.url, { retry: { jitter: 'none', initialDelayMs: 1000 } });
    harness = run.harness;
    harness.advance(1499);
    expect(run.received).toEqual([]);
    harness.advance(1);
    expect(run.received).toEqual(['keepalive.check']);
    expect(harness.of('unstable')).toEqual([{ silentMs: 1500 }]);
    harness.advance(13_499);
    expect(harness.of('fault')).toHaveLength(0);
    harness.advance(1);
    expect(harness.of('fault')[0]!.fault).toMatchObject({ code: 514, name: 'UPSTREAM_TIMEOUT' });
  });

  it('a frame after the watch was armed moves its deadline: unstable comes unstableAfterMs after the last frame, and stable with the next', async () => {
    let peer: ServerSocket | undefined;
    const server = await startWsServer((socket) => {
      peer = socket;
      socket.send('0.,36.6d4f1e2a-0000-4000-8000-000000000000;');
      socket.send('4.sync,1.0;');
    });
    closeServer = () => server.close();
    const run = await readyAndRecorded(server.url);
    harness = run.harness;
    harness.advance(1000);
    peer!.send('4.sync,4.1000;'); // the server speaks once, 1000 ms in (it echoes no ping)
    await harness.until(() => lastDataAt(harness!) === 1000);
    harness.advance(1499);
    expect(harness.of('unstable')).toHaveLength(0);
    expect(run.received).toEqual([]);
    harness.advance(1);
    expect(harness.of('unstable')).toEqual([{ silentMs: 1500 }]);
    expect(run.received).toEqual(['keepalive.check']);
    peer!.send('4.sync,4.2500;');
    await harness.until(() => harness!.of('stable').length === 1);
    expect(run.received).toEqual(['keepalive.check', 'transport.activity']);
    expect(harness.session.state.state).toBe('active.online.ready.healthy');
  });
});
