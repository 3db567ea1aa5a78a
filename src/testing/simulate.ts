/**
 * `simulate()`: runs a profile's lifecycle machine headless on a simulated clock, with a seeded random source,
 * against a scripted server (one step list per connection attempt; see sim-script.ts), and returns the
 * timeline of what the client did. No socket, no wall-clock timer: a simulated hour takes milliseconds, and the
 * same seed always yields the same timeline.
 *
 * The clock is HeapClock: XState's Clock contract, as SimulatedClock, on a binary heap. SimulatedClock re-sorts
 * every pending timer on each advance; a streaming session keeps a handful pending and advances tens of thousands
 * of times an hour, so the sort was the largest single cost of a run.
 *
 * The run stops when the session settles: closed or failed (final), waiting for the user (new credentials, a
 * decision), or ready with nothing more scripted on the current connection. Otherwise it stops at `untilMs`.
 * Attempts past the end of the script repeat its last step list, so `[[…]]` scripts every attempt alike.
 */
import { createActor } from 'xstate';
import { sessionMachineFor } from '../../machines/session.machine.js';
import { resolveSessionOptions } from '../../machines/session-options.js';
import type { FailureReason, SessionEmitted } from '../../machines/session.machine.js';
import type { KeepAliveSettings, Profile } from '../../machines/profile.js';
import type { SessionMachineOptions, TimeoutOptions } from '../../machines/session-options.js';
import { projectSession, statePath } from '../../machines/project.js';
import type { Classification, Phase, ProtocolId } from '../codes/types.js';
import type { RetryOptions, RetryPolicy } from '../policy/index.js';
import { resolveProfile } from '../session/profiles.js';
import { SessionError, describeValue, optionMustBe } from '../errors/index.js';
import { HeapClock } from './heap-clock.js';
import { mulberry32 } from './prng.js';
import { playAttempt, validateSimScript } from './sim-script.js';
import { SimLink } from './sim-link.js';
import type { SimScript } from './sim-script.js';

export interface SimulateOptions {
  /** A protocol id; give this or `profile`. */
  readonly protocol?: ProtocolId;
  /** A profile object (a custom one, or one stacked with a gateway); give this or `protocol`. */
  readonly profile?: Profile;
  /** One step list per connection attempt; later attempts repeat the last list. */
  readonly script: SimScript;
  readonly retry?: RetryOptions | RetryPolicy;
  readonly keepAlive?: Partial<KeepAliveSettings>;
  readonly timeouts?: TimeoutOptions;
  /** Seed of the random source the retry jitter draws from. */
  readonly seed?: number;
  /** Simulated time after which the run stops even if the session has not settled. */
  readonly untilMs?: number;
}

export const SIMULATE_DEFAULTS = {
  seed: 1,
  /** One simulated hour. */
  untilMs: 3_600_000,
  /** Longest run accepted: 30 simulated days. */
  maxUntilMs: 2_592_000_000,
} as const;

export type TimelineEvent = 'connect' | SessionEmitted['type'];

export interface TimelineEntry {
  /** Simulated time of the event. */
  readonly atMs: number;
  /** Where the machine stood once the event was handled (dotted path; parallel regions are not expanded). */
  readonly state: string;
  readonly phase: Phase;
  /** `connect` marks a connection attempt reaching the transport; the others are the machine's emitted events. */
  readonly event: TimelineEvent;
  /** fault: the fault; reconnecting, needs-auth, needs-decision, closed: the cause; failed: the final code. */
  readonly classification?: Classification;
  /** reconnecting: the backoff before the next attempt. */
  readonly delayMs?: number;
  /** connect, reconnecting, ready: the reconnect attempt of the current outage (0: not reconnecting). */
  readonly attempt?: number;
  /** failed: fatal | exhausted; closed: user | peer. */
  readonly reason?: FailureReason | 'user' | 'peer';
}

