/**
 * `createClassifier`: a classifier over exactly the catalogs it is given, so a profile can carry
 * its own catalog without pulling every other one into a bundle. All tables are built here, once.
 *
 * Rules worth knowing:
 * - Negative numbers are signed HRESULTs, read as unsigned 32-bit (`-1073479657` → `0xC0040017`):
 *   accepted where HRESULTs live (`tmg`, `win32`, or any protocol with `gateway: 'tmg'`), and elsewhere
 *   only when the win32 catalog knows the HRESULT.
 * - HRESULTs: `0x8007xxxx` (FACILITY_WIN32) is the win32 entry `xxxx`, with the HRESULT in `via`, in the
 *   win32 space, in tmg, and in any space that lacks the number (`-2147023570` too); generic HRESULTs
 *   the win32 catalog lists (E_FAIL, …) likewise.
 * - TMG (`classify('tmg', x)`, or a number the protocol lacks under `gateway: 'tmg'`): TMG's own
 *   entry first; else an HRESULT as above; else its range rule (`tmgResultSpace`) picks win32 / http / winsock.
 * - Names: the space's own names and aliases (case-insensitive), then the gateway's, then errno's.
 *   An unmatched UPPER_SNAKE name is an unknown errno code; any other identifier-shaped string is
 *   unknown in the space; other text that matches nothing (Softdrive's unnumbered row is matched by
 *   its text) is malformed.
 */
import { SessionError, describeValue } from '../errors/index.js';
import { parseRetryAfter } from '../codes/retry-after.js';
import { CODE_SPACES, GATEWAYS, PROTOCOLS, TRANSPORT_SPACES } from '../codes/types.js';
import type { Catalog, Classification, CodeEntry, CodeSpace, CodeValue } from '../codes/types.js';
import { guacamoleDisconnectWithoutStatus, guacamolePolicyCloseWithoutStatus } from '../codes/guacamole-close.js';
import { guacamoleLiteVocabulary } from '../codes/guacamole-lite.js';
import { buildSpaceIndex, classificationOf, lookupNumber, unknownClassification, withContext } from './space-index.js';
import type { SpaceIndex } from './space-index.js';
import { decodeSignal, describeInput, guacamoleStatusForClose, invalidCode, isCodeNumber, parseCodeText } from './signal.js';
import type { ClassifyOptions, ClassifySignal, DecodedSignal, ParsedCode } from './signal.js';
import { isDecorated, matchesPrinted } from './printed-form.js';

export type TmgResultSpace = (value: number) => 'win32' | 'http' | 'winsock' | 'tmg' | undefined;

export interface ClassifierCatalogs {
  readonly protocols: readonly Catalog[];
  readonly gateways?: readonly Catalog[];
  readonly transports: readonly Catalog[];
  /** TMG's range rule (`tmgResultSpace` from codes/tmg.ts). Without it only TMG's exact entries and FACILITY_WIN32 apply. */
  readonly tmgResultSpace?: TmgResultSpace;
}

export interface Classifier {
  /** Classifies any accepted signal in a protocol, gateway or transport space. */
  classify(space: CodeSpace, signal: ClassifySignal, options?: ClassifyOptions): Classification;
  /** The catalog's answer for a code in one space, or `undefined` when the space has none. */
  lookup(space: CodeSpace, code: CodeValue): Classification | undefined;
  /** Every space's answer for a code (known entries only), protocols first. */
  lookupAll(code: CodeValue): readonly Classification[];
  /** The spaces this classifier knows, in order: protocols, gateways, transports. */
  readonly spaces: readonly CodeSpace[];
}

