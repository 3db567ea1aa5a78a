/**
 * The lifecycle machine against a bare XState machine of the same shape, in the same run:
 *   1. events per second through a guacamole machine that is connected and ready (steady traffic that does
 *      not change state, and a full reconnect cycle), target ≥ 0.5× the bare machine's rate;
 *   2. heap bytes per idle session over 10,000 started actors, target ≤ 2× the bare actor's bytes.
 *
 * Run: node --expose-gc --import tsx bench/machine.bench.ts   (or: npx tsx --expose-gc bench/machine.bench.ts)
 * Without --expose-gc the heap figures are skipped. Results go to bench/RESULTS.md, section "## machine".
 */
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { measure } from 'mitata';
import { SimulatedClock, createActor, fromCallback, waitFor } from 'xstate';
import type { AnyActorRef, AnyStateMachine } from 'xstate';
import { createSessionMachine } from '../machines/session.machine.js';
import { guacamoleProfile } from '../machines/guacamole/index.js';
import { bareMachine } from './bare-machine.js';
import { writeSection } from './results-file.js';
import { median } from './stats.js';

export const MACHINE_BENCH = {
  command: 'node --expose-gc --import tsx bench/machine.bench.ts',
  idleActors: 10_000,
  rounds: 5,
  targetEventRatio: 0.5,
  targetHeapRatio: 2,
} as const;

const now = () => 0;
const random = () => 0.5;
/** A static URL (connects at once) or a URL function (resolved before every attempt, in a promise actor). */
type UrlKind = 'static' | 'function';
const input = (url: UrlKind = 'static') => ({ url: url === 'static' ? 'wss://x/' : () => 'wss://x/', now, random });

/**
 * The guacamole machine with a transport that never does anything. The reconnect cycle runs millions of
 * outages without ever staying `ready` for `minUptimeMs`, so the attempt limit is lifted to keep it cycling.
 */
export function profileMachine(): AnyStateMachine {
  return createSessionMachine(guacamoleProfile, { retry: { maxAttempts: Number.MAX_SAFE_INTEGER } })
    .provide({ actors: { transport: fromCallback(() => () => {}) } });
}

const isConnecting = (s: { matches(value: unknown): boolean }) => s.matches({ active: { online: 'connecting' } });
const isReady = (s: { matches(value: unknown): boolean }) => s.matches({ active: { online: 'ready' } });

/** Starts an actor on a simulated clock (its timers never fire) and drives it to `ready`. */
async function readyActor(machine: AnyStateMachine, url: UrlKind = 'static'): Promise<AnyActorRef> {
  const actor = createActor(machine, { input: input(url), clock: new SimulatedClock() });
  actor.start();
  actor.send({ type: 'user.connect' });
  await waitFor(actor, isConnecting);
  connectAndHandshake(actor);
  if (!isReady(actor.getSnapshot())) throw new Error(`${machine.id}: not ready after the handshake`);
  return actor;
}

function connectAndHandshake(actor: AnyActorRef): void {
  actor.send({ type: 'transport.open' });
  actor.send({ type: 'transport.signal', signal: { kind: 'step', step: 'tunnel' } });
  actor.send({ type: 'transport.signal', signal: { kind: 'step', step: 'sync' } });
}

const STEADY_EVENTS = [
  { type: 'keepalive.tick' },
  { type: 'step.done', step: 'not-a-step' },
  { type: 'transport.activity' },
] as const;

/** Events sent per reconnect cycle: close, retryNow, open, two step signals (plus, with a URL function, the resolver's done event). */
const CYCLE_EVENTS = 5;

async function steadyRate(machine: AnyStateMachine): Promise<number> {
  const actor = await readyActor(machine);
  const stats = await measure(() => {
    for (const event of STEADY_EVENTS) actor.send(event);
  });
  if (!isReady(actor.getSnapshot())) throw new Error(`${machine.id}: steady traffic left ready`);
  actor.stop();
  return (STEADY_EVENTS.length * 1e9) / stats.avg;
}

async function cycleRate(machine: AnyStateMachine, url: UrlKind): Promise<number> {
  const actor = await readyActor(machine, url);
  const stats = await measure(async () => {
    actor.send({ type: 'transport.close', code: 1006, reason: '', wasClean: false });
    actor.send({ type: 'user.retryNow' });
    // A URL function's resolver settles within a few microtasks; polling them costs less than a subscription.
    while (!isConnecting(actor.getSnapshot())) await null;
    connectAndHandshake(actor);
  });
  if (!isReady(actor.getSnapshot())) throw new Error(`${machine.id}: the reconnect cycle did not end in ready`);
  actor.stop();
  return (CYCLE_EVENTS * 1e9) / stats.avg;
}

/** Heap bytes per started, idle actor, from heapUsed deltas around forced collections. */
function heapPerActor(machine: AnyStateMachine, gc: () => void): number {
  const actors: (AnyActorRef | null)[] = new Array<AnyActorRef | null>(MACHINE_BENCH.idleActors).fill(null);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < actors.length; i++) actors[i] = createActor(machine, { input: input() }).start();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  for (const actor of actors) actor?.stop();
  return (after - before) / actors.length;
}

