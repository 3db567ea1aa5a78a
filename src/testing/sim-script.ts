/**
 * How `simulate()` plays the fault-script DSL (src/testing/script.ts) without a server: one `FaultStep[]` per
 * connection attempt, validated with the fault server's own `validateScript`, played against the machine
 * through the transport actor's `sendBack` on the simulated clock. Instant steps run back to back at the same
 * simulated time; `wait`, `silence` and `stream` move time on.
 *
 * Each step does what the fault server does, as the client sees it:
 *   accept              → transport.open (implied when a list has neither accept nor reject)
 *   reject(status, ra)  → transport.error with failure.http { status, retryAfter }; the attempt ends
 *   handshake(steps?)   → one step signal per profile step (default: all, in order)
 *   stall               → nothing; keep-alives go unanswered; a list that ends in stall never settles
 *   stream(rate, forMs) → data on the link at that rate, read lazily (sim-link.ts): no clock timer and no actor event
 *                         per frame (one transport.activity, at the next frame, when the machine asked for it)
 *   silence(forMs)      → nothing for forMs, keep-alives unanswered
 *   status(code, msg?)  → a status signal (the catalog's own form of the code)
 *   end(msg?)           → an end signal
 *   close(code, reason) → transport.close, clean
 *   drop                → transport.close 1006, not clean
 *   wait(ms)            → the next step comes ms later (keep-alives still answered)
 * While the server is responsive (as on the fault server: not stalled or silenced), every frame the client
 * sends through the link (its keep-alive) gets an answer, which counts as incoming data. A keep-alive the profile
 * gives the transport (`TransportInput.keepAliveEveryMs`) is sent from the accept on, every that many ms, and its
 * answers are read lazily off the link like a stream's frames.
 */
import { SessionError } from '../errors/index.js';
import type { Profile } from '../../machines/profile.js';
import type { TransportEvent, TransportInput } from '../../machines/wire.js';
import { validateScript, withImplicitAccept } from './script.js';
import type { FaultStep } from './script.js';
import type { SimLink, StreamPlan } from './sim-link.js';
import { DISCONNECT_BEFORE_SYNC_CODE } from '../../machines/guacamole/codec.js';

/** One step list per connection attempt; attempts past the end repeat the last list. */
export type SimScript = readonly (readonly FaultStep[])[];

/**
 * Checks every attempt's list with `validateScript` before anything runs. Throws SessionError
 * SESSION_ERR_INVALID_SCRIPT whose message and field start with the attempt (`script[1]: Fault script step 2 …`).
 */
export function validateSimScript(profile: Profile, script: unknown): SimScript {
  if (!Array.isArray(script) || script.length === 0) {
    throw new SessionError('SESSION_ERR_INVALID_SCRIPT', 'script must be a non-empty array with one step list per connection attempt', { field: 'script' });
  }
  script.forEach((attempt: unknown, index) => {
    try {
      validateScript(profile, attempt as readonly FaultStep[]);
    } catch (error) {
      if (!(error instanceof SessionError)) throw error;
      throw new SessionError(error.code, `script[${index}]: ${error.message}`, {
        cause: error,
        field: `script[${index}]${error.field === undefined ? '' : `.${error.field}`}`,
        ...(error.value === undefined ? {} : { value: error.value }),
      });
    }
  });
  return script as SimScript;
}

