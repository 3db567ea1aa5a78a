/**
 * The session link of a `simulate()` run, with the scripted server's regular traffic read lazily: the frames a
 * `stream` step has sent by `now`, and the answers to keep-alives the transport sends on its own cadence (a profile
 * whose `keepAliveSender` is `transport`, as Guacamole's tunnel ping), count as received when the machine reads
 * `lastDataAt`. Neither costs a clock timer per frame. Only the machine's wish to hear of the next frame
 * (`wantActivity`, while `unstable`) arms a timer, at that frame's time, as the real transport would answer it.
 *
 * Tie rules: a frame due at the same simulated time as a machine timer has arrived before the timer fires; a
 * keep-alive sent at the very time the server stops or starts answering (a `silence` step's ends) is answered.
 */
import type { SessionLink } from '../../machines/wire.js';

/** Frames `0 … frames-1` of a stream, frame i at `startAt + floor(i * 1000 / ratePerSecond)`. */
export interface StreamPlan {
  readonly startAt: number;
  readonly ratePerSecond: number;
  readonly frames: number;
}

/** The transport's keep-alives: one at `startAt + k * everyMs` for k = 1, 2, …, as from a socket opened at `startAt`. */
export interface KeepAlivePlan {
  readonly startAt: number;
  readonly everyMs: number;
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

/** How many keep-alives the plan has sent by `now` (the k of the last one; 0 before the first). */
export function keepAlivesSent(plan: KeepAlivePlan, now: number): number {
  return now < plan.startAt + plan.everyMs ? 0 : Math.floor((now - plan.startAt) / plan.everyMs);
}

export class SimLink implements SessionLink {
  onData: SessionLink['onData'] = () => undefined;
  send: SessionLink['send'] = null;
  /** Set by simulate(): plays each connection attempt (see `SessionLink.open`). */
  open?: NonNullable<SessionLink['open']>;
  release: (() => void) | null = null;
  #at = 0;
  #want = false;
  #stream: StreamPlan | null = null;
  #keepAlive: KeepAlivePlan | null = null;
  /** The server answers keep-alives sent at or after this time; null while it answers none. */
  #answeredFrom: number | null = Number.NEGATIVE_INFINITY;
  #onWant: ((want: boolean) => void) | null = null;
  // The machine reads the link several times per event, at one simulated time: the latest frame found is kept.
  #readAt = Number.NaN;
  #seenAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  get lastDataAt(): number {
    if (this.#stream === null && this.#keepAlive === null) return this.#at;
    const now = this.now();
    if (now !== this.#readAt) {
      this.#readAt = now;
      this.#seenAt = Math.max(this.#lastFrameAt(now), this.#lastAnswerAt(now));
    }
    return Math.max(this.#at, this.#seenAt);
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

  /** `onWant` is told whenever the machine starts or stops waiting for the next frame (null: nobody listens). */
  watchWant(onWant: ((want: boolean) => void) | null): void {
    this.#onWant = onWant;
  }

  /** A stream starts (`plan`) or ends (`null`). Ending keeps the time of the last frame sent by then. */
  streaming(plan: StreamPlan | null): void {
    this.#fold();
    this.#stream = plan;
  }

  /** The transport starts sending keep-alives on its own (`plan`) or stops (`null`, the socket is gone). */
  keepingAlive(plan: KeepAlivePlan | null): void {
    this.#fold();
    this.#keepAlive = plan;
  }

  /** The server starts or stops answering keep-alives. Stopping keeps the time of the last answer. */
  answering(on: boolean): void {
    if (on === (this.#answeredFrom !== null)) return;
    this.#fold();
    this.#answeredFrom = on ? this.now() : null;
  }

  /** When the next frame after now arrives (a stream frame or a keep-alive answer), if one is coming. */
  nextDataAt(): number | undefined {
    const now = this.now();
    let next = Number.POSITIVE_INFINITY;
    const stream = this.#stream;
    if (stream !== null) {
      const index = lastFrameIndex(stream, now) + 1;
      if (index < stream.frames) next = frameAt(stream, index);
    }
    const keepAlive = this.#keepAlive;
    if (keepAlive !== null && this.#answeredFrom !== null) {
      next = Math.min(next, keepAlive.startAt + (keepAlivesSent(keepAlive, now) + 1) * keepAlive.everyMs);
    }
    return next === Number.POSITIVE_INFINITY ? undefined : next;
  }

  #lastFrameAt(now: number): number {
    const stream = this.#stream;
    if (stream === null) return Number.NEGATIVE_INFINITY;
    const index = lastFrameIndex(stream, now);
    return index < 0 ? Number.NEGATIVE_INFINITY : frameAt(stream, index);
  }

  #lastAnswerAt(now: number): number {
    const keepAlive = this.#keepAlive;
    if (keepAlive === null || this.#answeredFrom === null) return Number.NEGATIVE_INFINITY;
    const sent = keepAlivesSent(keepAlive, now);
    const at = keepAlive.startAt + sent * keepAlive.everyMs;
    return sent > 0 && at >= this.#answeredFrom ? at : Number.NEGATIVE_INFINITY;
  }

  /** Before the sources change: what they delivered by now becomes a plain write. */
  #fold(): void {
    this.#at = this.lastDataAt;
    this.#readAt = Number.NaN;
  }
}
