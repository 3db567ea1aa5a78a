import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/testing/simulate.js';
import type { Timeline, TimelineEntry } from '../../../src/testing/simulate.js';
import { step } from '../../../src/testing/script.js';
import { createFrameProfile } from '../../../machines/frame/profile.js';
import { isSessionError } from '../../../src/errors/index.js';

/** A timeline entry as a short line: time, event, code, delay or attempt. */
function line(entry: TimelineEntry): string {
  const code = entry.classification === undefined ? '' : ` ${entry.classification.space}:${entry.classification.code}`;
  const delay = entry.delayMs === undefined ? '' : ` +${entry.delayMs}`;
  const attempt = entry.attempt === undefined ? '' : ` #${entry.attempt}`;
  return `${entry.atMs} ${entry.event}${code}${delay}${attempt}`;
}
const lines = (timeline: Timeline): string[] => timeline.entries.map(line);

describe('simulate', () => {
  it('replays a retryable drop: backoff by the policy delay, then ready on the second connection', async () => {
    const timeline = await simulate({
      protocol: 'guacamole',
      retry: { jitter: 'none', initialDelayMs: 1000 },
      script: [[step.handshake(), step.stream(10, 10_000), step.drop()], [step.handshake()]],
    });
    expect(lines(timeline)).toEqual([
      '0 connect #0',
      '0 ready #0',
      '10000 fault guacamole:519',
      '10000 reconnecting guacamole:519 +1000 #1',
      '11000 connect #1',
      '11000 ready #1',
    ]);
    expect(timeline.entries[2]!.classification!.via).toMatchObject({ space: 'websocket', code: 1006 });
    expect(timeline.entries.map((e) => e.state)).toEqual([
      'active.online.connecting', 'active.online.ready.healthy', 'active.backoff.waiting', 'active.backoff.waiting', 'active.online.connecting', 'active.online.ready.healthy',
    ]);
    expect(timeline).toMatchObject({ outcome: 'ready', connections: 2, endedAtMs: 11_000, settled: true });
  });

  it('stops at awaiting-auth after an auth failure, with one connection and no retry however long it runs', async () => {
    const timeline = await simulate({ protocol: 'guacamole', untilMs: 86_400_000, script: [[step.handshake(), step.status(769)]] });
    expect(lines(timeline)).toEqual(['0 connect #0', '0 ready #0', '0 fault guacamole:769', '0 needs-auth guacamole:769']);
    expect(timeline).toMatchObject({ outcome: 'awaiting-auth', connections: 1, settled: true });
  });

  it('stops at awaiting-auth when a reconnect is rejected with HTTP 401 (expired token)', async () => {
    const timeline = await simulate({
      protocol: 'guacamole',
      retry: { jitter: 'none' },
      script: [[step.handshake(), step.stream(5, 10_000), step.drop()], [step.reject(401)]],
    });
    // Dropped at 10 s; the default's first delay without jitter is 1.5 s.
    expect(lines(timeline).slice(-2)).toEqual(['11500 fault http:401', '11500 needs-auth http:401']);
    expect(timeline).toMatchObject({ outcome: 'awaiting-auth', connections: 2 });
  });

  it.each([
    ['guacamole', 'tunnel done, sync stalls', [step.handshake(['tunnel']), step.stall()], 15_000, 514, 'failed'],
    ['guacamole', 'connect stalls', [step.wait(60_000), step.accept()], 15_000, 514, 'failed'],
    ['softdrive', 'TLS stalls', [step.stall()], 10_000, 2, 'failed'],
    ['softdrive', 'settings stall', [step.handshake(['tls', 'handshake']), step.stall()], 30_000, 9, 'failed'],
    ['frame', 'signalling stalls', [step.stall()], 15_000, 4107, 'failed'],
    ['frame', 'ICE stalls', [step.handshake(['signalling']), step.stall()], 20_000, 5007, 'failed'],
    // HELPEENEVERRESPONDED is the helpee's call, not a fault to retry: the user decides.
    ['msra', 'consent never comes', [step.handshake(['invitation']), step.stall()], 120_000, 40, 'awaiting-decision'],
  ] as const)('times out a stalled handshake with the protocol code (%s: %s)', async (protocol, _what, steps, atMs, code, outcome) => {
    const timeline = await simulate({ protocol, retry: { maxAttempts: 0 }, script: [steps] });
    const fault = timeline.entries.find((entry) => entry.event === 'fault')!;
    expect({ atMs: fault.atMs, space: fault.classification!.space, code: fault.classification!.code }).toEqual({ atMs, space: protocol, code });
    expect(timeline.outcome).toBe(outcome);
    expect(timeline.connections).toBe(1);
  });

  it('reconnects after a server restart: close 1012, a 503 with Retry-After while down, then ready', async () => {
    const timeline = await simulate({
      protocol: 'guacamole',
      retry: { jitter: 'none' },
      script: [[step.handshake(), step.stream(10, 5000), step.close(1012, 'restarting')], [step.reject(503, { retryAfter: 30 })], [step.handshake()]],
    });
    expect(lines(timeline)).toEqual([
      '0 connect #0',
      '0 ready #0',
      '5000 fault guacamole:520', // 1012 read as Guacamole UPSTREAM_UNAVAILABLE, retry-later with a 10 s floor
      '5000 reconnecting guacamole:520 +10000 #1',
      '15000 connect #1',
      '15000 fault http:503',
      '15000 reconnecting guacamole:520 +30000 #2', // Retry-After: 30 is the floor; the cause stays the restart
      '45000 connect #2',
      '45000 ready #2',
    ]);
    expect(timeline.outcome).toBe('ready');
  });

  it('keeps the link healthy while data streams, and declares it dead after deadAfterMs of silence', async () => {
    const streaming = await simulate({ protocol: 'guacamole', script: [[step.handshake(), step.stream(10, 60_000)]] });
    expect(streaming.entries.map((e) => e.event)).toEqual(['connect', 'ready']);
    expect(streaming.endedAtMs).toBe(60_000);

    const silent = await simulate({ protocol: 'guacamole', retry: { maxAttempts: 0 }, script: [[step.handshake(), step.silence(20_000)]] });
    expect(lines(silent).slice(0, 4)).toEqual(['0 connect #0', '0 ready #0', '1500 unstable', '15000 fault guacamole:514']);

    // A stalled server leaves the tunnel's pings (every 500 ms, a nop every 5 s) unanswered: no `stable` in between.
    const stalled = await simulate({ protocol: 'guacamole', retry: { maxAttempts: 0 }, script: [[step.handshake(), step.stall()]] });
    expect(lines(stalled)).toEqual(['0 connect #0', '0 ready #0', '1500 unstable', '15000 fault guacamole:514', '15000 failed guacamole:514']);
  });

  it('wakes an unstable link at the next streamed frame: a slow stream flaps unstable/stable on its own frame times', async () => {
    // Frames every 2000 ms (0.5/s) against 1500 ms unstable; the keep-alive is out of the way (1 min).
    const timeline = await simulate({
      protocol: 'guacamole',
      keepAlive: { intervalMs: 60_000 },
      untilMs: 7_000,
      script: [[step.handshake(), step.stream(0.5, 6_000)]],
    });
    expect(lines(timeline)).toEqual([
      '0 connect #0', '0 ready #0',
      '1500 unstable', '2000 stable', // frame 1 at 2000
      '3500 unstable', '4000 stable', // frame 2 at 4000, the last of 3
      '5500 unstable', // no frame at 6000: the stream ended (frames 0, 2000, 4000)
    ]);
  });

  it('counts a frame due at the same simulated time as a keep-alive check as arrived before the check', async () => {
    // Frames at 0, 2000 and 4000; the unstable threshold is 2000: the checks at 2000 and 4000 find fresh data.
    const timeline = await simulate({
      protocol: 'guacamole',
      keepAlive: { intervalMs: 60_000, unstableAfterMs: 2_000 },
      untilMs: 7_000,
      script: [[step.handshake(), step.stream(0.5, 6_000), step.stall()]],
    });
    expect(lines(timeline)).toEqual(['0 connect #0', '0 ready #0', '6000 unstable']);
  });

  it('streams at odd rates with frames at start + floor(i × 1000 / rate), the last one kept after the stream ends', async () => {
    // 3 frames/s for 1 s: frames at 0, 333, 666; the link then stays silent from 666.
    const timeline = await simulate({
      protocol: 'guacamole',
      keepAlive: { intervalMs: 60_000 },
      untilMs: 3_000,
      script: [[step.handshake(), step.stream(3, 1_000), step.stall()]],
    });
    expect(lines(timeline)).toEqual(['0 connect #0', '0 ready #0', '2166 unstable']);
  });

  it('answers keep-alives while waiting (as the fault server does), so an idle link never turns unstable', async () => {
    const timeline = await simulate({ protocol: 'guacamole', script: [[step.handshake(), step.wait(12_000), step.end()]] });
    // the client pings the tunnel every 500 ms and the server echoes: never 1.5 s without data
    expect(lines(timeline)).toEqual([
      '0 connect #0', '0 ready #0',
      '12000 fault guacamole:0', '12000 closed guacamole:0', // the peer's goodbye reads as Guacamole SUCCESS
    ]);
    expect(timeline.outcome).toBe('closed');
  });

  it('reads the answers to the transport\'s own pings off the link: a silence from 10 s to 13 s, its edges answered', async () => {
    // Guacamole's tunnel pings every 500 ms from the open (0), whatever the traffic; the server answers the one it
    // gets at 10000 (the silence starts then) and the one at 13000 (it ends then), and none in between.
    const timeline = await simulate({
      protocol: 'guacamole',
      script: [[step.handshake(), step.wait(10_000), step.silence(3_000), step.wait(5_000), step.end()]],
    });
    expect(lines(timeline)).toEqual([
      '0 connect #0', '0 ready #0',
      '11500 unstable', // 1500 ms after the answer at 10000
      '13000 stable', // the answer to the ping at 13000
      '18000 fault guacamole:0', '18000 closed guacamole:0',
    ]);
    // A 700 ms tunnel ping: answers at 9800 (before the silence) and 13300 (the first after it).
    const slower = await simulate({
      protocol: 'guacamole',
      keepAlive: { intervalMs: 700 },
      script: [[step.handshake(), step.wait(10_000), step.silence(3_000), step.wait(5_000), step.end()]],
    });
    expect(lines(slower).slice(2, 4)).toEqual(['11300 unstable', '13300 stable']);
  });

  it('gives the same timeline for the same seed, and other delays for another seed', async () => {
    const run = (seed: number) =>
      simulate({ protocol: 'frame', seed, untilMs: 600_000, script: [[step.handshake(), step.stream(2, 3000), step.drop()], [step.reject(503)]] });
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    const delays = (timeline: Timeline) => timeline.entries.filter((e) => e.event === 'reconnecting').map((e) => e.delayMs);
    expect(delays(await run(43))).not.toEqual(delays(first));
    expect(first.outcome).toBe('failed'); // every later attempt is refused until the policy gives up
  });

  it('runs 60 simulated minutes of a flapping link, repeating the last script, and stops at untilMs', async () => {
    const timeline = await simulate({ protocol: 'guacamole', untilMs: 3_600_000, script: [[step.handshake(), step.stream(10, 20_000), step.drop()]] });
    expect(timeline).toMatchObject({ settled: false, endedAtMs: 3_600_000 });
    // Each cycle: 20 s up, then one first-attempt backoff of 1.5 to 4.5 s (the attempt count resets after minUptime).
    expect(timeline.connections).toBeGreaterThanOrEqual(Math.floor(3_600_000 / 24_500));
    expect(timeline.connections).toBeLessThanOrEqual(Math.ceil(3_600_000 / 21_500));
    const reconnects = timeline.entries.filter((e) => e.event === 'reconnecting');
    expect(reconnects).toHaveLength(timeline.connections - 1);
    expect(reconnects.every((e) => e.attempt === 1 && e.delayMs! >= 1500 && e.delayMs! <= 4500)).toBe(true);
  });

  it('accepts a profile object instead of a protocol id', async () => {
    const timeline = await simulate({ profile: createFrameProfile({ frp: 7 }), script: [[step.accept()]] });
    expect(lines(timeline)).toEqual(['0 connect #0', '0 ready #0']); // FRP 7 has no handshake steps
  });

  it.each([
    [{ protocol: 'guacamole', profile: createFrameProfile(), script: [[]] }, 'SESSION_ERR_INVALID_OPTION', 'protocol'],
    [{ script: [[]] }, 'SESSION_ERR_INVALID_OPTION', 'protocol'],
    [{ protocol: 'vnc', script: [[]] }, 'SESSION_ERR_UNKNOWN_PROTOCOL', '"vnc"'],
    [{ protocol: 'guacamole', script: [[]], untilMs: -5 }, 'SESSION_ERR_INVALID_OPTION', 'untilMs must be an integer number of milliseconds from 1'],
    [{ protocol: 'guacamole', script: [[]], seed: 1.5 }, 'SESSION_ERR_INVALID_OPTION', 'seed must be a safe integer (got 1.5)'],
    [{ protocol: 'guacamole', script: [[]], speed: 2 }, 'SESSION_ERR_INVALID_OPTION', 'speed is not an option of simulate'],
    [{ protocol: 'guacamole', script: [] }, 'SESSION_ERR_INVALID_SCRIPT', 'non-empty array'],
    [{ protocol: 'guacamole', script: [[], [{ do: 'handshake', steps: ['ice'] }]] }, 'SESSION_ERR_INVALID_SCRIPT', 'script[1]:'],
    [{ protocol: 'guacamole', script: [[{ do: 'close', code: 1006 }]] }, 'SESSION_ERR_INVALID_SCRIPT', '1006'],
    [{ protocol: 'guacamole', script: [[]], retry: { jitter: 'some' } }, 'SESSION_ERR_INVALID_OPTION', 'retry.jitter'],
  ])('rejects bad options before running (%#)', async (options, code, text) => {
    const error = await simulate(options as never).catch((caught: unknown) => caught);
    expect(isSessionError(error)).toBe(true);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toContain(text);
  });
});
