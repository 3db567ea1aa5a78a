/**
 * `session-lifecycle catalog [--protocol <id>] [--format table|json|csv|md]`: every code of one
 * space, or of all spaces, with its outcome.
 */
import type { Catalog, CodeEntry, CodeRange } from '../codes/types.js';
import { EXIT, UsageError, parseCommandArgs } from './args.js';
import type { CliCommand, CliContext, CliIo } from './args.js';
import { toFittedTextTable } from './fit-table.js';
import { formatCode, toCsv, toMarkdownTable, toTextTable } from './format.js';
import type { Cell } from './format.js';
import { terminalWidth } from './terminal.js';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: session-lifecycle catalog [--protocol <id>] [--format table|json|csv|md] [--wide | --width <n>]

  -p, --protocol  one space (a protocol, tmg, or a transport space); default: all
  -f, --format    table (default), json, csv or md
  -w, --wide      table: one line per code, however long (the default fits the terminal,
                  or COLUMNS, wrapping summaries and names; piped with neither, lines are full)
      --width     table: fit this many columns (at least 60)
  -h, --help      show this help
`;

const OPTIONS = {
  protocol: { type: 'string', short: 'p' },
  format: { type: 'string', short: 'f' },
  wide: { type: 'boolean', short: 'w' },
  width: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Narrowest the wrapped columns get; below this a table is harder to read than a long line. */
const MIN_WIDTH = 60;

export const catalogCommand: CliCommand = {
  summary: 'list the codes of one space or of all of them (table, json, csv, md)',
  usage: USAGE,
  run: runCatalog,
};

/** One printable row: an entry, or a range (`code` is then "from-to"). */
export interface CatalogRow {
  readonly space: string;
  readonly code: number | string;
  readonly display: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly outcome: string;
  readonly retryAfterMs: number | undefined;
  readonly phases: readonly string[];
  readonly severity: string;
  readonly category: string;
  readonly summary: string;
  readonly fix: string | undefined;
}

export function catalogRows(catalog: Catalog): CatalogRow[] {
  const row = (item: CodeEntry | CodeRange, code: number | string, display: string): CatalogRow => ({
    space: catalog.space,
    code,
    display,
    name: item.name,
    aliases: 'aliases' in item ? (item.aliases ?? []) : [],
    outcome: item.outcome,
    retryAfterMs: item.retryAfterMs,
    phases: item.phases,
    severity: item.severity,
    category: item.category,
    summary: item.summary,
    fix: item.fix,
  });
  return [
    ...catalog.entries.map((entry) => row(entry, entry.code, formatCode(catalog.format, entry.code, entry.details))),
    ...(catalog.ranges ?? []).map((range) => row(range, `${range.from}-${range.to}`, `${range.from}-${range.to}`)),
  ];
}

export async function runCatalog(args: readonly string[], io: CliIo, context: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help === true) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}"; accepted: ${FORMATS.join(', ')}`);
  const protocol = values.protocol;
  const selected = protocol === undefined ? context.catalogs : context.catalogs.filter((catalog) => catalog.space === protocol);
  if (selected.length === 0) {
    throw new UsageError(`unknown protocol "${protocol}"; accepted: ${context.catalogs.map((catalog) => catalog.space).join(', ')}`);
  }
  if (values.wide === true && values.width !== undefined) throw new UsageError('--wide and --width exclude each other');
  const width = values.width === undefined ? undefined : Number(values.width);
  if (width !== undefined && (!Number.isInteger(width) || width < MIN_WIDTH)) {
    throw new UsageError(`--width must be an integer ≥ ${MIN_WIDTH} (got "${values.width}")`);
  }
  io.stdout(render(selected.flatMap(catalogRows), format as Format, values.wide === true ? undefined : (width ?? terminalWidth(io))));
  return EXIT.ok;
}

const HEADERS = ['space', 'code', 'name', 'aliases', 'outcome', 'retry_after_ms', 'phases', 'severity', 'category', 'summary', 'fix'] as const;
const TABLE_HEADERS = ['space', 'code', 'name', 'outcome', 'summary'] as const;

/**
 * Table columns that wrap when the terminal is narrow, in this order: the code down to the width of
 * "Error Code 1001", the summary, the name, then each again down to what still reads, and the outcome's
 * floor ("retry-later ≥120s") last. At MIN_WIDTH every column has reached its last minimum.
 */
const FLEXIBLE = [
  { column: 1, min: 15 }, { column: 4, min: 20 }, { column: 2, min: 14 },
  { column: 1, min: 10 }, { column: 2, min: 12 }, { column: 3, min: 11 }, { column: 4, min: 10 },
] as const;

function render(rows: readonly CatalogRow[], format: Format, width: number | undefined): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`;
    case 'table': {
      const cells = rows.map((r): Cell[] => [r.space, r.display, r.name, r.retryAfterMs === undefined ? r.outcome : `${r.outcome} ≥${r.retryAfterMs / 1000}s`, r.summary]);
      return width === undefined ? toTextTable(TABLE_HEADERS, cells) : toFittedTextTable(TABLE_HEADERS, cells, { width, flexible: FLEXIBLE });
    }
    case 'csv':
    case 'md': {
      const cells = rows.map((r): Cell[] => [r.space, r.display, r.name, r.aliases.join(' '), r.outcome, r.retryAfterMs, r.phases.join(' '), r.severity, r.category, r.summary, r.fix]);
      return format === 'csv' ? toCsv(HEADERS, cells) : toMarkdownTable(HEADERS, cells);
    }
  }
}
