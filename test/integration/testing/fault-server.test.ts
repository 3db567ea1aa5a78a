/**
 * The fault server's connection steps, driven by a raw `ws` client; frames are read with the real codecs.
 */
import { describe, expect, it, vi } from 'vitest';
import { step } from '../../../src/testing/index.js';
import type { FaultServer, FaultServerOptions } from '../../../src/testing/index.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { createFrameProfile, frameProfile } from '../../../machines/frame/profile.js';
import { softdriveProfile } from '../../../machines/softdrive/profile.js';
import { msraProfile } from '../../../machines/msra/profile.js';
import { createGuacamoleCodec } from '../../../machines/guacamole/codec.js';
import { controlSignals, decodeAll, rawConnector } from './raw-client.js';
import { useSessionFixture } from '../../support/session-fixture.js';

const fixture = useSessionFixture();
const start = (options: FaultServerOptions): Promise<FaultServer> => fixture.faultServer(options);
const connect = rawConnector(fixture);

describe('createFaultServer: the upgrade', () => {
  it('accepts on 127.0.0.1 with an implicit accept and records the path and status 101', async () => {
    const s = await start({ protocol: 'softdrive' });
    expect(s.url).toBe(`ws://127.0.0.1:${s.port}/`);
    const c = connect(`${s.url}tunnel?token=abc`);
    await vi.waitFor(() => expect(c.opened).toBe(true));
    expect(s.connections).toHaveLength(1);
    expect(s.connections[0]).toMatchObject({ index: 0, path: '/tunnel?token=abc', upgradeStatus: 101, closedAt: null, tunnelId: null });
  });

  it('answers the upgrade with 503 and a Retry-After header on reject', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.reject(503, { retryAfter: 120 })] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.closed).not.toBeNull());
    expect(c.response).toEqual({ status: 503, retryAfter: '120' });
    expect(c.opened).toBe(false);
    expect(s.connections[0]?.upgradeStatus).toBe(503);
  });

  it('sends an HTTP-date Retry-After as given', async () => {
    const date = 'Wed, 21 Oct 2037 07:28:00 GMT';
    const s = await start({ protocol: 'frame', script: [step.reject(429, { retryAfter: date })] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.response).toEqual({ status: 429, retryAfter: date }));
  });

  it('holds the upgrade for the waits placed before an explicit accept', async () => {
    const s = await start({ protocol: 'msra', script: [step.wait(150), step.accept(), step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(s.connections).toHaveLength(1));
    expect(s.connections[0]?.upgradeStatus).toBeNull();
    await vi.waitFor(() => expect(c.opened).toBe(true));
    expect(Date.now() - (s.connections[0]?.openedAt ?? 0)).toBeGreaterThanOrEqual(140);
    await vi.waitFor(() => expect(controlSignals(msraProfile, c.frames)).toEqual(['step:invitation', 'step:consent']));
  });
});

describe('createFaultServer: handshake frames per profile', () => {
  it('guacamole: the internal instruction with the tunnel UUID, then a sync', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    const codec = createGuacamoleCodec();
    const steps: string[] = [];
    for (const frame of c.frames) codec.decode(frame, (signal) => signal.kind === 'step' && steps.push(signal.step));
    expect(steps).toEqual(['tunnel', 'sync']);
    expect(codec.tunnelId).toBe(s.connections[0]?.tunnelId);
    expect(codec.tunnelId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['frame', frameProfile, ['signalling', 'ice']],
    ['softdrive', softdriveProfile, ['tls', 'handshake', 'settings']],
    ['msra', msraProfile, ['invitation', 'consent']],
  ] as const)('%s: one envelope step frame per handshake step', async (protocol, profile, ids) => {
    const s = await start({ protocol, script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(controlSignals(profile, c.frames)).toEqual(ids.map((id) => `step:${id}`)));
  });

  it('sends only the steps named, in the order given', async () => {
    const s = await start({ protocol: 'softdrive', script: [step.handshake(['settings', 'tls'])] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(controlSignals(softdriveProfile, c.frames)).toEqual(['step:settings', 'step:tls']));
  });

  it('sends nothing for a profile without steps (Frame FRP 7), then carries on', async () => {
    const frp7 = createFrameProfile({ frp: 7 });
    const s = await start({ protocol: frp7, script: [step.handshake(), step.end('done')] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(1));
    expect(controlSignals(frp7, c.frames)).toEqual(['end:done']);
  });
});

describe('createFaultServer: status, end, close, drop', () => {
  it('guacamole: status is an error instruction named after the catalog entry; end is disconnect', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.status(519), step.status(769, 'bad login'), step.handshake(['sync']), step.end()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(4));
    expect(controlSignals(guacamoleProfile, c.frames)).toEqual(['status:519:UPSTREAM_NOT_FOUND', 'status:769:bad login', 'step:sync', 'end:']);
  });

  it('envelope: status carries the catalog form of the code; end carries its message', async () => {
    const s = await start({ protocol: 'softdrive', script: [step.status('04', 'missed heartbeats'), step.end('bye')] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(controlSignals(softdriveProfile, c.frames)).toEqual(['status:4:missed heartbeats', 'end:bye']));
  });

  it('closes with the code and reason given', async () => {
    const s = await start({ protocol: 'frame', script: [step.handshake(), step.close(4001, 'server error')] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.closed).toEqual({ code: 4001, reason: 'server error', wasClean: true }));
    await vi.waitFor(() => expect(s.connections[0]).toMatchObject({ closeCode: 4001, closeReason: 'server error' }));
    expect(s.connections[0]?.closedAt).not.toBeNull();
  });

  it('drops the socket without a close frame: the client sees 1006, not clean', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.handshake(), step.drop()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.closed).toEqual({ code: 1006, reason: '', wasClean: false }));
    expect(c.frames).toHaveLength(2);
    await vi.waitFor(() => expect(s.connections[0]?.closeCode).toBe(1006));
  });

  it('keeps the connection open when the script ends, until the client closes it', async () => {
    const s = await start({ protocol: 'msra', script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(s.connections[0]?.stepsRun).toBe(2));
    expect(c.closed).toBeNull();
    c.close(1000);
    await vi.waitFor(() => expect(s.connections[0]).toMatchObject({ closeCode: 1000 }));
  });
});

