/**
 * Why each catalog outcome was chosen, by code space: the rationale column of docs/outcomes.md. Docs-only data:
 * the runtime catalogs (src/codes/) carry no rationale, and only the docs generator and tests import this tree, so
 * browser bundles do not ship these texts. One file per catalog file, named after it.
 */
import type { CodeSpace, CodeValue } from '../../codes/types.js';
import { errnoRationales } from './errno.js';
import { frameRationales } from './frame.js';
import { guacamoleCloseRationales } from './guacamole-close.js';
import { guacamoleLiteRationales } from './guacamole-lite.js';
import { guacamoleRationales } from './guacamole.js';
import { httpRationales } from './http.js';
import { msraRationales } from './msra.js';
import { softdriveRationales } from './softdrive.js';
import { tmgRationales } from './tmg.js';
import type { Rationales } from './types.js';
import { websocketRationales } from './websocket.js';
import { win32Rationales } from './win32.js';
import { winsockRationales } from './winsock.js';

/**
 * Every rationale, by code space. The `guacamole` space also reads the SDK's own codes (src/codes/guacamole-close.ts)
 * and guacamole-lite's text codes (src/codes/guacamole-lite.ts) by name, so their rationales join it.
 */
export const rationales: Readonly<Record<CodeSpace, Rationales>> = {
  guacamole: {
    entries: { ...guacamoleRationales.entries, ...guacamoleCloseRationales.entries, ...guacamoleLiteRationales.entries },
  },
  msra: msraRationales,
  frame: frameRationales,
  softdrive: softdriveRationales,
  tmg: tmgRationales,
  websocket: websocketRationales,
  http: httpRationales,
  winsock: winsockRationales,
  win32: win32Rationales,
  errno: errnoRationales,
};

const find = (table: Readonly<Record<string, string>> | undefined, key: string): string | undefined =>
  table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;

/** The rationale of a code's entry, if it has one. */
export function rationaleOf(space: CodeSpace, code: CodeValue, table: Readonly<Record<CodeSpace, Rationales>> = rationales): string | undefined {
  return find(table[space].entries, String(code));
}

/** The rationale of a range (`from`-`to`), if it has one. */
export function rangeRationaleOf(space: CodeSpace, from: number, to: number, table: Readonly<Record<CodeSpace, Rationales>> = rationales): string | undefined {
  return find(table[space].ranges, `${from}-${to}`);
}

export {
  guacamoleRationales,
  guacamoleCloseRationales,
  guacamoleLiteRationales,
  msraRationales,
  frameRationales,
  softdriveRationales,
  tmgRationales,
  websocketRationales,
  httpRationales,
  winsockRationales,
  win32Rationales,
  errnoRationales,
};
export type { Rationales } from './types.js';
