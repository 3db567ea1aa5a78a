import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { classify, lookup } from '../../../src/index.js';
import { guacamoleLiteVocabulary } from '../../../src/codes/guacamole-lite.js';
import { guacamoleCatalog } from '../../../src/codes/guacamole.js';
import { OUTCOMES } from '../../../src/codes/types.js';
import { guacamoleLiteRationales } from '../../../src/docs-gen/rationales/index.js';

/** guacamole-lite's own source, from the installed devDependency: the vocabulary must say what it writes. */
const liteSource = readFileSync(createRequire(import.meta.url).resolve('guacamole-lite/lib/ClientConnection.js'), 'utf8');

describe('guacamole-lite vocabulary', () => {
  it('lists exactly the text codes guacamole-lite 1.2.0 writes, each with the message it writes', () => {
    const written = new Set<string>();
    for (const match of liteSource.matchAll(/errorCode = '([A-Z_]+)'|sendErrorToClient\('[^']*', '([A-Z_]+)'\)/g)) written.add(match[1] ?? match[2]!);
    expect(written.size).toBeGreaterThanOrEqual(9);
    expect(guacamoleLiteVocabulary.entries.map((e) => e.code).sort()).toEqual([...written].sort());
    for (const entry of guacamoleLiteVocabulary.entries) expect(liteSource).toContain(`'${String(entry.details?.['message'])}'`);
  });

  it('has one entry per code, a rationale for each, and no name of the seed catalog', () => {
    const names = guacamoleLiteVocabulary.entries.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const seed = new Set(guacamoleCatalog.entries.map((e) => e.name));
    for (const entry of guacamoleLiteVocabulary.entries) {
      expect(seed.has(entry.name)).toBe(false);
      expect(entry.code).toBe(entry.name);
      expect(OUTCOMES).toContain(entry.outcome);
      expect(guacamoleLiteRationales.entries[String(entry.code)], `rationale for ${String(entry.code)}`).toBeTruthy();
      expect(entry.fix).toBeTruthy();
      expect(entry.outcome === 'retry-later').toBe(entry.retryAfterMs !== undefined);
    }
  });

  it('classifies in the guacamole space by name, with the message kept', () => {
    expect(classify('guacamole', { code: 'SERVICE_UNAVAILABLE', message: 'Desktop service unavailable' })).toMatchObject({
      space: 'guacamole', code: 'SERVICE_UNAVAILABLE', known: true, outcome: 'retry-later', message: 'Desktop service unavailable',
    });
    expect(classify('guacamole', 'INVALID_TOKEN')).toMatchObject({ outcome: 'reauthenticate', category: 'auth' });
    expect(classify('guacamole', 'CONNECTION_RESET').outcome).toBe('retry');
    expect(classify('guacamole', 'CONFIG_ERROR').outcome).toBe('fatal');
    expect(lookup('guacamole', 'connection_timeout')?.code).toBe('CONNECTION_TIMEOUT');
  });

  it('leaves the seed catalog as the vendor document has it', () => {
    expect(guacamoleCatalog.entries.every((e) => typeof e.code === 'number')).toBe(true);
  });

  it('still refuses a text that is no name (a typo is not a silent retry)', () => {
    expect(() => classify('guacamole', 'SERVICE_UNAVAILABEL')).toThrow(/SESSION_ERR_INVALID_CODE|no guacamole code/);
  });

  it('DISCONNECT_WITHOUT_STATUS is the SDK reading of a bare disconnect: a bounded retry that says what to check', () => {
    expect(classify('guacamole', 'DISCONNECT_WITHOUT_STATUS')).toMatchObject({ outcome: 'retry', category: 'upstream', details: { nameSource: 'sdk' } });
  });
});
