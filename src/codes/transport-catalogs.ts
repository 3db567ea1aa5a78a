/** The transport-level catalogs every protocol shares (WebSocket, HTTP, Winsock, Win32, Node errno). */
import { errnoCatalog } from './errno.js';
import { httpCatalog } from './http.js';
import type { Catalog } from './types.js';
import { websocketCatalog } from './websocket.js';
import { win32Catalog } from './win32.js';
import { winsockCatalog } from './winsock.js';

export const TRANSPORT_CATALOGS: readonly Catalog[] = [websocketCatalog, httpCatalog, winsockCatalog, win32Catalog, errnoCatalog];
