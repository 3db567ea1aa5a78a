/**
 * `session-lifecycle explain <code> [--protocol <id>] [--gateway tmg] [--json]`: what a code means
 * and whether the client will retry. Without --protocol, every space that lists the code answers.
 */
import { isSessionError } from '../errors/index.js';
import { redactText } from '../transport/redact.js';
import type { Catalog, Classification, CodeSpace } from '../codes/types.js';
import { EXIT, UsageError, parseCommandArgs } from './args.js';
import type { CliCommand, CliContext, CliIo } from './args.js';
import { formatCode, retryInWords } from './format.js';

const USAGE = `Usage: session-lifecycle explain <code> [--protocol <id>] [--gateway tmg] [--json]

  <code>             519, 0x0207, 0xC0040017, -1073479657, "Error Code 04", SERVER_BUSY, ECONNREFUSED, ...
  -p, --protocol     read the code in one space (a protocol, tmg, or a transport space);
                     without it, every space that lists the code answers
  -g, --gateway tmg  a TMG gateway sits in front: numbers the protocol lacks are read as TMG's
  --json             print JSON: { input, found, results }
  -h, --help         show this help

Exit status: 0 found, 1 not in any catalog, 2 bad usage.
`;

const OPTIONS = {
  protocol: { type: 'string', short: 'p' },
  gateway: { type: 'string', short: 'g' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const explainCommand: CliCommand = {
  summary: 'explain a code: meaning, phase, outcome, fix, and whether the client retries',
  usage: USAGE,
  run: runExplain,
};

export async function runExplain(args: readonly string[], io: CliIo, context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help === true) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const [code, ...extra] = positionals;
  if (code === undefined) throw new UsageError('missing <code>');
  if (extra.length > 0) throw new UsageError(`one code at a time (also got ${redactText(extra.join(' '))})`);
  const protocol = values.protocol;
  const { classifier } = context;
  if (protocol !== undefined && !(classifier.spaces as readonly string[]).includes(protocol)) {
    throw new UsageError(`unknown protocol "${redactText(protocol)}"; accepted: ${classifier.spaces.join(', ')}`);
  }
  if (values.gateway !== undefined && values.gateway !== 'tmg') throw new UsageError(`unknown gateway "${redactText(values.gateway)}"; accepted: tmg`);

  let results: readonly Classification[];
  try {
    results =
      protocol === undefined
        ? classifier.lookupAll(code)
        : [classifier.classify(protocol as CodeSpace, code, values.gateway === undefined ? undefined : { gateway: 'tmg' })];
  } catch (error) {
    if (isSessionError(error)) throw new UsageError(error.message);
    throw error;
  }
  const found = results.some((result) => result.known);
  if (values.json === true) {
    io.stdout(`${JSON.stringify({ input: code, found, results }, null, 2)}\n`);
  } else {
    if (results.length > 0) io.stdout(results.map((result) => describe(result, context.catalogs)).join('\n'));
    if (!found) io.stdout(notFoundLine(code, protocol));
  }
  return found ? EXIT.ok : EXIT.notFound;
}

function notFoundLine(code: string, protocol: string | undefined): string {
  const where = protocol === undefined ? 'any catalog' : `the ${protocol} catalog`;
  return `${JSON.stringify(code)} is not in ${where}. Try another --protocol, or list codes with: session-lifecycle catalog${protocol === undefined ? '' : ` --protocol ${protocol}`}\n`;
}

function display(result: Classification, catalogs: readonly Catalog[]): string {
  const format = catalogs.find((catalog) => catalog.space === result.space)?.format ?? 'decimal';
  const shown = formatCode(format, result.code, result.details);
  const hex = result.details?.['hex'];
  return typeof hex === 'string' && hex !== shown ? `${shown} (${hex})` : shown;
}

function describe(result: Classification, catalogs: readonly Catalog[]): string {
  const range = result.details?.['range'];
  const note = !result.known ? ' (not in the catalog)' : typeof range === 'string' ? ` (block ${range})` : '';
  const lines = [`${result.space} ${display(result, catalogs)} ${result.name}${note}`, `  ${result.summary}`];
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`  ${label.padEnd(9)}${value}`);
  };
  row('retry?', retryInWords(result));
  row('outcome', result.retryAfterMs === undefined ? result.outcome : `${result.outcome} (floor ${result.retryAfterMs} ms)`);
  row('phases', result.phases.join(', '));
  row('severity', `${result.severity} (${result.category})`);
  row('fix', result.fix);
  row('aliases', result.aliases?.join(', '));
  row('message', result.message);
  if (result.via !== undefined) row('via', `${result.via.space} ${display(result.via, catalogs)} ${result.via.name}`);
  return `${lines.join('\n')}\n`;
}
