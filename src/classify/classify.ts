/**
 * `classify`, `lookup` and `lookupAll` over every catalog the SDK ships. The classifier is built
 * on first use (not at import), then shared. Profiles that want only their own catalog use
 * `createClassifier` instead, so a bundle does not carry the others.
 */
import { errnoCatalog } from '../codes/errno.js';
import { frameCatalog } from '../codes/frame.js';
import { guacamoleCatalog } from '../codes/guacamole.js';
import { httpCatalog } from '../codes/http.js';
import { msraCatalog } from '../codes/msra.js';
import { softdriveCatalog } from '../codes/softdrive.js';
import { tmgCatalog, tmgResultSpace } from '../codes/tmg.js';
import { websocketCatalog } from '../codes/websocket.js';
import { win32Catalog } from '../codes/win32.js';
import { winsockCatalog } from '../codes/winsock.js';
import type { Classification, CodeSpace, CodeValue } from '../codes/types.js';
import { createClassifier } from './create-classifier.js';
import type { Classifier } from './create-classifier.js';
import type { ClassifyOptions, ClassifySignal } from './signal.js';

let shared: Classifier | undefined;

/** The classifier over every protocol, gateway and transport catalog (built once, on first use). */
export function defaultClassifier(): Classifier {
  shared ??= createClassifier({
    protocols: [guacamoleCatalog, msraCatalog, frameCatalog, softdriveCatalog],
    gateways: [tmgCatalog],
    transports: [websocketCatalog, httpCatalog, winsockCatalog, win32Catalog, errnoCatalog],
    tmgResultSpace,
  });
  return shared;
}

/**
 * What a code, close event, status, HTTP answer or error means and what the client should do.
 * `protocol` is a protocol id, `'tmg'`, or a transport space. Throws SessionError
 * SESSION_ERR_UNKNOWN_PROTOCOL for any other id and SESSION_ERR_INVALID_CODE for malformed input.
 */
export function classify(protocol: CodeSpace, signal: ClassifySignal, options?: ClassifyOptions): Classification {
  return defaultClassifier().classify(protocol, signal, options);
}

/** The catalog entry for a code in one space (`'0x0207'`, `519`, `'SERVER_BUSY'` all work), or `undefined`. */
export function lookup(space: CodeSpace, code: CodeValue): Classification | undefined {
  return defaultClassifier().lookup(space, code);
}

/** Every space that knows a code (4006 → frame and the WebSocket private range; 502 → http, tmg, softdrive, ...). */
export function lookupAll(code: CodeValue): readonly Classification[] {
  return defaultClassifier().lookupAll(code);
}