export interface MachineBenchResult {
  readonly steady: { readonly profile: number; readonly bare: number };
  readonly cycle: { readonly profile: number; readonly bare: number };
  readonly cycleUrlFunction: { readonly profile: number; readonly bare: number };
  readonly heap: { readonly profile: number; readonly bare: number } | null;
}

/** Alternates the two machines for `rounds` rounds and keeps the median of each figure. */
export async function runMachineBench(): Promise<MachineBenchResult> {
  const profile = profileMachine();
  // Like with like: the bare machine resolves a URL in a promise actor only where the session machine does.
  const bare = bareMachine({ resolve: false });
  const bareResolving = bareMachine({ resolve: true });
  const figures: Record<string, number[]> = {};
  const keep = (key: string, value: number) => (figures[key] ??= []).push(value);
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < MACHINE_BENCH.rounds; round++) {
    keep('steady.bare', await steadyRate(bare));
    keep('steady.profile', await steadyRate(profile));
    keep('cycle.bare', await cycleRate(bare, 'static'));
    keep('cycle.profile', await cycleRate(profile, 'static'));
    keep('cycleFn.bare', await cycleRate(bareResolving, 'function'));
    keep('cycleFn.profile', await cycleRate(profile, 'function'));
    if (gc !== undefined) {
      keep('heap.bare', heapPerActor(bare, gc));
      keep('heap.profile', heapPerActor(profile, gc));
    }
  }
  const m = (key: string) => median(figures[key] ?? [Number.NaN]);
  return {
    steady: { profile: m('steady.profile'), bare: m('steady.bare') },
    cycle: { profile: m('cycle.profile'), bare: m('cycle.bare') },
    cycleUrlFunction: { profile: m('cycleFn.profile'), bare: m('cycleFn.bare') },
    heap: gc === undefined ? null : { profile: m('heap.profile'), bare: m('heap.bare') },
  };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** The "## machine" section of bench/RESULTS.md. */
export function renderMachineSection(result: MachineBenchResult): string {
  const rate = (name: string, r: { profile: number; bare: number }) => {
    const ratio = r.profile / r.bare;
    const verdict = ratio >= MACHINE_BENCH.targetEventRatio ? 'met' : 'MISSED';
    return `| ${name} | ${int(r.profile)} | ${int(r.bare)} | ${ratio.toFixed(2)}× | ≥ ${MACHINE_BENCH.targetEventRatio}× (${verdict}) |`;
  };
  const heapRow = result.heap === null
    ? '| heap bytes per idle actor | skipped: run with --expose-gc | | | ≤ 2× |'
    : `| heap bytes per idle actor (${int(MACHINE_BENCH.idleActors)} actors) | ${int(result.heap.profile)} | ${int(result.heap.bare)} | ${(result.heap.profile / result.heap.bare).toFixed(2)}× | ≤ ${MACHINE_BENCH.targetHeapRatio}× (${result.heap.profile / result.heap.bare <= MACHINE_BENCH.targetHeapRatio ? 'met' : 'MISSED'}) |`;
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    '## machine',
    '',
    `Command: \`${MACHINE_BENCH.command}\` · Node ${process.version} · ${cpus().length} cores (${cpu}) · ${process.platform}/${process.arch}`,
    '',
    '| measure | guacamole machine | bare machine | ratio | target |',
    '|---|---|---|---|---|',
    rate('events/s, steady traffic while ready', result.steady),
    rate('events/s, reconnect cycle (static URL)', result.cycle),
    rate('events/s, reconnect cycle (URL function, resolved before every attempt)', result.cycleUrlFunction),
    heapRow,
    '',
    `How: both machines run in the same process on a SimulatedClock (timers armed, never fired), ${MACHINE_BENCH.rounds} alternating rounds, median kept; rates from mitata \`measure()\` averages.`,
    'The guacamole machine is `createSessionMachine(guacamoleProfile, { retry: { maxAttempts: Number.MAX_SAFE_INTEGER } })` with a no-op `transport` provided; the bare machine has the same states, invokes, timers and transitions per cycle, and no context, actions or guards.',
    `Steady traffic: \`keepalive.tick\`, \`step.done\` for an unknown step and \`transport.activity\`, per iteration; none changes state. Reconnect cycle: \`transport.close\` → fault → backoff → \`user.retryNow\` → connecting → \`transport.open\` → two step signals → ready: ${CYCLE_EVENTS} events sent. With a static URL both machines go straight to connecting; with a URL function both first resolve it in a promise actor (the cycle polls microtasks until it settles), the bare one built with \`bareMachine({ resolve: true })\`.`,
    `Heap: \`global.gc()\` twice, then \`process.memoryUsage().heapUsed\` before and after creating and starting ${int(MACHINE_BENCH.idleActors)} idle actors (input \`{ url: 'wss://x/', now, random }\`), divided by the count.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const section = renderMachineSection(await runMachineBench());
  process.stdout.write(`${section}\n`);
  await writeSection('machine', section);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
