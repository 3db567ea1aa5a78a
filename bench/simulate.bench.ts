/**
 * `simulate()` speed in simulated minutes per CPU second, beside the floor any XState machine has on the same
 * clock, measured in the same run:
 *   - the scenarios: 60 simulated minutes each (outage, streaming, idle, flapping), seed 1;
 *   - the baselines: bare XState actors run for the same 60 simulated minutes on the same HeapClock, one due time
 *     at a time as simulate() advances it: one state re-arming a timer (as the session machine's keep-alive check
 *     does, and by re-entering on an `after`, as it did before), and the bare machine of DESIGN §4 ready or through
 *     an outage. At a connected Guacamole session's check cadence (1,500 ms: its 500 ms tunnel ping is the
 *     transport's, and the echoes are read off the link) the one-state actor is the fastest any machine that runs each
 *     keep-alive check through XState can simulate one; 500 ms is what every ping through the statechart would
 *     cost; 10 s is Frame's and MS-RA's.
 * CPU time is `process.cpuUsage()` (user + system) around each run. Round 0 is cold; the figures are medians of
 * the warm rounds, and every round runs every scenario and baseline, so a slow spell of the host hits them all.
 *
 * Run: npx tsx bench/simulate.bench.ts   (writes the "## simulate" section of bench/RESULTS.md)
 */
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { cancel, createActor, createMachine, fromCallback, raise } from 'xstate';
import type { EventObject } from 'xstate';
import { simulate } from '../src/testing/simulate.js';
import type { SimulateOptions } from '../src/testing/simulate.js';
import { HeapClock } from '../src/testing/heap-clock.js';
import { bareMachine } from './bare-machine.js';
import type { FaultStep } from '../src/testing/script.js';
import { writeSection } from './results-file.js';
import { median } from './stats.js';

const HOUR = 3_600_000;

export const SIMULATE_BENCH = {
  command: 'npx tsx bench/simulate.bench.ts',
  warmRounds: 7,
  simulatedMs: HOUR,
  /** "Thousands of simulated minutes per second". */
  target: 1_000,
} as const;

interface Scenario {
  readonly name: string;
  readonly script: string;
  readonly options: SimulateOptions;
}

const handshakeThen = (...steps: FaultStep[]): FaultStep[][] => [[{ do: 'handshake' }, ...steps]];
const unlimited = { maxAttempts: 1e9, maxElapsedMs: 1e12 } as const;

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'server down: every attempt rejected with 503 (guacamole, default backoff)',
    script: '[[reject(503)]], retry: { maxAttempts: 1e9, maxElapsedMs: 1e12 }',
    options: { protocol: 'guacamole', untilMs: HOUR, script: [[{ do: 'reject', status: 503 }]], retry: unlimited },
  },
  {
    name: 'server down: every attempt closed 1012 after the handshake (frame)',
    script: '[[handshake, close(1012)]], retry: { maxAttempts: 1e9, maxElapsedMs: 1e12 }',
    options: { protocol: 'frame', untilMs: HOUR, script: handshakeThen({ do: 'close', code: 1012 }), retry: unlimited },
  },
  {
    name: 'steady: one connection streaming 10 frames/s (frame, 10 s keep-alive)',
    script: '[[handshake, stream(10, 3600000)]]',
    options: { protocol: 'frame', untilMs: HOUR, script: handshakeThen({ do: 'stream', ratePerSecond: 10, forMs: HOUR }) },
  },
  {
    name: 'steady: one connection streaming 10 frames/s (guacamole, 500 ms tunnel ping from the transport)',
    script: '[[handshake, stream(10, 3600000)]]',
    options: { protocol: 'guacamole', untilMs: HOUR, script: handshakeThen({ do: 'stream', ratePerSecond: 10, forMs: HOUR }) },
  },
  {
    name: 'idle: one connection, no data, pings answered (guacamole, 500 ms tunnel ping from the transport)',
    script: '[[handshake, wait(3600000), drop]]',
    options: { protocol: 'guacamole', untilMs: HOUR, script: handshakeThen({ do: 'wait', ms: HOUR }, { do: 'drop' }) },
  },
  {
    name: 'flapping: 20 s up streaming 10 frames/s, drop, reconnect (guacamole)',
    script: '[[handshake, stream(10, 20000), drop]]',
    options: { protocol: 'guacamole', untilMs: HOUR, script: handshakeThen({ do: 'stream', ratePerSecond: 10, forMs: 20_000 }, { do: 'drop' }) },
  },
];

