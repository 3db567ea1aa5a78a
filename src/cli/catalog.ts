/**
 * `session-lifecycle catalog [--protocol <id>] [--format table|json|csv|md]`: every code of one
 * space, or of all spaces, with its outcome.
 */
import type { Catalog, CodeEntry, CodeRange } from '../codes/types.js';
import { EXIT, UsageError, parseCommandArgs } from './args.js';
import type { CliCommand, CliContext, CliIo } from './args.js';
import { formatCode, toCsv, toMarkdownTable, toTextTable } from './format.js';
import type { Cell } from './format.js';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: session-lifecycle catalog [--protocol <id>] [--format table|json|csv|md]

  -p, --protocol  one space (a protocol, tmg, or a transport space); default: all
  -f, --format    table (default), json, csv or md
  -h, --help      show this help
`;

const OPTIONS = {
  protocol: { type: 'string', short: 'p' },
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const;

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
  io.stdout(render(selected.flatMap(catalogRows), format as Format));
  return EXIT.ok;
}

const HEADERS = ['space', 'code', 'name', 'aliases', 'outcome', 'retry_after_ms', 'phases', 'severity', 'category', 'summary', 'fix'] as const;
const TABLE_HEADERS = ['space', 'code', 'name', 'outcome', 'summary'] as const;

function render(rows: readonly CatalogRow[], format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows, null, 2)}\n`;
    case 'table':
      return toTextTable(TABLE_HEADERS, rows.map((r): Cell[] => [r.space, r.display, r.name, r.retryAfterMs === undefined ? r.outcome : `${r.outcome} ≥${r.retryAfterMs / 1000}s`, r.summary]));
    case 'csv':
    case 'md': {
      const cells = rows.map((r): Cell[] => [r.space, r.display, r.name, r.aliases.join(' '), r.outcome, r.retryAfterMs, r.phases.join(' '), r.severity, r.category, r.summary, r.fix]);
      return format === 'csv' ? toCsv(HEADERS, cells) : toMarkdownTable(HEADERS, cells);
    }
  }
}
