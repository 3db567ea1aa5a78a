/**
 * The same fault scripts through msw `ws.link`. Node 20 has no global WebSocket and msw patches only the
 * global, so this file defines it from `ws` for the file (listenWithGlobalWebSocket).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { createFaultServer, step } from '../../../src/testing/index.js';
import { createFaultHandlers } from '../../../src/testing/msw.js';
import type { FaultStep } from '../../../src/testing/index.js';
import type { FaultHandlers, FaultHandlersOptions } from '../../../src/testing/msw.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { listenWithGlobalWebSocket } from '../../support/msw-global-websocket.js';
import { softdriveProfile } from '../../../machines/softdrive/profile.js';
import { createGuacamoleCodec } from '../../../machines/guacamole/codec.js';
import { isSessionError } from '../../../src/errors/index.js';
import { connectRaw, controlSignals, decodeAll } from './raw-client.js';
import type { RawClient } from './raw-client.js';

const GATEWAY = 'wss://gateway.test/tunnel';
const server = setupServer();
let kit: FaultHandlers | undefined;
const clients: RawClient[] = [];

// The comparison tests also reach a real fault server on 127.0.0.1: let those requests through.
listenWithGlobalWebSocket(server, {
  onUnhandledRequest(request, print) {
    if (new URL(request.url).hostname !== '127.0.0.1') print.error();
  },
});

afterEach(() => {
  for (const client of clients.splice(0)) client.terminate();
  kit?.close();
  kit = undefined;
  server.resetHandlers();
});

function use(options: Omit<FaultHandlersOptions, 'url'>): FaultHandlers {
  kit = createFaultHandlers({ url: GATEWAY, ...options });
  server.use(...kit.handlers);
  return kit;
}

/** A client through msw's patched global (intercepted). */
function connect(url = GATEWAY): RawClient {
  const client = connectRaw(url, globalThis.WebSocket);
  clients.push(client);
  return client;
}

describe('createFaultHandlers', () => {
  it('guacamole handshake: tunnel UUID then sync, read by the real codec', async () => {
    const k = use({ protocol: 'guacamole', script: [step.handshake()] });
    const c = connect(`${GATEWAY}?token=abc`);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    const codec = createGuacamoleCodec();
    const steps: string[] = [];
    for (const frame of c.frames) codec.decode(frame, (signal) => signal.kind === 'step' && steps.push(signal.step));
    expect(steps).toEqual(['tunnel', 'sync']);
    expect(codec.tunnelId).toBe(k.connections[0]?.tunnelId);
    expect(k.connections[0]).toMatchObject({ index: 0, path: '/tunnel?token=abc', upgradeStatus: 101 });
  });

  it('status, end and close with code and reason', async () => {
    const k = use({ protocol: 'softdrive', script: [step.handshake(['tls']), step.status(12), step.end('bye'), step.close(4000, 'done')] });
    const c = connect();
    await vi.waitFor(() => expect(c.closed).toEqual({ code: 4000, reason: 'done', wasClean: true }));
    expect(controlSignals(softdriveProfile, c.frames)).toEqual(['step:tls', `status:12:${softdriveProfile.own(12).name}`, 'end:bye']);
    expect(k.connections[0]).toMatchObject({ closeCode: 4000, closeReason: 'done' });
  });

  it('drop is emulated as close 1006 (msw reports it as clean)', async () => {
    use({ protocol: 'guacamole', script: [step.drop()] });
    const c = connect();
    await vi.waitFor(() => expect(c.closed).toEqual({ code: 1006, reason: '', wasClean: true }));
  });

  it('answers ping with pong, except while stalled', async () => {
    const k = use({ protocol: 'softdrive', scripts: [[], [step.stall()]] });
    const answered = connect();
    await vi.waitFor(() => expect(answered.opened).toBe(true));
    answered.send('{"t":"ping"}');
    await vi.waitFor(() => expect(answered.frames).toEqual(['{"t":"pong"}']));
    const stalled = connect();
    await vi.waitFor(() => expect(k.connections[1]?.stepsRun).toBe(2));
    stalled.send('{"t":"ping"}');
    await vi.waitFor(() => expect(k.connections[1]?.received).toEqual(['{"t":"ping"}']));
    expect(stalled.frames).toEqual([]);
  });

  it('streams rate × duration data frames', async () => {
    use({ protocol: 'msra', script: [step.stream(100, 200)] });
    const c = connect();
    await vi.waitFor(() => expect(c.frames).toHaveLength(20));
    expect(decodeAll(softdriveProfile, c.frames).at(-1)).toEqual({ kind: 'data', data: { seq: 19 } });
  });

  it('refuses steps msw cannot express, naming the step and the alternative', () => {
    expect(() => createFaultHandlers({ protocol: 'guacamole', url: GATEWAY, script: [step.reject(503)] })).toThrow(
      /step 0 \(reject\): cannot be staged with msw: its mock socket always opens.*use createFaultServer/,
    );
    expect(() => createFaultHandlers({ protocol: 'guacamole', url: GATEWAY, script: [step.wait(10), step.accept()] })).toThrow(
      /step 0 \(wait\): cannot delay the upgrade with msw/,
    );
    expect(() => createFaultHandlers({ protocol: 'guacamole', url: GATEWAY, script: [{ do: 'restart', downMs: 5 } as unknown as FaultStep] })).toThrow(
      /step 0 \(restart\): is a server-level step/,
    );
  });

  it('closes the client with 1011 when a script function returns a bad script, and records why', async () => {
    const k = use({ protocol: 'frame', scripts: () => [step.reject(401)] });
    const c = connect();
    await vi.waitFor(() => expect(c.closed?.code).toBe(1011));
    expect(isSessionError(k.errors[0], 'SESSION_ERR_INVALID_SCRIPT')).toBe(true);
  });
});

describe('createFaultHandlers and createFaultServer run one script alike', () => {
  const cases: [string, 'guacamole' | 'softdrive', FaultStep[]][] = [
    ['guacamole handshake, stream, status, goodbye', 'guacamole', [step.handshake(), step.stream(100, 100), step.status(519), step.end(), step.close(4000, 'bye')]],
    ['softdrive handshake, status, drop', 'softdrive', [step.handshake(), step.stream(50, 100), step.status(4), step.drop()]],
  ];

  it.each(cases)('%s: the same frames, in order, and the same close code', async (_name, protocol, script) => {
    use({ protocol, script });
    const intercepted = connect();
    await vi.waitFor(() => expect(intercepted.closed).not.toBeNull());

    const real = await createFaultServer({ protocol, script });
    try {
      const direct = connectRaw(real.url);
      clients.push(direct);
      await vi.waitFor(() => expect(direct.closed).not.toBeNull());
      expect(intercepted.frames.length).toBeGreaterThan(3);
      expect(intercepted.frames).toEqual(direct.frames);
      expect(intercepted.closed?.code).toBe(direct.closed?.code);
      expect(intercepted.closed?.reason).toBe(direct.closed?.reason);
      const profile = protocol === 'guacamole' ? guacamoleProfile : softdriveProfile;
      expect(controlSignals(profile, intercepted.frames)).toEqual(controlSignals(profile, direct.frames));
    } finally {
      await real.close();
    }
  });
});
