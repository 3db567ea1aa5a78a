/**
 * Parser for the Forefront TMG seed (../shared/seeds/004_*.txt): its two tables and its range rule.
 * Used only by scripts/extract-vendor-codes.ts, which writes the result to
 * test/fixtures/vendor-codes/tmg.json; tests read that file, never the document.
 * The seed is a flattened HTML table: every cell sits on its own line and ends with " |".
 * Web proxy: "<code> |" or "<code>/ <code> |" then "<description> |".
 * Firewall: "<NAME> |" or "<NAME> or <NAME> |", then "0x<8 hex> |", then "<message> |".
 */
/** One web-proxy row. `codes` has two numbers when the seed pairs them ("12204/ 12304"). */
export interface TmgWebProxyRow {
  readonly codes: readonly number[];
  readonly description: string;
  readonly line: number;
}

/** One firewall row. `names` has two names for "A or B" rows; `code` is unsigned. */
export interface TmgFirewallRow {
  readonly names: readonly string[];
  readonly code: number;
  readonly hex: string;
  readonly message: string;
  readonly line: number;
}

/** The seed's own range rule, read from its first paragraph. */
export interface TmgSeedRangeRule {
  /** "for values less than N" → Win32. */
  readonly win32Below: number;
  /** "between A and B" → HTTP. */
  readonly http: readonly [number, number];
  /** "between A and B" → Winsock. */
  readonly winsock: readonly [number, number];
}

export interface TmgSeed {
  readonly webProxy: readonly TmgWebProxyRow[];
  readonly firewall: readonly TmgFirewallRow[];
  readonly rule: TmgSeedRangeRule;
}

const CELL = / \|$/;
const WEB_CODE = /^(\d+)(?:\/\s*(\d+))?\s*\|$/;
const FW_NAME = /^([A-Z][A-Z0-9_]+)(?: or ([A-Z][A-Z0-9_]+))?\s*\|$/;
const FW_CODE = /^0x([0-9A-Fa-f]{8})\s*\|$/;

function cellText(line: string): string {
  return line.replace(CELL, '').trim();
}

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

function parseRule(text: string): TmgSeedRangeRule {
  const below = /less than ([\d,]+)/.exec(text);
  const betweens = [...text.matchAll(/between ([\d,]+) and ([\d,]+)/g)];
  const http = betweens[0];
  const winsock = betweens[1];
  if (below?.[1] === undefined || http?.[1] === undefined || http[2] === undefined || winsock?.[1] === undefined || winsock[2] === undefined) {
    throw new Error('TMG seed: range rule sentence not found');
  }
  return {
    win32Below: toNumber(below[1]),
    http: [toNumber(http[1]), toNumber(http[2])],
    winsock: [toNumber(winsock[1]), toNumber(winsock[2])],
  };
}

function parseWebProxy(lines: readonly string[], start: number, end: number): TmgWebProxyRow[] {
  const rows: TmgWebProxyRow[] = [];
  for (let i = start; i < end; i += 1) {
    const match = WEB_CODE.exec(lines[i] ?? '');
    if (match?.[1] === undefined) continue;
    const codes = match[2] === undefined ? [Number(match[1])] : [Number(match[1]), Number(match[2])];
    const next = lines[i + 1] ?? '';
    if (!CELL.test(next)) throw new Error(`TMG seed line ${i + 2}: expected a description cell after ${match[0]}`);
    rows.push({ codes, description: cellText(next), line: i + 1 });
    i += 1;
  }
  return rows;
}

function parseFirewall(lines: readonly string[], start: number): TmgFirewallRow[] {
  const rows: TmgFirewallRow[] = [];
  for (let i = start; i < lines.length; i += 1) {
    const name = FW_NAME.exec(lines[i] ?? '');
    const code = FW_CODE.exec(lines[i + 1] ?? '');
    if (name?.[1] === undefined || code?.[1] === undefined) continue;
    const message = lines[i + 2] ?? '';
    if (!CELL.test(message)) throw new Error(`TMG seed line ${i + 3}: expected a message cell`);
    rows.push({
      names: name[2] === undefined ? [name[1]] : [name[1], name[2]],
      code: Number.parseInt(code[1], 16),
      hex: `0x${code[1]}`,
      message: cellText(message),
      line: i + 1,
    });
    i += 2;
  }
  return rows;
}

/** Parses the TMG seed into web-proxy rows, firewall rows and the range rule. */
export function parseTmgSeed(text: string): TmgSeed {
  const lines = text.split(/\r?\n/);
  const webHeader = lines.findIndex((line) => line.startsWith('Source values |'));
  const firewallStart = lines.findIndex((line) => line.startsWith('Firewall:'));
  const firewallHeader = lines.findIndex((line) => line.startsWith('Symbolic name |'));
  if (webHeader < 0 || firewallStart < webHeader || firewallHeader < firewallStart) {
    throw new Error('TMG seed: table headings not found');
  }
  return {
    webProxy: parseWebProxy(lines, webHeader + 1, firewallStart),
    firewall: parseFirewall(lines, firewallHeader + 1),
    rule: parseRule(lines.slice(0, webHeader).join(' ')),
  };
}