export type SimulationOutcome =
  | 'ready' | 'closed' | 'failed' | 'awaiting-auth' | 'awaiting-decision' | 'reconnecting' | 'connecting' | 'suspended' | 'idle';

export interface Timeline {
  readonly entries: readonly TimelineEntry[];
  readonly outcome: SimulationOutcome;
  /** Connection attempts that reached the transport. */
  readonly connections: number;
  /** Simulated time when the run stopped. */
  readonly endedAtMs: number;
  /** False when the run stopped at `untilMs` rather than because the session settled. */
  readonly settled: boolean;
}

const KEYS = ['protocol', 'profile', 'script', 'retry', 'keepAlive', 'timeouts', 'seed', 'untilMs'] as const;
/** The (static) URL of every attempt; nothing connects to it. A static URL needs no resolver actor, so a run is synchronous. */
const SIM_URL = 'ws://simulated.invalid/';

/** "`field` must be `accepted` (got `value`)", shared with the herd simulator. */
export const invalid = optionMustBe;

/** Validates what `simulate` and `simulateHerd` share: object shape, known keys, the profile, the seed. */
export function checkSimOptions(name: string, options: unknown, keys: readonly string[]): { profile: Profile; seed: number } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw invalid(`${name} options`, options, 'an object of options');
  const input = options as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!keys.includes(key)) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `${key} is not an option of ${name}; accepted: ${keys.join(', ')}`, { field: key, value: describeValue(input[key]) });
    }
  }
  if ((input['protocol'] === undefined) === (input['profile'] === undefined)) {
    throw invalid('protocol', input['protocol'], 'given, or else profile (exactly one of the two)');
  }
  const profile = resolveProfile(input['protocol'] ?? input['profile']);
  const seed = input['seed'] ?? SIMULATE_DEFAULTS.seed;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) throw invalid('seed', seed, 'a safe integer');
  return { profile, seed };
}

/** Requires an integer number of milliseconds in [min, max]. */
export function checkMs(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, value, `an integer number of milliseconds from ${min} to ${max}`);
  }
  return value;
}

/** Machine options from the simulation options, leaving out what was not given. */
export function machineOptions(source: { retry?: unknown; keepAlive?: unknown; timeouts?: unknown }): SessionMachineOptions {
  return {
    ...(source.retry === undefined ? {} : { retry: source.retry as RetryOptions | RetryPolicy }),
    ...(source.keepAlive === undefined ? {} : { keepAlive: source.keepAlive as Partial<KeepAliveSettings> }),
    ...(source.timeouts === undefined ? {} : { timeouts: source.timeouts as TimeoutOptions }),
  };
}

function outcomeOf(state: string): SimulationOutcome {
  if (state === 'closed' || state === 'failed' || state === 'idle' || state === 'suspended') return state;
  if (state.startsWith('active.awaiting.auth')) return 'awaiting-auth';
  if (state.startsWith('active.awaiting.decision')) return 'awaiting-decision';
  if (state.startsWith('active.online.ready')) return 'ready';
  if (state.startsWith('active.backoff') || state === 'active.fault') return 'reconnecting';
  return 'connecting';
}

/** An entry until the macrostep that emitted it ends; flush() then fills in where the machine stood. */
type Pending = Omit<TimelineEntry, 'state' | 'phase'> & { state?: string; phase?: Phase };

function entryOf(event: SessionEmitted, atMs: number): Pending {
  switch (event.type) {
    case 'fault':
      return { atMs, event: event.type, classification: event.fault };
    case 'reconnecting':
      return { atMs, event: event.type, classification: event.cause, delayMs: event.delayMs, attempt: event.attempt };
    case 'ready':
      return { atMs, event: event.type, attempt: event.attempt };
    case 'needs-auth':
    case 'needs-decision':
      return { atMs, event: event.type, classification: event.cause };
    case 'closed':
      return { atMs, event: event.type, reason: event.by, ...(event.cause === null ? {} : { classification: event.cause }) };
    case 'failed':
      return { atMs, event: event.type, reason: event.reason, classification: event.final };
    default:
      return { atMs, event: event.type };
  }
}

