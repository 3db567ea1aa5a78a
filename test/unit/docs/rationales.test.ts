/**
 * The rationales (why each outcome was chosen) are docs-only data in src/docs-gen/rationales/, one file per catalog
 * file. Nothing at runtime checks that a key still names a code, so these tests do: a code renamed or removed from a
 * catalog must take its rationale with it.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src/codes/index.js';
import { GUACAMOLE_POLICY_CLOSE_STATUSES, guacamoleDisconnectWithoutStatus, guacamolePolicyCloseWithoutStatus } from '../../../src/codes/guacamole-close.js';
import { guacamoleLiteVocabulary } from '../../../src/codes/guacamole-lite.js';
import { CODE_SPACES, type CodeEntry, type CodeRange, type CodeSpace } from '../../../src/codes/types.js';
import * as data from '../../../src/docs-gen/rationales/index.js';
import type { Rationales } from '../../../src/docs-gen/rationales/index.js';
import { renderOutcomesDoc } from '../../../src/docs-gen/render.js';
import { fixtureTmg, fixtureWebsocket } from '../../support/fixture-catalogs.js';

const { rationales, rationaleOf, rangeRationaleOf } = data;

/** Each rationale file beside the rows it explains (src/docs-gen/rationales/<file>.ts beside src/codes/<file>.ts). */
const FILES: Readonly<Record<string, { readonly table: Rationales; readonly entries: readonly CodeEntry[]; readonly ranges?: readonly CodeRange[] }>> = {
  'websocket': { table: data.websocketRationales, ...catalogs.websocket },
  'http': { table: data.httpRationales, ...catalogs.http },
  'errno': { table: data.errnoRationales, ...catalogs.errno },
  'winsock': { table: data.winsockRationales, ...catalogs.winsock },
  'win32': { table: data.win32Rationales, ...catalogs.win32 },
  'guacamole': { table: data.guacamoleRationales, ...catalogs.guacamole },
  'guacamole-close': { table: data.guacamoleCloseRationales, entries: [guacamolePolicyCloseWithoutStatus, guacamoleDisconnectWithoutStatus] },
  'guacamole-lite': { table: data.guacamoleLiteRationales, entries: guacamoleLiteVocabulary.entries },
  'frame': { table: data.frameRationales, ...catalogs.frame },
  'msra': { table: data.msraRationales, ...catalogs.msra },
  'softdrive': { table: data.softdriveRationales, ...catalogs.softdrive },
  'tmg': { table: data.tmgRationales, ...catalogs.tmg },
};

/** Every row a space reads: its catalog, plus, for `guacamole`, the SDK's own codes and guacamole-lite's text codes. */
function rowsOf(space: CodeSpace): { entries: readonly CodeEntry[]; ranges: readonly CodeRange[] } {
  const extra = space === 'guacamole' ? [guacamolePolicyCloseWithoutStatus, guacamoleDisconnectWithoutStatus, ...guacamoleLiteVocabulary.entries] : [];
  return { entries: [...catalogs[space].entries, ...extra], ranges: catalogs[space].ranges ?? [] };
}

/** Keys of a rationale table that name no entry (by code) or range (by `from-to`) of the rows given. */
function orphans(table: Rationales, entries: readonly CodeEntry[], ranges: readonly CodeRange[] = []): string[] {
  const codes = new Set(entries.map((entry) => String(entry.code)));
  const spans = new Set(ranges.map((range) => `${range.from}-${range.to}`));
  return [
    ...Object.keys(table.entries).filter((key) => !codes.has(key)),
    ...Object.keys(table.ranges ?? {}).filter((key) => !spans.has(key)).map((key) => `range ${key}`),
  ];
}

const allTexts = (table: Rationales): [string, string][] => [...Object.entries(table.entries), ...Object.entries(table.ranges ?? {})];

