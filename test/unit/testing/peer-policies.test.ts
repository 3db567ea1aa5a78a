import { describe, expect, it } from 'vitest';
import { NAMED_POLICIES, partysocketPolicy, reconnectingWebSocketPolicy } from '../../../src/testing/peer-policies.js';
import { DECORRELATED_RETRY, EXPONENTIAL_RETRY } from '../../../src/index.js';
import { simulateHerd } from '../../../src/testing/herd.js';
import { simulateCommand } from '../../../src/cli/simulate-command.js';
import { classify } from '../../../src/index.js';
import type { RetryPolicy } from '../../../src/policy/index.js';

const cause = classify('guacamole', 519);

/** The delays a stateless policy gives for attempts 1..n, each fed the last delay, as the machine does. */
function delays(policy: RetryPolicy, n: number, random: () => number = () => 0.5): (number | null)[] {
  const out: (number | null)[] = [];
  let lastDelayMs: number | undefined;
  for (let attempt = 1; attempt <= n; attempt += 1) {
    const delay = policy.nextDelayMs({ attempt, elapsedMs: 0, cause, ...(lastDelayMs === undefined ? {} : { lastDelayMs }) }, random);
    out.push(delay);
    lastDelayMs = delay ?? undefined;
  }
  return out;
}

describe('peer retry policies for herd comparisons', () => {
  it('partysocket: 3 s, then ×1.3 per attempt up to 10 s, no jitter', () => {
    expect(delays(partysocketPolicy, 7).map((d) => Math.round(d!))).toEqual([3000, 3900, 5070, 6591, 8568, 10000, 10000]);
    expect(delays(partysocketPolicy, 2, () => 0)).toEqual(delays(partysocketPolicy, 2, () => 0.99));
  });

  it('reconnecting-websocket: a per-client first delay in [1 s, 5 s], then the same ×1.3 curve', () => {
    expect(delays(reconnectingWebSocketPolicy, 1, () => 0)).toEqual([1000]);
    expect(delays(reconnectingWebSocketPolicy, 1, () => 1)).toEqual([5000]);
    expect(delays(reconnectingWebSocketPolicy, 3, () => 0.5).map((d) => Math.round(d!))).toEqual([3000, 3900, 5070]);
  });

  it('every named policy is accepted by simulate --policy, and an unknown one is a usage error naming them', async () => {
    const io = { stdout: () => undefined, stderr: (text: string) => void (errors += text), isTTY: false };
    let errors = '';
    for (const name of Object.keys(NAMED_POLICIES)) {
      expect(await simulateCommand(['--protocol', 'guacamole', '--clients', '50', '--policy', name], io)).toBe(0);
    }
    expect(await simulateCommand(['--protocol', 'guacamole', '--policy', 'nope'], io)).toBe(2);
    expect(errors).toContain('default, decorrelated, exponential, guacamole-countdown, partysocket, reconnecting-websocket');
  });

  it('names the default (its curve as decorrelated) and the previous default as exponential', () => {
    expect(NAMED_POLICIES['default']).toBeUndefined();
    expect(NAMED_POLICIES['decorrelated']).toBe(DECORRELATED_RETRY);
    expect(NAMED_POLICIES['exponential']).toBe(EXPONENTIAL_RETRY);
  });
});

describe('recovery after a mass outage (10,000 Guacamole clients, server down 10 s after a crash)', () => {
  const herd = (policy: (typeof NAMED_POLICIES)[string], seed: number) =>
    simulateHerd({ protocol: 'guacamole', clients: 10_000, outage: { kind: 'restart' }, bucketMs: 100, seed, ...(policy === undefined ? {} : { policy }) });

  it('the default meets the targets: peak accepted ≤ 2 % per 100 ms, all back within 20 s, ≤ 4 attempts each', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await herd(undefined, seed);
      expect(r.failed).toBe(0);
      expect(r.peakAccepted / r.clients).toBeLessThanOrEqual(0.02);
      expect(r.allBackMs).toBeLessThanOrEqual(20_000);
      expect(r.attempts / r.clients).toBeLessThanOrEqual(4);
    }
  });

  it('decorrelated is the default under its old name: the same herd, attempt for attempt', async () => {
    expect(await herd(DECORRELATED_RETRY, 1)).toEqual(await herd(undefined, 1));
  });

  it('the previous default (exponential) misses two of them: everyone back only after ~40 s, ~5 attempts each', async () => {
    const r = await herd(EXPONENTIAL_RETRY, 1);
    expect(r.failed).toBe(0);
    expect(r.allBackMs).toBeGreaterThan(35_000);
    expect(r.attempts / r.clients).toBeGreaterThan(4.5);
  });

  it('the peers are reproduced as measured: partysocket lands everyone at once near 12 s, reconnecting-websocket back near 17 s', async () => {
    const party = await herd(partysocketPolicy, 1);
    expect(party.peakAccepted).toBe(10_000);
    expect(party.allBackMs).toBeGreaterThan(11_000);
    expect(party.allBackMs).toBeLessThan(13_000);
    const rws = await herd(reconnectingWebSocketPolicy, 1);
    expect(rws.allBackMs).toBeGreaterThan(15_000);
    expect(rws.allBackMs).toBeLessThan(19_000);
  });
});
