import { describe, expect, it } from 'vitest';
import { frameCatalog } from '../../../src/codes/frame.js';
import { guacamoleCatalog } from '../../../src/codes/guacamole.js';
import { msraCatalog } from '../../../src/codes/msra.js';
import { softdriveCatalog } from '../../../src/codes/softdrive.js';
import type { Catalog, CodeEntry, CodeValue, Outcome, Phase } from '../../../src/codes/types.js';
import { rationaleOf } from '../../../src/docs-gen/rationales/index.js';
import { frameSeed, guacamoleSeed, msraSeed, softdriveSeed } from '../../support/seeds.js';

function byCode(catalog: Catalog): Map<CodeValue, CodeEntry> {
  return new Map(catalog.entries.map((entry) => [entry.code, entry]));
}

/** `[code, name]` pairs, sorted, so a diff shows exactly which code or name is off. */
function pairs(rows: readonly { code: CodeValue; name: string }[]): string[] {
  return rows.map((row) => `${String(row.code)} ${row.name}`).sort();
}

function duplicates<T>(values: readonly T[]): T[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** Outcomes the issue prescribes for named codes: the product's promises, checked per space. */
function outcomesOf(catalog: Catalog, codes: readonly CodeValue[]): Record<string, Outcome | undefined> {
  const entries = byCode(catalog);
  return Object.fromEntries(codes.map((code) => [String(code), entries.get(code)?.outcome]));
}

function expectOutcomes(catalog: Catalog, expected: Partial<Record<Outcome, readonly CodeValue[]>>): void {
  const wanted: Record<string, Outcome> = {};
  for (const [outcome, codes] of Object.entries(expected) as [Outcome, readonly CodeValue[]][]) {
    for (const code of codes) wanted[String(code)] = outcome;
  }
  const codes = Object.values(expected).flat();
  expect(outcomesOf(catalog, codes)).toEqual(wanted);
}

describe('guacamole catalog against seed 000', () => {
  const seed = guacamoleSeed();
  const entries = byCode(guacamoleCatalog);

  it('has exactly the 21 status codes of the seed, with their exact names', () => {
    expect(seed).toHaveLength(21);
    expect(pairs(guacamoleCatalog.entries)).toEqual(pairs(seed));
  });

  it('gives each code its 4-digit hex form as upstream writes it', () => {
    const wrong = guacamoleCatalog.entries.filter((entry) => typeof entry.code !== 'number'
      || entry.details?.['hex'] !== `0x${entry.code.toString(16).toUpperCase().padStart(4, '0')}`);
    expect(wrong.map((entry) => entry.name)).toEqual([]);
  });

  it('pairs each status with the HTTP status and WebSocket close code guacamole-client uses', () => {
    // Transcribed from apache/guacamole-client GuacamoleStatus.java (name: [http, websocket]).
    const upstream: Record<string, [number, number]> = {
      SUCCESS: [200, 1000], UNSUPPORTED: [501, 1011], SERVER_ERROR: [500, 1011], SERVER_BUSY: [503, 1008],
      UPSTREAM_TIMEOUT: [504, 1011], UPSTREAM_ERROR: [502, 1011], RESOURCE_NOT_FOUND: [404, 1002],
      RESOURCE_CONFLICT: [409, 1008], RESOURCE_CLOSED: [404, 1002], UPSTREAM_NOT_FOUND: [502, 1011],
      UPSTREAM_UNAVAILABLE: [502, 1011], SESSION_CONFLICT: [409, 1008], SESSION_TIMEOUT: [408, 1002],
      SESSION_CLOSED: [404, 1002], CLIENT_BAD_REQUEST: [400, 1002], CLIENT_UNAUTHORIZED: [403, 1008],
      CLIENT_FORBIDDEN: [403, 1008], CLIENT_TIMEOUT: [408, 1002], CLIENT_OVERRUN: [413, 1009],
      CLIENT_BAD_TYPE: [415, 1003], CLIENT_TOO_MANY: [429, 1008],
    };
    const actual = Object.fromEntries(guacamoleCatalog.entries.map((entry) =>
      [entry.name, [entry.details?.['httpStatus'], entry.details?.['websocketCode']]]));
    expect(actual).toEqual(upstream);
  });

  it('does not say "PAM" in user-facing text', () => {
    const texts = guacamoleCatalog.entries.flatMap((entry) => [entry.summary, entry.fix ?? '']);
    expect(texts.filter((text) => /\bPAM\b/.test(text))).toEqual([]);
  });

  it('gives the outcomes the issue prescribes', () => {
    expectOutcomes(guacamoleCatalog, {
      ok: [0], reauthenticate: [769], 'user-decision': [521, 797], ended: [522, 523],
      'retry-later': [513, 520], retry: [512, 514, 515, 519], fatal: [256, 768, 771, 781, 783],
    });
    const why: Record<number, RegExp> = { 516: /same missing resource/, 517: /another session holds/, 518: /closed on purpose/, 776: /stops answering/ };
    for (const [code, reason] of Object.entries(why)) {
      const entry = entries.get(Number(code));
      const rationale = rationaleOf('guacamole', Number(code));
      expect(entry, `entry for ${code}`).toBeDefined();
      expect(rationale, `rationale for ${code}`).toMatch(reason);
      expect(rationale, `rationale for ${code}`).toMatch(/^\S.{29,}\.$/); // a sentence, not a placeholder
      expect(rationale, `rationale for ${code}`).not.toBe(entry?.summary);
    }
    expect(rationaleOf('guacamole', 797)).toMatch(/another tab/);
  });
});

describe('msra catalog against seed 001', () => {
  const seed = msraSeed();
  const entries = byCode(msraCatalog);

  it('has exactly the 48 REMOTEDESKTOP_CTL_RESULT values, with their exact names', () => {
    expect(seed).toHaveLength(48);
    expect(pairs(msraCatalog.entries)).toEqual(pairs(seed));
  });

  it('marks the values documented as unused, and says so in their rationale', () => {
    const unused = seed.filter((row) => row.unused).map((row) => row.code);
    expect(unused).toEqual([35, 36, 38, 48]);
    expect(msraCatalog.entries.filter((entry) => entry.details?.['unused'] === true).map((entry) => entry.code)).toEqual(unused);
    for (const code of unused) expect(rationaleOf('msra', code), `rationale for ${code}`).toMatch(/not used/i);
  });

  it('records the protocol version where the seed limits a value to one', () => {
    const expected = Object.fromEntries(seed.filter((row) => row.version !== undefined).map((row) => [row.code, row.version]));
    expect(Object.keys(expected)).toHaveLength(3);
    const actual = Object.fromEntries(msraCatalog.entries
      .filter((entry) => entry.details?.['version'] !== undefined)
      .map((entry) => [entry.code, entry.details?.['version']]));
    expect(actual).toEqual(expected);
  });

  it('gives the outcomes the issue prescribes', () => {
    expectOutcomes(msraCatalog, {
      reauthenticate: [26, 61], 'user-decision': [37, 40, 41], ended: [3, 4, 50, 300, 301, 302],
      retry: [5, 6, 8, 9, 11, 12, 15, 20, 52],
    });
    expect(rationaleOf('msra', 50)).toMatch(/invitation/);
    expect(entries.get(50)?.retryAfterMs).toBeUndefined();
    expect(['reauthenticate', 'fatal']).toContain(entries.get(27)?.outcome);
    expect(rationaleOf('msra', 27)).toMatch(/invitation acts as the credential/);
  });
});

describe('frame catalog against seed 002', () => {
  const seed = frameSeed();
  const entries = byCode(frameCatalog);

  it('has exactly the 33 codes of the seed', () => {
    expect(seed).toHaveLength(33);
    expect(frameCatalog.entries.map((entry) => entry.code).sort()).toEqual(seed.map((row) => row.code).sort());
  });

  it('keeps the seed\'s type, component and FRP version columns', () => {
    const columns = (rows: readonly { code: CodeValue; type?: unknown; component?: unknown; frp?: unknown; frpVersions?: unknown }[]) =>
      Object.fromEntries(rows.map((row) => [row.code, [row.type, row.component, row.frp, row.frpVersions]]));
    const catalogColumns = columns(frameCatalog.entries.map((entry) => ({ code: entry.code, ...entry.details })));
    expect(catalogColumns).toEqual(columns(seed));
  });

  it('names every code in UPPER_SNAKE, uniquely, and marks the names as the SDK\'s', () => {
    const names = frameCatalog.entries.map((entry) => entry.name);
    expect(names.filter((name) => !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(name))).toEqual([]);
    expect(duplicates(names)).toEqual([]);
    expect(frameCatalog.entries.filter((entry) => entry.details?.['nameSource'] !== 'sdk').map((entry) => entry.code)).toEqual([]);
  });

  it('uses the example name for 4000 and informational outcomes only for Info rows', () => {
    expect(entries.get(4000)?.name).toBe('USER_CLOSED_SESSION');
    const infoCodes = new Set(seed.filter((row) => row.type === 'Info').map((row) => row.code));
    const okButError = frameCatalog.entries.filter((entry) => entry.outcome === 'ok' && !infoCodes.has(entry.code as number));
    expect(okButError.map((entry) => entry.code)).toEqual([]);
  });

  it('gives the outcomes the issue prescribes', () => {
    expectOutcomes(frameCatalog, {
      ended: [4000, 4008, 4009, 4015, 4018, 4019], 'user-decision': [4006], ok: [4103], fatal: [4022],
      retry: [4101, 4102, 4106, 4107, 4108, 5006, 5007, 5008, 5009, 5010, 5019],
    });
  });
});

describe('softdrive catalog against seed 003', () => {
  const seed = softdriveSeed();
  const entries = byCode(softdriveCatalog);
  const phaseOf: Record<string, Phase> = {
    'Pre-Session': 'pre-session', Connect: 'connect', Handshake: 'handshake', Stream: 'stream', 'Keep Alive': 'keepalive',
  };

  it('has an entry for every row (the range row split in four), with the Description column as name', () => {
    expect(seed.length).toBeGreaterThan(0);
    expect(pairs(softdriveCatalog.entries)).toEqual(pairs(seed));
  });

  it('matches the unnumbered row by its text and numbers 01-19 as plain numbers', () => {
    expect(entries.get('Guest Agent not Responding')?.name).toBe('Guest agent is not responding');
    expect(entries.get(4)?.name).toBe('KeepAliveTimeout');
    expect(softdriveCatalog.entries.filter((entry) => typeof entry.code === 'string')).toHaveLength(1);
  });

  it('keeps the range, session phase and typical cause of each row', () => {
    const facts = (rows: readonly { code: CodeValue; range?: unknown; phases: readonly string[]; cause?: unknown }[]) =>
      Object.fromEntries(rows.map((row) => [row.code, { range: row.range, phases: row.phases, cause: row.cause }]));
    const fromCatalog = facts(softdriveCatalog.entries.map((entry) =>
      ({ code: entry.code, phases: entry.phases, range: entry.details?.['range'], cause: entry.details?.['cause'] })));
    const fromSeed = facts(seed.map((row) => ({ code: row.code, range: row.range, phases: [phaseOf[row.phase] ?? row.phase], cause: row.cause })));
    expect(fromCatalog).toEqual(fromSeed);
  });

  it('gives a fix for every row that has a Quick Fix, in its own words', () => {
    const missingOrCopied = seed.filter((row) => {
      const fix = entries.get(row.code)?.fix;
      return fix === undefined || fix.trim().toLowerCase() === row.fix.trim().toLowerCase();
    });
    expect(missingOrCopied.map((row) => row.code)).toEqual([]);
  });

  it('invents no entry for a code a heading promises but the table lacks, and notes each one', () => {
    const listed = new Set(seed.map((row) => row.code));
    const promised = [...new Set(seed.flatMap((row) => {
      if (row.sectionRange === undefined) return [];
      const [from, to] = row.sectionRange;
      return Array.from({ length: to - from + 1 }, (_, index) => from + index);
    }))];
    const missing = promised.filter((code) => !listed.has(code));
    expect(missing).toEqual([5, 16, 17]);
    for (const code of missing) expect(entries.has(code), `entry for ${code}`).toBe(false);
    const notes = (softdriveCatalog.notes ?? []).join(' ');
    for (const code of missing) expect(notes).toContain(String(code).padStart(2, '0'));
  });

  it('gives the outcomes the issue prescribes, with floors that honour the vendor\'s advice', () => {
    expectOutcomes(softdriveCatalog, {
      reauthenticate: [15], 'user-decision': [10], ended: [14], 'retry-later': [13, 502], retry: [2, 3, 4, 11, 12, 18, 19],
    });
    expect(entries.get(13)?.retryAfterMs).toBeGreaterThanOrEqual(60_000);
    // "Retry after a few minutes": at least two.
    expect(entries.get(502)?.retryAfterMs).toBeGreaterThanOrEqual(120_000);
    expect(['retry', 'retry-later']).toContain(entries.get(500)?.outcome);
    expect(rationaleOf('softdrive', 500)).toMatch(/retry later.*floor/i);
  });
});

describe.each([guacamoleCatalog, msraCatalog, frameCatalog, softdriveCatalog].map((catalog) => [catalog.space, catalog] as const))(
  'protocol catalog %s',
  (_space, catalog) => {
    it('lists each code once', () => {
      expect(duplicates(catalog.entries.map((entry) => entry.code))).toEqual([]);
    });

    it('uses each name once, except entries split from one range row', () => {
      const names = catalog.entries.filter((entry) => entry.details?.['range'] === undefined).map((entry) => entry.name);
      expect(duplicates(names)).toEqual([]);
      const ranged = catalog.entries.filter((entry) => entry.details?.['range'] !== undefined);
      for (const entry of ranged) expect(names, `${String(entry.code)} shares a name outside its range`).not.toContain(entry.name);
    });
  },
);
