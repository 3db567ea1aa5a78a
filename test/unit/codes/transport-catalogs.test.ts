import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errnoCatalog } from '../../../src/codes/errno.js';
import { httpCatalog } from '../../../src/codes/http.js';
import { parseRetryAfter, RETRY_AFTER_LIMITS } from '../../../src/codes/retry-after.js';
import { tmgCatalog, tmgResultSpace } from '../../../src/codes/tmg.js';
import { CATEGORIES, OUTCOMES, PHASES, SEVERITIES, type Catalog, type CodeEntry, type CodeRange, type CodeValue } from '../../../src/codes/types.js';
import { rangeRationaleOf, rationaleOf } from '../../../src/docs-gen/rationales/index.js';
import { websocketCatalog } from '../../../src/codes/websocket.js';
import { win32Catalog } from '../../../src/codes/win32.js';
import { winsockCatalog } from '../../../src/codes/winsock.js';
import { BASE_TRANSPORT_CATALOGS, TRANSPORT_CATALOGS, WINDOWS_TRANSPORT_CATALOGS } from '../../../src/codes/transport-catalogs.js';
import * as nodeVariant from '../../../src/codes/platform-catalogs/index.js';
import * as browserVariant from '../../../src/codes/platform-catalogs/browser.js';
import { tmgSeed } from '../../support/seeds-tmg.js';

const ALL: readonly Catalog[] = [tmgCatalog, websocketCatalog, httpCatalog, winsockCatalog, win32Catalog, errnoCatalog];
const BY_SPACE = new Map<string, Catalog>(ALL.map((catalog) => [catalog.space, catalog]));

/** Names the seed itself gives to two values (documented in tmgCatalog.notes). */
const SHARED_NAMES: Readonly<Record<string, readonly string[]>> = { tmg: ['FWX_E_RULE_QUOTA_EXCEEDED_DROPPED'] };

const label = (entry: CodeEntry): string => `${String(entry.code)} ${entry.name}`;

/** A row's rationale: docs-only data (src/docs-gen/rationales/), keyed by code, or by `from-to` for a range. */
const rationaleOfRow = (catalog: Catalog, row: CodeEntry | CodeRange): string | undefined =>
  'from' in row ? rangeRationaleOf(catalog.space, row.from, row.to) : rationaleOf(catalog.space, row.code);

/** Exact entries win; otherwise the range that covers the number. */
function resolve(catalog: Catalog, code: CodeValue): CodeEntry | CodeRange | undefined {
  const exact = catalog.entries.find((entry) => entry.code === code);
  if (exact !== undefined) return exact;
  return typeof code === 'number' ? catalog.ranges?.find((range) => code >= range.from && code <= range.to) : undefined;
}

describe.each(ALL.map((catalog) => [catalog.space, catalog] as const))('transport catalog %s', (space, catalog) => {
  const { entries } = catalog;

  it('lists each code once', () => {
    const codes = entries.map((entry) => entry.code);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });

  it('uses each name and alias once, except names the source itself reuses', () => {
    const names = entries.flatMap((entry) => [entry.name, ...(entry.aliases ?? [])]);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([...(SHARED_NAMES[space] ?? [])]);
  });

  it('takes every outcome, category, severity and phase from the shared vocabulary', () => {
    const bad = entries.filter((entry) => !OUTCOMES.includes(entry.outcome) || !CATEGORIES.includes(entry.category)
      || !SEVERITIES.includes(entry.severity) || entry.phases.length === 0 || entry.phases.some((phase) => !PHASES.includes(phase)));
    expect(bad.map(label)).toEqual([]);
  });

  it('sets retryAfterMs exactly on retry-later entries and ranges, as a positive floor with a rationale', () => {
    const rows: readonly (CodeEntry | CodeRange)[] = [...entries, ...(catalog.ranges ?? [])];
    const bad = rows.filter((row) => (row.outcome === 'retry-later') !== (row.retryAfterMs !== undefined)
      || (row.retryAfterMs !== undefined && (!Number.isSafeInteger(row.retryAfterMs) || row.retryAfterMs <= 0 || rationaleOfRow(catalog, row) === undefined)));
    expect(bad.map((row) => row.name)).toEqual([]);
  });

  it('marks ok entries as info and never marks fatal or reauthenticate as info', () => {
    const bad = entries.filter((entry) => (entry.outcome === 'ok' && entry.severity !== 'info')
      || (['fatal', 'reauthenticate'].includes(entry.outcome) && entry.severity === 'info'));
    expect(bad.map(label)).toEqual([]);
  });

  it('gives a fix wherever someone has something to do', () => {
    expect(entries.filter((entry) => !['ok', 'ended'].includes(entry.outcome) && (entry.fix ?? '') === '').map(label)).toEqual([]);
  });

  it('stores codes in the form its format promises', () => {
    const bad = entries.filter((entry) => catalog.format === 'string'
      ? typeof entry.code !== 'string' || entry.code !== entry.name
      : typeof entry.code !== 'number' || !Number.isSafeInteger(entry.code) || entry.code < 0 || entry.code > 0xffffffff);
    expect(bad.map(label)).toEqual([]);
  });

  it('keeps ranges well-formed and disjoint', () => {
    const ranges = [...(catalog.ranges ?? [])].sort((a, b) => a.from - b.from);
    ranges.forEach((range, index) => {
      expect(range.from, range.name).toBeLessThanOrEqual(range.to);
      const next = ranges[index + 1];
      if (next !== undefined) expect(next.from, `${range.name} overlaps ${next.name}`).toBeGreaterThan(range.to);
    });
  });

  it('never stops on a transient network failure (timeouts, refusals, resets, unreachable hosts)', () => {
    const transient = /TIMEDOUT|TIMEOUT|REFUSED|CONNRESET|UNREACH|NETDOWN|HOSTDOWN|ABORTED|ABNORMAL|NOT_SYN|NO_SERVER_REPLY/;
    const stopped = entries.filter((entry) => transient.test(entry.name) && ['fatal', 'ended', 'ok'].includes(entry.outcome));
    expect(stopped.map(label)).toEqual([]);
  });
});

