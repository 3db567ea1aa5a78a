/**
 * What support engineers paste into `explain`: not a bare code but "Frame 4006", "SAFERROR 26",
 * "Error Code 15 softdrive", "Guacamole error 519", a close reason sentence or a whole log line.
 * `readPasted` pulls out the code-like pieces (most telling first) and the code spaces the words
 * name, so `explain` can hand each piece to `classify`/`lookupAll`. It only reads text; what a piece
 * means is the classifier's business.
 */
import type { Catalog, CodeSpace } from '../codes/types.js';

export interface PastedCode {
  /** The piece as written: "519", "0xC0040017", "-1073479657", "Error Code 15", "UPSTREAM_NOT_FOUND". */
  readonly text: string;
  /** Set when the piece is a catalog entry's name spelled out in words ("upstream not found"). */
  readonly space?: CodeSpace;
}

export interface PastedReading {
  /** Code-like pieces, most telling first, each once. */
  readonly codes: readonly PastedCode[];
  /** Code spaces the words name ("Frame", "SAFERROR_…", "softdrive", "close code"), in order of appearance. */
  readonly hints: readonly CodeSpace[];
}

/** Words that name a code space. The first match of each pattern counts, by position in the text. */
const SPACE_WORDS: readonly (readonly [CodeSpace, RegExp])[] = [
  ['guacamole', /\bguac(?:amole|d)?\b/i],
  ['frame', /\b(?:nutanix|frame|frp ?[78]?)\b/i],
  ['softdrive', /\bsoft ?drive\b/i],
  ['msra', /\bSAFERROR(?:_\w*)?\b|\bremote ?assistance\b|\bmsra\b|\bREMOTEDESKTOP_CTL_RESULT\b/i],
  ['tmg', /\b(?:tmg|forefront|isa server|FWX_E_\w*|WSA_RWS_\w*)\b/i],
  ['websocket', /\bweb ?socket\b|\bclose (?:code|event|frame)\b|\bCloseEvent\b/i],
  ['http', /\bHTTP\b|\bstatus code\b|\bupgrade\b/i],
  ['winsock', /\bwinsock\b|\bWSAE[A-Z]+\b/i],
  ['win32', /\bwin32\b|\bGetLastError\b/i],
  ['errno', /\berrno\b/i],
];

/** Words right before a number that make it the code rather than a port, a count or a time. */
const CODE_CUE = /(?:code|status|error|err|result|reason|close[ds]?|exit|frame|saferror\w*|guacamole|softdrive|tmg|frp|with|[#(=:])\W{0,3}$/i;

const ERROR_CODE = /\bError Code\s+(\d+)\b/gi;
const HEX = /\b0x[0-9a-f]{1,8}\b/gi;
const NEGATIVE = /(?<![\w.:/-])-\d{5,10}\b/g;
/** UPPER_SNAKE names (UPSTREAM_NOT_FOUND, SAFERROR_INVALIDPASSWORD, FWX_E_…) and E-names (ECONNREFUSED, WSAECONNRESET). */
const NAME = /\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|E[A-Z]{3,}|WSAE[A-Z]+)\b/g;
/** CamelCase names as the Softdrive table writes them (OtherClientConnected, KeepAliveTimeout). */
const CAMEL = /\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+){1,}\b/g;
/** A decimal standing alone: not part of a date, a time, a version, an address or a word. */
const DECIMAL = /(?<![\w.:/-])\d{1,10}(?![\w.:/-]|-\d)/g;

function hintsOf(text: string): CodeSpace[] {
  return SPACE_WORDS
    .map(([space, pattern]) => ({ space, at: text.search(pattern) }))
    .filter((hit) => hit.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((hit) => hit.space);
}

/** Decimals in the text, the ones after a code cue first, then in order of appearance. */
function decimals(text: string): string[] {
  const found = [...text.matchAll(DECIMAL)].map((match) => ({
    text: match[0],
    cued: CODE_CUE.test(text.slice(Math.max(0, (match.index ?? 0) - 24), match.index)),
  }));
  return [...found.filter((hit) => hit.cued), ...found.filter((hit) => !hit.cued)].map((hit) => hit.text);
}

const words = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** "UPSTREAM_NOT_FOUND" / "OtherClientConnected" → "upstream not found" / "other client connected". */
export function nameInWords(name: string): string {
  return words(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2'));
}

/**
 * Entry names spelled out in the text ("…: upstream not found", "Other client connected"), longest
 * first. Names of one word are left out: "error" or "timeout" alone would match too much.
 */
function namesInWords(text: string, catalogs: readonly Catalog[]): PastedCode[] {
  // Prose only: a written name (UPSTREM_NOT_FOUND) is a name, right or mistyped, not the words in it.
  const haystack = ` ${words(text.replace(NAME, ' '))} `;
  const hits: { code: PastedCode; length: number }[] = [];
  for (const catalog of catalogs) {
    for (const entry of catalog.entries) {
      for (const name of [entry.name, ...(entry.aliases ?? [])]) {
        const phrase = nameInWords(name);
        if (phrase.includes(' ') && haystack.includes(` ${phrase} `)) hits.push({ code: { text: name, space: catalog.space }, length: phrase.length });
      }
    }
  }
  return hits.sort((a, b) => b.length - a.length).map((hit) => hit.code);
}

/** Reads pasted text for code-like pieces and the code spaces its words name. */
export function readPasted(text: string, catalogs: readonly Catalog[] = []): PastedReading {
  const pieces: PastedCode[] = [
    ...[...text.matchAll(ERROR_CODE)].map((match) => ({ text: `Error Code ${match[1] ?? ''}` })),
    ...[...text.matchAll(HEX)].map((match) => ({ text: match[0] })),
    ...[...text.matchAll(NEGATIVE)].map((match) => ({ text: match[0] })),
    ...[...text.matchAll(NAME)].map((match) => ({ text: match[0] })),
    ...[...text.matchAll(CAMEL)].map((match) => ({ text: match[0] })),
    ...decimals(text.replace(ERROR_CODE, ' ')).map((decimal) => ({ text: decimal })),
    ...namesInWords(text, catalogs),
  ];
  const seen = new Set<string>();
  const codes = pieces.filter((piece) => {
    const key = `${piece.space ?? ''} ${piece.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { codes, hints: hintsOf(text) };
}
