/**
 * `#platform-catalogs` in Node: the transport catalogs a profile carries only where they can arrive. Node socket, DNS
 * and TLS errors (`err.code === 'ECONNREFUSED'`, the `errno` space) reach a session only as `ws` socket errors in
 * Node; a browser's WebSocket never exposes them, so a browser bundle resolves `./browser.ts` instead and leaves the
 * errno catalog out.
 *
 * How each tool gets here (both variants export the same names, a test checks it):
 * - the published package: package.json "imports" maps `#platform-catalogs` to dist/platform-catalogs.{js,cjs}, built
 *   from this file (tsup.config.ts), and to dist/platform-catalogs.browser.{js,cjs} under the "browser" condition;
 * - from sources: tsconfig.json "paths" maps it to this directory, whose package.json names this file as "types" and
 *   "main" (tsc, esbuild for Node; tsx takes it as the directory's index) and `./browser.ts` as "browser" (esbuild,
 *   Vite or webpack bundling for the browser); vitest.config.ts aliases it to this file (Vite does not read "paths").
 */
import { errnoCatalog } from '../errno.js';
import type { Catalog } from '../types.js';

/** The transport catalogs only this platform delivers: in Node, the `errno` catalog. */
export const PLATFORM_TRANSPORT_CATALOGS: readonly Catalog[] = [errnoCatalog];