describe('transport catalog outcomes that are the product', () => {
  it('never replays credentials: auth challenges ask for new ones', () => {
    const asks: readonly [Catalog, CodeValue][] = [
      [httpCatalog, 401], [httpCatalog, 407], [websocketCatalog, 3000], [win32Catalog, 1326], [win32Catalog, 86],
      [tmgCatalog, 12209], [tmgCatalog, 12309], [tmgCatalog, 12213], [tmgCatalog, 12313], [tmgCatalog, 12323],
    ];
    for (const [catalog, code] of asks) expect(resolve(catalog, code)?.outcome, `${catalog.space} ${String(code)}`).toBe('reauthenticate');
  });

  it('stops on proxy-to-proxy authentication, which the user\'s credentials cannot fix', () => {
    for (const code of [12201, 12301]) {
      expect(resolve(tmgCatalog, code), String(code)).toMatchObject({ code, outcome: 'fatal' });
      expect(rationaleOf('tmg', code), String(code)).toMatch(/proxy-to-proxy/i);
    }
  });

  it('waits before reconnecting to a busy, restarting or rate-limited server', () => {
    const busy: readonly [Catalog, CodeValue][] = [
      [httpCatalog, 429], [httpCatalog, 503], [websocketCatalog, 1012], [websocketCatalog, 1013],
      [tmgCatalog, 12208], [tmgCatalog, 12308], [tmgCatalog, 0xc0040011],
    ];
    for (const [catalog, code] of busy) expect(resolve(catalog, code)?.outcome, `${catalog.space} ${String(code)}`).toBe('retry-later');
    const quotas = tmgCatalog.entries.filter((entry) => /QUOTA/.test(entry.name));
    expect(quotas.length).toBeGreaterThanOrEqual(6);
    expect(quotas.filter((entry) => entry.outcome !== 'retry-later').map(label)).toEqual([]);
  });

  it('treats 1000 from the server as a deliberate end and 1006 as a dropped link', () => {
    expect(resolve(websocketCatalog, 1000)?.outcome).toBe('ended');
    expect(resolve(websocketCatalog, 1006)).toMatchObject({ outcome: 'retry', category: 'network' });
  });

  it('stops on certificate errors, in the tls category', () => {
    const certs = errnoCatalog.entries.filter((entry) => /CERT/.test(entry.name));
    expect(certs.length).toBeGreaterThanOrEqual(9);
    expect(certs.filter((entry) => entry.outcome !== 'fatal' || entry.category !== 'tls').map(label)).toEqual([]);
    expect(resolve(errnoCatalog, 'ENOTFOUND')).toMatchObject({ code: 'ENOTFOUND', outcome: 'retry' });
    expect(rationaleOf('errno', 'ENOTFOUND')).toMatch(/offline/);
  });

  it('resolves exact entries before ranges, and ranges only inside their bounds', () => {
    expect(resolve(websocketCatalog, 3003)).toMatchObject({ name: 'FORBIDDEN', outcome: 'fatal' });
    expect(resolve(websocketCatalog, 3500)).toMatchObject({ name: 'REGISTERED_LIBRARY_CODE', outcome: 'retry' });
    expect(resolve(websocketCatalog, 4999)).toMatchObject({ name: 'PRIVATE_USE_CODE' });
    expect(resolve(websocketCatalog, 2999)).toBeUndefined();
    expect(resolve(websocketCatalog, 5000)).toBeUndefined();
    expect(resolve(httpCatalog, 101)?.outcome).toBe('ok');
    expect(resolve(httpCatalog, 418)).toMatchObject({ name: 'CLIENT_ERROR', outcome: 'fatal' });
    expect(resolve(httpCatalog, 599)).toMatchObject({ name: 'SERVER_ERROR', outcome: 'retry' });
    expect(resolve(httpCatalog, 600)).toBeUndefined();
  });

  it('keeps the RFC 6455 codes out of every websocket range, so no range reinterprets them', () => {
    const rfc = websocketCatalog.entries.filter((entry) => (entry.code as number) < 3000);
    const covered = rfc.filter((entry) => websocketCatalog.ranges?.some((range) => (entry.code as number) >= range.from && (entry.code as number) <= range.to));
    expect(covered.map(label)).toEqual([]);
  });

  it('puts every exact http status inside the range of its class', () => {
    const misplaced = httpCatalog.entries.filter((entry) => {
      const range = httpCatalog.ranges?.find((candidate) => (entry.code as number) >= candidate.from && (entry.code as number) <= candidate.to);
      return range === undefined || Math.floor(range.from / 100) !== Math.floor((entry.code as number) / 100);
    });
    expect(misplaced.map(label)).toEqual([]);
  });

  it("gives TMG's HTTP, Win32 and Winsock rows the name and outcome of their own space", () => {
    const borrowed = tmgCatalog.entries.filter((entry) => ['http', 'win32', 'winsock'].includes(String(entry.details?.resultSpace)));
    expect(borrowed.length).toBe(21);
    for (const entry of borrowed) {
      const other = BY_SPACE.get(String(entry.details?.resultSpace));
      const there = other === undefined ? undefined : resolve(other, entry.code);
      expect(there, label(entry)).toBeDefined();
      if (there !== undefined && 'code' in there) expect(entry.name, label(entry)).toBe(there.name);
      expect({ outcome: entry.outcome, retryAfterMs: entry.retryAfterMs }, label(entry)).toEqual({ outcome: there?.outcome, retryAfterMs: there?.retryAfterMs });
    }
  });
});

