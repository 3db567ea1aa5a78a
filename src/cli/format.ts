/**
 * Pure text formatting shared by the CLI and the generated docs: codes in each space's own
 * notation, outcomes in plain words, and tables as text, CSV (RFC 4180) and Markdown.
 */
import type { Catalog, Classification, CodeValue, EntryDetails, Outcome } from '../codes/types.js';

/**
 * A code the way its space prints it: `0xC0040017` for HRESULTs, `Error Code 04` for Softdrive,
 * plain decimal elsewhere. A per-entry `details.format` (TMG's web-proxy rows) wins.
 */
export function formatCode(format: Catalog['format'], code: CodeValue, details?: EntryDetails): string {
  if (typeof code === 'string') return code;
  const own = details?.['format'];
  const effective = own === 'decimal' || own === 'hex32' ? own : format;
  if (effective === 'hex32' && (own === 'hex32' || code >= 0x80000000)) return `0x${code.toString(16).toUpperCase().padStart(8, '0')}`;
  if (effective === 'two-digit') return `Error Code ${String(code).padStart(2, '0')}`;
  return String(code);
}

/** A duration for people: `500 ms`, `5 s`, `1.5 s`, `2 min`, `1 h`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${Number((ms / 1000).toFixed(1))} s`;
  if (ms < 3_600_000 || ms % 3_600_000 !== 0) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}

/** One line on what an outcome means for the end user. */
export const OUTCOME_MEANINGS: Readonly<Record<Outcome, string>> = {
  ok: 'success or information: nothing to do',
  ended: 'the session ended on purpose: no reconnect',
  retry: 'a transient fault: reconnect with backoff',
  'retry-later': 'the server is busy or restarting: reconnect, but not before a floor',
  reauthenticate: 'credentials are wrong or expired: never replayed, wait for new ones',
  'user-decision': 'another session holds the seat or someone declined: ask the user',
  fatal: 'will not work without a configuration or admin change: stop and say why',
};

/** "Will the client retry?" answered in plain words. */
export function retryInWords(classification: Pick<Classification, 'outcome' | 'retryAfterMs' | 'known'>): string {
  if (!classification.known) return 'not in the catalog: retries with backoff, a bounded number of times';
  switch (classification.outcome) {
    case 'ok':
      return 'nothing to retry: not a failure';
    case 'ended':
      return 'does not reconnect: the session ended on purpose';
    case 'retry':
      return 'retries automatically with backoff';
    case 'retry-later':
      return classification.retryAfterMs === undefined
        ? 'waits, then retries with backoff'
        : `waits at least ${formatDuration(classification.retryAfterMs)}, then retries`;
    case 'reauthenticate':
      return 'stops and asks for new credentials (never replays the old ones)';
    case 'user-decision':
      return 'stops and asks the user what to do';
    case 'fatal':
      return 'stops: needs a configuration or admin change';
  }
}

export type Cell = string | number | undefined;

function cellText(cell: Cell): string {
  return cell === undefined ? '' : String(cell);
}

/** RFC 4180 CSV: every field that holds a comma, quote, CR or LF (or edge spaces) is quoted, quotes doubled. */
export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const field = (cell: Cell): string => {
    const text = cellText(cell);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A GitHub-flavoured Markdown table; pipes, backslashes and line breaks in cells are escaped. */
export function toMarkdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const escape = (cell: Cell): string => cellText(cell).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const line = (cells: readonly Cell[]): string => `| ${cells.map(escape).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

/** Columns padded to their widest cell; line breaks in cells become spaces. */
export function toTextTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const all = [headers, ...rows].map((row) => row.map((cell) => cellText(cell).replace(/\s*[\r\n]+\s*/g, ' ')));
  const widths = headers.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? '')].length)));
  return all
    .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd((widths[column] ?? 0) + (cell.length - [...cell].length)))).join('  ').trimEnd())
    .join('\n') + '\n';
}
