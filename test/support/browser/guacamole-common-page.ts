/**
 * A page that runs the official client, guacamole-common-js (npm, its ESM build as shipped), in real Chromium:
 * `Guacamole.Client` over `Guacamole.WebSocketTunnel` to the `ws` query parameter's URL. It records the client's
 * states and the status of every error in `window.__guac`. Served on 127.0.0.1 port 0.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { serveStatic } from './chromium.js';
import type { PageServer } from './chromium.js';

export interface GuacLog {
  /** Guacamole.Client states, in order (3 is CONNECTED). */
  readonly states: number[];
  /** Every client `onerror` status: its code (NaN for a text code, as guacamole-common-js parses it) and message. */
  readonly errors: { readonly code: number | null; readonly message: string }[];
  /** Instructions the client received, by opcode. */
  readonly opcodes: string[];
}

const PAGE_SCRIPT = `
import Guacamole from '/guacamole-common.js';
const log = { states: [], errors: [], opcodes: [] };
window.__guac = log;
const url = new URL(location.href).searchParams.get('ws');
const tunnel = new Guacamole.WebSocketTunnel(url);
const client = new Guacamole.Client(tunnel);
const oninstruction = tunnel.oninstruction;
tunnel.oninstruction = (opcode, args) => { log.opcodes.push(opcode); oninstruction?.(opcode, args); };
client.onstatechange = (state) => log.states.push(state);
// guacamole-common-js parses a status code with parseInt: a text code becomes NaN (recorded as null, JSON-safe).
client.onerror = (status) => log.errors.push({ code: Number.isNaN(status.code) ? null : status.code, message: status.message });
client.connect('');
`;

export async function serveGuacamoleCommonPage(): Promise<PageServer> {
  const require = createRequire(import.meta.url);
  // The package's exports map hides package.json: find the ESM build next to the CJS one it resolves to.
  const cjs = dirname(require.resolve('guacamole-common-js'));
  const library = await readFile(join(cjs, '..', 'esm', 'guacamole-common.js'), 'utf8');
  const html = '<!doctype html><meta charset="utf-8"><title>guacamole-common-js</title><script type="module" src="/page.js"></script>';
  return serveStatic(html, { '/guacamole-common.js': library, '/page.js': PAGE_SCRIPT });
}