describe('tmgResultSpace', () => {
  it('follows the rule at every boundary', () => {
    const cases: readonly [number, string | undefined][] = [
      [0, 'win32'], [99, 'win32'], [100, 'http'], [1000, 'http'], [1001, undefined], [10003, undefined], [10004, 'winsock'],
      [11031, 'winsock'], [11032, undefined], [12199, undefined], [12200, 'tmg'], [12399, 'tmg'], [12400, undefined],
      [0x7fffffff, undefined], [0x80000000, 'tmg'], [0xffffffff, 'tmg'], [0x100000000, undefined],
    ];
    for (const [value, space] of cases) expect(tmgResultSpace(value), String(value)).toBe(space);
  });

  it('reads 995 as win32, the quirk of the source', () => {
    expect(tmgResultSpace(995)).toBe('win32');
    expect(tmgResultSpace(994)).toBe('http');
    expect(tmgResultSpace(996)).toBe('http');
  });

  it('reads negative 32-bit values as signed HRESULTs and rejects what is not a 32-bit integer', () => {
    expect(tmgResultSpace(-1073479657)).toBe('tmg');
    expect(tmgResultSpace(-1)).toBe('tmg');
    expect(tmgResultSpace(-0x80000000)).toBe('tmg');
    for (const value of [-0x80000001, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(tmgResultSpace(value), String(value)).toBeUndefined();
  });

  it("agrees with the seed's own rule sentence and with where each entry's number belongs", () => {
    const { rule } = tmgSeed();
    expect(tmgResultSpace(rule.win32Below - 1)).toBe('win32');
    expect(tmgResultSpace(rule.win32Below)).toBe('http');
    expect([tmgResultSpace(rule.http[0]), tmgResultSpace(rule.http[1])]).toEqual(['http', 'http']);
    expect([tmgResultSpace(rule.winsock[0]), tmgResultSpace(rule.winsock[1])]).toEqual(['winsock', 'winsock']);
    const wrong = tmgCatalog.entries.filter((entry) => tmgResultSpace(entry.code as number) !== (entry.details?.resultSpace ?? 'tmg'));
    expect(wrong.map(label)).toEqual([]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(1994, 10, 6, 8, 49, 7); // 30 s before the RFC 9110 example date

  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 7\t', now)).toBe(7000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(5, now)).toBe(5000);
    expect(parseRetryAfter(1.5, now)).toBe(1500);
  });

  it('reads all three HTTP-date formats relative to nowMs', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun Nov  6 08:49:37 1994', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now + 10_000)).toBe(20_000);
  });

  it('gives 0 for a date in the past and caps long waits at 24 h', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', now + 3_600_000)).toBe(0);
    expect(parseRetryAfter('999999999999999999999', now)).toBe(RETRY_AFTER_LIMITS.maxMs);
    expect(parseRetryAfter(1e12, now)).toBe(RETRY_AFTER_LIMITS.maxMs);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', now)).toBe(24 * 60 * 60 * 1000);
  });

  it('puts a two-digit RFC 850 year in the century that keeps it within 50 years ahead', () => {
    const in2094 = Date.UTC(2094, 10, 6, 8, 49, 7);
    expect(parseRetryAfter('Saturday, 06-Nov-94 08:49:37 GMT', in2094)).toBe(30_000);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(2040, 0, 1))).toBe(0);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(2050, 0, 1))).toBe(RETRY_AFTER_LIMITS.maxMs);
  });

  it('returns undefined for absent, malformed or impossible values', () => {
    const junk: readonly (string | number | null | undefined)[] = [
      undefined, null, '', '   ', '-5', '+5', '1e3', '1.5', '0x10', 'soon', '120 seconds', -1, Number.NaN, Number.POSITIVE_INFINITY,
      'Sun, 06 Nov 1994 08:49:37 PST', 'Sun, 6 Nov 1994 08:49:37 GMT', 'sun, 06 nov 1994 08:49:37 gmt',
      'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 24:00:00 GMT', 'Sun, 06 Nov 1994 08:60:00 GMT', 'Sun, 00 Nov 1994 08:49:37 GMT',
      '2024-01-01T00:00:00Z', `${'9'.repeat(65)}`,
    ];
    for (const value of junk) expect(parseRetryAfter(value, now), JSON.stringify(value)).toBeUndefined();
  });

  it('still reads delay-seconds but not dates when nowMs is not a number', () => {
    expect(parseRetryAfter('3', Number.NaN)).toBe(3000);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Number.NaN)).toBeUndefined();
  });

  it('never throws and returns undefined or a whole number of ms within the cap, for any input', () => {
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.string(), fc.double(), fc.stringMatching(/^[ \d]{0,12}$/)), fc.integer(), (value, nowMs) => {
      const result = parseRetryAfter(value as string, nowMs);
      return result === undefined || (Number.isSafeInteger(result) && result >= 0 && result <= RETRY_AFTER_LIMITS.maxMs);
    }));
  });
});

