import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { catalogs } from '../../../src/codes/index.js';
import type { Catalog } from '../../../src/codes/types.js';
import { main } from '../../../src/cli/main.js';
import type { CliContext, CliIo } from '../../../src/cli/main.js';
import { fixtureCatalogs, fixtureTmg } from '../../support/fixture-catalogs.js';

async function run(argv: string[], context?: CliContext): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false };
  const code = context === undefined ? await main(argv, io) : await main(argv, io, context);
  return { code, stdout, stderr };
}

/** A small RFC 4180 reader, enough to prove the writer quotes what it must. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { row.push(field); field = ''; }
    else if (char === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; }
    else field += char;
  }
  return rows;
}

const awkward: Catalog = {
  space: 'msra',
  title: 'Awkward fixture',
  source: 'test',
  format: 'decimal',
  entries: [
    { code: 1, name: 'COMMA', summary: 'one, two', severity: 'info', phases: ['connect'], category: 'server', outcome: 'ok' },
    { code: 2, name: 'QUOTE', summary: 'say "hi"', severity: 'info', phases: ['connect'], category: 'server', outcome: 'ok', fix: 'a | pipe' },
    { code: 3, name: 'NEWLINE', summary: 'line one\nline two', severity: 'info', phases: ['connect'], category: 'server', outcome: 'ok' },
    { code: 4, name: 'SPACE', summary: ' leading space', severity: 'info', phases: ['connect'], category: 'server', outcome: 'ok' },
  ],
};
const awkwardContext: CliContext = {
  classifier: createClassifier({ protocols: [awkward], transports: [] }),
  catalogs: [awkward, fixtureTmg],
  version: '0.0.0-test',
};

function rowCount(catalog: Catalog): number {
  return catalog.entries.length + (catalog.ranges?.length ?? 0);
}

describe('session-lifecycle catalog', () => {
  it('writes CSV that a strict reader reads back, quoting commas, quotes, line breaks and edge spaces', async () => {
    const { code, stdout } = await run(['catalog', '--protocol', 'msra', '--format', 'csv'], awkwardContext);
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    expect(rows[0]).toEqual(['space', 'code', 'name', 'aliases', 'outcome', 'retry_after_ms', 'phases', 'severity', 'category', 'summary', 'fix']);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(11);
    expect(rows.map((row) => row[9])).toEqual(['summary', 'one, two', 'say "hi"', 'line one\nline two', ' leading space']);
  });

  it('writes a Markdown table with escaped pipes and line breaks', async () => {
    const { stdout } = await run(['catalog', '--protocol', 'msra', '--format', 'md'], awkwardContext);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 4);
    expect(lines[1]).toBe(`|${Array(11).fill('---').join('|')}|`);
    expect(stdout).toContain('a \\| pipe');
    expect(stdout).toContain('line one<br>line two');
  });

  it('prints TMG HRESULTs as hex and web-proxy codes as decimal', async () => {
    const { stdout } = await run(['catalog', '--protocol', 'tmg'], awkwardContext);
    expect(stdout).toMatch(/^tmg\s+0xC0040017\s+FWX_E_SYN_ATTACK/m);
    expect(stdout).toMatch(/^tmg\s+12208\s+TMG_PROXY_BUSY/m);
  });

  it('lists every entry and range of every space by default, as JSON that parses', async () => {
    const { code, stdout } = await run(['catalog', '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as { space: string }[];
    const expected = Object.values(catalogs).reduce((sum, catalog) => sum + rowCount(catalog), 0);
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((row) => row.space))).toEqual(new Set(Object.keys(catalogs)));
  });

  it('prints an aligned table by default for one space', async () => {
    const { code, stdout } = await run(['catalog', '--protocol', 'guacamole']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^space\s+code\s+name\s+outcome\s+summary$/);
    expect(lines).toHaveLength(1 + rowCount(catalogs.guacamole));
    const column = lines[0]?.indexOf('name');
    for (const line of lines.slice(1)) expect(line.slice(0, column).trimEnd()).toMatch(/^guacamole\s+\d+$/);
  });

  it.each([
    [['catalog', '--format', 'xml'], 'unknown format "xml"'],
    [['catalog', '--protocol', 'rdp'], 'unknown protocol "rdp"'],
    [['catalog', 'guacamole'], 'unexpected argument "guacamole"'],
    [['catalog', '--bogus'], "'--bogus'"],
  ])('exits 2 with a message on stderr for %j', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('works over a classifier built from fixtures', async () => {
    const context: CliContext = { classifier: createClassifier(fixtureCatalogs), catalogs: [...fixtureCatalogs.protocols], version: 'x' };
    const { code, stdout } = await run(['explain', 'SERVER_BUSY', '--protocol', 'guacamole'], context);
    expect(code).toBe(0);
    expect(stdout).toContain('fixture SERVER_BUSY');
  });
});
