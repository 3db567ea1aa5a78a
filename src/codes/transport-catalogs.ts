/**
 * The transport-level catalogs. Every profile receives WebSocket closes, HTTP answers to the upgrade and Node socket
 * errors (`BASE_TRANSPORT_CATALOGS`); Winsock and Win32 codes reach only Windows-side protocols and a TMG gateway
 * (`WINDOWS_TRANSPORT_CATALOGS`), so a browser bundle of a web profile does not carry them.
 */
import { errnoCatalog } from './errno.js';
import { httpCatalog } from './http.js';
import type { Catalog } from './types.js';
import { websocketCatalog } from './websocket.js';
import { win32Catalog } from './win32.js';
import { winsockCatalog } from './winsock.js';

export const BASE_TRANSPORT_CATALOGS: readonly Catalog[] = [websocketCatalog, httpCatalog, errnoCatalog];
export const WINDOWS_TRANSPORT_CATALOGS: readonly Catalog[] = [winsockCatalog, win32Catalog];
/** Every transport catalog, in the order classifiers search them. */
export const TRANSPORT_CATALOGS: readonly Catalog[] = [websocketCatalog, httpCatalog, winsockCatalog, win32Catalog, errnoCatalog];
