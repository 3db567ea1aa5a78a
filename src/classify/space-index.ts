/**
 * Per-space lookup tables, built once from a catalog. Every entry's Classification is computed
 * here and frozen (arrays and details too), so lookups hand out shared, immutable objects.
 */
import { SessionError, describeValue } from '../errors/index.js';
import { PHASES } from '../codes/types.js';
import type { Catalog, Classification, CodeEntry, CodeRange, CodeSpace, CodeValue, EntryDetails } from '../codes/types.js';

export interface SpaceIndex {
  readonly space: CodeSpace;
  readonly catalog: Catalog;
  /** Exact code → classification (numbers, and string codes such as errno names). */
  readonly byCode: ReadonlyMap<CodeValue, Classification>;
  /** Lower-cased name, alias or string code → classification (primary names win over aliases). */
  readonly byText: ReadonlyMap<string, Classification>;
  readonly ranges: readonly CodeRange[];
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function freezeDetails(details: EntryDetails): EntryDetails {
  const copy: Record<string, EntryDetails[string]> = {};
  for (const [key, value] of Object.entries(details)) copy[key] = Array.isArray(value) ? Object.freeze([...value]) : value;
  return Object.freeze(copy);
}

/** A frozen Classification for a catalog entry or range row, at `code`. */
export function classificationOf(space: CodeSpace, row: CodeEntry | CodeRange, code: CodeValue, extraDetails?: EntryDetails): Classification {
  const result: Writable<Classification> = {
    space,
    code,
    name: row.name,
    known: true,
    summary: row.summary,
    severity: row.severity,
    phases: Object.freeze([...row.phases]),
    category: row.category,
    outcome: row.outcome,
  };
  if (row.retryAfterMs !== undefined) result.retryAfterMs = row.retryAfterMs;
  if (row.fix !== undefined) result.fix = row.fix;
  const aliases = 'aliases' in row ? row.aliases : undefined;
  if (aliases !== undefined && aliases.length > 0) result.aliases = Object.freeze([...aliases]);
  const details = row.details === undefined && extraDetails === undefined ? undefined : { ...row.details, ...extraDetails };
  if (details !== undefined) result.details = freezeDetails(details);
  return Object.freeze(result);
}

const ALL_PHASES = Object.freeze([...PHASES]);

/** The conservative answer for a well-formed code no catalog lists (docs/outcomes.md). */
export function unknownClassification(space: CodeSpace, code: CodeValue, title?: string): Classification {
  const shown = typeof code === 'string' ? JSON.stringify(code) : String(code);
  return Object.freeze({
    space,
    code,
    name: 'UNKNOWN',
    known: false,
    summary: `${shown} is not in the ${title ?? space} catalog; treated as a transient fault and retried within the policy's limits.`,
    severity: 'warning',
    phases: ALL_PHASES,
    category: 'internal',
    outcome: 'retry',
  } satisfies Classification);
}

/** The same classification with an outer layer and/or a message attached (a new frozen object). */
export function withContext(base: Classification, via: Classification | undefined, message: string | undefined): Classification {
  if (via === undefined && message === undefined) return base;
  return Object.freeze({
    ...base,
    ...(via === undefined ? {} : { via }),
    ...(message === undefined ? {} : { message }),
  });
}

function badCatalog(catalog: Catalog, why: string, value: unknown): SessionError {
  return new SessionError('SESSION_ERR_INVALID_OPTION', `catalog ${describeValue(catalog.space)}: ${why} (got ${describeValue(value)})`, {
    field: 'catalogs',
    value: describeValue(value),
  });
}

export function buildSpaceIndex(catalog: Catalog): SpaceIndex {
  const byCode = new Map<CodeValue, Classification>();
  const byText = new Map<string, Classification>();
  for (const entry of catalog.entries) {
    if (byCode.has(entry.code)) throw badCatalog(catalog, 'duplicate code', entry.code);
    const classification = classificationOf(catalog.space, entry, entry.code);
    byCode.set(entry.code, classification);
    if (typeof entry.code === 'string') byText.set(entry.code.toLowerCase(), classification);
  }
  // Primary names first, so a name that is also another value's alias finds its own entry.
  for (const classification of byCode.values()) {
    const key = classification.name.toLowerCase();
    if (!byText.has(key)) byText.set(key, classification);
  }
  for (const classification of byCode.values()) {
    for (const alias of classification.aliases ?? []) {
      const key = alias.toLowerCase();
      if (!byText.has(key)) byText.set(key, classification);
    }
  }
  for (const range of catalog.ranges ?? []) {
    if (!Number.isInteger(range.from) || !Number.isInteger(range.to) || range.from > range.to) {
      throw badCatalog(catalog, 'a range needs integer from ≤ to', `${range.from}-${range.to}`);
    }
  }
  return { space: catalog.space, catalog, byCode, byText, ranges: catalog.ranges ?? [] };
}

/** Exact entry, else the range row that covers a number (a fresh frozen object per call). */
export function lookupNumber(index: SpaceIndex, value: number): Classification | undefined {
  const exact = index.byCode.get(value);
  if (exact !== undefined) return exact;
  for (const range of index.ranges) {
    if (value >= range.from && value <= range.to) {
      return classificationOf(index.space, range, value, { range: `${range.from}-${range.to}` });
    }
  }
  return undefined;
}
