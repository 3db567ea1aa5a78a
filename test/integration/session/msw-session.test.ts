/**
 * The core session behaviours through msw `ws.link` handlers. The session is created WITHOUT a `WebSocket`
 * option, so it uses `globalThis.WebSocket`: Node 20 has none, and msw patches only the global, so this file
 * defines it from `ws` for the file (listenWithGlobalWebSocket).
 */
import { describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { step } from '../../../src/testing/index.js';
import { createFaultHandlers } from '../../../src/testing/msw.js';
import type { FaultHandlers, FaultHandlersOptions } from '../../../src/testing/msw.js';
import { listenWithGlobalWebSocket } from '../../support/msw-global-websocket.js';
import { useSessionFixture } from '../../support/session-fixture.js';
import type { SessionHarness } from '../../support/session-harness.js';

const GATEWAY = 'wss://gateway.test/tunnel';
const server = setupServer();
listenWithGlobalWebSocket(server);
const fixture = useSessionFixture();

/**
 * Handlers first, then the session (`WebSocket: 'global'`: no WebSocket option), which reads the patched global when
 * it is created. After the test: the session disconnects, the handlers' connections close, the handlers reset.
 */
function run(options: Omit<FaultHandlersOptions, 'url' | 'protocol'>, url = GATEWAY): SessionHarness & { readonly kit: FaultHandlers } {
  const kit = createFaultHandlers({ protocol: 'guacamole', url: GATEWAY, ...options });
  fixture.defer(() => server.resetHandlers());
  server.use(...kit.handlers);
  fixture.defer(() => kit.close());
  const h = fixture.session({ protocol: 'guacamole', url, WebSocket: 'global', retry: { jitter: 'none', initialDelayMs: 1000, maxAttempts: 3 } });
  h.session.connect();
  return { ...h, kit };
}

describe('createSession through msw ws.link fault handlers (global WebSocket)', () => {
  it('connects through the intercepted global, completes tunnel + sync, and streams', async () => {
    const r = run({ script: [step.handshake(), step.stream(200, 100)] }, `${GATEWAY}?token=abc`);
    await r.until(() => r.of('ready').length === 1);
    expect(r.kit.connections).toHaveLength(1);
    expect(r.kit.connections[0]!.path).toBe('/tunnel?token=abc');
    expect(r.session.state).toMatchObject({ connectivity: 'ready', phase: 'stream' });
    await r.until(() => r.messages.length >= 5);
    // the client acknowledged the handshake sync
    await r.until(() => r.kit.connections[0]!.received.some((m) => String(m).startsWith('4.sync,')));
  });

  it('backs off after a retryable status (515) and reconnects only once the delay has passed', async () => {
    const r = run({ scripts: [[step.handshake(), step.status(515, 'upstream error')], [step.handshake()]] });
    await r.until(() => r.of('reconnecting').length === 1);
    expect(r.of('fault')[0]!.fault).toMatchObject({ space: 'guacamole', code: 515, outcome: 'retry' });
    expect(r.of('reconnecting')[0]).toMatchObject({ attempt: 1, delayMs: 1000 });
    r.clock.increment(999);
    expect(r.kit.connections).toHaveLength(1);
    r.clock.increment(1);
    await r.until(() => r.of('ready').length === 2);
    expect(r.kit.connections).toHaveLength(2);
  });

  it('stops on an auth failure (769): needs-auth and no second connection however long it waits', async () => {
    const r = run({ script: [step.handshake(), step.status(769, 'bad credentials')] });
    await r.until(() => r.of('needs-auth').length === 1);
    expect(r.of('needs-auth')[0]!.cause).toMatchObject({ code: 769, outcome: 'reauthenticate' });
    r.clock.increment(24 * 3_600_000);
    expect(r.kit.connections).toHaveLength(1);
    expect(r.of('reconnecting')).toHaveLength(0);
  });

  it('reconnects after a server close 1012 (restart), no earlier than the floor', async () => {
    const r = run({ scripts: [[step.handshake(), step.close(1012, 'restarting')], [step.handshake()]] });
    await r.until(() => r.of('reconnecting').length === 1);
    const { cause, delayMs } = r.of('reconnecting')[0]!;
    expect(cause.via).toMatchObject({ space: 'websocket', code: 1012 });
    expect(cause.outcome).toBe('retry-later');
    expect(delayMs).toBeGreaterThanOrEqual(cause.retryAfterMs!);
    r.clock.increment(delayMs - 1);
    expect(r.kit.connections).toHaveLength(1);
    r.clock.increment(1);
    await r.until(() => r.of('ready').length === 2);
  });
});
