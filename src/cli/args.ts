/**
 * What every CLI command shares: the I/O it writes to, the context it reads catalogs from,
 * exit codes, and strict argument parsing that turns mistakes into usage errors (exit 2).
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { Classifier } from '../classify/create-classifier.js';
import type { Catalog } from '../codes/types.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (commands may shape output for people). */
  readonly isTTY: boolean;
  /** The terminal's width in columns, when stdout is one (tables fit it). */
  readonly columns?: number;
  /** Environment to read NO_COLOR, FORCE_COLOR and COLUMNS from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface CliContext {
  readonly classifier: Classifier;
  readonly catalogs: readonly Catalog[];
  readonly version: string;
}

export interface CliCommand {
  /** One line for the top-level help. */
  readonly summary: string;
  /** The command's own help text (printed for `--help` and after a usage error). */
  readonly usage: string;
  run(args: readonly string[], io: CliIo, context: CliContext): Promise<number>;
}

export const EXIT = {
  /** Found / done. */
  ok: 0,
  /** Well-formed request, nothing found. */
  notFound: 1,
  /** Bad usage: unknown flag, missing or extra argument, unknown protocol, malformed code. */
  usage: 2,
  /** A package the command needs is not installed (sysexits EX_UNAVAILABLE). */
  unavailable: 69,
} as const;

/** A mistake in how the command was called; `main` prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError' as const;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const NEGATIVE_NUMBER = /^-\d+$/;

/**
 * `parseArgs` in strict mode, with one addition: a negative decimal (`-1073479657`, an HRESULT as
 * logs print it) is a positional argument, not a cluster of short flags.
 */
export function parseCommandArgs<T extends Options>(args: readonly string[], options: T) {
  const negatives: string[] = [];
  const rest: string[] = [];
  for (const arg of args) (NEGATIVE_NUMBER.test(arg) ? negatives : rest).push(arg);
  try {
    const parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: [...parsed.positionals, ...negatives] };
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) throw new UsageError(error.message);
    throw error;
  }
}
