/**
 * `session-lifecycle explain <code> [--protocol <id>] [--gateway tmg] [--json]`: what a code means
 * and whether the client will retry. Without --protocol, every space that lists the code answers.
 */
import { isSessionError } from '../errors/index.js';
import { redactText } from '../errors/redact.js';
import type { Catalog, Classification, CodeSpace } from '../codes/types.js';
import { EXIT, UsageError, parseCommandArgs } from './args.js';
import type { CliCommand, CliContext, CliIo } from './args.js';
import { formatCode, retryInWords } from './format.js';
import { readCode } from './readings.js';
import type { Readings } from './readings.js';

const USAGE = `Usage: session-lifecycle explain <code> [--protocol <id>] [--gateway tmg] [--json]

  <code>             519, 0x0207, 0xC0040017, -1073479657, "Error Code 04", SERVER_BUSY, ECONNREFUSED, ...
                     or text as pasted: "Frame 4006", "SAFERROR 26", "Guacamole error 519",
                     a close reason or a log line with a code in it (quote it)
  -p, --protocol     read the code in one space (a protocol, tmg, or a transport space);
                     without it, every space that lists the code answers, most likely first
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

  let readings: Readings;
  try {
    readings = readCode(code, {
      ...(protocol === undefined ? {} : { protocol: protocol as CodeSpace }),
      ...(values.gateway === undefined ? {} : { gateway: 'tmg' as const }),
    }, context);
  } catch (error) {
    if (isSessionError(error)) throw new UsageError(error.message);
    throw error;
  }
  const { results, found, readAs, suggestions } = readings;
  if (values.json === true) {
    const extra = { ...(readAs === undefined ? {} : { readAs }), ...(suggestions.length === 0 ? {} : { suggestions }) };
    io.stdout(`${JSON.stringify({ input: redactText(code), found, ...extra, results }, null, 2)}\n`);
  } else {
    const heading = headingLine(code, readings, protocol);
    if (heading !== '') io.stdout(heading);
    if (results.length > 0) io.stdout(results.map((result) => describe(result, context.catalogs)).join('\n'));
    const [only] = results;
    if (!found) io.stdout(notFoundLine(code, protocol ?? (results.length === 1 && only?.known === false ? only.space : undefined), readings));
  }
  return found ? EXIT.ok : EXIT.notFound;
}

/** "read 4006 in "Frame 4006"; 2 readings, most likely first", or nothing for a plain single answer. */
function headingLine(code: string, { results, readAs }: Readings, protocol: string | undefined): string {
  const parts = [
    readAs === undefined ? '' : `read ${readAs} in ${JSON.stringify(redactText(code))}`,
    protocol === undefined && results.length > 1 ? `${results.length} readings, most likely first` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : `${parts.join('; ')}\n\n`;
}

function notFoundLine(code: string, protocol: string | undefined, { suggestions }: Readings): string {
  const where = protocol === undefined ? 'any catalog' : `the ${protocol} catalog`;
  const guess = suggestions.length === 0 ? '' : `Did you mean ${suggestions.map((s) => `${s.name} (${s.space})`).join(', or ')}?\n`;
  return `${JSON.stringify(redactText(code))} is not in ${where}. ${guess}Try another --protocol, or list codes with: session-lifecycle catalog${protocol === undefined ? '' : ` --protocol ${protocol}`}\n`;
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
