import { describe, expect, it } from 'vitest';
import { tmgCatalog } from '../../../src/codes/tmg.js';
import type { CodeEntry } from '../../../src/codes/types.js';
import { parseTmgSeed } from '../../../scripts/vendor-codes/parse-tmg.js';
import { tmgSeed } from '../../support/seeds-tmg.js';

const seed = tmgSeed();
const byCode = new Map<number | string, CodeEntry>(tmgCatalog.entries.map((entry) => [entry.code, entry]));
const webCodes = seed.webProxy.flatMap((row) => row.codes);
const firewallCodes = seed.firewall.map((row) => row.code);

/** One-word vendor texts ("Created.") may reappear in a summary; a phrase this long may not. */
const MIN_COPIED_CHARS = 16;
const normalize = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function entry(code: number): CodeEntry {
  const found = byCode.get(code);
  if (found === undefined) throw new Error(`tmgCatalog has no entry for ${code}`);
  return found;
}

describe('the TMG seed as extracted (test/fixtures/vendor-codes/tmg.json)', () => {
  // Counted by hand in 004_*.txt: 67 web-proxy rows of which 9 are "a/ b" pairs, 76 firewall rows of which 6 have two names.
  it('finds every row of both tables, so the checks below are not vacuous', () => {
    expect(seed.webProxy).toHaveLength(67);
    expect(seed.webProxy.filter((row) => row.codes.length === 2)).toHaveLength(9);
    expect(webCodes).toHaveLength(76);
    expect(seed.firewall).toHaveLength(76);
    expect(seed.firewall.filter((row) => row.names.length === 2)).toHaveLength(6);
  });

  it('splits a "12204/ 12304" cell into both codes and keeps the description', () => {
    const row = seed.webProxy.find((candidate) => candidate.codes.includes(12204));
    expect(row?.codes).toEqual([12204, 12304]);
    expect(row?.description).toMatch(/SSL\) port is not allowed/);
  });

  it('reads "A or B" names and unsigned hex codes', () => {
    const row = seed.firewall.find((candidate) => candidate.hex === '0x80074E20');
    expect(row?.names).toEqual(['WSA_RWS_GRACEFUL_SHUTDOWN', 'FWX_E_GRACEFUL_SHUTDOWN']);
    expect(seed.firewall.find((candidate) => candidate.names[0] === 'FWX_E_TCP_NOT_SYN_PACKET_DROPPED')?.code).toBe(3221487639);
  });

  it('reads the range rule from the opening paragraph', () => {
    expect(seed.rule).toEqual({ win32Below: 100, http: [100, 1000], winsock: [10004, 11031] });
  });

  it('rejects text without the tables instead of returning nothing', () => {
    expect(() => parseTmgSeed('Result code log values\nnothing here\n')).toThrow(/headings/);
  });
});