const HRESULT_SPACES: ReadonlySet<string> = new Set<CodeSpace>(['tmg', 'win32']);
const ERRNO_SHAPED = /^[A-Z][A-Z0-9_]+$/;
/** A Guacamole close 1008 without a numeric reason is the SDK's POLICY_CLOSE_WITHOUT_STATUS (codes/guacamole-close.ts). */
const POLICY_VIOLATION = 1008;
const FRAME_CLOSE_FIRST = 4000;
const FRAME_CLOSE_LAST = 5019;
const TMG: CodeSpace = 'tmg';
/** HRESULTs have the severity bit set; FACILITY_WIN32 ones carry a Win32 code in the low 16 bits. */
const HRESULT_FIRST = 0x80000000;
const FACILITY_WIN32_FIRST = 0x80070000;
const FACILITY_WIN32_LAST = 0x8007ffff;

export function createClassifier(catalogs: ClassifierCatalogs): Classifier {
  const indexes = buildIndexes(catalogs);
  const spaces: readonly CodeSpace[] = Object.freeze([...indexes.values()].map((index) => index.space));
  const accepted = spaces.join(', ');
  const tmgRule = catalogs.tmgResultSpace;
  const policyClose = indexes.has('guacamole') ? classificationOf('guacamole', guacamolePolicyCloseWithoutStatus, guacamolePolicyCloseWithoutStatus.code) : undefined;
  const guacamoleReadings = indexes.has('guacamole') ? readingsByName('guacamole', [guacamoleDisconnectWithoutStatus, ...guacamoleLiteVocabulary.entries]) : undefined;

  function indexOf(space: unknown): SpaceIndex {
    const index = typeof space === 'string' ? indexes.get(space) : undefined;
    if (index === undefined) {
      throw new SessionError('SESSION_ERR_UNKNOWN_PROTOCOL', `Unknown protocol or code space ${describeInput(space)}; accepted: ${accepted}.`, {
        value: describeInput(space),
      });
    }
    return index;
  }

  const unknown = (space: CodeSpace, code: CodeValue): Classification => unknownClassification(space, code, indexes.get(space)?.catalog.title);
  const numberIn = (space: CodeSpace, value: number): Classification | undefined => {
    const index = indexes.get(space);
    return index === undefined ? undefined : lookupNumber(index, value);
  };

  /**
   * An HRESULT as the win32 catalog reads it: FACILITY_WIN32 (0x8007xxxx) is the Win32 entry xxxx, with the
   * HRESULT kept in `via` (the catalog's HRESULT_FROM_WIN32 row); otherwise the catalog's own HRESULT entry
   * (E_FAIL, …). `undefined` when the catalog lists neither.
   */
  function win32Hresult(value: number): Classification | undefined {
    const win32 = indexes.get('win32');
    if (win32 === undefined || value < HRESULT_FIRST) return undefined;
    if (value < FACILITY_WIN32_FIRST || value > FACILITY_WIN32_LAST) return win32.byCode.get(value);
    const inner = win32.byCode.get(value & 0xffff);
    return inner === undefined ? undefined : withContext(inner, lookupNumber(win32, value), undefined);
  }

  /** TMG's reading of a number: its own entry, an HRESULT the win32 catalog knows, its range rule. */
  function tmgKnown(value: number): Classification | undefined {
    const own = indexes.get(TMG)?.byCode.get(value);
    if (own !== undefined) return own;
    const hresult = win32Hresult(value);
    if (hresult !== undefined) return hresult;
    const ruled = tmgRule?.(value);
    return ruled === undefined || ruled === 'tmg' ? undefined : numberIn(ruled, value);
  }

  function tmgOrUnknown(value: number): Classification {
    const known = tmgKnown(value);
    if (known !== undefined) return known;
    const ruled = tmgRule?.(value);
    return unknown(ruled !== undefined && indexes.has(ruled) ? ruled : TMG, value);
  }

  /**
   * A number in a space. Negative numbers are signed HRESULTs: read unsigned in tmg and win32 (or behind
   * the TMG gateway); elsewhere only when they are an HRESULT the win32 catalog knows. A number of
   * 0x80000000 or more that the space lacks is read as such an HRESULT too (no protocol uses them).
   */
  function resolveNumber(space: CodeSpace, raw: number, gateway: boolean, input: unknown): Classification {
    const value = raw < 0 ? raw >>> 0 : raw;
    if (raw < 0 && !HRESULT_SPACES.has(space) && !gateway) {
      const hresult = win32Hresult(value);
      if (hresult !== undefined) return hresult;
      throw invalidCode(input, `negative numbers are HRESULTs, accepted only in tmg and win32 (or with gateway 'tmg'), not in ${space}, unless the win32 catalog knows them`);
    }
    if (space === TMG) return tmgOrUnknown(value);
    if (space === 'win32') return win32Hresult(value) ?? numberIn(space, value) ?? unknown(space, value);
    const hit = numberIn(space, value);
    if (hit !== undefined) return hit;
    return (gateway ? tmgKnown(value) : win32Hresult(value)) ?? unknown(space, value);
  }

  /**
   * Readings of the guacamole space that are no vendor status, by lower-cased name: the SDK's own
   * (POLICY_CLOSE_WITHOUT_STATUS, DISCONNECT_WITHOUT_STATUS) and the gateway vocabularies the profile consults
   * (guacamole-lite's text codes, codes/guacamole-lite.ts). The seed catalog's own names win over them.
   */
  function readingNamed(space: CodeSpace, key: string): Classification | undefined {
    if (space !== 'guacamole') return undefined;
    if (policyClose !== undefined && key === policyClose.name.toLowerCase()) return policyClose;
    return guacamoleReadings?.get(key);
  }

  /**
   * A name: the space's own names and aliases, the gateway's, then a known errno name. Anything else is
   * an app's typo, not a code (a typo must not become a silent retry); only the errno space, whose codes
   * are names, keeps an unknown errno-shaped name as `known: false`.
   */
  function resolveText(space: CodeSpace, text: string, gateway: boolean, input: unknown): Classification {
    const key = text.toLowerCase();
    const own = indexOf(space).byText;
    const hit = own.get(key) ?? own.get(key.replace(/^error(\s+code)?\s+/, '')) ?? (gateway ? indexes.get(TMG)?.byText.get(key) : undefined);
    if (hit !== undefined) return hit;
    const reading = readingNamed(space, key);
    if (reading !== undefined) return reading;
    const errnoHit = indexes.get('errno')?.byText.get(key);
    if (errnoHit !== undefined) return errnoHit;
    if (space === 'errno' && ERRNO_SHAPED.test(text)) return unknown('errno', text);
    throw invalidCode(input, `no ${space} code or name matches the text (names must be ones the ${space} catalog lists, or an errno name such as ECONNREFUSED)`);
  }

  function resolveParsed(space: CodeSpace, code: ParsedCode, gateway: boolean, input: unknown): Classification {
    const result = code.kind === 'number' ? resolveNumber(space, code.value, gateway, input) : resolveText(space, code.text, gateway, input);
    if (!matchesPrinted(result, code)) {
      throw invalidCode(input, `the name or second code printed with it does not match ${result.known ? `${result.space} ${String(result.code)} ${result.name}` : `any ${space} entry`}`);
    }
    return result;
  }

  function classifyClose(space: CodeSpace, decoded: Extract<DecodedSignal, { kind: 'close' }>, input: unknown): Classification {
    const close = numberIn('websocket', decoded.code) ?? unknown('websocket', decoded.code);
    if (space === 'guacamole' && indexes.has('guacamole')) {
      const reason = decoded.reason?.trim() ?? '';
      if (/^\d{1,10}$/.test(reason)) return withContext(resolveNumber('guacamole', Number(reason), false, input), close, undefined);
      if (decoded.code === POLICY_VIOLATION && policyClose !== undefined) return withContext(policyClose, close, decoded.message);
      return withContext(resolveNumber('guacamole', guacamoleStatusForClose(decoded.code), false, input), close, decoded.message);
    }
    if (space === 'frame' && decoded.code >= FRAME_CLOSE_FIRST && decoded.code <= FRAME_CLOSE_LAST) {
      const frame = indexes.get('frame')?.byCode.get(decoded.code);
      if (frame !== undefined) return withContext(frame, close, decoded.message);
    }
    return withContext(close, undefined, decoded.message);
  }

  function classifyHttp(space: CodeSpace, decoded: Extract<DecodedSignal, { kind: 'http' }>, gateway: boolean, options: ClassifyOptions | undefined): Classification {
    const http = numberIn('http', decoded.status) ?? unknown('http', decoded.status);
    const own = gateway || space === TMG ? indexes.get(TMG)?.byCode.get(decoded.status) : undefined;
    const guacamole = space === 'guacamole' && decoded.guacamoleStatus !== undefined ? indexes.get('guacamole')?.byCode.get(decoded.guacamoleStatus) : undefined;
    const base = withContext(guacamole ?? own ?? http, guacamole ?? own ? http : undefined, undefined);
    if (decoded.retryAfter === undefined || (base.outcome !== 'retry' && base.outcome !== 'retry-later')) return base;
    const headerMs = parseRetryAfter(decoded.retryAfter, (options?.now ?? Date.now)());
    if (headerMs === undefined || headerMs <= 0) return base;
    return Object.freeze({ ...base, outcome: 'retry-later', retryAfterMs: Math.max(base.retryAfterMs ?? 0, headerMs) });
  }

  function classifySlow(spaceId: string, signal: unknown, options: ClassifyOptions | undefined): Classification {
    const space = indexOf(spaceId).space;
    const gateway = readGateway(options, indexes);
    const decoded = decodeSignal(signal);
    switch (decoded.kind) {
      case 'code':
        return withContext(resolveParsed(space, decoded.code, gateway, signal), undefined, decoded.message);
      case 'ref':
        return resolveParsed(indexOf(decoded.space).space, decoded.code, false, signal);
      case 'close':
        return classifyClose(space, decoded, signal);
      case 'http':
        return classifyHttp(space, decoded, gateway, options);
      case 'errno': {
        const errno = indexes.get('errno');
        const hit = errno?.byCode.get(decoded.code) ?? errno?.byText.get(decoded.code.toLowerCase());
        return withContext(hit ?? unknown('errno', decoded.code), undefined, decoded.message);
      }
    }
  }

  function lookup(spaceId: CodeSpace, code: CodeValue): Classification | undefined {
    const space = indexOf(spaceId).space;
    const parsed = parseLookupCode(code);
    const hit = knownIn(space, parsed);
    if (hit === undefined && isDecorated(parsed)) throw invalidCode(code, `the name or second code printed with it matches no ${space} entry`);
    return hit;
  }

  function knownIn(space: CodeSpace, parsed: ParsedCode): Classification | undefined {
    const hit = knownEntryIn(space, parsed);
    return hit !== undefined && matchesPrinted(hit, parsed) ? hit : undefined;
  }

  function knownEntryIn(space: CodeSpace, parsed: ParsedCode): Classification | undefined {
    if (parsed.kind === 'text') {
      const key = parsed.text.toLowerCase();
      const byText = indexOf(space).byText;
      return byText.get(key) ?? byText.get(key.replace(/^error(\s+code)?\s+/, '')) ?? readingNamed(space, key);
    }
    if (parsed.value < 0 && !HRESULT_SPACES.has(space)) return undefined;
    const value = parsed.value < 0 ? parsed.value >>> 0 : parsed.value;
    if (space === TMG) return tmgKnown(value);
    return space === 'win32' ? win32Hresult(value) ?? numberIn(space, value) : numberIn(space, value);
  }

  function lookupAll(code: CodeValue): readonly Classification[] {
    const parsed = parseLookupCode(code);
    const found = new Set<Classification>();
    for (const space of spaces) {
      const hit = knownIn(space, parsed);
      if (hit !== undefined && ![...found].some((seen) => seen.space === hit.space && seen.code === hit.code)) found.add(hit);
    }
    if (found.size === 0 && isDecorated(parsed)) throw invalidCode(code, 'the name or second code printed with it matches no entry of any space');
    return Object.freeze([...found]);
  }

  return Object.freeze({
    classify(space: CodeSpace, signal: ClassifySignal, options?: ClassifyOptions): Classification {
      // Hot path: a known plain number is one Map lookup (an exact entry of the space wins under every option).
      if (typeof signal === 'number') {
        const hit = indexes.get(space)?.byCode.get(signal);
        if (hit !== undefined) {
          if (options !== undefined) readGateway(options, indexes);
          return hit;
        }
      }
      return classifySlow(space, signal, options);
    },
    lookup,
    lookupAll,
    spaces,
  });
}