/**
 * The baselines: XState's own floor at a connected Guacamole session's check cadence (1,500 ms: the silence threshold,
 * the tunnel's pings answered in between), for both ways of re-arming a timer; the bare machine of DESIGN §4 kept
 * ready at three keep-alive cadences (500 ms: every tunnel ping through the statechart, as the machine sent it before;
 * 1,500 ms; 10 s: Frame's and MS-RA's); and the same machine through an outage, every attempt refused or closed after
 * its handshake, with a fixed backoff (`cadenceMs`) that gives about as many attempts an hour as the outage scenarios make.
 */
export const BASELINES = [
  { kind: 'one-state', cadenceMs: 1_500 },
  { kind: 'one-state-raise', cadenceMs: 1_500 },
  { kind: 'design', cadenceMs: 500 },
  { kind: 'design', cadenceMs: 1_500 },
  { kind: 'design', cadenceMs: 10_000 },
  // The default policy's outage (decorrelated from 1.5 s, capped at 10 s): about 410 attempts an hour, one every 8.8 s.
  { kind: 'design-refused', cadenceMs: 8_800 },
  { kind: 'design-closed', cadenceMs: 8_800 },
] as const;

export type Baseline = (typeof BASELINES)[number];

/**
 * One bare actor kept busy for the simulated hour on a HeapClock, advanced one due time at a time (`runUntil`) as simulate() does:
 *   one-state: a machine whose only state re-enters itself on an `after` every `cadenceMs`;
 *   one-state-raise: a machine whose only state raises itself an event every `cadenceMs` and re-arms it from a
 *           targetless transition (cancel, then raise with a delay), as the session machine's keep-alive check does:
 *           the least an XState timer costs per firing;
 *   design: bench/bare-machine.ts (DESIGN §4's states and timers, nothing else) driven to ready, whose keep-alive
 *           check fires every `cadenceMs` as a ready session's does.
 * Returns the timer firings (keep-alive kinds: counted for one-state, the cadence's share of the hour for design) or
 * the attempts made (outage kinds).
 */
export function runBaseline({ kind, cadenceMs }: Baseline, untilMs: number): number {
  const clock = new HeapClock();
  if (kind === 'one-state' || kind === 'one-state-raise') {
    let ticks = 0;
    const tick = () => (ticks += 1);
    const arm = raise({ type: 'tick' }, { delay: cadenceMs, id: 'tick' });
    const machine = kind === 'one-state'
      ? createMachine({ initial: 'ready', states: { ready: { after: { [cadenceMs]: { target: 'ready', reenter: true, actions: tick } } } } })
      : createMachine({ initial: 'ready', states: { ready: { entry: arm, on: { tick: { actions: [tick, cancel('tick'), arm] } } } } });
    const actor = createActor(machine, { clock }).start();
    clock.runUntil(untilMs);
    actor.stop();
    return ticks;
  }
  if (kind === 'design-refused' || kind === 'design-closed') return runBareOutage(clock, kind, cadenceMs, untilMs);
  const actor = createActor(bareMachine({ resolve: false, keepAliveMs: cadenceMs }), { clock }).start();
  for (const type of ['user.connect', 'transport.open', 'transport.signal', 'transport.signal']) actor.send({ type });
  clock.runUntil(untilMs);
  const ready = actor.getSnapshot().matches({ active: { online: 'ready' } });
  actor.stop();
  if (!ready) throw new Error('baseline: the bare machine left ready');
  return Math.floor(untilMs / cadenceMs);
}

/**
 * The bare machine through an outage: each attempt's transport answers on the next clock turn, as simulate()'s
 * does, with an error (refused) or with open, both handshake steps and a close; then a fixed backoff. Returns the
 * attempts made.
 */
