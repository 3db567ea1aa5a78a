/**
 * attachGuacamoleClient over a real session: a fresh client per connection, the old one's tunnel retired. The
 * clients are ./consumer.ts consumers (the real Guacamole.Client runs in Chromium, test/integration/browser/).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { attachGuacamoleClient, guacamoleCommonJsProfile, TUNNEL_STATE } from '../../../src/guacamole-common-js/index.js';
import type { GuacamoleSessionTunnel } from '../../../src/guacamole-common-js/index.js';
import { startGuacdServer } from '../../support/browser/guacd-server.js';
import type { GuacdServer } from '../../support/browser/guacd-server.js';
import { fillRect, size, sync } from '../../support/browser/guacd-drawing.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';
import { consume } from './consumer.js';
import type { Consumer } from './consumer.js';

let server: GuacdServer | undefined;
let harness: SessionHarness | undefined;

afterEach(async () => {
  harness?.session.disconnect();
  await server?.close();
  server = undefined;
  harness = undefined;
});

interface FakeClient extends Consumer {
  connects: number;
  connect(): void;
}

function fakeClient(tunnel: GuacamoleSessionTunnel): FakeClient {
  const client = Object.assign(consume(tunnel), {
    connects: 0,
    connect() {
      client.connects += 1;
      tunnel.connect('');
      tunnel.sendMessage('nop');
    },
  });
  return client;
}

describe('attachGuacamoleClient', () => {
  it('hands a fresh client to the app for each connection; the old one gets nothing more and sends nothing', async () => {
    server = await startGuacdServer({ onConnection: (c) => c.send(size(64, 64) + fillRect(0, [c.index * 100, 0, 0], 0, 0, 64, 64) + sync(10 + c.index)) });
    harness = startSession({ protocol: guacamoleCommonJsProfile, url: server.url, retry: { initialDelayMs: 100, jitter: 'none' } });
    const handed: [FakeClient, FakeClient | null][] = [];
    const attachment = attachGuacamoleClient(harness.session, { createClient: fakeClient, onclient: (client, previous) => handed.push([client, previous]) });
    const first = attachment.client;
    expect(handed).toEqual([[first, null]]);
    attachment.connect();
    await harness.until(() => first.tunnel.state === TUNNEL_STATE.OPEN);
    const s = server;
    s.connections[0]!.drop();
    await harness.until(() => harness!.session.state.reconnecting);
    harness.advance(100);
    await harness.until(() => handed.length === 2 && attachment.tunnel.state === TUNNEL_STATE.OPEN);
    const second = attachment.client;
    expect(handed[1]).toEqual([second, first]);
    expect(second.connects).toBe(1);
    expect(second.instructions).toEqual([['size', '0', '64', '64'], expect.arrayContaining(['rect']), ['cfill', '14', '0', '100', '0', '0', '255'], ['sync', '11']]);
    expect(first.instructions.map(([op]) => op)).toEqual(['size', 'rect', 'cfill', 'sync']);
    expect(second.uuids).toEqual([s.connections[1]!.uuid]);
    expect(first.tunnel.state).toBe(TUNNEL_STATE.CLOSED);
    expect(first.states).toEqual([TUNNEL_STATE.CONNECTING, TUNNEL_STATE.OPEN, TUNNEL_STATE.UNSTABLE]);
    // The old client's late acknowledgement and input go nowhere; its disconnect does not end the session.
    first.tunnel.sendMessage('sync', 10);
    first.tunnel.sendMessage('mouse', 1, 1, 0);
    first.tunnel.disconnect();
    second.tunnel.sendMessage('mouse', 2, 2, 0);
    await harness.until(() => s.connections[1]!.of('mouse').length === 1);
    expect(s.connections[1]!.of('mouse')).toEqual([['mouse', '2', '2', '0']]);
    expect(s.connections[1]!.of('sync')).toEqual([['sync', '11']]);
    expect(harness.session.state.connectivity).toBe('ready');
    attachment.disconnect();
    expect(second.tunnel.state).toBe(TUNNEL_STATE.CLOSED);
    expect(harness.of('closed')[0]).toMatchObject({ by: 'user' });
  });

  it('keeps the old client through attempts that draw nothing', async () => {
    server = await startGuacdServer({ onConnection: (c) => (c.index === 1 ? c.drop() : c.send(size(8, 8) + sync(1))) });
    harness = startSession({ protocol: guacamoleCommonJsProfile, url: server.url, retry: { initialDelayMs: 100, jitter: 'none' } });
    const created: FakeClient[] = [];
    const attachment = attachGuacamoleClient(harness.session, { createClient: (tunnel) => { const c = fakeClient(tunnel); created.push(c); return c; } });
    attachment.connect();
    await harness.until(() => attachment.tunnel.state === TUNNEL_STATE.OPEN);
    server.connections[0]!.drop();
    await harness.until(() => server!.connections.length === 1 && harness!.session.state.reconnecting);
    harness.advance(100);
    await harness.until(() => server!.connections.length === 2 && harness!.of('reconnecting').length === 2);
    expect(created).toHaveLength(1);
    harness.advance(200);
    await harness.until(() => created.length === 2 && attachment.tunnel.state === TUNNEL_STATE.OPEN);
  });
});
