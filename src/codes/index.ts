import { errnoCatalog } from './errno.js';
import { frameCatalog } from './frame.js';
import { guacamoleCatalog } from './guacamole.js';
import { httpCatalog } from './http.js';
import { msraCatalog } from './msra.js';
import { softdriveCatalog } from './softdrive.js';
import { tmgCatalog } from './tmg.js';
import type { Catalog, CodeSpace } from './types.js';
import { websocketCatalog } from './websocket.js';
import { win32Catalog } from './win32.js';
import { winsockCatalog } from './winsock.js';

/** Every catalog, by code space. */
export const catalogs: Readonly<Record<CodeSpace, Catalog>> = /* @__PURE__ */ Object.freeze({
  guacamole: guacamoleCatalog,
  msra: msraCatalog,
  frame: frameCatalog,
  softdrive: softdriveCatalog,
  tmg: tmgCatalog,
  websocket: websocketCatalog,
  http: httpCatalog,
  winsock: winsockCatalog,
  win32: win32Catalog,
  errno: errnoCatalog,
});

export {
  guacamoleCatalog,
  msraCatalog,
  frameCatalog,
  softdriveCatalog,
  tmgCatalog,
  websocketCatalog,
  httpCatalog,
  winsockCatalog,
  win32Catalog,
  errnoCatalog,
};
export { tmgResultSpace } from './tmg.js';
export { parseRetryAfter } from './retry-after.js';
export { PROTOCOLS, GATEWAYS, TRANSPORT_SPACES, CODE_SPACES, PHASES, OUTCOMES, NON_RETRYABLE_OUTCOMES, CATEGORIES, SEVERITIES } from './types.js';
export type {
  ProtocolId,
  GatewayId,
  TransportSpace,
  CodeSpace,
  Phase,
  Outcome,
  Category,
  Severity,
  CodeValue,
  EntryDetails,
  CodeEntry,
  CodeRange,
  Catalog,
  CodeRef,
  Classification,
} from './types.js';
