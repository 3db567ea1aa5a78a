/**
 * The fault-server side of the recipe scenarios, checked with a raw `ws` client: what each script puts on the
 * wire. The recipes as users write them (with createSession) are test/integration/session/recipes.test.ts,
 * which docs/testing.md copies.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer } from '../../../src/testing/index.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { connectRaw, controlSignals } from './raw-client.js';
import type { RawClient } from './raw-client.js';

let server: FaultServer | undefined;
const clients: RawClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await server?.close();
  server = undefined;
});

function connect(url: string): RawClient {
  const client = connectRaw(url);
  clients.push(client);
  return client;
}

describe('recipes', () => {
  it('a flapping link: three sessions drop mid-stream, the fourth holds', async () => {
    // recipe: flapping-link
    server = await createFaultServer({
      protocol: 'guacamole',
      scripts: (index) => (index < 3 ? [step.handshake(), step.stream(20, 100), step.drop()] : [step.handshake()]),
    });
    // end recipe
    const closes: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const c = connect(server.url);
      await vi.waitFor(() => expect(c.closed).not.toBeNull());
      closes.push(c.closed?.code ?? 0);
    }
    expect(closes).toEqual([1006, 1006, 1006]);
    const steady = connect(server.url);
    await vi.waitFor(() => expect(controlSignals(guacamoleProfile, steady.frames)).toEqual(['step:tunnel', 'step:sync']));
    expect(server.connections.map((record) => record.closeCode)).toEqual([1006, 1006, 1006, null]);
  });

  it('an expired token: the second connection is refused with 401 until a fresh token is used', async () => {
    // recipe: expired-token
    server = await createFaultServer({
      protocol: 'softdrive',
      scripts: [
        [step.handshake(), step.drop()], // the first session's link drops
        [step.reject(401)], // reconnecting with the same token: expired
        [step.handshake()], // a fresh token works
      ],
    });
    // end recipe
    const first = connect(`${server.url}?token=old`);
    await vi.waitFor(() => expect(first.closed?.code).toBe(1006));
    const replay = connect(`${server.url}?token=old`);
    await vi.waitFor(() => expect(replay.response?.status).toBe(401));
    const fresh = connect(`${server.url}?token=new`);
    await vi.waitFor(() => expect(fresh.frames).toHaveLength(3));
    expect(server.connections.map((record) => [record.path, record.upgradeStatus])).toEqual([
      ['/?token=old', 101],
      ['/?token=old', 401],
      ['/?token=new', 101],
    ]);
  });

  it('a server restart: close 1012, refuse connections for 500 ms, then accept again', async () => {
    server = await createFaultServer({ protocol: 'frame', script: [step.handshake()] });
    const c = connect(server.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    // recipe: server-restart
    const restarted = server.restart(500, { closeCode: 1012, closeReason: 'restarting' });
    // end recipe
    await vi.waitFor(() => expect(c.closed).toEqual({ code: 1012, reason: 'restarting', wasClean: true }));
    const during = connect(server.url);
    await vi.waitFor(() => expect(during.closed?.code).toBe(1006));
    expect(during.opened).toBe(false);
    await restarted;
    const after = connect(server.url);
    await vi.waitFor(() => expect(after.frames).toHaveLength(2));
  });

  it('an auth failure: Guacamole 769 in an error instruction, then close 1008 with the code as reason', async () => {
    // recipe: auth-failure
    server = await createFaultServer({
      protocol: 'guacamole',
      script: [step.handshake(['tunnel']), step.status(769, 'Invalid login'), step.close(1008, '769')],
    });
    // end recipe
    const c = connect(server.url);
    await vi.waitFor(() => expect(c.closed).toEqual({ code: 1008, reason: '769', wasClean: true }));
    expect(controlSignals(guacamoleProfile, c.frames)).toEqual(['step:tunnel', 'status:769:Invalid login']);
    expect(guacamoleProfile.own(769).outcome).toBe('reauthenticate'); // the SDK asks for new credentials, never retries
  });
});