function runBareOutage(clock: HeapClock, kind: 'design-refused' | 'design-closed', backoffMs: number, untilMs: number): number {
  let attempts = 0;
  const transport = fromCallback<EventObject>(({ sendBack }) => {
    attempts += 1;
    const answer = clock.setTimeout(() => {
      if (kind === 'design-refused') return sendBack({ type: 'transport.error' });
      for (const type of ['transport.open', 'transport.signal', 'transport.signal', 'transport.close']) sendBack({ type });
    }, 0);
    return () => clock.clearTimeout(answer);
  });
  const actor = createActor(bareMachine({ resolve: false, backoffMs, transport }), { clock }).start();
  actor.send({ type: 'user.connect' });
  clock.runUntil(untilMs);
  actor.stop();
  return attempts;
}

const ms = (n: number): string => `${n.toLocaleString('en-US')} ms`;
export const baselineName = ({ kind, cadenceMs }: Baseline): string => {
  switch (kind) {
    case 'one-state':
      return `bare XState actor, one state re-entering itself on an \`after\` every ${ms(cadenceMs)}`;
    case 'one-state-raise':
      return `bare XState actor, one state re-arming a raised event every ${ms(cadenceMs)} (targetless)`;
    case 'design':
      return `bare machine of DESIGN §4 (bench/bare-machine.ts), ready, keep-alive check every ${ms(cadenceMs)}`;
    case 'design-refused':
      return `bare machine of DESIGN §4, server down: every attempt refused, backoff ${ms(cadenceMs)}`;
    case 'design-closed':
      return `bare machine of DESIGN §4, server down: every attempt closed after its handshake, backoff ${ms(cadenceMs)}`;
  }
};

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

export interface Row {
  readonly name: string;
  readonly script: string;
  readonly connections: number;
  readonly coldMs: number;
  readonly warmMs: number;
}

export interface SimulateBenchResult {
  readonly scenarios: readonly Row[];
  readonly bare: readonly (Row & { readonly count: number; readonly outage: boolean })[];
}

export async function runSimulateBench(warmRounds: number = SIMULATE_BENCH.warmRounds): Promise<SimulateBenchResult> {
  const times = SCENARIOS.map(() => [] as number[]);
  const bareTimes = BASELINES.map(() => [] as number[]);
  const connections: number[] = [];
  const ticks: number[] = [];
  for (let round = 0; round <= warmRounds; round++) {
    for (const [i, scenario] of SCENARIOS.entries()) {
      const started = process.cpuUsage();
      const timeline = await simulate(scenario.options);
      times[i]!.push(cpuMs(started));
      if (timeline.endedAtMs !== SIMULATE_BENCH.simulatedMs) throw new Error(`${scenario.name}: stopped at ${timeline.endedAtMs} ms, not after the full hour`);
      connections[i] = timeline.connections;
    }
    for (const [i, baseline] of BASELINES.entries()) {
      const started = process.cpuUsage();
      ticks[i] = runBaseline(baseline, SIMULATE_BENCH.simulatedMs);
      bareTimes[i]!.push(cpuMs(started));
    }
  }
  const row = (name: string, script: string, samples: readonly number[], conns: number): Row => ({
    name, script, connections: conns, coldMs: samples[0]!, warmMs: median(samples.slice(1)),
  });
  return {
    scenarios: SCENARIOS.map((s, i) => row(s.name, s.script, times[i]!, connections[i]!)),
    bare: BASELINES.map((baseline, i) => {
      const outage = baseline.kind === 'design-refused' || baseline.kind === 'design-closed';
      const script = outage
        ? `after ${baseline.cadenceMs} → connecting`
        : baseline.kind === 'one-state' ? `after ${baseline.cadenceMs} → reenter` : `raise after ${baseline.cadenceMs} → re-arm`;
      return { ...row(baselineName(baseline), script, bareTimes[i]!, outage ? ticks[i]! : 0), count: ticks[i]!, outage };
    }),
  };
}

/** Simulated minutes per CPU second for one run of the simulated hour. */
export const minutesPerSecond = (cpuMsPerHour: number): number => 60 / (cpuMsPerHour / 1000);

