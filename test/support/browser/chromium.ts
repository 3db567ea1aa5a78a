/**
 * Real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) and a tiny HTTP server that
 * serves a page bundled from test/support/browser/page-entry.ts with esbuild.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (.ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Bundles the page entry for the browser (as an app would) and serves it on 127.0.0.1:0. */
export async function servePage(): Promise<PageServer> {
  const entry = fileURLToPath(new URL('./page-entry.ts', import.meta.url));
  const bundle = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false });
  const script = bundle.outputFiles[0]!.text;
  const html = '<!doctype html><meta charset="utf-8"><title>session-lifecycle</title><script type="module" src="/entry.js"></script>';
  return serveStatic(html, { '/entry.js': script });
}

/**
 * Serves one page on 127.0.0.1:0: `scripts` by path (as JavaScript), `html` for every other path; `close()` ends
 * every connection too.
 */
export async function serveStatic(html: string, scripts: Readonly<Record<string, string>>): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = Object.keys(scripts).find((prefix) => req.url?.startsWith(prefix) === true);
    if (path !== undefined) res.writeHead(200, { 'content-type': 'text/javascript' }).end(scripts[path]);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