function readingsByName(space: CodeSpace, entries: readonly CodeEntry[]): ReadonlyMap<string, Classification> {
  return new Map(entries.map((entry) => [entry.name.toLowerCase(), classificationOf(space, entry, entry.code)]));
}

function parseLookupCode(code: unknown): ParsedCode {
  let parsed: ParsedCode | undefined;
  if (typeof code === 'number') parsed = isCodeNumber(code) ? { kind: 'number', value: code === 0 ? 0 : code } : undefined;
  else if (typeof code === 'string') parsed = parseCodeText(code);
  if (parsed === undefined) throw invalidCode(code, 'a code is an integer or a code string');
  return parsed;
}

function readGateway(options: ClassifyOptions | undefined, indexes: ReadonlyMap<string, SpaceIndex>): boolean {
  if (options === undefined) return false;
  if (typeof options !== 'object' || options === null) {
    throw new SessionError('SESSION_ERR_INVALID_OPTION', `classify options must be an object (got ${describeInput(options)})`, { field: 'options', value: describeInput(options) });
  }
  const { gateway, now } = options;
  if (now !== undefined && typeof now !== 'function') {
    throw new SessionError('SESSION_ERR_INVALID_OPTION', `classify options.now must be a function returning epoch ms (got ${describeInput(now)})`, { field: 'now', value: describeInput(now) });
  }
  if (gateway === undefined) return false;
  if (gateway !== TMG || !indexes.has(TMG)) {
    const known = GATEWAYS.filter((id) => indexes.has(id)).join(', ') || 'none in this classifier';
    throw new SessionError('SESSION_ERR_UNKNOWN_PROTOCOL', `Unknown gateway ${describeInput(gateway)}; accepted: ${known}.`, { field: 'gateway', value: describeInput(gateway) });
  }
  return true;
}

function buildIndexes(catalogs: ClassifierCatalogs): ReadonlyMap<string, SpaceIndex> {
  const groups: readonly [string, readonly Catalog[] | undefined, readonly string[]][] = [
    ['protocols', catalogs.protocols, PROTOCOLS],
    ['gateways', catalogs.gateways, GATEWAYS],
    ['transports', catalogs.transports, TRANSPORT_SPACES],
  ];
  const indexes = new Map<string, SpaceIndex>();
  for (const [group, list, allowed] of groups) {
    for (const catalog of list ?? []) {
      const space: unknown = catalog?.space;
      if (!(CODE_SPACES as readonly unknown[]).includes(space) || !allowed.includes(space as string) || indexes.has(space as string)) {
        throw new SessionError('SESSION_ERR_INVALID_OPTION', `createClassifier ${group} has a catalog for ${describeValue(space)}; accepted: each of ${allowed.join(', ')} at most once.`, {
          field: group,
          value: describeValue(space),
        });
      }
      indexes.set(space as string, buildSpaceIndex(catalog));
    }
  }
  return indexes;
}