/** The clock a simulation runs on: XState's Clock plus `now()`. */
export interface SimClock {
  now(): number;
  setTimeout(fn: () => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface PlayContext {
  readonly clock: SimClock;
  readonly profile: Profile;
  readonly input: TransportInput;
  /** The run's link (also `input.link`): stream steps play on it lazily. */
  readonly link: SimLink;
  readonly sendBack: (event: TransportEvent) => void;
}

export interface PlayingAttempt {
  /** True once the attempt is over, or every step has run and the list does not end in `stall`. */
  done(): boolean;
  /** The machine let go of the transport: cancel whatever is still scheduled. */
  stop(): void;
}

/** Plays one attempt's steps; the first step runs on the next clock turn, at the current simulated time. */
export function playAttempt(steps: readonly FaultStep[], context: PlayContext): PlayingAttempt {
  const { clock, profile, input, link, sendBack } = context;
  const list = withImplicitAccept(steps);
  const holds = steps.at(-1)?.do === 'stall';
  const timers = new Set<unknown>();
  let index = 0;
  let stopped = false;
  let finished = false;
  /** The handshake's sync was delivered: a Guacamole `disconnect` is then a goodbye, before it a failed attempt. */
  let synced = false;
  let responsive = true;
  link.answering(true);

  /** Runs `fn` after `delayMs` unless the attempt has stopped; returns the timer, which stop() cancels. */
  const later = (fn: () => void, delayMs: number): unknown => {
    const id = clock.setTimeout(() => {
      timers.delete(id);
      if (!stopped) fn();
    }, Math.max(0, delayMs));
    timers.add(id);
    return id;
  };
  /** One incoming frame, as the real transport records it. */
  const frame = (): void => {
    link.lastDataAt = input.now();
    if (link.wantActivity) {
      link.wantActivity = false;
      sendBack({ type: 'transport.activity' });
    }
  };
  // A stream's frames and the answers to the transport's keep-alives are read lazily off the link; a timer is armed
  // only for the frame the machine waits for, and re-armed whenever what is coming changes.
  let activity: unknown;
  const disarmActivity = (): void => {
    if (activity === undefined) return;
    clock.clearTimeout(activity);
    timers.delete(activity);
    activity = undefined;
  };
  const rearmActivity = (): void => {
    disarmActivity();
    if (stopped || !link.wantActivity) return;
    const next = link.nextDataAt();
    if (next === undefined) return;
    activity = later(() => {
      activity = undefined;
      frame();
    }, next - clock.now());
  };
  link.watchWant(rearmActivity);
  const setResponsive = (on: boolean): void => {
    if (on === responsive) return;
    responsive = on;
    link.answering(on);
    // The keep-alive the transport sends at this very time is answered (sim-link's tie rule): a waiting machine hears it.
    if (on && link.wantActivity && link.lastDataAt === clock.now()) frame();
    else rearmActivity();
  };
  const stream = (ratePerSecond: number, forMs: number): void => {
    const plan: StreamPlan = { startAt: clock.now(), ratePerSecond, frames: Math.floor((forMs * ratePerSecond) / 1000) };
    if (plan.frames > 0) {
      frame(); // frame 0, now
      if (stopped) return;
      link.streaming(plan);
      rearmActivity();
    }
    later(() => {
      link.streaming(null);
      rearmActivity();
      run();
    }, forMs);
  };

  /** Runs instant steps until one takes time, ends the attempt, or the machine lets go. */
  function run(): void {
    while (!stopped && index < list.length) {
      const step = list[index]!;
      index += 1;
      if (step.do !== 'wait' && step.do !== 'stall') setResponsive(true);
      switch (step.do) {
        case 'accept':
          link.send = () => {
            if (responsive && !stopped) later(frame, 0);
            return true;
          };
          if (input.keepAliveEveryMs !== undefined) {
            link.keepingAlive({ startAt: clock.now(), everyMs: input.keepAliveEveryMs });
            rearmActivity();
          }
          sendBack({ type: 'transport.open' });
          break;
        case 'reject': {
          const http = step.retryAfter === undefined ? { status: step.status } : { status: step.status, retryAfter: String(step.retryAfter) };
          sendBack({ type: 'transport.error', failure: { message: `Unexpected server response: ${step.status}`, http, beforeOpen: true } });
          break;
        }
        case 'handshake':
          for (const id of step.steps ?? profile.steps.map((known) => known.id)) {
            if (stopped) break;
            if (id === 'sync') synced = true;
            sendBack({ type: 'transport.signal', signal: { kind: 'step', step: id } });
          }
          break;
        case 'stall':
          setResponsive(false);
          break;
        case 'stream':
          stream(step.ratePerSecond, step.forMs);
          return;
        case 'silence':
          setResponsive(false);
          later(() => {
            setResponsive(true);
            run();
          }, step.forMs);
          return;
        case 'wait':
          later(run, step.ms);
          return;
        case 'status': {
          const code = profile.own(step.code).code;
          sendBack({ type: 'transport.signal', signal: step.message === undefined ? { kind: 'status', code } : { kind: 'status', code, message: step.message } });
          break;
        }
        case 'end':
          sendBack({ type: 'transport.signal', signal: step.message === undefined ? { kind: 'end' } : { kind: 'end', message: step.message } });
          break;
        case 'gatewayError':
          // What the codec makes of guacamole-lite's text-coded error, then its close 1011.
          sendBack({ type: 'transport.signal', signal: { kind: 'status', code: step.code, message: step.message ?? step.code } });
          sendBack({ type: 'transport.close', code: 1011, reason: 'Internal server error', wasClean: true });
          break;
        case 'disconnect':
          // What the codec makes of guacd's bare disconnect (a failed attempt before the first sync), then the close 1000.
          sendBack({ type: 'transport.signal', signal: synced ? { kind: 'end' } : { kind: 'status', code: DISCONNECT_BEFORE_SYNC_CODE, message: 'disconnect before the first sync' } });
          sendBack({ type: 'transport.close', code: 1000, reason: '0', wasClean: true });
          break;
        case 'close':
          sendBack({ type: 'transport.close', code: step.code, reason: step.reason ?? '', wasClean: true });
          break;
        case 'drop':
          sendBack({ type: 'transport.close', code: 1006, reason: '', wasClean: false });
          break;
      }
    }
    finished = true;
  }
  later(run, 0);

  return {
    done: () => stopped || (finished && !holds),
    stop: () => {
      stopped = true;
      link.streaming(null);
      link.keepingAlive(null);
      link.watchWant(null);
      for (const id of timers) clock.clearTimeout(id);
      timers.clear();
      activity = undefined;
      link.send = null;
    },
  };
}
