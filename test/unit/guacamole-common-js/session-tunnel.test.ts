/**
 * createGuacamoleTunnel over a real session (real `ws` sockets on 127.0.0.1:0, timers on a SimulatedClock), consumed
 * as Guacamole.Client consumes a tunnel (./consumer.ts): states, UUIDs, instructions, errors, and what reaches guacd.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createGuacamoleTunnel, guacamoleCommonJsProfile, TUNNEL_STATE } from '../../../src/guacamole-common-js/index.js';
import { guacamoleProfile } from '../../../machines/guacamole/index.js';
import { encodeInstruction } from '../../../machines/guacamole/encoder.js';
import { startGuacdServer } from '../../support/browser/guacd-server.js';
import type { GuacdConnection, GuacdServer } from '../../support/browser/guacd-server.js';
import { fillRect, size, sync } from '../../support/browser/guacd-drawing.js';
import { startSession } from '../../support/session-harness.js';
import type { SessionHarness } from '../../support/session-harness.js';
import { consume } from './consumer.js';

const { CONNECTING, OPEN, CLOSED, UNSTABLE } = TUNNEL_STATE;
const RETRY = { initialDelayMs: 100, jitter: 'none', maxAttempts: 3 } as const;
let server: GuacdServer | undefined;
let harness: SessionHarness | undefined;

afterEach(async () => {
  harness?.session.disconnect();
  await server?.close();
  server = undefined;
  harness = undefined;
});

const frame = (timestamp: number) => size(64, 64) + fillRect(0, [255, 0, 0], 0, 0, 64, 64) + sync(timestamp);

async function open(onConnection: ((connection: GuacdConnection) => void) | undefined, profile = guacamoleCommonJsProfile, echoPings = true) {
  server = await startGuacdServer({ echoPings, ...(onConnection === undefined ? {} : { onConnection }) });
  harness = startSession({ protocol: profile, url: server.url, retry: RETRY });
  const consumer = consume(createGuacamoleTunnel(harness.session));
  return { consumer, session: harness.session, h: harness, s: server };
}

describe('createGuacamoleTunnel: states', () => {
  it('is CLOSED before connect, CONNECTING until the first sync, then OPEN, with the tunnel UUID', async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1)));
    expect(consumer.tunnel.state).toBe(CLOSED);
    expect(consumer.tunnel.isConnected()).toBe(false);
    consumer.tunnel.connect('');
    await h.until(() => consumer.tunnel.state === OPEN);
    expect(consumer.states).toEqual([CONNECTING, OPEN]);
    expect(consumer.uuids).toEqual([s.connections[0]!.uuid]);
    expect(consumer.tunnel.uuid).toBe(s.connections[0]!.uuid);
    expect(consumer.instructions.map(([opcode]) => opcode)).toEqual(['size', 'rect', 'cfill', 'sync']);
    expect(consumer.tunnel.isConnected()).toBe(true);
  });

  it('is UNSTABLE while the link is silent and OPEN again when data comes', async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1)), guacamoleCommonJsProfile, false);
    consumer.tunnel.connect();
    await h.until(() => consumer.tunnel.state === OPEN);
    h.advance(1600);
    await h.until(() => consumer.tunnel.state === UNSTABLE);
    s.connections[0]!.send(sync(2));
    await h.until(() => consumer.tunnel.state === OPEN);
    expect(consumer.states).toEqual([CONNECTING, OPEN, UNSTABLE, OPEN]);
    expect(consumer.errors).toEqual([]);
  });

  it('stays UNSTABLE (never CLOSED, no onerror) while the session reconnects, then OPEN with the new UUID', async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(10 + c.index)));
    consumer.tunnel.connect();
    await h.until(() => consumer.tunnel.state === OPEN);
    s.connections[0]!.drop();
    await h.until(() => h.session.state.reconnecting);
    expect(consumer.tunnel.state).toBe(UNSTABLE);
    expect(consumer.tunnel.isConnected()).toBe(true);
    h.advance(100);
    await h.until(() => s.connections.length === 2 && consumer.tunnel.state === OPEN);
    expect(consumer.states).toEqual([CONNECTING, OPEN, UNSTABLE, OPEN]);
    expect(consumer.errors).toEqual([]);
    expect(consumer.uuids).toEqual([s.connections[0]!.uuid, s.connections[1]!.uuid]);
  });

  it('ends CLOSED after onerror with the final status when the session fails', async () => {
    const { consumer, h } = await open((c) => c.send(encodeInstruction('error', 'Bad config', 'CONFIG_ERROR')));
    consumer.tunnel.connect();
    await h.until(() => consumer.tunnel.state === CLOSED);
    expect(consumer.log).toEqual([`state ${CONNECTING}`, expect.stringMatching(/^uuid /), 'error 512', `state ${CLOSED}`]);
    expect(consumer.errors).toHaveLength(1);
    expect(consumer.errors[0]).toMatchObject({ code: 512, message: 'Bad config', outcome: 'fatal' });
    expect(h.session.listenerCount('message')).toBe(1); // the harness's own; the tunnel let go
  });
});

describe('createGuacamoleTunnel: waits for the user', () => {
  it('reports 769 as onerror with outcome reauthenticate, stays connected-looking, and opens no second connection', async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1) + encodeInstruction('error', 'Invalid login', 769)));
    consumer.tunnel.connect();
    await h.until(() => h.of('needs-auth').length === 1);
    expect(consumer.errors).toHaveLength(1);
    expect(consumer.errors[0]).toMatchObject({ code: 769, message: 'Invalid login', outcome: 'reauthenticate' });
    expect(consumer.tunnel.state).toBe(UNSTABLE);
    h.advance(60_000);
    expect(h.pendingTimers()).toBe(0);
    expect(s.connections).toHaveLength(1);
    h.session.reauthenticate();
    await h.until(() => s.connections.length === 2);
  });

  it("reads guacamole-lite's INVALID_TOKEN as 769, never NaN", async () => {
    const { consumer, h } = await open((c) => c.send(encodeInstruction('error', 'Token validation failed', 'INVALID_TOKEN')));
    consumer.tunnel.connect();
    await h.until(() => consumer.errors.length === 1);
    expect(consumer.errors[0]).toMatchObject({ code: 769, outcome: 'reauthenticate' });
    expect(consumer.tunnel.state).toBe(CONNECTING);
  });
});

describe('createGuacamoleTunnel: what reaches guacd', () => {
  it('sends exactly one sync acknowledgement per frame: the client\'s, on the ackSync: false profile', async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1) + sync(2) + sync(2) + sync(3)));
    consumer.tunnel.connect();
    await h.until(() => consumer.instructions.filter(([op]) => op === 'sync').length === 4);
    consumer.tunnel.sendMessage('sync', 3); // a second acknowledgement of 3: dropped
    consumer.tunnel.sendMessage('sync', 99); // never received: dropped
    consumer.tunnel.sendMessage('size', 800, 600);
    await h.until(() => s.connections[0]!.of('size').length === 1);
    expect(s.connections[0]!.of('sync')).toEqual([['sync', '1'], ['sync', '2'], ['sync', '3']]);
  });

  it("sends exactly one acknowledgement on the default profile too: the codec's, the client's dropped", async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1) + sync(2)), guacamoleProfile);
    consumer.tunnel.connect();
    await h.until(() => consumer.instructions.filter(([op]) => op === 'sync').length === 2);
    consumer.tunnel.sendMessage('size', 800, 600);
    await h.until(() => s.connections[0]!.of('size').length === 1);
    expect(s.connections[0]!.of('sync')).toEqual([['sync', '1'], ['sync', '2']]);
    expect(consumer.tunnel.droppedMessages).toBe(2);
  });

  it("drops the client's nop: guacd gets the transport's one nop per 5 s and its pings", async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1)));
    consumer.tunnel.connect();
    await h.until(() => consumer.tunnel.state === OPEN);
    consumer.tunnel.sendMessage('nop');
    for (let i = 0; i < 20; i++) h.advance(500); // 10 s of keep-alive ticks
    await h.until(() => s.connections[0]!.of('').length >= 20);
    consumer.tunnel.sendMessage('nop');
    consumer.tunnel.sendMessage('size', 1, 1);
    await h.until(() => s.connections[0]!.of('size').length === 1);
    expect(s.connections[0]!.of('nop')).toHaveLength(2);
  });

  it('drops input while the session reconnects instead of queueing it, and sends it again once ready', async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1)));
    consumer.tunnel.connect();
    await h.until(() => consumer.tunnel.state === OPEN);
    s.connections[0]!.drop();
    await h.until(() => h.session.state.reconnecting);
    consumer.tunnel.sendMessage('mouse', 10, 10, 0);
    consumer.tunnel.sendMessage('key', 65, 1);
    expect(consumer.tunnel.droppedMessages).toBe(2);
    h.advance(100);
    await h.until(() => consumer.tunnel.state === OPEN);
    consumer.tunnel.sendMessage('mouse', 20, 20, 0);
    await h.until(() => s.connections[1]!.of('mouse').length === 1);
    expect(s.connections[1]!.of('key')).toEqual([]);
    expect(s.connections[0]!.of('mouse')).toEqual([]);
  });

  it('never throws into the client: an instruction over guacd\'s limits is dropped and counted', async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1)));
    consumer.tunnel.connect();
    await h.until(() => consumer.tunnel.state === OPEN);
    expect(() => consumer.tunnel.sendMessage('blob', 0, 'x'.repeat(9000))).not.toThrow();
    expect(() => consumer.tunnel.sendMessage({ not: 'an opcode' })).not.toThrow();
    expect(consumer.tunnel.droppedMessages).toBe(2);
    expect(s.connections[0]!.of('blob')).toEqual([]);
  });

  it("disconnect() ends the session politely: the client's disconnect instruction, a close, CLOSED, no onerror", async () => {
    const { consumer, h, s } = await open((c) => c.send(frame(1)));
    consumer.tunnel.connect();
    await h.until(() => consumer.tunnel.state === OPEN);
    consumer.tunnel.sendMessage('disconnect');
    consumer.tunnel.disconnect();
    expect(consumer.tunnel.state).toBe(CLOSED);
    expect(h.of('closed')[0]).toMatchObject({ by: 'user' });
    await h.until(() => s.connections[0]!.of('disconnect').length === 1);
    expect(consumer.errors).toEqual([]);
    expect(h.pendingTimers()).toBe(0);
    expect(() => consumer.tunnel.connect()).toThrow(expect.objectContaining({ code: 0x0206 }));
  });
});

describe('createGuacamoleTunnel: the contract', () => {
  it('refuses connection data (it belongs in the url) with CLIENT_BAD_REQUEST, and a session of another protocol', async () => {
    const { consumer } = await open(undefined);
    expect(() => consumer.tunnel.connect('token=secret')).toThrow(expect.objectContaining({ code: 0x0300 }));
    const frame = startSession({ protocol: 'frame', url: 'ws://127.0.0.1:9' });
    expect(() => createGuacamoleTunnel(frame.session)).toThrow(/needs a Guacamole session/);
    frame.session.disconnect();
  });

  it("keeps the SDK's bookkeeping when the app's handlers throw", async () => {
    const { consumer, h } = await open((c) => c.send(frame(1)));
    const thrown: unknown[] = [];
    const report = globalThis.reportError;
    globalThis.reportError = (error: unknown) => thrown.push(error);
    try {
      consumer.tunnel.oninstruction = () => {
        throw new Error('client bug');
      };
      consumer.tunnel.onstatechange = () => {
        throw new Error('app bug');
      };
      consumer.tunnel.connect();
      await h.until(() => consumer.tunnel.state === OPEN);
      expect(thrown.length).toBeGreaterThanOrEqual(2);
      expect(h.session.actor.getSnapshot().status).toBe('active');
    } finally {
      consumer.tunnel.oninstruction = null;
      consumer.tunnel.onstatechange = null;
      globalThis.reportError = report;
    }
  });
});
