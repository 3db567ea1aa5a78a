// @vitest-environment jsdom
/**
 * The real Guacamole.Client (guacamole-common-js 1.5, the npm package) running in Node under jsdom, over the adapter,
 * against a guacd stand-in on 127.0.0.1 port 0: the fast check that the official client and the adapter agree, beside
 * the Chromium proofs. jsdom has no canvas: its 2D context is a stand-in that accepts every call (nothing here reads
 * pixels; test/integration/browser does).
 */
import { createRequire } from 'node:module';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { attachGuacamoleClient, createGuacamoleTunnel, guacamoleCommonJsProfile, TUNNEL_STATE } from '../../../src/guacamole-common-js/index.js';
import { startGuacdServer } from '../../support/browser/guacd-server.js';
import type { GuacdServer } from '../../support/browser/guacd-server.js';
import { fillRect, size, sync } from '../../support/browser/guacd-drawing.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';

interface GuacamoleClient {
  connect(data?: string): void;
  disconnect(): void;
  sendMouseState(state: unknown): void;
  onstatechange: ((state: number) => void) | null;
  getDisplay(): { getWidth(): number; getHeight(): number };
}
interface GuacamoleNamespace {
  Client: { new (tunnel: unknown): GuacamoleClient; State: Record<string, number> };
  Mouse: { State: new (x: number, y: number, left: boolean, middle: boolean, right: boolean, up: boolean, down: boolean) => unknown };
}

let Guacamole: GuacamoleNamespace;
let server: GuacdServer | undefined;
let harness: SessionHarness | undefined;

beforeAll(() => {
  // jsdom implements no canvas: every 2D context call is accepted and does nothing.
  const context = new Proxy({}, { get: (_target, key) => (key === 'canvas' ? undefined : () => ({ data: new Uint8ClampedArray(4) })) });
  HTMLCanvasElement.prototype.getContext = (() => context) as never;
  Guacamole = createRequire(import.meta.url)('guacamole-common-js') as GuacamoleNamespace;
});

afterEach(async () => {
  harness?.session.disconnect();
  await server?.close();
  server = undefined;
  harness = undefined;
});

const frame = (timestamp: number) => size(64, 64) + fillRect(0, [255, 0, 0], 0, 0, 64, 64) + sync(timestamp);

describe('Guacamole.Client (guacamole-common-js 1.5) over the adapter, in Node under jsdom', () => {
  it('reaches CONNECTED, sizes its display, and acknowledges each sync once (the codec does not)', async () => {
    server = await startGuacdServer({ onConnection: (c) => c.send(frame(1) + frame(2)) });
    harness = startSession({ protocol: guacamoleCommonJsProfile, url: server.url, environment: false });
    const tunnel = createGuacamoleTunnel(harness.session);
    const client = new Guacamole.Client(tunnel);
    const states: number[] = [];
    client.onstatechange = (state) => states.push(state);
    client.connect('');
    await harness.until(() => states.includes(Guacamole.Client.State.CONNECTED!));
    expect(tunnel.state).toBe(TUNNEL_STATE.OPEN);
    await harness.until(() => server!.connections[0]!.of('sync').length === 2);
    expect(server.connections[0]!.of('sync').map(([, timestamp]) => timestamp)).toEqual(['1', '2']);
    expect(client.getDisplay().getWidth()).toBe(64);
  });

  it('sends mouse state through the session as mouse instructions', async () => {
    server = await startGuacdServer({ onConnection: (c) => c.send(frame(1)) });
    harness = startSession({ protocol: guacamoleCommonJsProfile, url: server.url, environment: false });
    const client = new Guacamole.Client(createGuacamoleTunnel(harness.session));
    client.connect('');
    await harness.until(() => server!.connections[0]!.of('sync').length === 1);
    client.sendMouseState(new Guacamole.Mouse.State(10, 20, true, false, false, false, false));
    await harness.until(() => server!.connections[0]!.of('mouse').length === 1);
    expect(server.connections[0]!.of('mouse')[0]!.slice(1, 3)).toEqual(['10', '20']);
  });

  it('gets a fresh client per connection from attachGuacamoleClient after a dropped link, and the old one goes quiet', async () => {
    server = await startGuacdServer({ onConnection: (c) => c.send(frame(c.index + 1)) });
    harness = startSession({ protocol: guacamoleCommonJsProfile, url: server.url, environment: false, retry: { initialDelayMs: 100, jitter: 'none' } });
    const clients: GuacamoleClient[] = [];
    attachGuacamoleClient(harness.session, { createClient: (tunnel) => new Guacamole.Client(tunnel) as never, onclient: (client) => void clients.push(client as never) });
    harness.session.connect();
    await harness.until(() => server!.connections[0]!.of('sync').length === 1);
    server.connections[0]!.drop();
    await harness.until(() => harness!.of('reconnecting').length === 1);
    harness.advance(100);
    await harness.until(() => server!.connections.length === 2 && server!.connections[1]!.of('sync').length === 1);
    expect(clients).toHaveLength(2);
    clients[0]!.sendMouseState(new Guacamole.Mouse.State(1, 1, false, false, false, false, false));
    clients[1]!.sendMouseState(new Guacamole.Mouse.State(2, 2, false, false, false, false, false));
    await harness.until(() => server!.connections[1]!.of('mouse').length === 1);
    expect(server.connections[1]!.of('mouse')[0]!.slice(1, 3)).toEqual(['2', '2']);
  });
});
