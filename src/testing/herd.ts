/**
 * `simulateHerd()`: N clients connected and ready, hit by the same outage at t=0. Counts reconnect attempts per
 * time bucket, so two policies can be compared by the load their clients put on a server coming back.
 *
 * Outages, as the clients see them:
 * - restart: every socket ends (by default abruptly, 1006, as when the server process is killed or the host
 *   reboots; `closeCode` makes it a close frame, e.g. 1001 or 1012 for a graceful shutdown); the server then
 *   refuses connections (ECONNREFUSED) for `downMs`; attempts starting at or after `downMs` are accepted and
 *   complete the handshake at once.
 * - drop: every socket dies without a close frame (1006) and the server stays up, so every attempt succeeds.
 *
 * Engines. `machine` runs the real lifecycle machine per client, all on one simulated clock. That costs about a
 * millisecond of CPU per reconnect attempt (XState transitions, actor spawns), so 10,000 clients take tens of
 * seconds. `policy` (the default) replays what the machine does per client with the machine's own resolved
 * policy (`resolveSessionOptions(profile, { retry }).policy`), the same per-client seeded random, and the fault
 * classifications a real machine produced for this outage (probed once): attempt n+1 is planned with
 * { attempt, elapsedMs since the outage, cause: the latest fault, lastDelayMs }, exactly as the machine's
 * `planRetry` does. A test runs both engines on the same seeds and requires identical results.
 *
 * Clock: XState's SimulatedClock re-sorts every pending timer on each advance, quadratic with thousands of
 * actors, so herds run on `HeapClock` (same contract; timers due at the same time fire in the order set).
 */
import { HeapClock } from './heap-clock.js';
import { createActor, fromCallback } from 'xstate';
import { createSessionMachine } from '../../machines/session.machine.js';
import type { SessionEmitted } from '../../machines/session.machine.js';
import { resolveSessionOptions } from '../../machines/session-options.js';
import type { Profile } from '../../machines/profile.js';
import type { SessionLink, TransportCommand, TransportEvent, TransportInput } from '../../machines/wire.js';
import type { Classification, ProtocolId } from '../codes/types.js';
import type { RetryOptions, RetryPolicy } from '../policy/index.js';
import { deriveSeed, mulberry32 } from './prng.js';
import { isSendableCloseCode } from './script.js';
import { SIMULATE_DEFAULTS, checkMs, checkSimOptions, invalid } from './simulate.js';

export type HerdOutage =
  | 'restart'
  | { readonly kind: 'restart'; readonly downMs?: number; readonly closeCode?: number }
  | { readonly kind: 'drop' };

export type HerdEngine = 'policy' | 'machine';

export interface HerdOptions {
  readonly protocol?: ProtocolId;
  readonly profile?: Profile;
  readonly clients: number;
  /** Every client's `retry` option (options or a RetryPolicy); default: the profile's defaults. */
  readonly policy?: RetryOptions | RetryPolicy;
  readonly outage: HerdOutage;
  /** Width of a histogram bucket. */
  readonly bucketMs?: number;
  readonly seed?: number;
  /** Simulated time after which clients still trying count as not back. */
  readonly untilMs?: number;
  readonly engine?: HerdEngine;
}

export interface HerdBucket {
  readonly startMs: number;
  /** Reconnect attempts that started in this bucket. */
  readonly reconnects: number;
  /** Of those, the attempts the server accepted (full handshakes). */
  readonly accepted: number;
}

export interface HerdResult {
  readonly clients: number;
  /** One bucket per `bucketMs` from t=0 to the last attempt. */
  readonly buckets: readonly HerdBucket[];
  /** Most attempts in one bucket, and where the first such bucket starts. */
  readonly peak: number;
  readonly peakAtMs: number;
  readonly peakAccepted: number;
  /** Time until every client was ready again; null when some never came back. */
  readonly allBackMs: number | null;
  /** Clients that stopped reconnecting: the policy gave up, or the cause is never retried. */
  readonly failed: number;
  /** Clients still trying at `untilMs`. */
  readonly stillTrying: number;
  readonly attempts: number;
}

export const HERD_DEFAULTS = {
  downMs: 10_000,
  bucketMs: 1_000,
  /** 1006: no close frame (reported locally, never sent). */
  closeCode: 1006,
  untilMs: 3_600_000,
  maxClients: 100_000,
  engine: 'policy' as HerdEngine,
} as const;

/**
 * What Guacamole's web client does after an error it deems recoverable: count down 15 s and reconnect, with no
 * jitter, as often as it takes. For comparisons; not a recommendation.
 */
export const guacamoleCountdownPolicy: RetryPolicy = Object.freeze({ nextDelayMs: () => 15_000 });

