import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import type { Classification } from '../../../src/codes/types.js';
import { fixtureCatalogs, fixtureGuacamole, fixtureTmg } from '../../support/fixture-catalogs.js';

const classifier = createClassifier(fixtureCatalogs);

function expectDeepFrozen(value: Classification): void {
  expect(Object.isFrozen(value)).toBe(true);
  expect(Object.isFrozen(value.phases)).toBe(true);
  if (value.aliases !== undefined) expect(Object.isFrozen(value.aliases)).toBe(true);
  if (value.details !== undefined) {
    expect(Object.isFrozen(value.details)).toBe(true);
    for (const item of Object.values(value.details)) if (typeof item === 'object') expect(Object.isFrozen(item)).toBe(true);
  }
  if (value.via !== undefined) expectDeepFrozen(value.via);
}

describe('classify (frozen, shared results)', () => {
  it('returns the very same frozen object for a known plain code every time', () => {
    const first = classifier.classify('guacamole', 519);
    expect(classifier.classify('guacamole', 519)).toBe(first);
    expect(classifier.classify('guacamole', '519')).toBe(first);
    expect(classifier.lookup('guacamole', 519)).toBe(first);
    expectDeepFrozen(first);
  });

  it('freezes every result kind: aliases, details, ranges, unknowns, via, messages', () => {
    expectDeepFrozen(classifier.classify('tmg', 0xc0040017));
    expectDeepFrozen(classifier.classify('guacamole', 519));
    expectDeepFrozen(classifier.classify('websocket', 4321));
    expectDeepFrozen(classifier.classify('guacamole', 4242));
    expectDeepFrozen(classifier.classify('guacamole', { code: 1011, reason: '519' }));
    expectDeepFrozen(classifier.classify('http', { status: 503, retryAfter: '60' }));
  });

  it('lets no caller change a result or the catalog behind it', () => {
    const result = classifier.classify('guacamole', 519) as unknown as { outcome: string; phases: string[] };
    expect(() => { result.outcome = 'ok'; }).toThrow(TypeError);
    expect(() => { result.phases.push('stream'); }).toThrow(TypeError);
    expect(classifier.classify('guacamole', 519).outcome).toBe('retry');
    const entry = fixtureGuacamole.entries.find((e) => e.code === 519);
    expect(Object.isFrozen(entry)).toBe(false);
    expect(entry?.phases).toEqual(['connect']);
  });

  it('copies catalog arrays instead of sharing them', () => {
    const source = fixtureTmg.entries.find((e) => e.code === 0xc0040017);
    const result = classifier.classify('tmg', 0xc0040017);
    expect(result.aliases).toEqual(source?.aliases);
    expect(result.aliases).not.toBe(source?.aliases);
    expect(result.phases).not.toBe(source?.phases);
  });

  it('builds equal but separate results for separate classifiers', () => {
    const other = createClassifier(fixtureCatalogs);
    expect(other.classify('guacamole', 519)).toEqual(classifier.classify('guacamole', 519));
    expect(other.classify('guacamole', 519)).not.toBe(classifier.classify('guacamole', 519));
  });

  it('leaves no rationale (a docs-only field) in results', () => {
    expect('rationale' in classifier.classify('guacamole', 513)).toBe(false);
  });
});
