/**
 * `session-lifecycle demo [--protocol <id>] [--scenario <name>]`: an embedded fault server and a real session
 * against it, with a live, readable timeline in the terminal. Exits 0 on its own when the scenario ends.
 */
import { loadWs } from '../testing/load-ws.js';
import type { Classification, ProtocolId } from '../codes/types.js';
import { PROTOCOLS } from '../codes/types.js';
import { catalogs } from '../codes/index.js';
import { createSession } from '../session/index.js';
import { createFaultServer } from '../testing/index.js';
import { mulberry32 } from '../testing/prng.js';
import { EXIT, UsageError, parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './args.js';
import { DEMO_SCENARIOS, findScenario } from './demo-scenarios.js';
import { formatCode } from './format.js';
import { painter } from './terminal.js';
import type { Paint } from './terminal.js';

const USAGE = `Usage: session-lifecycle demo [--protocol <id>] [--scenario <name>] [--seed <n>]

  -p, --protocol   ${PROTOCOLS.join(' | ')} (default guacamole)
  -s, --scenario   ${DEMO_SCENARIOS.map((s) => s.name).join(' | ')} (default tour)
      --seed       seed for the backoff jitter (default 1)
  -h, --help       show this help

Scenarios:
${DEMO_SCENARIOS.map((s) => `  ${s.name.padEnd(9)} ${s.description}`).join('\n')}
`;

const OPTIONS = {
  protocol: { type: 'string', short: 'p' },
  scenario: { type: 'string', short: 's' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Demo pacing: short timers so the whole tour fits in well under a minute. */
const DEMO_TIMING = {
  retry: { initialDelayMs: 400, maxDelayMs: 2000, jitter: 'equal' as const, maxAttempts: 4 },
  keepAlive: { intervalMs: 500, unstableAfterMs: 800, deadAfterMs: 4000 },
  timeouts: { connectMs: 3000, handshakeMs: 3000 },
};
const WATCHDOG_MS = 55_000;

/** Length as shown: colour codes take no room. */
// eslint-disable-next-line no-control-regex
const visibleLength = (text: string): number => text.replace(/\u001b\[[0-9;]*m/g, '').length;

/** Carriage return, then erase the line: where a TTY status line is redrawn. */
const REDRAW = '\r\u001b[2K';

function describe(c: Classification, paint: Paint): string {
  const outcome = { ok: '32', ended: '36', retry: '33', 'retry-later': '33', reauthenticate: '31', 'user-decision': '35', fatal: '31' }[c.outcome];
  const code = (x: Classification) => formatCode(catalogs[x.space].format, x.code, x.details);
  const via = c.via === undefined ? '' : paint('2', ` (via ${c.via.space} ${code(c.via)} ${c.via.name})`);
  return `${c.space} ${code(c)} ${c.name} → ${paint(outcome, c.outcome)}${via}`;
}

export async function runDemo(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help === true) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const protocol = (values.protocol ?? 'guacamole') as ProtocolId;
  if (!PROTOCOLS.includes(protocol)) throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')} (got "${values.protocol}")`);
  const scenario = findScenario(values.scenario ?? 'tour');
  if (scenario === undefined) throw new UsageError(`--scenario must be one of ${DEMO_SCENARIOS.map((s) => s.name).join(', ')} (got "${values.scenario}")`);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer (got "${values.seed}")`);

  const paint = painter(io);
  const started = Date.now();
  /** Once the outcome is known, the timeline is over: the teardown's own events are not news. */
  let over = false;
  /** A countdown is showing on the TTY's last line, to be overwritten by the next output. */
  let statusShown = false;
  const stamp = () => paint('2', `+${((Date.now() - started) / 1000).toFixed(2).padStart(6)}s`);
  const line = (tag: string, text: string) => {
    if (over) return;
    io.stdout(`${statusShown ? REDRAW : ''}${stamp()}  ${tag}${' '.repeat(Math.max(0, 12 - visibleLength(tag)))} ${text}\n`);
    statusShown = false;
  };
  /** The reconnect countdown: redrawn in place on a terminal, one plain line per tick when piped. */
  const countdown = (text: string) => {
    if (over) return;
    if (!io.isTTY) return line('', paint('2', text));
    io.stdout(`${REDRAW}${stamp()}  ${''.padEnd(12)} ${paint('2', text)}`);
    statusShown = true;
  };

  const { WebSocket } = await loadWs('the demo');
  const server = await createFaultServer({ protocol, scripts: scenario.scripts(protocol) });
  io.stdout(`${paint('1', `session-lifecycle demo: ${protocol}, scenario "${scenario.name}"`)}\n${scenario.description}\n`);
  io.stdout(`fault server on ${server.url}\n\n`);

  const session = createSession({
    protocol,
    url: () => `${server.url}?token=demo-${Date.now()}`,
    WebSocket,
    random: mulberry32(seed),
    environment: false,
    ...DEMO_TIMING,
  });
  let messages = 0;
  let readyCount = 0;
  let decisions = 0;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const finished = new Promise<{ code: number; summary: string }>((resolve) => {
    const end = (result: { code: number; summary: string }) => {
      if (statusShown && !over) io.stdout(REDRAW);
      over = true;
      resolve(result);
    };
    session.on('phase', (phase) => line(paint('34', 'phase'), phase));
    session.on('message', () => {
      messages += 1;
    });
    session.on('ready', ({ attempt }) => {
      readyCount += 1;
      line(paint('32', 'ready'), attempt === 0 ? 'streaming' : `streaming again after ${attempt} reconnect attempt(s)`);
      const restart = scenario.restartAfterReady;
      if (restart !== undefined && readyCount === restart.ready) {
        later(restart.afterMs, () => {
          line(paint('35', 'server'), `restarting: clients get close 1012, listener down for ${restart.downMs} ms`);
          void server.restart(restart.downMs, { closeCode: 1012, closeReason: 'service restart' }).then(() => line(paint('35', 'server'), 'back up'));
        });
      }
    });
    session.on('unstable', ({ silentMs }) => line(paint('33', 'unstable'), `no data for ${silentMs} ms`));
    session.on('stable', () => line(paint('32', 'stable'), 'data is flowing again'));
    session.on('fault', ({ fault }) => line(paint('31', 'fault'), describe(fault, paint)));
    session.on('reconnecting', ({ attempt, delayMs }) => {
      line(paint('33', 'reconnect'), `attempt ${attempt} in ${(delayMs / 1000).toFixed(1)} s`);
      for (let left = Math.floor(delayMs / 1000); left >= 1; left -= 1) later(delayMs - left * 1000, () => countdown(`… ${left} s`));
    });
    session.on('needs-auth', ({ cause }) => {
      line(paint('31', 'needs-auth'), `${cause.summary} Not retrying: credentials are never replayed.`);
      end({ code: EXIT.ok, summary: 'stopped on an auth failure and waited for new credentials, as it must' });
    });
    session.on('needs-decision', ({ cause }) => {
      decisions += 1;
      const answer = decisions === 1 && scenario.decision === 'takeOver' ? 'takeOver' : 'cancel';
      line(paint('35', 'decision'), `${cause.summary} The user chooses: ${answer}.`);
      later(300, () => (answer === 'takeOver' ? session.takeOver() : session.cancel()));
    });
    session.on('closed', ({ by, cause }) => {
      const why = cause === null ? '' : `: ${describe(cause, paint)}`;
      end({ code: EXIT.ok, summary: `closed by ${by}${why}` });
    });
    session.on('failed', ({ reason, cause, final }) => {
      line(paint('31', 'failed'), `${reason}: ${describe(final, paint)}`);
      if (cause.fix !== undefined) line('', paint('2', `fix: ${cause.fix}`));
      end({ code: EXIT.ok, summary: `gave up (${reason}), first cause ${describe(cause, paint)}` });
    });
    later(WATCHDOG_MS, () => end({ code: EXIT.notFound, summary: 'the scenario did not finish in time' }));
  });

  session.connect();
  const { code, summary } = await finished;
  session.disconnect();
  for (const timer of timers) clearTimeout(timer);
  await server.close();
  io.stdout(`\n${paint('1', 'result')}  ${summary}\n`);
  io.stdout(`${paint('2', `${server.connections.length} connection(s), ${messages} message(s) received, ${((Date.now() - started) / 1000).toFixed(1)} s`)}\n`);
  return code;
}

export const demoCommand: CliCommand = {
  summary: 'run a live session against an embedded fault server through scripted outages',
  usage: USAGE,
  run: (args, io) => runDemo(args, io),
};