export function renderSimulateSection(r: SimulateBenchResult): string {
  const int = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const rate = (row: Row) => `${int(minutesPerSecond(row.warmMs))} (cold ${int(minutesPerSecond(row.coldMs))})`;
  const meets = (row: Row) => (minutesPerSecond(row.warmMs) >= SIMULATE_BENCH.target ? 'yes' : 'no');
  const [reentryFloor, raiseFloor, designPing, designFloor, designSlow, refusedFloor, closedFloor] = r.bare;
  const idle = r.scenarios.find((s) => s.name.startsWith('idle'))!;
  const steadyFrame = r.scenarios.find((s) => s.name.includes('(frame, 10 s'))!;
  const [refused, closed] = r.scenarios;
  const versus = (scenario: Row, floor: Row) => `${int(minutesPerSecond(scenario.warmMs))} against a floor of ${int(minutesPerSecond(floor.warmMs))} (${(floor.warmMs / scenario.warmMs).toFixed(2)}× the floor's speed)`;
  return [
    '## simulate',
    '',
    `Command: \`${SIMULATE_BENCH.command}\` · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}) · ${process.platform}/${process.arch}`,
    '',
    `CPU time (user + system) of \`simulate()\` for 60 simulated minutes per scenario, seed 1, default policy unless shown; "warm" is the median of ${SIMULATE_BENCH.warmRounds} rounds after a cold one, and every round runs every row, baselines included.`,
    '',
    `| scenario (60 simulated minutes) | script | connections | warm CPU | simulated min per CPU s | ≥ ${int(SIMULATE_BENCH.target)} |`,
    '|---|---|---|---|---|---|',
    ...r.scenarios.map((s) => `| ${s.name} | \`${s.script}\` | ${int(s.connections)} | ${ms(s.warmMs)} | ${rate(s)} | ${meets(s)} |`),
    ...r.bare.map((b) => `| baseline: ${b.name}${b.outage ? '' : ` (${int(b.count)} firings)`} | \`${b.script}\` | ${b.outage ? int(b.count) : '—'} | ${ms(b.warmMs)} | ${rate(b)} | ${meets(b)} |`),
    '',
    `Clock: simulate() runs on HeapClock (XState's Clock contract on a binary heap); the baselines run on the same clock, advanced one due time at a time as simulate() does.`,
    `Reading: a connected Guacamole session's tunnel ping (every 500 ms, as guacamole-common-js's WebSocketTunnel sends it; the server echoes it) is the transport's, not the machine's: simulate() reads the echoes off the link, as it reads a stream's frames. The machine only checks the silence, 1,500 ms after the last data, and finds an echo there: 2,400 checks a simulated hour, each one XState event (\`keepalive.check\`, which the state raises for itself and re-arms from a targetless transition). XState alone, one state and nothing else, does that at ${int(minutesPerSecond(raiseFloor!.warmMs))} simulated minutes per CPU second, ${(reentryFloor!.warmMs / raiseFloor!.warmMs).toFixed(1)}× as fast as re-entering the state on an \`after\` (${int(minutesPerSecond(reentryFloor!.warmMs))}); the bare machine of DESIGN §4, with the session's nesting and timers but no context, guards, actions or wire, at ${int(minutesPerSecond(designFloor!.warmMs))}. The idle Guacamole session runs at ${(designFloor!.warmMs / idle.warmMs).toFixed(2)}× that floor's speed. Had every 500 ms ping stayed a machine event, as it was before, the floor alone would be ${int(minutesPerSecond(designPing!.warmMs))} (${(designPing!.warmMs / idle.warmMs).toFixed(1)}× the idle session's CPU now). At a 10 s keep-alive (Frame, MS-RA) the design floor is ${int(minutesPerSecond(designSlow!.warmMs))} and a streaming Frame session runs at ${int(minutesPerSecond(steadyFrame.warmMs))}.`,
    `Outages: each attempt is a trip through the machine (connecting, fault, backoff; and for the closed one handshake and ready too). Refused before open: ${versus(refused!, refusedFloor!)}. Closed after the handshake: ${versus(closed!, closedFloor!)}. The difference from the floor is the SDK's work per attempt: classifying the failure, the retry policy with its jitter and floors, the context, and the events simulate() records.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const section = renderSimulateSection(await runSimulateBench());
  process.stdout.write(`${section}\n`);
  await writeSection('simulate', section);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
