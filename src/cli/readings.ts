/**
 * Every reading of what was typed or pasted into `explain`, most likely first. The whole input is
 * tried first (classify/lookupAll understand codes, names and the vendors' printed forms); if no
 * catalog knows it, the pieces `readPasted` finds in it are tried in turn ("Frame 4006" → 4006,
 * a log line → its code). Spaces the words name come first, then exact entries before the
 * block a number merely falls in. Nothing found: the nearest names, for a typo.
 */
import { isSessionError } from '../errors/index.js';
import type { Catalog, Classification, CodeSpace } from '../codes/types.js';
import type { CliContext } from './args.js';
import { readPasted } from './pasted.js';
import type { PastedCode } from './pasted.js';
import { suggestNames } from './suggest.js';
import type { NameSuggestion } from './suggest.js';

export interface ReadingOptions {
  /** Read the code in this space only (`--protocol`). */
  readonly protocol?: CodeSpace;
  /** A TMG gateway sits in front (`--gateway tmg`). */
  readonly gateway?: 'tmg';
}

export interface Readings {
  /** Most likely first. Empty when nothing could be read. */
  readonly results: readonly Classification[];
  /** Whether any result is a catalog entry (not an unknown code). */
  readonly found: boolean;
  /** The piece of the input that was read, when it was not the whole input. */
  readonly readAs?: string;
  /** Nearest catalog names, when nothing was found and the input looks like a mistyped name. */
  readonly suggestions: readonly NameSuggestion[];
}

type Attempt = { readonly results: readonly Classification[] } | { readonly error: unknown };

function attempt(context: CliContext, piece: PastedCode, options: ReadingOptions): Attempt {
  const { classifier } = context;
  const space = options.protocol ?? piece.space;
  try {
    if (space === undefined) return { results: classifier.lookupAll(piece.text) };
    return { results: [classifier.classify(space, piece.text, options.gateway === undefined ? undefined : { gateway: 'tmg' })] };
  } catch (error) {
    if (!isSessionError(error)) throw error;
    return { error };
  }
}

const known = (results: readonly Classification[]): boolean => results.some((result) => result.known);

/** Hinted spaces first (in the order the text names them), then entries before blocks, then unknowns. */
function rank(results: readonly Classification[], hints: readonly CodeSpace[], catalogs: readonly Catalog[]): Classification[] {
  const exact = (result: Classification): boolean =>
    catalogs.find((catalog) => catalog.space === result.space)?.entries.some((entry) => entry.code === result.code) ?? false;
  const score = (result: Classification): number[] => {
    const hint = hints.indexOf(result.space);
    return [hint < 0 ? hints.length : hint, result.known ? 0 : 1, exact(result) ? 0 : 1];
  };
  const scored = results.map((result, index) => ({ result, index, score: score(result) }));
  scored.sort((a, b) => {
    for (let i = 0; i < a.score.length; i += 1) {
      const diff = (a.score[i] ?? 0) - (b.score[i] ?? 0);
      if (diff !== 0) return diff;
    }
    return a.index - b.index;
  });
  return scored.map((entry) => entry.result);
}

/** Words of the input that look like a name someone meant to type (the whole input, or its NAME_LIKE tokens). */
function nameLike(input: string): string[] {
  const trimmed = input.trim();
  if (/^[A-Za-z][A-Za-z0-9_]{3,}$/.test(trimmed)) return [trimmed];
  return trimmed.split(/[^A-Za-z0-9_]+/).filter((word) => /^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+$/.test(word));
}

function suggestionsFor(input: string, catalogs: readonly Catalog[]): NameSuggestion[] {
  const best = new Map<string, NameSuggestion>();
  for (const word of nameLike(input)) {
    for (const suggestion of suggestNames(word, catalogs)) {
      if (suggestion.distance > 0 && !best.has(suggestion.name)) best.set(suggestion.name, suggestion);
    }
  }
  return [...best.values()].sort((a, b) => a.distance - b.distance).slice(0, 3);
}

/**
 * Reads `input` as `explain` does. Throws the classifier's SessionError when the input is malformed
 * and holds no readable piece and no near name (the caller reports it as a usage error).
 */
export function readCode(input: string, options: ReadingOptions, context: CliContext): Readings {
  const { hints, codes } = readPasted(input, context.catalogs);
  const spaces = options.protocol === undefined ? hints : [options.protocol];
  const direct = attempt(context, { text: input }, options);
  if ('results' in direct && known(direct.results)) {
    return { results: rank(direct.results, spaces, context.catalogs), found: true, suggestions: [] };
  }
  // A lone word is a code or a (mistyped) name, not text to search for pieces.
  const pieces = /^[A-Za-z][\w-]*$/.test(input.trim())
    ? []
    : codes.filter((piece) => piece.text !== input && (options.protocol === undefined || piece.space === undefined || piece.space === options.protocol));
  for (const piece of pieces) {
    const tried = attempt(context, piece, options);
    if ('results' in tried && known(tried.results)) {
      return { results: rank(tried.results, spaces, context.catalogs), found: true, readAs: piece.text, suggestions: [] };
    }
  }
  const catalogs = options.protocol === undefined ? context.catalogs : context.catalogs.filter((catalog) => catalog.space === options.protocol);
  const suggestions = suggestionsFor(input, catalogs);
  if ('results' in direct && direct.results.length > 0) return { results: direct.results, found: false, suggestions };
  // A number in a space the text names ("Guacamole error 9999") gets that space's reading of an unknown code.
  const hinted = spaces[0];
  const number = pieces.find((piece) => piece.space === undefined && /^-?\d+$|^0x/i.test(piece.text));
  if (hinted !== undefined && number !== undefined) {
    const tried = attempt(context, number, { ...options, protocol: hinted });
    if ('results' in tried) return { results: tried.results, found: false, readAs: number.text, suggestions };
  }
  if ('results' in direct) return { results: direct.results, found: false, suggestions };
  if (suggestions.length > 0) return { results: [], found: false, suggestions };
  throw direct.error;
}
