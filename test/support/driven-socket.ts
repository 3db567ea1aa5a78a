/**
 * A WebSocket the test drives by hand: it never connects; the test sets `readyState` and dispatches events
 * synchronously, as `ws` does for the frames of one TCP read. `last` is the socket the transport made most recently;
 * `sent` records every frame sent.
 */
export class DrivenSocket {
  static last: DrivenSocket | undefined;
  readyState = 0;
  binaryType = 'arraybuffer';
  protocol = '';
  readonly sent: unknown[] = [];
  readonly listeners = new Map<string, Set<(event: unknown) => void>>();
  constructor() {
    DrivenSocket.last = this;
  }
  addEventListener(type: string, fn: (event: unknown) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: (event: unknown) => void) {
    this.listeners.get(type)?.delete(fn);
  }
  dispatch(type: string, event: unknown) {
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn(event);
  }
  send(frame: unknown) {
    this.sent.push(frame);
  }
  close() {
    this.readyState = 3;
  }
}
