import { describe, expect, it } from 'vitest';
import { guacamoleCountdownPolicy, simulateHerd } from '../../../src/testing/herd.js';
import { HeapClock } from '../../../src/testing/heap-clock.js';
import type { HerdOptions } from '../../../src/testing/herd.js';
import { isSessionError } from '../../../src/errors/index.js';

describe('simulateHerd', () => {
  describe('10,000 guacamole clients, server restart (down 10 s)', () => {
    const base = { protocol: 'guacamole', clients: 10_000, outage: 'restart' } as const;

    it('the fixed 15 s countdown sends everyone in one bucket, the moment the countdown ends', async () => {
      const herd = await simulateHerd({ ...base, policy: guacamoleCountdownPolicy });
      expect(herd).toMatchObject({ peak: 10_000, peakAtMs: 15_000, peakAccepted: 10_000, allBackMs: 15_000, failed: 0, attempts: 10_000 });
      expect(herd.buckets.filter((bucket) => bucket.reconnects > 0)).toHaveLength(1);
    });

    it('the default policy (decorrelated jitter) spreads attempts and handshakes; everyone comes back', async () => {
      const countdown = await simulateHerd({ ...base, policy: guacamoleCountdownPolicy, bucketMs: 100 });
      const jitter = await simulateHerd({ ...base, bucketMs: 100 });
      expect(jitter.peak).toBeLessThan(countdown.peak * 0.2);
      expect(jitter.peakAccepted).toBeLessThan(countdown.peakAccepted * 0.05);
      expect(jitter).toMatchObject({ failed: 0, stillTrying: 0 });
      expect(jitter.allBackMs).toBeGreaterThanOrEqual(10_000);
      // Nobody is accepted while the server is down, everybody once it is back.
      const accepted = jitter.buckets.reduce((sum, bucket) => sum + bucket.accepted, 0);
      expect(accepted).toBe(10_000);
      expect(jitter.buckets.filter((bucket) => bucket.startMs < 10_000).every((bucket) => bucket.accepted === 0)).toBe(true);
    });

    it('per 1 s bucket, the default still keeps handshakes with the server well under the countdown spike', async () => {
      const jitter = await simulateHerd(base);
      expect(jitter.peakAccepted).toBeLessThan(10_000 * 0.25);
      // Every first attempt falls in [1.5 s, 4.5 s): nothing in the first second, the peak at 3 s, and the
      // buckets up to 5 s hold more attempts than there are clients (early second attempts among them).
      expect(jitter.buckets[0]!.reconnects).toBe(0);
      expect(jitter.peakAtMs).toBe(3000);
      expect(jitter.buckets.slice(0, 5).reduce((sum, bucket) => sum + bucket.reconnects, 0)).toBeGreaterThan(10_000);
    });
  });

  it('spreads a graceful restart\'s herd above the server\'s floor instead of landing it at once (close 1001 → Guacamole 520, 10 s)', async () => {
    const herd = await simulateHerd({ protocol: 'guacamole', clients: 2000, outage: { kind: 'restart', closeCode: 1001, downMs: 5000 }, bucketMs: 100 });
    // nobody comes back before the floor, everyone is back within floor × 1.5, and no 100 ms bucket holds more than 5%
    expect(herd.buckets.filter((b) => b.startMs < 10_000).every((b) => b.reconnects === 0)).toBe(true);
    expect(herd.allBackMs).toBeGreaterThanOrEqual(10_000);
    expect(herd.allBackMs).toBeLessThan(15_000);
    expect(herd.peak).toBeLessThan(100);
    expect(herd.failed).toBe(0);
  });

  it('after a drop with the server up, every first attempt succeeds within the first backoff window', async () => {
    const herd = await simulateHerd({ protocol: 'frame', clients: 1000, outage: { kind: 'drop' }, bucketMs: 250 });
    expect(herd.attempts).toBe(1000);
    expect(herd.buckets.every((bucket) => bucket.accepted === bucket.reconnects)).toBe(true);
    // The default's first window is [1.5 s, 4.5 s]: 18 buckets of 250 ms, the first six empty.
    expect(herd.allBackMs).toBeGreaterThanOrEqual(1500);
    expect(herd.allBackMs).toBeLessThanOrEqual(4500);
    expect(herd.buckets).toHaveLength(18);
    expect(herd.buckets.slice(0, 6).every((bucket) => bucket.reconnects === 0)).toBe(true);
  });

  it('counts clients that give up and reports no all-back time', async () => {
    const herd = await simulateHerd({ protocol: 'softdrive', clients: 500, policy: { maxAttempts: 3 }, outage: { kind: 'restart', downMs: 600_000 } });
    expect(herd).toMatchObject({ failed: 500, stillTrying: 0, allBackMs: null, attempts: 1500 });
  });

  it('gives identical results for the same seed, and different buckets for another seed', async () => {
    const options: HerdOptions = { protocol: 'guacamole', clients: 2000, outage: 'restart', bucketMs: 250 };
    const first = await simulateHerd({ ...options, seed: 9 });
    expect(await simulateHerd({ ...options, seed: 9 })).toEqual(first);
    expect((await simulateHerd({ ...options, seed: 10 })).buckets).not.toEqual(first.buckets);
  });

  it.each([
    ['restart, default policy', { outage: 'restart' }],
    ['graceful restart with a floor', { outage: { kind: 'restart', closeCode: 1012, downMs: 3000 } }],
    ['drop', { outage: { kind: 'drop' }, bucketMs: 100 }],
    ['countdown', { outage: { kind: 'restart', downMs: 20_000 }, policy: guacamoleCountdownPolicy }],
    ['fixed schedule', { outage: { kind: 'restart', downMs: 15_000 }, policy: { schedule: [0, 2000, 10_000] } }],
    ['decorrelated jitter, giving up', { outage: { kind: 'restart', downMs: 120_000 }, policy: { jitter: 'decorrelated', maxAttempts: 4 } }],
  ] as const)('the policy engine matches the real machines client for client (%s)', async (_name, scenario) => {
    const options = { protocol: 'guacamole', clients: 150, seed: 3, ...scenario } as HerdOptions;
    const machines = await simulateHerd({ ...options, engine: 'machine' });
    expect(await simulateHerd({ ...options, engine: 'policy' })).toEqual(machines);
    expect(machines.attempts).toBeGreaterThanOrEqual(150);
  });

  it.each([
    [{ clients: 0 }, 'clients', 'clients must be an integer from 1 to 100000 (got 0)'],
    [{ clients: 2.5 }, 'clients', '(got 2.5)'],
    [{ outage: 'reboot' }, 'outage', 'outage must be'],
    [{ outage: { kind: 'flap' } }, 'outage.kind', "outage.kind must be 'restart' or 'drop' (got \"flap\")"],
    [{ outage: { kind: 'restart', downMs: -1 } }, 'outage.downMs', '(got -1)'],
    [{ outage: { kind: 'restart', closeCode: 1005 } }, 'outage.closeCode', '(got 1005)'],
    [{ outage: { kind: 'drop', downMs: 10 } }, 'outage.downMs', 'outage.downMs must be left out'],
    [{ bucketMs: 0 }, 'bucketMs', 'bucketMs must be an integer number of milliseconds from 1'],
    [{ engine: 'fast' }, 'engine', "engine must be 'policy' or 'machine' (got \"fast\")"],
    [{ policy: { initialDelayMs: -1 } }, 'retry.initialDelayMs', '(got -1)'],
    [{ burst: true }, 'burst', 'burst is not an option of simulateHerd'],
  ])('rejects bad options with SESSION_ERR_INVALID_OPTION naming the option and value (%#)', async (bad, field, message) => {
    const error = await simulateHerd({ protocol: 'guacamole', clients: 10, outage: 'restart', ...bad } as never).catch((caught: unknown) => caught);
    expect(isSessionError(error, 'SESSION_ERR_INVALID_OPTION')).toBe(true);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toContain(message);
  });
});

