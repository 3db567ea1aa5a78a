import { describe, expect, it } from 'vitest';
import { classify, defaultClassifier, lookup, lookupAll } from '../../../src/classify/index.js';
import { catalogs } from '../../../src/codes/index.js';
import { CODE_SPACES } from '../../../src/codes/types.js';
import { isSessionError } from '../../../src/errors/index.js';

describe('classify (over the shipped catalogs)', () => {
  it('exposes one frozen catalog per code space', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...CODE_SPACES].sort());
    for (const space of CODE_SPACES) expect(catalogs[space].space).toBe(space);
    expect(Object.isFrozen(catalogs)).toBe(true);
    expect(defaultClassifier().spaces).toEqual(CODE_SPACES);
  });

  it('finds every catalog entry by its code and by its name', () => {
    for (const space of CODE_SPACES) {
      for (const entry of catalogs[space].entries) {
        const byCode = classify(space, entry.code);
        expect(byCode, `${space} ${entry.code}`).toMatchObject({ space, code: entry.code, name: entry.name, known: true, outcome: entry.outcome });
        const byName = classify(space, { space, code: entry.name });
        expect([byName.name, ...(byName.aliases ?? [])], `${space} ${entry.name}`).toContain(entry.name);
      }
    }
  });

  it('reads the TMG examples of the design: hex, signed HRESULT, web-proxy and Winsock codes', () => {
    const hex = classify('tmg', '0xC0040017');
    expect(hex).toMatchObject({ space: 'tmg', code: 0xc0040017, known: true });
    expect(classify('tmg', -1073479657)).toBe(hex);
    expect(classify('tmg', 12208)).toMatchObject({ space: 'tmg', outcome: 'retry-later' });
    expect(classify('tmg', 10061)).toMatchObject({ code: 10061, known: true, outcome: 'retry' });
    expect(['tmg', 'winsock']).toContain(classify('tmg', 10061).space);
  });

  it('reads a FACILITY_WIN32 HRESULT that TMG lacks as its win32 entry', () => {
    const tmgCodes = new Set(catalogs.tmg.entries.map((entry) => entry.code));
    const win32 = catalogs.win32.entries.find((entry) => typeof entry.code === 'number' && entry.code > 0 && !tmgCodes.has((0x80070000 | entry.code) >>> 0));
    if (win32 === undefined || typeof win32.code !== 'number') throw new Error('no suitable win32 entry');
    const hresult = `0x${((0x80070000 | win32.code) >>> 0).toString(16)}`;
    expect(classify('tmg', hresult)).toMatchObject({ space: 'win32', code: win32.code, name: win32.name });
  });

  it('classifies transport spaces and signals directly', () => {
    expect(classify('websocket', 1006)).toMatchObject({ space: 'websocket', name: 'ABNORMAL_CLOSURE' });
    expect(classify('errno', 'ECONNREFUSED')).toMatchObject({ space: 'errno', known: true, outcome: 'retry' });
    expect(classify('http', { status: 503 })).toMatchObject({ space: 'http', outcome: 'retry-later' });
    expect(classify('guacamole', { code: 1011, reason: '519' })).toMatchObject({ space: 'guacamole', code: 519, via: { space: 'websocket', code: 1011 } });
    expect(classify('softdrive', 'Error Code 04')).toMatchObject({ name: 'KeepAliveTimeout' });
    expect(classify('msra', 'SAFERROR_HELPEESAIDNO')).toMatchObject({ outcome: 'user-decision' });
  });

  it('returns the same frozen object for the same known code', () => {
    expect(classify('guacamole', 519)).toBe(classify('guacamole', 519));
    expect(Object.isFrozen(classify('guacamole', 519))).toBe(true);
  });

  it('answers lookup and lookupAll across spaces', () => {
    expect(lookup('guacamole', '0x0207')?.name).toBe('UPSTREAM_NOT_FOUND');
    expect(lookupAll(4006).map((c) => c.space)).toEqual(expect.arrayContaining(['frame', 'websocket']));
    expect(lookupAll(502).map((c) => c.space)).toEqual(expect.arrayContaining(['http', 'tmg']));
  });

  it('rejects an unknown protocol, naming the value and the accepted ids', () => {
    let caught: unknown;
    try {
      classify('rdp' as never, 519);
    } catch (error) {
      caught = error;
    }
    expect(isSessionError(caught, 'SESSION_ERR_UNKNOWN_PROTOCOL')).toBe(true);
    expect((caught as Error).message).toContain('"rdp"');
    expect((caught as Error).message).toContain(CODE_SPACES.join(', '));
  });
});