describe('docs-only rationales', () => {
  it('has a rationale file for each catalog file that had rationales, and nothing else in the folder', () => {
    const dir = fileURLToPath(new URL('../../../src/docs-gen/rationales/', import.meta.url));
    const files = readdirSync(dir).filter((name) => name.endsWith('.ts') && !['index.ts', 'types.ts'].includes(name)).map((name) => name.slice(0, -3));
    expect(files.sort()).toEqual(Object.keys(FILES).sort());
  });

  it.each(Object.keys(FILES))('names only existing entries and ranges of src/codes/%s.ts', (file) => {
    const { table, entries, ranges } = FILES[file]!;
    expect(Object.keys(table.entries).length).toBeGreaterThan(0);
    expect(orphans(table, entries, ranges)).toEqual([]);
  });

  it.each(CODE_SPACES)('names only codes and ranges the %s space reads', (space) => {
    const { entries, ranges } = rowsOf(space);
    expect(orphans(rationales[space], entries, ranges)).toEqual([]);
  });

  it('finds an orphan: a key for a code no entry has, and a range no catalog lists', () => {
    const table: Rationales = { entries: { 1000: 'kept', 1005: 'renamed away' }, ranges: { '4000-4999': 'kept', '5000-5999': 'gone' } };
    expect(orphans(table, fixtureWebsocket.entries, fixtureWebsocket.ranges)).toEqual(['1005', 'range 5000-5999']);
  });

  it('merges the guacamole catalog, the SDK\'s own codes and guacamole-lite\'s without one shadowing another', () => {
    const keys = [data.guacamoleRationales, data.guacamoleCloseRationales, data.guacamoleLiteRationales].flatMap((table) => Object.keys(table.entries));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    expect(Object.keys(rationales.guacamole.entries).sort()).toEqual([...keys].sort());
    expect(rationales.guacamole.ranges).toBeUndefined();
  });

  it('keeps every rationale to one non-empty, trimmed line that is not the entry\'s summary', () => {
    const bad = CODE_SPACES.flatMap((space) => allTexts(rationales[space])
      .filter(([, text]) => text.trim() === '' || text !== text.trim() || /[\r\n]/.test(text))
      .map(([key]) => `${space} ${key}`));
    expect(bad).toEqual([]);
    const echoes = CODE_SPACES.flatMap((space) => rowsOf(space).entries
      .filter((entry) => rationaleOf(space, entry.code) === entry.summary).map((entry) => `${space} ${String(entry.code)}`));
    expect(echoes).toEqual([]);
  });

  it('explains every retry-later floor, in every space, including the SDK\'s and guacamole-lite\'s codes', () => {
    const missing = CODE_SPACES.flatMap((space) => {
      const { entries, ranges } = rowsOf(space);
      return [
        ...entries.filter((entry) => entry.outcome === 'retry-later' && rationaleOf(space, entry.code) === undefined).map((entry) => `${space} ${String(entry.code)}`),
        ...ranges.filter((range) => range.outcome === 'retry-later' && rangeRationaleOf(space, range.from, range.to) === undefined).map((range) => `${space} ${range.name}`),
      ];
    });
    expect(missing).toEqual([]);
  });

  it('keys hex codes by their value, as String(code) prints them', () => {
    expect(rationaleOf('tmg', 0xc0040017)).toMatch(/forgotten the connection/);
    expect(rationaleOf('tmg', '3221487639')).toBe(rationaleOf('tmg', 0xc0040017));
    expect(rangeRationaleOf('win32', 0x80070000, 0x8007ffff)).toMatch(/listed Win32 code/);
  });

  it('answers undefined for a code without a rationale, and for inherited object keys', () => {
    expect(rationaleOf('guacamole', 0)).toBeUndefined();
    expect(rationaleOf('errno', 'constructor')).toBeUndefined();
    expect(rationaleOf('errno', 'toString')).toBeUndefined();
    expect(rangeRationaleOf('guacamole', 0, 1)).toBeUndefined();
  });

  it('says why a bare close 1008 asks the user, naming every status guacamole-client closes 1008 with', () => {
    const why = rationaleOf('guacamole', guacamolePolicyCloseWithoutStatus.code);
    expect(why).toMatch(/513, 517, 521, 769, 771 and 797/);
    for (const status of GUACAMOLE_POLICY_CLOSE_STATUSES) expect(why).toContain(String(status));
    expect(rationaleOf('guacamole', guacamoleDisconnectWithoutStatus.code)).toMatch(/only `disconnect`/);
  });

  it('renders outcomes.md\'s rationale column from the table it is given, for entries and ranges', () => {
    const table: Readonly<Record<CodeSpace, Rationales>> = {
      ...rationales,
      tmg: { entries: { [String(0xc0040017)]: 'fixture why for a hex code' } },
      websocket: { entries: { 1013: 'fixture why for an entry' }, ranges: { '4000-4999': 'fixture why for a range' } },
    };
    const doc = renderOutcomesDoc([fixtureTmg, fixtureWebsocket], table);
    expect(doc).toContain('| 0xC0040017 | FWX_E_SYN_ATTACK | fatal | fixture why for a hex code |');
    expect(doc).toContain('| 1013 | TRY_AGAIN_LATER | retry-later (≥ 5 s) | fixture why for an entry |');
    expect(doc).toContain('| 4000-4999 | PRIVATE_USE | retry | fixture why for a range |');
    expect(doc).toContain('| 1000 | NORMAL_CLOSURE | ended |  |');
  });
});
