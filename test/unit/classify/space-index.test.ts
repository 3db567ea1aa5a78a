/**
 * Per-space lookup tables and the printed-form check: which keys a classification carries, which entry a
 * text finds, catalog errors, range bounds, and what counts as a decorated code (found by
 * `npm run mutate -- classify`; docs/testing-quality.md).
 */
import { describe, expect, it } from 'vitest';
import { buildSpaceIndex, lookupNumber, unknownClassification, withContext } from '../../../src/classify/space-index.js';
import { classify, lookup } from '../../../src/classify/classify.js';
import type { Catalog, CodeEntry } from '../../../src/codes/types.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

function row(input: Pick<CodeEntry, 'code' | 'name'> & Partial<CodeEntry>): CodeEntry {
  return { summary: `fixture ${input.name}`, severity: 'error', category: 'server', outcome: 'retry', phases: ['connect'], ...input };
}

function catalogOf(entries: readonly CodeEntry[], ranges?: Catalog['ranges']): Catalog {
  return { space: 'guacamole', title: 'Fixture', source: 'fixture', format: 'decimal', entries, ...(ranges === undefined ? {} : { ranges }) };
}

describe('buildSpaceIndex classifications', () => {
  it('carries retryAfterMs, fix, aliases and details only when the entry has them', () => {
    const index = buildSpaceIndex(
      catalogOf([
        row({ code: 1, name: 'PLAIN' }),
        row({ code: 2, name: 'EMPTY_ALIASES', aliases: [] }),
        row({ code: 3, name: 'FULL', retryAfterMs: 5000, fix: 'wait', aliases: ['ALSO'], details: { list: [1, 2] } }),
      ]),
    );
    for (const code of [1, 2]) {
      const plain = index.byCode.get(code)!;
      for (const key of ['retryAfterMs', 'fix', 'aliases', 'details', 'via', 'message']) expect(key in plain, `${code} ${key}`).toBe(false);
    }
    const full = index.byCode.get(3)!;
    expect(full).toMatchObject({ retryAfterMs: 5000, fix: 'wait', aliases: ['ALSO'], details: { list: [1, 2] } });
    expect(Object.isFrozen(full.details?.['list'])).toBe(true);
  });

  it('finds a string code before another entry\'s name of the same text, and a name before an alias', () => {
    const index = buildSpaceIndex(
      catalogOf([row({ code: 'FOO', name: 'STRING_CODE' }), row({ code: 2, name: 'foo' }), row({ code: 3, name: 'BAR' }), row({ code: 4, name: 'ALIASED', aliases: ['bar'] })]),
    );
    expect(index.byText.get('foo')?.code).toBe('FOO');
    expect(index.byText.get('bar')?.code).toBe(3);
    expect(index.byText.get('aliased')?.code).toBe(4);
  });

  it('refuses a duplicate code and a range that is not integer from ≤ to, naming the catalog', () => {
    const duplicate = sessionErrorFrom(() => buildSpaceIndex(catalogOf([row({ code: 5, name: 'A' }), row({ code: 5, name: 'B' })])), 'SESSION_ERR_INVALID_OPTION');
    expect(duplicate.message).toBe('catalog "guacamole": duplicate code (got 5)');
    expect(duplicate.field).toBe('catalogs');
    expect(duplicate.value).toBe('5');
    const range = (from: number, to: number) => ({ from, to, name: 'R', summary: 's', severity: 'error', category: 'server', outcome: 'retry', phases: ['connect'] }) as const;
    for (const [from, to] of [[5, 3], [1.5, 3], [1, 2.5]] as const) {
      const error = sessionErrorFrom(() => buildSpaceIndex(catalogOf([], [range(from, to)])), 'SESSION_ERR_INVALID_OPTION');
      expect(error.message).toBe(`catalog "guacamole": a range needs integer from ≤ to (got "${from}-${to}")`);
    }
    const single = buildSpaceIndex(catalogOf([], [range(7, 7)]));
    expect(lookupNumber(single, 7)).toMatchObject({ name: 'R', details: { range: '7-7' } });
  });

  it('reads a range at both of its ends and not past them', () => {
    const index = buildSpaceIndex(
      catalogOf([], [{ from: 10, to: 20, name: 'R', summary: 's', severity: 'error', category: 'server', outcome: 'retry', phases: ['connect'] }]),
    );
    expect(lookupNumber(index, 10)).toMatchObject({ code: 10, details: { range: '10-20' } });
    expect(lookupNumber(index, 20)).toMatchObject({ code: 20 });
    expect(lookupNumber(index, 9)).toBeUndefined();
    expect(lookupNumber(index, 21)).toBeUndefined();
  });
});

describe('unknownClassification and withContext', () => {
  it('quotes a string code and names the catalog by its title', () => {
    expect(unknownClassification('errno', 'EFOO').summary).toBe('"EFOO" is not in the errno catalog; treated as a transient fault and retried within the policy\'s limits.');
    expect(unknownClassification('guacamole', 99, 'Apache Guacamole').summary).toMatch(/^99 is not in the Apache Guacamole catalog;/);
  });

  it('adds only the layers it is given', () => {
    const base = unknownClassification('guacamole', 1);
    const via = unknownClassification('websocket', 1011);
    expect(withContext(base, undefined, undefined)).toBe(base);
    expect('message' in withContext(base, via, undefined)).toBe(false);
    expect('via' in withContext(base, undefined, 'm')).toBe(false);
    expect(withContext(base, via, 'm')).toMatchObject({ via, message: 'm' });
  });
});

describe('printed forms', () => {
  it('treats a code printed with a name, a second number or a second name as a claim about one entry', () => {
    expect(lookup('guacamole', 99_999)).toBeUndefined();
    expect(lookup('guacamole', 'NOPE')).toBeUndefined();
    for (const decorated of ['99999 (NOPE)', '99998/99999', 'NOPE or NADA']) {
      expect(() => lookup('guacamole', decorated), decorated).toThrow(/matches no guacamole entry/);
    }
  });

  it('compares a printed name without case or surrounding space, but not with its spaces removed', () => {
    expect(classify('guacamole', '519 (upstream_not_found)')).toMatchObject({ code: 519 });
    expect(() => classify('guacamole', '519 (UPSTREAM_NOT _FOUND)')).toThrow(/does not match guacamole 519/);
  });

  it('refuses a second number on an entry that has no pair or range', () => {
    const error = sessionErrorFrom(() => classify('guacamole', '519/520'), 'SESSION_ERR_INVALID_CODE');
    expect(error.message).toMatch(/does not match guacamole 519 UPSTREAM_NOT_FOUND/);
  });
});
