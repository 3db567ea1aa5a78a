import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { createWebSocketTransport } from '../../../src/transport/index.js';
import type { WebSocketConstructor } from '../../../src/transport/index.js';
import { ResolvedUrl } from '../../../machines/secret-url.js';
import type { SessionLink } from '../../../machines/wire.js';
import { createEchoCodec } from '../../support/echo-codec.js';
import { DrivenSocket } from '../../support/driven-socket.js';

describe('transport clock reads on the hot path', () => {
  it('reads the injected clock once per burst of frames in one tick, and again on the next tick', async () => {
    let reads = 0;
    let time = 1_000;
    const link: SessionLink = { lastDataAt: 0, wantActivity: false, onData: () => undefined, send: null };
    const transport = createWebSocketTransport(DrivenSocket as unknown as WebSocketConstructor);
    const parent = setup({ actors: { transport } }).createMachine({
      invoke: { src: 'transport', input: { url: new ResolvedUrl('ws://x/'), codec: createEchoCodec(), link, now: () => ((reads += 1), time) } },
    });
    const actor = createActor(parent).start();
    const socket = DrivenSocket.last!;
    socket.readyState = 1;
    socket.dispatch('open', { type: 'open' });
    for (const data of ['a', 'b', 'c']) socket.dispatch('message', { type: 'message', data });
    expect(reads).toBe(1);
    expect(link.lastDataAt).toBe(1_000);
    await Promise.resolve();
    time = 2_000;
    socket.dispatch('message', { type: 'message', data: 'd' });
    expect(reads).toBe(2);
    expect(link.lastDataAt).toBe(2_000);
    actor.stop();
  });
});
