/* global process, setTimeout, performance */
/**
 * One footprint measurement in a process of its own (spawned by bench/footprint.bench.ts with --expose-gc):
 * connects N clients of one kind to the given server, 250 at a time, and prints one JSON line with
 *   connectMs      time to connect all N (each one ready: open, or the SDK's `ready`);
 *   heapPerClient  heap bytes per connected idle client, after gc, against the heap before any client;
 *   cpuPercent     CPU of this process while the N clients sit idle for `idleMs`, in % of one core.
 *
 * Run from the consumer project the tarball is installed in, so `session-lifecycle` is what users install:
 *   node --expose-gc footprint-client.mjs <kind> <ws-url> <clients> <idleMs> <repo-root>
 * Peers (ws, partysocket, reconnecting-websocket, guacamole-common-js) come from the repository's node_modules.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [kind, url, clientsArg, idleArg, repoRoot] = process.argv.slice(2);
const clients = Number(clientsArg);
const idleMs = Number(idleArg);
const fromRepo = createRequire(join(repoRoot, 'package.json'));
const repoImport = (name) => import(pathToFileURL(fromRepo.resolve(name)).href);
const wsModule = await repoImport('ws');
const WebSocket = wsModule.WebSocket ?? wsModule.default;
const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

/** Makes one client: `ready` settles when it is usable, `close` ends it. */
async function factory() {
  switch (kind) {
    case 'ws':
      return () => {
        const ws = new WebSocket(url);
        return { ready: new Promise((resolve) => ws.once('open', resolve)), close: () => ws.terminate() };
      };
    case 'partysocket': {
      const { default: PartySocket } = await import(pathToFileURL(join(repoRoot, 'node_modules/partysocket/dist/ws.js')).href);
      return () => {
        const socket = new PartySocket(url, undefined, { WebSocket });
        return { ready: new Promise((resolve) => socket.addEventListener('open', resolve, { once: true })), close: () => socket.close() };
      };
    }
    case 'reconnecting-websocket': {
      const { default: Rws } = await import(pathToFileURL(join(repoRoot, 'node_modules/reconnecting-websocket/dist/reconnecting-websocket-mjs.js')).href);
      return () => {
        const socket = new Rws(url, undefined, { WebSocket });
        return { ready: new Promise((resolve) => socket.addEventListener('open', resolve, { once: true })), close: () => socket.close() };
      };
    }
    case 'guacamole-common-js': {
      // The official client's tunnel, as a browser runs it: window timers and a global WebSocket.
      globalThis.window = globalThis;
      globalThis.WebSocket = WebSocket;
      const Guacamole = fromRepo('guacamole-common-js');
      return () => {
        const tunnel = new Guacamole.WebSocketTunnel(url);
        const ready = new Promise((resolve) => {
          tunnel.onstatechange = (state) => {
            if (state === Guacamole.Tunnel.State.OPEN) resolve();
          };
        });
        tunnel.connect('');
        return { ready, close: () => tunnel.disconnect() };
      };
    }
    case 'session-lifecycle': {
      const { createSession } = await import('session-lifecycle');
      return () => {
        const session = createSession({ protocol: 'guacamole', url, WebSocket, environment: false });
        const ready = new Promise((resolve) => session.once('ready', resolve));
        session.connect();
        return { ready, close: () => session.disconnect() };
      };
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

const make = await factory();
// Warm up (module code, JIT) outside the measured heap.
const warm = make();
await warm.ready;
warm.close();
await new Promise((resolve) => setTimeout(resolve, 200));
gc();
gc();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const live = [];
for (let i = 0; i < clients; i += 250) {
  const batch = Array.from({ length: Math.min(250, clients - i) }, make);
  await Promise.all(batch.map((client) => client.ready));
  live.push(...batch);
}
const connectMs = performance.now() - started;
gc();
gc();
const heapPerClient = (process.memoryUsage().heapUsed - heapBefore) / clients;
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
await new Promise((resolve) => setTimeout(resolve, idleMs));
const cpu = process.cpuUsage(cpuBefore);
const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
for (const client of live) client.close();
process.stdout.write(`${JSON.stringify({ kind, clients, connectMs, heapPerClient, cpuPercent })}\n`);
setTimeout(() => process.exit(0), 200);