describe('the transport catalogs a profile carries, by platform (issue 14)', () => {
  it('are WebSocket, HTTP and Node errno in Node (vitest, tsx, the installed package), the very catalog objects', () => {
    expect(BASE_TRANSPORT_CATALOGS).toHaveLength(3);
    for (const catalog of [websocketCatalog, httpCatalog, errnoCatalog]) expect(BASE_TRANSPORT_CATALOGS).toContain(catalog);
    expect(nodeVariant.PLATFORM_TRANSPORT_CATALOGS).toEqual([errnoCatalog]);
    expect(nodeVariant.PLATFORM_TRANSPORT_CATALOGS[0]).toBe(errnoCatalog);
  });

  it('has a browser variant with the same exports and no catalog: a browser never sees errno codes', () => {
    expect(Object.keys(browserVariant).sort()).toEqual(Object.keys(nodeVariant).sort());
    expect(browserVariant.PLATFORM_TRANSPORT_CATALOGS).toEqual([]);
  });

  it('keeps errno in the full transport list on every platform, and Winsock and Win32 out of the base list', () => {
    expect(TRANSPORT_CATALOGS.map((catalog) => catalog.space)).toEqual(['websocket', 'http', 'winsock', 'win32', 'errno']);
    expect(WINDOWS_TRANSPORT_CATALOGS).toEqual([winsockCatalog, win32Catalog]);
    expect(BASE_TRANSPORT_CATALOGS.some((catalog) => WINDOWS_TRANSPORT_CATALOGS.includes(catalog))).toBe(false);
  });
});