describe('HeapClock', () => {
  it('fires due timers in time order, same-time timers in the order they were set, and skips cleared ones', () => {
    const clock = new HeapClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@20'), 20);
    clock.setTimeout(() => fired.push('a@10'), 10);
    const cleared = clock.setTimeout(() => fired.push('never'), 15);
    clock.setTimeout(() => fired.push('c@20'), 20);
    clock.clearTimeout(cleared);
    expect(clock.nextDueAt()).toBe(10);
    clock.advanceTo(20);
    expect(fired).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(20);
    expect(clock.nextDueAt()).toBeUndefined();
  });

  it('fires timers set while firing when they fall due within the same advance', () => {
    const clock = new HeapClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 0);
    }, 5);
    clock.advanceTo(5);
    expect(fired).toEqual([5, 5]);
    expect(() => clock.advanceTo(4)).toThrow(RangeError);
  });

  it('runUntil steps from due time to due time, up to a limit or until stop() holds', () => {
    const clock = new HeapClock();
    const fired: number[] = [];
    for (const at of [10, 20, 30, 40]) clock.setTimeout(() => fired.push(at), at);
    clock.runUntil(25);
    expect(fired).toEqual([10, 20]);
    expect(clock.now()).toBe(20);
    clock.runUntil(100, () => fired.length === 3);
    expect(fired).toEqual([10, 20, 30]);
    expect(clock.now()).toBe(30);
    clock.runUntil(100);
    expect(fired).toEqual([10, 20, 30, 40]);
    clock.runUntil(100);
    expect(clock.now()).toBe(40);
  });
});