const KEYS = ['protocol', 'profile', 'clients', 'policy', 'outage', 'bucketMs', 'seed', 'untilMs', 'engine'] as const;
const HERD_URL = 'ws://herd.invalid/';
const REFUSED: TransportEvent = { type: 'transport.error', failure: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED', beforeOpen: true } };

interface Outage {
  readonly downMs: number;
  readonly event: TransportEvent;
}

function resolveOutage(outage: unknown): Outage {
  const accepted = "'restart', { kind: 'restart', downMs?, closeCode? } or { kind: 'drop' }";
  const record = outage === 'restart' ? { kind: 'restart' } : outage;
  if (typeof record !== 'object' || record === null) throw invalid('outage', outage, accepted);
  const { kind, ...rest } = record as Record<string, unknown>;
  if (kind !== 'restart' && kind !== 'drop') throw invalid('outage.kind', kind, "'restart' or 'drop'");
  const extra = Object.keys(rest).find((key) => kind === 'drop' || (key !== 'downMs' && key !== 'closeCode'));
  if (extra !== undefined) throw invalid(`outage.${extra}`, rest[extra], `left out: outage is ${accepted}`);
  const downMs = kind === 'drop' ? 0 : checkMs('outage.downMs', rest['downMs'] ?? HERD_DEFAULTS.downMs, 0, SIMULATE_DEFAULTS.maxUntilMs);
  const code = rest['closeCode'] ?? HERD_DEFAULTS.closeCode;
  if (typeof code !== 'number' || (code !== 1006 && !isSendableCloseCode(code))) {
    throw invalid('outage.closeCode', code, '1006 (no close frame) or a close code a server can send (1000-1003, 1007-1014, 3000-4999)');
  }
  return { downMs, event: { type: 'transport.close', code, reason: '', wasClean: code !== 1006 } };
}

/** Counts per bucket while a run goes; turns them into the result at the end. */
class Tally {
  readonly reconnects: number[] = [];
  readonly accepted: number[] = [];
  attempts = 0;
  back = 0;
  failed = 0;
  lastBackMs = 0;

  constructor(readonly bucketMs: number) {}

  attempt(atMs: number, ok: boolean): void {
    const bucket = Math.floor(atMs / this.bucketMs);
    this.reconnects[bucket] = (this.reconnects[bucket] ?? 0) + 1;
    if (ok) this.accepted[bucket] = (this.accepted[bucket] ?? 0) + 1;
    this.attempts += 1;
  }

  result(clients: number): HerdResult {
    const buckets: HerdBucket[] = [];
    let peak = 0;
    let peakAtMs = 0;
    for (let index = 0; index < this.reconnects.length; index += 1) {
      const bucket = { startMs: index * this.bucketMs, reconnects: this.reconnects[index] ?? 0, accepted: this.accepted[index] ?? 0 };
      buckets.push(bucket);
      if (bucket.reconnects > peak) [peak, peakAtMs] = [bucket.reconnects, bucket.startMs];
    }
    const stillTrying = clients - this.back - this.failed;
    const peakAccepted = buckets.reduce((max, bucket) => Math.max(max, bucket.accepted), 0);
    const allBackMs = this.back === clients ? this.lastBackMs : null;
    return { clients, buckets, peak, peakAtMs, peakAccepted, allBackMs, failed: this.failed, stillTrying, attempts: this.attempts };
  }
}

interface Run {
  readonly profile: Profile;
  readonly retry: RetryOptions | RetryPolicy | undefined;
  readonly outage: Outage;
  readonly clients: number;
  readonly seed: number;
  readonly untilMs: number;
  readonly tally: Tally;
}

/** Runs the outage against `clients` simulated clients and returns the reconnect histogram. */
export async function simulateHerd(options: HerdOptions): Promise<HerdResult> {
  const { profile, seed } = checkSimOptions('simulateHerd', options, KEYS);
  const clients = options.clients;
  if (typeof clients !== 'number' || !Number.isInteger(clients) || clients < 1 || clients > HERD_DEFAULTS.maxClients) {
    throw invalid('clients', clients, `an integer from 1 to ${HERD_DEFAULTS.maxClients}`);
  }
  const outage = resolveOutage(options.outage);
  const bucketMs = checkMs('bucketMs', options.bucketMs ?? HERD_DEFAULTS.bucketMs, 1, SIMULATE_DEFAULTS.maxUntilMs);
  const untilMs = checkMs('untilMs', options.untilMs ?? HERD_DEFAULTS.untilMs, 1, SIMULATE_DEFAULTS.maxUntilMs);
  const engine = options.engine ?? HERD_DEFAULTS.engine;
  if (engine !== 'policy' && engine !== 'machine') throw invalid('engine', engine, "'policy' or 'machine'");
  const run: Run = { profile, retry: options.policy, outage, clients, seed, untilMs, tally: new Tally(bucketMs) };
  if (engine === 'machine') runMachines(run);
  else runPolicy(run);
  return run.tally.result(clients);
}


/** Each client's real machine, all on one HeapClock. */
function runMachines(run: Run, onFault?: (fault: Classification) => void): void {
  const { profile, outage, tally } = run;
  const machine = createSessionMachine(profile, run.retry === undefined ? {} : { retry: run.retry });
  const clock = new HeapClock();
  const steps = profile.steps.map((step) => step.id);
  const open = new Map<SessionLink, (event: TransportEvent) => void>();
  let outageStarted = false;
  let readyBefore = 0;

  const transport = fromCallback<TransportCommand, TransportInput, TransportEvent>(({ input, sendBack }) => {
    const refused = outageStarted && clock.now() < outage.downMs;
    if (outageStarted) tally.attempt(clock.now(), !refused);
    let live = true;
    const answer = clock.setTimeout(() => {
      if (refused) return sendBack(REFUSED);
      open.set(input.link, sendBack);
      sendBack({ type: 'transport.open' });
      for (const id of steps) if (live) sendBack({ type: 'transport.signal', signal: { kind: 'step', step: id } });
    }, 0);
    return () => {
      live = false;
      clock.clearTimeout(answer);
      open.delete(input.link);
    };
  });
  const provided = machine.provide({ actors: { transport } });
  const actors = Array.from({ length: run.clients }, (_, index) => {
    const link: SessionLink = { lastDataAt: 0, wantActivity: false, onData: () => undefined, send: () => true };
    // A static URL: no resolver actor, so every transition happens inside clock.advanceTo().
    const actor = createActor(provided, { clock, input: { url: HERD_URL, now: () => clock.now(), random: mulberry32(deriveSeed(run.seed, index)), link } });
    actor.on('ready', () => {
      if (!outageStarted) {
        readyBefore += 1;
        return;
      }
      tally.back += 1;
      tally.lastBackMs = clock.now();
      actor.stop(); // back: stop it, which frees its timers
    });
    // Gave up: failed, or waiting for the user (non-retryable causes), or closed by the peer on purpose.
    for (const type of ['failed', 'closed', 'needs-auth', 'needs-decision'] as const) {
      actor.on(type, () => {
        tally.failed += 1;
        actor.stop();
      });
    }
    if (onFault !== undefined) actor.on('fault', (event) => onFault((event as Extract<SessionEmitted, { type: 'fault' }>).fault));
    return { actor, link };
  });

  for (const { actor } of actors) {
    actor.start();
    actor.send({ type: 'user.connect' });
  }
  clock.runUntil(0, () => readyBefore === run.clients); // everyone ready at t=0
  outageStarted = true;
  for (const { link } of actors) open.get(link)?.(outage.event);
  clock.runUntil(run.untilMs, () => tally.back + tally.failed === run.clients);
  for (const { actor } of actors) actor.stop();
}

/** The faults a real machine records for this outage: the close, then a refused attempt (when the server is down). */
function probeFaults(run: Run): { readonly outage: Classification; readonly refused: Classification | undefined } {
  const faults: Classification[] = [];
  const once: RetryPolicy = { nextDelayMs: (ctx) => (ctx.attempt === 1 ? 0 : null) };
  const probe: Run = { ...run, retry: once, clients: 1, outage: { ...run.outage, downMs: SIMULATE_DEFAULTS.maxUntilMs }, tally: new Tally(1) };
  runMachines(probe, (fault) => faults.push(fault));
  if (faults[0] === undefined) throw new Error('simulateHerd: the probe machine recorded no fault for the outage');
  return { outage: faults[0], refused: run.outage.downMs > 0 ? faults[1] : undefined };
}

/** The machine's retry loop per client, driven by its own policy: what `planRetry` and `beginAttempt` do. */
function runPolicy(run: Run): void {
  const { outage, tally } = run;
  const faults = probeFaults(run);
  const policy = resolveSessionOptions(run.profile, run.retry === undefined ? {} : { retry: run.retry }).policy;
  const clock = new HeapClock();
  const plan = (random: () => number, attempt: number, cause: Classification, lastDelayMs: number | undefined): void => {
    const ctx = { attempt, elapsedMs: clock.now(), cause, ...(lastDelayMs === undefined ? {} : { lastDelayMs }) };
    const delayMs = policy.nextDelayMs(ctx, random);
    if (delayMs === null) {
      tally.failed += 1;
      return;
    }
    clock.setTimeout(() => {
      const refused = clock.now() < outage.downMs;
      tally.attempt(clock.now(), !refused);
      if (!refused) {
        tally.back += 1;
        tally.lastBackMs = clock.now();
      } else plan(random, attempt + 1, faults.refused!, delayMs);
    }, delayMs);
  };
  for (let index = 0; index < run.clients; index += 1) plan(mulberry32(deriveSeed(run.seed, index)), 1, faults.outage, undefined);
  clock.runUntil(run.untilMs);
}
