/**
 * A real session (real `ws` sockets) whose timers run on an injected SimulatedClock: I/O is real, backoff and
 * keep-alive are advanced explicitly, so tests never sleep to wait for a delay.
 */
import { SimulatedClock } from 'xstate';
import { vi } from 'vitest';
import { WebSocket } from 'ws';
import { createSession } from '../../src/session/index.js';
import type { Session, SessionEventMap, SessionOptions } from '../../src/session/index.js';
import { pendingTimers } from './pending-timers.js';

export interface RecordedEvent {
  readonly name: keyof SessionEventMap;
  readonly payload: unknown;
}

export interface SessionHarness {
  readonly session: Session;
  readonly clock: SimulatedClock;
  readonly events: RecordedEvent[];
  readonly messages: unknown[];
  of<K extends keyof SessionEventMap>(name: K): SessionEventMap[K][0][];
  advance(ms: number): void;
  until(check: () => boolean | void, timeoutMs?: number): Promise<void>;
  stateIs(prefix: string): boolean;
  /** Timers pending on the clock (backoff, keep-alive checks, the transport's own keep-alive). */
  pendingTimers(): number;
}

/**
 * `createSession` options without `clock` (the harness brings its SimulatedClock). `WebSocket` defaults to `ws`'s;
 * `'global'` leaves the option out, so the session takes `globalThis.WebSocket` (msw patches only the global).
 */
export type StartSessionOptions = Omit<SessionOptions, 'clock' | 'WebSocket'> & { readonly WebSocket?: SessionOptions['WebSocket'] | 'global' };

const NAMES: readonly (keyof SessionEventMap)[] = [
  'state', 'phase', 'fault', 'reconnecting', 'ready', 'unstable', 'stable', 'needs-auth', 'needs-decision', 'closed', 'failed',
];

export function startSession(options: StartSessionOptions): SessionHarness {
  const { WebSocket: socket = WebSocket, ...rest } = options;
  const clock = new SimulatedClock();
  const session = createSession({ ...(socket === 'global' ? {} : { WebSocket: socket }), random: () => 0.5, ...rest, clock });
  const events: RecordedEvent[] = [];
  const messages: unknown[] = [];
  for (const name of NAMES) {
    session.on(name, ((payload: unknown) => events.push({ name, payload })) as never);
  }
  session.on('message', (data) => messages.push(data));
  return {
    session,
    clock,
    events,
    messages,
    of: (name) => events.filter((e) => e.name === name).map((e) => e.payload) as never,
    advance: (ms) => clock.increment(ms),
    until: async (check, timeoutMs = 5000) => {
      await vi.waitFor(() => {
        const result = check();
        if (result === false) throw new Error('not yet');
      }, { timeout: timeoutMs, interval: 5 });
    },
    stateIs: (prefix) => session.state.state.startsWith(prefix),
    pendingTimers: () => pendingTimers(clock),
  };
}
