/** simulate()'s lazy stream: the frame arithmetic matches frame-by-frame sending, and the link reads it at any time. */
import { describe, expect, it } from 'vitest';
import { SimLink, frameAt, keepAlivesSent, lastFrameIndex } from '../../../src/testing/sim-link.js';
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
    link.watchWant((want) => told.push(want));
    link.wantActivity = false;
    link.wantActivity = true;
    expect(told).toEqual([false, true]);
    expect(link.wantActivity).toBe(true);
    link.watchWant(null);
    link.wantActivity = false;
    expect(told).toEqual([false, true]);
  });

  it('reads the answers to the transport\'s keep-alives lazily: from the open on, while the server answers', () => {
    let now = 1_000;
    const link = new SimLink(() => now);
    link.lastDataAt = 1_000;
    link.keepingAlive({ startAt: 1_000, everyMs: 500 }); // keep-alives at 1500, 2000, 2500, …
    now = 1_499;
    expect(link.lastDataAt).toBe(1_000);
    expect(link.nextDataAt()).toBe(1_500);
    now = 2_250;
    expect(link.lastDataAt).toBe(2_000);
    now = 3_000;
    link.answering(false); // the keep-alive sent at 3000 is still answered
    now = 4_700;
    expect(link.lastDataAt).toBe(3_000);
    expect(link.nextDataAt()).toBeUndefined(); // nothing is coming while the server answers none
    link.answering(true); // from 4700: the next answered keep-alive is the one at 5000
    expect(link.lastDataAt).toBe(3_000);
    expect(link.nextDataAt()).toBe(5_000);
    now = 5_000;
    expect(link.lastDataAt).toBe(5_000);
    now = 5_200;
    link.keepingAlive(null); // the socket is gone: the last answer stays
    now = 60_000;
    expect(link.lastDataAt).toBe(5_000);
    expect(link.nextDataAt()).toBeUndefined();
  });

  it('answers a keep-alive sent at the very time the server starts answering again', () => {
    let now = 0;
    const link = new SimLink(() => now);
    link.keepingAlive({ startAt: 0, everyMs: 500 });
    link.answering(false);
    now = 2_000;
    link.answering(true);
    expect(link.lastDataAt).toBe(2_000);
  });

  it('takes the later of a stream\'s frames and the keep-alive answers, and the sooner of the next ones', () => {
    let now = 0;
    const link = new SimLink(() => now);
    link.keepingAlive({ startAt: 0, everyMs: 500 });
    link.streaming({ startAt: 0, ratePerSecond: 3, frames: 6 }); // frames at 0, 333, 666, 1000, 1333, 1666
    now = 700;
    expect(link.lastDataAt).toBe(666);
    expect(link.nextDataAt()).toBe(1_000);
    now = 1_400;
    expect(link.lastDataAt).toBe(1_333);
    expect(link.nextDataAt()).toBe(1_500); // the keep-alive answer comes before the frame at 1666
  });

  it('counts the keep-alives a plan has sent by any time', () => {
    const plan = { startAt: 100, everyMs: 250 };
    expect([99, 100, 349, 350, 599, 600, 10_100].map((now) => keepAlivesSent(plan, now))).toEqual([0, 0, 0, 1, 1, 2, 40]);
  });
});
