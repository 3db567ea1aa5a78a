/**
 * A simulated clock on a binary heap, for running thousands of actors under one clock: xstate's SimulatedClock
 * re-sorts every pending timer on each advance, which is quadratic with that many timers.
 */
interface Timer {
  readonly id: number;
  readonly at: number;
  readonly fn: () => void;
}

/** A simulated clock on a binary heap: O(log n) per timer, whatever the number of actors. */
export class HeapClock {
  #now = 0;
  #nextId = 0;
  readonly #heap: Timer[] = [];
  readonly #live = new Set<number>();

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, timeout: number): number {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, timeout), fn };
    this.#live.add(timer.id);
    this.#push(timer);
    return timer.id;
  }

  clearTimeout(id: number): void {
    this.#live.delete(id);
  }

  /** When the next live timer is due, or undefined when none is pending. */
  nextDueAt(): number | undefined {
    while (this.#heap.length > 0 && !this.#live.has(this.#heap[0]!.id)) this.#pop();
    return this.#heap[0]?.at;
  }

  /** Moves time to `time` and fires every timer due by then, including ones set while firing. */
  advanceTo(time: number): void {
    if (time < this.#now) throw new RangeError(`HeapClock cannot go back in time (${time} < ${this.#now})`);
    this.#now = time;
    for (let next = this.nextDueAt(); next !== undefined && next <= time; next = this.nextDueAt()) {
      const timer = this.#pop();
      this.#live.delete(timer.id);
      timer.fn();
    }
  }

  /**
   * Fires timers one due time at a time until `stop()` holds (checked before each), none is pending, or the next
   * is due after `limitMs`. Time stays at the last due time reached, not at `limitMs`.
   */
  runUntil(limitMs: number, stop: () => boolean = () => false): void {
    for (let next = this.nextDueAt(); !stop() && next !== undefined && next <= limitMs; next = this.nextDueAt()) this.advanceTo(next);
  }

  #before(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.id < b.id);
  }

  #push(timer: Timer): void {
    const heap = this.#heap;
    heap.push(timer);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.#before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): Timer {
    const heap = this.#heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < heap.length && this.#before(heap[left]!, heap[best]!)) best = left;
        if (right < heap.length && this.#before(heap[right]!, heap[best]!)) best = right;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best]!, heap[i]!];
        i = best;
      }
    }
    return top;
  }
}
