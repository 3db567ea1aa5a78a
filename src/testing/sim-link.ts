/**
 * The session link of a `simulate()` run, with the scripted server's `stream` step read lazily: the frames a stream
 * has sent by `now` count as received when the machine reads `lastDataAt`, so a stream of thousands of frames costs
 * no clock timer per frame. Only the machine's wish to hear of the next frame (`wantActivity`, while `unstable`) arms
 * a timer, at that frame's time, as the real transport would answer it.
 *
 * Tie rule: a frame due at the same simulated time as a machine timer has arrived before the timer fires.
 */
import type { SessionLink } from '../../machines/wire.js';

/** Frames `0 … frames-1` of a stream, frame i at `startAt + floor(i * 1000 / ratePerSecond)`. */
export interface StreamPlan {
  readonly startAt: number;
  readonly ratePerSecond: number;
  readonly frames: number;
}

/** When frame `index` of the stream is sent. */
export function frameAt(plan: StreamPlan, index: number): number {
  return plan.startAt + Math.floor((index * 1000) / plan.ratePerSecond);
}

/** Index of the last frame sent by `now`; -1 before the first. */
export function lastFrameIndex(plan: StreamPlan, now: number): number {
  if (now < plan.startAt) return -1;
  let index = Math.min(plan.frames - 1, Math.floor(((now - plan.startAt) * plan.ratePerSecond) / 1000));
  // The estimate is exact or one short (the frame times are floored); floating point may also put it one over.
  while (index + 1 < plan.frames && frameAt(plan, index + 1) <= now) index += 1;
  while (index >= 0 && frameAt(plan, index) > now) index -= 1;
  return index;
}

export class SimLink implements SessionLink {
  onData: SessionLink['onData'] = () => undefined;
  send: SessionLink['send'] = null;
  #at = 0;
  #want = false;
  #stream: StreamPlan | null = null;
  #onWant: ((want: boolean) => void) | null = null;
  // The machine reads the link several times per event, at one simulated time: the frame found last is kept.
  #readAt = Number.NaN;
  #frameAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  get lastDataAt(): number {
    const stream = this.#stream;
    if (stream === null) return this.#at;
    const now = this.now();
    if (now !== this.#readAt) {
      const index = lastFrameIndex(stream, now);
      this.#readAt = now;
      this.#frameAt = index < 0 ? Number.NEGATIVE_INFINITY : frameAt(stream, index);
    }
    return Math.max(this.#at, this.#frameAt);
  }

  set lastDataAt(at: number) {
    this.#at = at;
  }

  get wantActivity(): boolean {
    return this.#want;
  }

  set wantActivity(want: boolean) {
    this.#want = want;
    this.#onWant?.(want);
  }

  /**
   * A stream starts (`plan`, with `onWant` told whenever the machine starts or stops waiting for a frame) or ends
   * (`null`). Ending keeps the time of the last frame sent by then.
   */
  streaming(plan: StreamPlan | null, onWant: ((want: boolean) => void) | null = null): void {
    if (this.#stream !== null) this.#at = this.lastDataAt;
    this.#stream = plan;
    this.#readAt = Number.NaN;
    this.#onWant = onWant;
  }
}
