/**
 * The transport-level catalogs a profile carries, by where they can arrive:
 * - WebSocket closes and HTTP answers to the upgrade reach every session;
 * - Node socket, DNS and TLS errors (the `errno` space) reach only a session on a Node socket (`ws`): they come from
 *   `#platform-catalogs` (./platform-catalogs/), which is `[errnoCatalog]` in Node and empty in a bundle built for the
 *   browser (the "browser" condition), since a browser's WebSocket never exposes them;
 * - Winsock and Win32 codes reach only Windows-side protocols and a TMG gateway (`WINDOWS_TRANSPORT_CATALOGS`), so a
 *   browser bundle of a web profile does not carry them.
 * Only profiles are trimmed this way: `TRANSPORT_CATALOGS`, the catalogs of the main entry (`classify('errno', …)`,
 * `catalogs`, the CLI) and the default classifier know every space on every platform.
 */
import { PLATFORM_TRANSPORT_CATALOGS } from '#platform-catalogs';
import { errnoCatalog } from './errno.js';
import { httpCatalog } from './http.js';
import type { Catalog } from './types.js';
import { websocketCatalog } from './websocket.js';
import { win32Catalog } from './win32.js';
import { winsockCatalog } from './winsock.js';

/**
 * The transport catalogs every profile carries: WebSocket and HTTP, then, in Node only, Node `errno`
 * (`PLATFORM_TRANSPORT_CATALOGS`). In a browser bundle this is `[websocketCatalog, httpCatalog]`.
 */
export const BASE_TRANSPORT_CATALOGS: readonly Catalog[] = [websocketCatalog, httpCatalog, ...PLATFORM_TRANSPORT_CATALOGS];
export const WINDOWS_TRANSPORT_CATALOGS: readonly Catalog[] = [winsockCatalog, win32Catalog];
/** Every transport catalog, in the order classifiers search them, on every platform (errno included). */
export const TRANSPORT_CATALOGS: readonly Catalog[] = [websocketCatalog, httpCatalog, winsockCatalog, win32Catalog, errnoCatalog];
