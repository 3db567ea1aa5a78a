/** simulate()'s lazy stream: the frame arithmetic matches frame-by-frame sending, and the link reads it at any time. */
import { describe, expect, it } from 'vitest';
import { SimLink, frameAt, lastFrameIndex } from '../../../src/testing/sim-link.js';
import type { StreamPlan } from '../../../src/testing/sim-link.js';

describe('lastFrameIndex', () => {
  it('names the last frame sent by any time, as sending each frame at start + floor(i × 1000 / rate) would', () => {
    const wrong: string[] = [];
    for (const ratePerSecond of [0.3, 0.5, 1, 3, 7, 10, 24, 30, 60, 144, 1000]) {
      const plan: StreamPlan = { startAt: 1_234, ratePerSecond, frames: Math.floor((7_000 * ratePerSecond) / 1000) };
      const sent = Array.from({ length: plan.frames }, (_, i) => plan.startAt + Math.floor((i * 1000) / ratePerSecond));
      let expected = -1;
      for (let now = plan.startAt - 3; now <= plan.startAt + 7_100; now += ratePerSecond > 50 ? 1 : 7) {
        while (expected + 1 < sent.length && sent[expected + 1]! <= now) expected += 1;
        const got = lastFrameIndex(plan, now);
        if (got !== expected) wrong.push(`rate ${ratePerSecond} at ${now}: ${got}, not ${expected}`);
      }
      if (plan.frames > 0) expect(frameAt(plan, plan.frames - 1)).toBe(sent.at(-1));
    }
    expect(wrong).toEqual([]);
  });
});

describe('SimLink', () => {
  it('reads the stream lazily, keeps the last frame when it ends, and takes the later of writes and frames', () => {
    let now = 0;
    const link = new SimLink(() => now);
    link.lastDataAt = 50;
    link.streaming({ startAt: 100, ratePerSecond: 10, frames: 5 }); // 100, 200, 300, 400, 500
    expect(link.lastDataAt).toBe(50);
    now = 250;
    expect(link.lastDataAt).toBe(200);
    link.lastDataAt = 260; // the machine marks data (a keepalive.tick)
    now = 299;
    expect(link.lastDataAt).toBe(260);
    now = 350;
    link.streaming(null); // the stream ends (or the attempt stops) at 350
    now = 10_000;
    expect(link.lastDataAt).toBe(300);
  });

  it('tells the player when the machine starts and stops waiting for the next frame', () => {
    const told: boolean[] = [];
    const link = new SimLink(() => 0);
    link.wantActivity = true; // no stream: nobody to tell
    link.streaming({ startAt: 0, ratePerSecond: 1, frames: 3 }, (want) => told.push(want));
    link.wantActivity = false;
    link.wantActivity = true;
    expect(told).toEqual([false, true]);
    expect(link.wantActivity).toBe(true);
    link.streaming(null);
    link.wantActivity = false;
    expect(told).toEqual([false, true]);
  });
});