/** Runs the script against the profile's machine and returns the client's timeline. */
export async function simulate(options: SimulateOptions): Promise<Timeline> {
  const { profile, seed } = checkSimOptions('simulate', options, KEYS);
  const script = validateSimScript(profile, options.script);
  const untilMs = checkMs('untilMs', options.untilMs ?? SIMULATE_DEFAULTS.untilMs, 1, SIMULATE_DEFAULTS.maxUntilMs);
  // Validated once; the machine is the profile's shared one (its connections are opened through the link).
  const settings = resolveSessionOptions(profile, machineOptions(options));

  const clock = new HeapClock();
  const link = new SimLink(() => clock.now());
  const entries: TimelineEntry[] = [];
  const pending: Pending[] = [];
  let connections = 0;
  let current: { readonly done: () => boolean } | null = null;

  // Each connection attempt is played through the link (SessionLink.open), as createSession opens its sockets: no
  // transport actor per attempt. The simulated server needs no close command; the attempt ends when it is released.
  link.open = (input, deliver) => {
    const steps = script[Math.min(connections, script.length - 1)]!;
    // Opened during the machine's step: its attempt count is read when the step is recorded (flush).
    pending.push({ atMs: clock.now(), event: 'connect' });
    connections += 1;
    const attempt = playAttempt(steps, { clock, profile, input, link, sendBack: deliver });
    current = attempt;
    link.release = () => {
      link.release = null;
      attempt.stop();
    };
  };
  const actor = createActor(sessionMachineFor(profile), {
    clock,
    input: {
      settings,
      url: SIM_URL,
      now: () => clock.now(),
      random: mulberry32(seed),
      link,
    },
  });
  const flush = (): void => {
    if (pending.length === 0) return;
    const snapshot = actor.getSnapshot();
    const { state, phase } = projectSession(snapshot);
    // The entries are this run's own objects: completing them in place (same key order as a spread) spares a copy
    // of every entry, which was the largest cost of recording a long run.
    for (const entry of pending) {
      if (entry.event === 'connect' && entry.attempt === undefined) (entry as { attempt?: number }).attempt = snapshot.context.attempt;
      entry.state = state;
      entry.phase = phase;
      entries.push(entry as TimelineEntry);
    }
    pending.length = 0;
  };
  actor.on('*', (event) => pending.push(entryOf(event as SessionEmitted, clock.now())));
  /** The state path, kept up to date per snapshot: the run loop checks it after every clock step, far more often. */
  let path = '';
  actor.subscribe({
    next: (snapshot) => {
      path = statePath(snapshot.value);
      flush();
    },
    error: () => undefined,
  });

  const settled = (): boolean => {
    if (actor.getSnapshot().status !== 'active') return true;
    if (path.startsWith('active.awaiting')) return true;
    return path.startsWith('active.online.ready') && current !== null && current.done();
  };

  actor.start();
  actor.send({ type: 'user.connect' });
  flush();
  let reachedLimit = false;
  while (!settled()) {
    const next = clock.nextDueAt();
    if (next === undefined) break;
    if (next > untilMs) {
      clock.advanceTo(untilMs);
      reachedLimit = true;
      break;
    }
    clock.advanceTo(next);
    flush();
  }
  const final = actor.getSnapshot();
  actor.stop();
  link.release?.(); // stopping an actor runs no exit action: the attempt still open at the limit ends here
  if (final.status === 'error') throw final.error; // a custom policy or url() that threw: a bug to surface, not a timeline
  const state = statePath(final.value);
  const endedAtMs = clock.now();
  return { entries, outcome: outcomeOf(state), connections, endedAtMs, settled: !reachedLimit };
}