describe('tmgCatalog against the TMG seed', () => {
  it('has every web-proxy code, marked decimal', () => {
    expect(webCodes.filter((code) => !byCode.has(code))).toEqual([]);
    expect(webCodes.filter((code) => entry(code).details?.format !== 'decimal')).toEqual([]);
  });

  it('keeps every seed pair linked both ways, forward for 122xx and reverse for 123xx', () => {
    for (const row of seed.webProxy.filter((candidate) => candidate.codes.length === 2)) {
      const [forward, reverse] = row.codes as [number, number];
      expect(entry(forward).details, String(forward)).toMatchObject({ pair: reverse, direction: 'forward' });
      expect(entry(reverse).details, String(reverse)).toMatchObject({ pair: forward, direction: 'reverse' });
    }
  });

  it('gives no pair to a code the seed lists on its own row', () => {
    const single = seed.webProxy.filter((row) => row.codes.length === 1).map((row) => row.codes[0] as number);
    expect(single.filter((code) => entry(code).details?.pair !== undefined)).toEqual([]);
  });

  it('links separate forward/reverse rows of one condition only to codes that exist', () => {
    for (const e of tmgCatalog.entries.filter((candidate) => candidate.details?.counterpart !== undefined)) {
      const other = entry(e.details?.counterpart as number);
      expect(other.details?.counterpart, `${String(e.code)} ↔ ${String(other.code)}`).toBe(e.code);
      expect(other.details?.direction).not.toBe(e.details?.direction);
    }
  });

  it('names 122xx/123xx codes itself, with a direction that matches the number', () => {
    const own = webCodes.filter((code) => code >= 12200 && code <= 12399);
    expect(own.length).toBeGreaterThan(0);
    for (const code of own) {
      const { name, details } = entry(code);
      expect(name, String(code)).toMatch(/^TMG_[A-Z0-9_]+_(FORWARD|REVERSE)$/);
      expect(details?.nameSource).toBe('sdk');
      expect(details?.direction).toBe(code < 12300 ? 'forward' : 'reverse');
      expect(name.endsWith(code < 12300 ? '_FORWARD' : '_REVERSE')).toBe(true);
    }
  });

  it('has every firewall code, marked hex32, with the first written name as its name', () => {
    expect(firewallCodes.filter((code) => !byCode.has(code))).toEqual([]);
    for (const row of seed.firewall) {
      const e = entry(row.code);
      expect(e.name, row.hex).toBe(row.names[0]);
      expect(e.details?.format).toBe('hex32');
    }
  });

  it('keeps the second name of every "A or B" row as an alias, and no invented aliases', () => {
    for (const row of seed.firewall) {
      expect(entry(row.code).aliases ?? [], row.hex).toEqual(row.names.slice(1));
    }
  });

  it('knows every symbolic name the seed writes, exactly as spelled', () => {
    const known = new Set(tmgCatalog.entries.flatMap((e) => [e.name, ...(e.aliases ?? [])]));
    const names = seed.firewall.flatMap((row) => row.names);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    expect(names.filter((name) => name.startsWith('FWE_E_'))).toEqual(['FWE_E_FAIL_TRANSACT_TO_TRANSITION_TO_IPSEC', 'FWE_E_FAIL_TRANSACT_TO_IPSEC']);
  });

  it('keeps FWX_E_RULE_QUOTA_EXCEEDED_DROPPED at both values the seed gives it', () => {
    const holders = tmgCatalog.entries.filter((e) => e.name === 'FWX_E_RULE_QUOTA_EXCEEDED_DROPPED' || e.aliases?.includes('FWX_E_RULE_QUOTA_EXCEEDED_DROPPED'));
    expect(holders.map((e) => e.code).sort()).toEqual([0x80074e23, 0xc0040033]);
    expect(entry(0xc0040033).name).toBe('FWX_E_RULE_QUOTA_EXCEEDED_DROPPED');
    expect(entry(0x80074e23).name).toBe('WSA_RWS_QUOTA');
  });

  it('has one entry per value and none the seed lacks', () => {
    const codes = tmgCatalog.entries.map((e) => e.code);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
    const inSeed = new Set<number | string>([...webCodes, ...firewallCodes]);
    expect(codes.filter((code) => !inSeed.has(code))).toEqual([]);
  });

  it('writes summaries and fixes in its own words, not the seed descriptions', () => {
    const vendor = new Map<number, string>([
      ...seed.webProxy.flatMap((row) => row.codes.map((code) => [code, row.description] as const)),
      ...seed.firewall.map((row) => [row.code, row.message] as const),
    ]);
    const copies = (text: string | undefined, code: number): boolean => {
      if (text === undefined) return false;
      const theirs = normalize(vendor.get(code) ?? '');
      const ours = normalize(text);
      return ours === theirs
        || (theirs.length >= MIN_COPIED_CHARS && ours.includes(theirs))
        || (ours.length >= MIN_COPIED_CHARS && theirs.includes(ours));
    };
    const copied = tmgCatalog.entries.filter((e) => copies(e.summary, e.code as number) || copies(e.fix, e.code as number));
    expect(copied.map((e) => `${String(e.code)} ${e.name}`)).toEqual([]);
  });

  it('documents the seed quirks in notes', () => {
    const notes = (tmgCatalog.notes ?? []).join('\n');
    for (const quirk of ['995', 'FWX_E_RULE_QUOTA_EXCEEDED_DROPPED', 'FWE_E_', '12204/ 12304']) expect(notes).toContain(quirk);
  });
});
