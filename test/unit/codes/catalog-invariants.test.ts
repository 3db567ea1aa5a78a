import { describe, expect, it } from 'vitest';
import { frameCatalog } from '../../../src/codes/frame.js';
import { guacamoleCatalog } from '../../../src/codes/guacamole.js';
import { msraCatalog } from '../../../src/codes/msra.js';
import { softdriveCatalog } from '../../../src/codes/softdrive.js';
import {
  CATEGORIES, CODE_SPACES, OUTCOMES, PHASES, SEVERITIES,
  type Catalog, type CodeEntry, type CodeValue,
} from '../../../src/codes/types.js';
import { rationaleOf } from '../../../src/docs-gen/rationales/index.js';
import { frameSeed, guacamoleSeed, msraSeed, softdriveSeed } from '../../support/seeds.js';

/**
 * A catalog under test, with the vendor's own wording per code so summaries can be checked against it. Required:
 * a catalog added without them would otherwise skip the own-words check without anyone noticing.
 */
interface InvariantCase {
  readonly catalog: Catalog;
  readonly vendorTexts: ReadonlyMap<CodeValue, readonly string[]>;
}

function textsByCode<T extends { code: CodeValue }>(rows: readonly T[], pick: (row: T) => readonly string[]): Map<CodeValue, readonly string[]> {
  return new Map(rows.map((row) => [row.code, pick(row)]));
}

/** The lead appends more catalogs here (transport spaces, tmg). */
const cases: readonly InvariantCase[] = [
  { catalog: guacamoleCatalog, vendorTexts: textsByCode(guacamoleSeed(), (row) => [row.description]) },
  { catalog: msraCatalog, vendorTexts: textsByCode(msraSeed(), (row) => [row.description]) },
  { catalog: frameCatalog, vendorTexts: textsByCode(frameSeed(), (row) => [row.description]) },
  { catalog: softdriveCatalog, vendorTexts: textsByCode(softdriveSeed(), (row) => [row.name, row.cause, row.fix]) },
];

/** Outcomes after which there is nothing for anyone to fix. */
const NO_FIX_NEEDED = new Set(['ok', 'ended']);

/** Shorter shared fragments ("Reconnect") are fine; a sentence-sized one is a copy. */
const MIN_COPIED_CHARS = 16;

const normalize = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Names the entries that break a rule, so a failure says which codes to look at. */
function offenders(entries: readonly CodeEntry[], broken: (entry: CodeEntry) => boolean): string[] {
  return entries.filter(broken).map((entry) => `${String(entry.code)} ${entry.name}`);
}

function isDetailValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string' || typeof item === 'number');
  return ['string', 'number', 'boolean'].includes(typeof value);
}

describe.each(cases.map((testCase) => [testCase.catalog.space, testCase] as const))('catalog invariants: %s', (_space, { catalog, vendorTexts }) => {
  const { entries } = catalog;
  /** Rationales are docs-only data (src/docs-gen/rationales/), keyed by space and code. */
  const why = (entry: CodeEntry): string | undefined => rationaleOf(catalog.space, entry.code);

  it('declares a known space, a format, a title and a source', () => {
    expect(CODE_SPACES).toContain(catalog.space);
    expect(['decimal', 'hex32', 'two-digit', 'string']).toContain(catalog.format);
    expect(catalog.title.trim()).not.toBe('');
    expect(catalog.source.trim()).not.toBe('');
    expect(entries.length).toBeGreaterThan(0);
  });

  it('is plain data that survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(catalog))).toStrictEqual(catalog);
    expect(offenders(entries, (entry) => Object.getPrototypeOf(entry) !== Object.prototype)).toEqual([]);
  });

  it('uses codes that are non-negative integers or non-empty strings, each once', () => {
    expect(offenders(entries, (entry) => typeof entry.code === 'number'
      ? !Number.isSafeInteger(entry.code) || entry.code < 0
      : entry.code.trim() === '')).toEqual([]);
    const codes = entries.map((entry) => entry.code);
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });

  it('takes outcome, category, severity and phases from the shared vocabulary', () => {
    expect(offenders(entries, (entry) => !OUTCOMES.includes(entry.outcome))).toEqual([]);
    expect(offenders(entries, (entry) => !CATEGORIES.includes(entry.category))).toEqual([]);
    expect(offenders(entries, (entry) => !SEVERITIES.includes(entry.severity))).toEqual([]);
    expect(offenders(entries, (entry) => entry.phases.length === 0
      || entry.phases.some((phase) => !PHASES.includes(phase))
      || new Set(entry.phases).size !== entry.phases.length)).toEqual([]);
  });

  it('sets retryAfterMs exactly on retry-later entries, as a positive whole number of ms', () => {
    expect(offenders(entries, (entry) => (entry.outcome === 'retry-later') !== (entry.retryAfterMs !== undefined))).toEqual([]);
    expect(offenders(entries, (entry) => entry.retryAfterMs !== undefined
      && (!Number.isSafeInteger(entry.retryAfterMs) || entry.retryAfterMs <= 0))).toEqual([]);
  });

  it('explains every retry-later floor in a rationale', () => {
    expect(offenders(entries, (entry) => entry.outcome === 'retry-later' && why(entry) === undefined)).toEqual([]);
  });

  it('keeps severity consistent with the outcome', () => {
    expect(offenders(entries, (entry) => entry.outcome === 'ok' && entry.severity !== 'info')).toEqual([]);
    expect(offenders(entries, (entry) => ['fatal', 'reauthenticate'].includes(entry.outcome) && entry.severity === 'info')).toEqual([]);
  });

  it('writes a non-empty summary that is not the symbolic name', () => {
    expect(offenders(entries, (entry) => entry.summary.trim() === '' || entry.summary !== entry.summary.trim())).toEqual([]);
    expect(offenders(entries, (entry) => normalize(entry.summary) === normalize(entry.name))).toEqual([]);
  });

  it('words summaries and fixes in its own words, not the vendor\'s', () => {
    expect(vendorTexts.size, 'vendor texts to compare against').toBeGreaterThan(0);
    // A copy either contains the vendor's sentence or is a sizeable piece cut out of it.
    const copies = (text: string | undefined, code: CodeValue): boolean => text !== undefined
      && (vendorTexts.get(code) ?? []).some((vendor) => {
        const ours = normalize(text);
        const theirs = normalize(vendor);
        return (theirs.length > 0 && ours.includes(theirs)) || (ours.length >= MIN_COPIED_CHARS && theirs.includes(ours));
      });
    expect(offenders(entries, (entry) => copies(entry.summary, entry.code))).toEqual([]);
    expect(offenders(entries, (entry) => copies(entry.fix, entry.code))).toEqual([]);
  });

  it('gives a fix for every outcome that leaves someone something to do', () => {
    expect(offenders(entries, (entry) => !NO_FIX_NEEDED.has(entry.outcome) && (entry.fix ?? '').trim() === '')).toEqual([]);
  });

  it('keeps rationales to one non-empty line', () => {
    expect(offenders(entries, (entry) => {
      const rationale = why(entry);
      return rationale !== undefined && (rationale.trim() === '' || /[\r\n]/.test(rationale));
    })).toEqual([]);
  });

  it('keeps details to strings, numbers, booleans and lists of them', () => {
    expect(offenders(entries, (entry) => Object.values(entry.details ?? {}).some((value) => !isDetailValue(value)))).toEqual([]);
  });
});