describe('createFaultServer: keep-alive answers, stall, silence', () => {
  it('answers envelope ping with pong, guacamole ping with its echo and nop/sync with nop', async () => {
    const s = await start({ protocol: 'softdrive' });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.opened).toBe(true));
    c.send('{"t":"ping"}');
    await vi.waitFor(() => expect(c.frames).toEqual(['{"t":"pong"}']));

    const g = await start({ protocol: 'guacamole' });
    const d = connect(g.url);
    await vi.waitFor(() => expect(d.opened).toBe(true));
    d.send('0.,4.ping,3.123;');
    d.send('3.nop;');
    d.send('4.sync,1.1;');
    await vi.waitFor(() => expect(d.frames).toEqual(['0.,4.ping,3.123;', '3.nop;', '3.nop;']));
    expect(g.connections[0]?.received).toEqual(['0.,4.ping,3.123;', '3.nop;', '4.sync,1.1;']);
  });

  it('stall: answers nothing until a later step runs', async () => {
    const s = await start({ protocol: 'softdrive', script: [step.stall(), step.wait(300), step.handshake(['tls'])] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.opened).toBe(true));
    c.send('{"t":"ping"}');
    await vi.waitFor(() => expect(s.connections[0]?.receivedTotal).toBe(1));
    await vi.waitFor(() => expect(c.frames).toHaveLength(1));
    expect(controlSignals(softdriveProfile, c.frames)).toEqual(['step:tls']); // no pong came before it
    c.send('{"t":"ping"}');
    await vi.waitFor(() => expect(c.frames.at(-1)).toBe('{"t":"pong"}'));
  });

  it('stall at the end of a script lasts for good: the handshake never completes', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.handshake(['tunnel']), step.stall()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(s.connections[0]?.stepsRun).toBe(3));
    c.send('3.nop;');
    await vi.waitFor(() => expect(s.connections[0]?.receivedTotal).toBe(1));
    expect(controlSignals(guacamoleProfile, c.frames)).toEqual(['step:tunnel']);
    expect(c.frames).toHaveLength(1);
  });

  it('silence: neither sends nor answers for forMs, then answers again', async () => {
    const s = await start({ protocol: 'msra', script: [step.silence(200)] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.opened).toBe(true));
    c.send('{"t":"ping"}');
    await vi.waitFor(() => expect(s.connections[0]?.receivedTotal).toBe(1));
    await vi.waitFor(() => expect(s.connections[0]?.stepsRun).toBe(2));
    expect(c.frames).toEqual([]);
    c.send('{"t":"ping"}');
    await vi.waitFor(() => expect(c.frames).toEqual(['{"t":"pong"}']));
  });
});

describe('createFaultServer: stream', () => {
  it('sends rate × duration data frames, spread over the duration', async () => {
    const s = await start({ protocol: 'frame', script: [step.stream(100, 300)] });
    const c = connect(s.url);
    const arrivals: number[] = [];
    c.socket.addEventListener('message', () => arrivals.push(Date.now()));
    await vi.waitFor(() => expect(c.frames).toHaveLength(30));
    const data = decodeAll(frameProfile, c.frames).map((signal) => (signal.kind === 'data' ? signal.data : signal.kind));
    expect(data).toEqual(Array.from({ length: 30 }, (_, seq) => ({ seq })));
    expect((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it('guacamole: guacd-like frames (img, blob, end) that never touch the handshake before its sync', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.stream(200, 50)] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(10));
    const signals = decodeAll(guacamoleProfile, c.frames);
    expect(signals.every((signal) => signal.kind === 'data')).toBe(true);
    expect(signals.slice(9, 12)).toEqual([
      { kind: 'data', data: { opcode: 'img', args: ['1', '14', '0', 'image/png', '0', '3'] } },
      { kind: 'data', data: { opcode: 'blob', args: ['1', 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGMwTpsJAAICATNWh+JUAAAAAElFTkSuQmCC'] } },
      { kind: 'data', data: { opcode: 'end', args: ['1'] } },
    ]);
  });

  it('guacamole: after the handshake, a sync per frame, as guacd ends each frame', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.handshake(), step.stream(200, 50)] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(12));
    const opcodes = decodeAll(guacamoleProfile, c.frames).map((signal) => (signal.kind === 'data' ? (signal.data as { opcode: string }).opcode : signal.kind));
    expect(opcodes.slice(0, 8)).toEqual(['step', 'size', 'img', 'blob', 'end', 'step', 'sync', 'reply']);
    expect(opcodes.filter((op) => op === 'sync')).toHaveLength(11);
  });
});
