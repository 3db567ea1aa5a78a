/**
 * A stand-in for the browser globals a session watches (window online/offline, document visibilitychange), stubbed
 * with `vi.stubGlobal` (undo with `vi.unstubAllGlobals()`): tests dispatch events and count the listeners left.
 */
import { vi } from 'vitest';

export class FakeTarget {
  readonly listeners = new Map<string, Set<() => void>>();
  visibilityState = 'visible';

  addEventListener(type: string, listener: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }

  dispatch(type: string): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener();
  }

  get count(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}

/** Stubs `window`, `document` and `navigator` as a browser page that is visible and `onLine`. */
export function fakeBrowser(onLine = true): { win: FakeTarget; doc: FakeTarget } {
  const win = new FakeTarget();
  const doc = new FakeTarget();
  vi.stubGlobal('window', win);
  vi.stubGlobal('document', doc);
  vi.stubGlobal('navigator', { onLine });
  return { win, doc };
}
