/**
 * Serves examples/guacamole-common-js as a user builds it: its index.html, and main.ts bundled by esbuild for the
 * browser with guacamole-common-js from npm (its ESM build, resolved through the package's exports). 127.0.0.1:0.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { serveStatic } from './chromium.js';
import type { PageServer } from './chromium.js';

const EXAMPLE = new URL('../../../examples/guacamole-common-js/', import.meta.url);

/** The example's module, bundled for a browser; throws if it does not build. */
export async function buildGuacamoleExample(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('main.ts', EXAMPLE))],
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function serveGuacamoleExample(): Promise<PageServer> {
  const [script, html] = await Promise.all([buildGuacamoleExample(), readFile(new URL('index.html', EXAMPLE), 'utf8')]);
  return serveStatic(html, { '/main.js': script });
}
