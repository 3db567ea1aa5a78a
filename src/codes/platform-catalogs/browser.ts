/**
 * `#platform-catalogs` in a browser bundle (the "browser" condition, or this directory's "browser" field from
 * sources): no transport catalog beyond WebSocket and HTTP. A browser's WebSocket reports a failure as a bare `error`
 * event and a close 1006, never a Node `errno` code, so a profile built for the browser does not carry that catalog
 * (about 3 KB gzip). See `./index.ts` for the Node variant and how each tool resolves the two.
 */
import type { Catalog } from '../types.js';

/** The transport catalogs only this platform delivers: none in a browser. */
export const PLATFORM_TRANSPORT_CATALOGS: readonly Catalog[] = [];
