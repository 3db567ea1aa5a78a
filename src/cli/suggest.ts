/**
 * "did you mean UPSTREAM_NOT_FOUND?": the catalog names nearest to a mistyped one, by edit distance
 * (insertions, deletions, substitutions and swapped neighbours), ignoring case.
 */
import type { Catalog, CodeSpace } from '../codes/types.js';

export interface NameSuggestion {
  readonly space: CodeSpace;
  readonly name: string;
  readonly distance: number;
}

/** Optimal string alignment distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** A typo allowance that grows with the name: 1 for short names, up to a quarter of the length. */
const allowance = (length: number): number => Math.max(1, Math.min(4, Math.floor(length / 4)));

/**
 * The names (and aliases) nearest to `typed` across `catalogs`, closest first, at most `limit`;
 * none when nothing is within the allowance. Only all-letter words of 4+ characters are looked at.
 */
export function suggestNames(typed: string, catalogs: readonly Catalog[], limit = 3): NameSuggestion[] {
  const wanted = typed.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9_ ]{3,}$/.test(wanted)) return [];
  const found = new Map<string, NameSuggestion>();
  for (const catalog of catalogs) {
    for (const entry of catalog.entries) {
      for (const name of [entry.name, ...(entry.aliases ?? [])]) {
        const distance = editDistance(wanted, name.toUpperCase());
        const previous = found.get(name);
        if (distance <= allowance(name.length) && (previous === undefined || distance < previous.distance)) {
          found.set(name, { space: catalog.space, name, distance });
        }
      }
    }
  }
  return [...found.values()].sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).slice(0, limit);
}
