/**
 * `session-lifecycle simulate`: N clients of one protocol hit by the same outage, and a histogram of their
 * reconnect attempts over time, to compare retry policies by the herd they send at a server coming back.
 */
import { isSessionError } from '../errors/index.js';
import { PROTOCOLS } from '../codes/types.js';
import type { ProtocolId } from '../codes/types.js';
import type { RetryOptions, RetryPolicy } from '../policy/index.js';
import { HERD_DEFAULTS, simulateHerd } from '../testing/herd.js';
import { NAMED_POLICIES } from '../testing/peer-policies.js';
import type { HerdEngine, HerdOutage, HerdResult } from '../testing/herd.js';
import { EXIT, UsageError, parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './args.js';
import { formatDuration } from './format.js';

const USAGE = `Usage: session-lifecycle simulate --protocol <id> [--clients N] [--outage restart|drop] [--down-ms N]
         [--close-code N] [--policy <name>|fixed:0,2000,10000] [--bucket-ms N]
         [--seed N] [--engine policy|machine] [--json]

  -p, --protocol   ${PROTOCOLS.join(', ')}
  --clients        clients connected and ready when the outage hits (default 1000, at most ${HERD_DEFAULTS.maxClients})
  --outage         restart: sockets end, the server refuses connections for --down-ms, then accepts;
                   drop: sockets die without a close frame, the server stays up (default restart)
  --down-ms        how long a restart keeps the server down (default ${HERD_DEFAULTS.downMs})
  --close-code     how a restart ends the sockets: 1006 (no close frame, the default) or a close
                   code the server sends (1001 going away, 1012 service restart, ...)
  --policy         default: the SDK's policy, decorrelated jitter from 1.5 s, capped at 10 s
                   (decorrelated: the same); exponential: the previous default (EXPONENTIAL_RETRY), from 1 s
                   ×2 up to 30 s, full jitter; guacamole-countdown: Guacamole's web client, a fixed 15 s
                   countdown without jitter; partysocket: 3 s ×1.3 up to 10 s, no jitter;
                   reconnecting-websocket: the same from a per-client 1-5 s; fixed:<ms,ms,...>: a fixed
                   schedule, the last delay repeats
  --bucket-ms      histogram bucket width (default ${HERD_DEFAULTS.bucketMs})
  --seed           seed of the clients' random sources (default 1)
  --engine         policy: replay each client's retry loop with the machine's policy (fast, the default);
                   machine: run the real lifecycle machine per client (slow: ~1 ms per attempt)
  --json           print the result as JSON
  -h, --help       show this help

Exit status: 0 done, 2 bad usage.

Example: session-lifecycle simulate --protocol guacamole --clients 10000 --outage restart --policy guacamole-countdown
`;

const OPTIONS = {
  protocol: { type: 'string', short: 'p' },
  clients: { type: 'string' },
  outage: { type: 'string' },
  'down-ms': { type: 'string' },
  'close-code': { type: 'string' },
  policy: { type: 'string' },
  'bucket-ms': { type: 'string' },
  seed: { type: 'string' },
  engine: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const BAR_WIDTH = 50;

function integer(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number (got ${JSON.stringify(value)})`);
  return Number(value);
}

function parsePolicy(value: string | undefined): RetryOptions | RetryPolicy | undefined {
  if (value === undefined) return undefined;
  if (Object.hasOwn(NAMED_POLICIES, value)) return NAMED_POLICIES[value];
  const fixed = /^fixed:(.+)$/.exec(value);
  if (fixed !== null) {
    const delays = fixed[1]!.split(',').map((part) => part.trim());
    if (delays.every((part) => /^\d+$/.test(part))) return { schedule: delays.map(Number) };
  }
  throw new UsageError(`--policy must be ${Object.keys(NAMED_POLICIES).join(', ')} or fixed:<ms,ms,...> (got ${JSON.stringify(value)})`);
}

function parseOutage(kind: string | undefined, downMs: number | undefined, closeCode: number | undefined): { outage: HerdOutage; text: string } {
  if (kind === 'drop') {
    if (downMs !== undefined || closeCode !== undefined) throw new UsageError('--down-ms and --close-code only apply to --outage restart');
    return { outage: { kind: 'drop' }, text: 'drop (no close frame, server stays up)' };
  }
  if (kind !== undefined && kind !== 'restart') throw new UsageError(`--outage must be restart or drop (got ${JSON.stringify(kind)})`);
  return {
    outage: { kind: 'restart', ...(downMs === undefined ? {} : { downMs }), ...(closeCode === undefined ? {} : { closeCode }) },
    text: `restart (down ${formatDuration(downMs ?? HERD_DEFAULTS.downMs)}, close ${closeCode ?? HERD_DEFAULTS.closeCode})`,
  };
}

/** The histogram and summary as text: one row per bucket, bars scaled to the peak. */
export function formatHerd(result: HerdResult, bucketMs: number, title: string): string {
  const label = (ms: number): string => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
  const width = Math.max(...result.buckets.map((bucket) => label(bucket.startMs).length), 3);
  const countWidth = String(result.peak).length;
  const rows = result.buckets.map((bucket) => {
    const bar = bucket.reconnects === 0 ? '' : '#'.repeat(Math.max(1, Math.round((bucket.reconnects / result.peak) * BAR_WIDTH)));
    const accepted = bucket.accepted === 0 ? '' : `  (${bucket.accepted} accepted)`;
    return `${label(bucket.startMs).padStart(width)} | ${String(bucket.reconnects).padStart(countWidth)} ${bar}${accepted}`.trimEnd();
  });
  const back = result.allBackMs === null
    ? `not everyone came back: ${result.failed} gave up, ${result.stillTrying} still trying`
    : `all back after ${formatDuration(result.allBackMs)}`;
  return [
    title,
    `reconnect attempts per ${formatDuration(bucketMs)} bucket (bars scaled to the peak):`,
    ...rows,
    '',
    `peak: ${result.peak} attempts in the bucket starting at ${label(result.peakAtMs)}; at most ${result.peakAccepted} accepted in one bucket`,
    `${back}; ${result.attempts} attempts by ${result.clients} clients; gave up: ${result.failed}`,
    '',
  ].join('\n');
}

/** Runs `simulate` with the arguments after the command name; returns the exit status (0 ok, 2 bad usage). */
export async function simulateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help === true) {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    const protocol = values.protocol;
    if (protocol === undefined) throw new UsageError('missing --protocol');
    if (!(PROTOCOLS as readonly string[]).includes(protocol)) throw new UsageError(`unknown protocol ${JSON.stringify(protocol)}; accepted: ${PROTOCOLS.join(', ')}`);
    const engine = values.engine ?? HERD_DEFAULTS.engine;
    if (engine !== 'policy' && engine !== 'machine') throw new UsageError(`--engine must be policy or machine (got ${JSON.stringify(engine)})`);
    const { outage, text } = parseOutage(values.outage, integer('down-ms', values['down-ms']), integer('close-code', values['close-code']));
    const policy = parsePolicy(values.policy);
    const bucketMs = integer('bucket-ms', values['bucket-ms']) ?? HERD_DEFAULTS.bucketMs;
    const clients = integer('clients', values.clients) ?? 1000;
    const seed = integer('seed', values.seed);
    const result = await simulateHerd({
      protocol: protocol as ProtocolId,
      clients,
      outage,
      bucketMs,
      engine: engine as HerdEngine,
      ...(policy === undefined ? {} : { policy }),
      ...(seed === undefined ? {} : { seed }),
    });
    if (values.json === true) {
      io.stdout(`${JSON.stringify({ protocol, outage, policy: values.policy ?? 'default', bucketMs, engine, ...result }, null, 2)}\n`);
    } else {
      io.stdout(formatHerd(result, bucketMs, `${protocol}: ${clients} clients, ${text}, policy ${values.policy ?? 'default'}, seed ${seed ?? 1}`));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError || isSessionError(error, 'SESSION_ERR_INVALID_OPTION') || isSessionError(error, 'SESSION_ERR_UNKNOWN_PROTOCOL')) {
      io.stderr(`session-lifecycle simulate: ${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** The entry for the CLI's command table (`COMMANDS` in main.ts). */
export const simulateCliCommand: CliCommand = {
  summary: 'simulate a herd of clients through an outage: reconnect attempts over time per retry policy',
  usage: USAGE,
  run: (args, io) => simulateCommand(args, io),
};
