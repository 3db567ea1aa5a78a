/**
 * Footprint of what users install (the packed tarball), beside the peers they would pick instead, in one run:
 *   1. heap per idle connected client (5,000 in one process, after gc): target ≤ 2.5× partysocket's;
 *   2. time to connect 5,000 clients, 250 at a time: target ≤ 2× raw `ws`'s;
 *   3. CPU of 5,000 idle Guacamole clients pinging every 500 ms: target ≤ 1.1× guacamole-common-js tunnels';
 *   4. browser bundle (esbuild, minified, gzip) of createSession + guacamoleProfile from the tarball: target ≤ 2.5×
 *      bare xstate's; importing only `classify` or only a profile carries no xstate.
 *
 * The tarball is built (`npm run build`), packed and installed into a fresh consumer project under the system's temp
 * directory; each client kind runs in a process of its own (bench/footprint-client.mjs), against one server in this
 * process that sends the Guacamole handshake and echoes tunnel pings, as the Java tunnel does.
 *
 * Run: npx tsx bench/footprint.bench.ts [--clients N] [--idle-ms N] [--no-build]   (section "## footprint")
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { TARBALL_ENTRIES, bundleFrom } from '../scripts/check-tarball-bundles.js';
import type { TarballBundle } from '../scripts/check-tarball-bundles.js';
import { writeSection } from './results-file.js';

export const FOOTPRINT_BENCH = {
  command: 'npx tsx bench/footprint.bench.ts',
  clients: 5000,
  idleMs: 10_000,
  targets: { heapVsPartysocket: 2.5, connectVsWs: 2, cpuVsGuacamoleTunnel: 1.1, bundleVsXstate: 2.5 },
} as const;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KINDS = ['ws', 'partysocket', 'reconnecting-websocket', 'guacamole-common-js', 'session-lifecycle'] as const;
type Kind = (typeof KINDS)[number];

interface ClientFigures {
  readonly kind: Kind;
  readonly connectMs: number;
  readonly heapPerClient: number;
  readonly cpuPercent: number;
}

const HANDSHAKE = ['0.,36.6d4f1e2a-0000-4000-8000-000000000000;', '4.sync,1.0;'];
const PING = /0\.,4\.ping,\d+\.\d+;/g;

/** A tunnel endpoint in this process: the handshake to every client, and each tunnel ping echoed. */
async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, backlog: 4096 });
  await new Promise((ready) => wss.once('listening', ready));
  wss.on('connection', (socket) => {
    for (const frame of HANDSHAKE) socket.send(frame);
    socket.on('message', (data) => {
      const pings = String(data).match(PING);
      if (pings !== null) socket.send(pings.join(''));
    });
    socket.on('error', () => undefined);
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    close: () => new Promise((done) => {
      for (const client of wss.clients) client.terminate();
      wss.close(() => done());
    }),
  };
}

/** Builds, packs and installs the tarball in a new consumer project; returns its directory. */
function installTarball(build: boolean): string {
  if (build) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'session-lifecycle-footprint-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, stdio: 'ignore' });
  const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
  const consumer = join(dir, 'consumer');
  execFileSync('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'footprint-consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball)], { cwd: consumer, stdio: 'ignore' });
  copyFileSync(join(ROOT, 'bench/footprint-client.mjs'), join(consumer, 'footprint-client.mjs'));
  return consumer;
}

function measureKind(consumer: string, kind: Kind, url: string, clients: number, idleMs: number): Promise<ClientFigures> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--expose-gc', 'footprint-client.mjs', kind, url, String(clients), String(idleMs), ROOT], { cwd: consumer });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) fail(new Error(`${kind} exited ${code}: ${err.slice(-2000)}`));
      else done(JSON.parse(line) as ClientFigures);
    });
  });
}

export interface FootprintResult {
  readonly clients: number;
  readonly idleMs: number;
  readonly figures: Readonly<Record<Kind, ClientFigures>>;
  readonly bundles: Readonly<Record<keyof typeof TARBALL_ENTRIES, TarballBundle>>;
}

export async function runFootprintBench(options: { clients: number; idleMs: number; build: boolean }): Promise<FootprintResult> {
  const consumer = installTarball(options.build);
  const server = await startServer();
  try {
    const figures = {} as Record<Kind, ClientFigures>;
    for (const kind of KINDS) {
      figures[kind] = await measureKind(consumer, kind, server.url, options.clients, options.idleMs);
      process.stdout.write(`${kind}: ${JSON.stringify(figures[kind])}\n`);
    }
    const bundles = Object.fromEntries(await Promise.all(
      Object.entries(TARBALL_ENTRIES).map(async ([name, contents]) => [name, await bundleFrom(consumer, contents)] as const),
    )) as FootprintResult['bundles'];
    return { clients: options.clients, idleMs: options.idleMs, figures, bundles };
  } finally {
    await server.close();
    rmSync(dirname(consumer), { recursive: true, force: true });
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const times = (ratio: number): string => `${ratio.toFixed(2)}×`;
const verdict = (ratio: number, target: number): string => `≤ ${target}× (${ratio <= target ? 'met' : 'MISSED'})`;

export function renderFootprintSection(result: FootprintResult): string {
  const { figures: f, bundles: b, clients } = result;
  const sdk = f['session-lifecycle'];
  const heapRatio = sdk.heapPerClient / f.partysocket.heapPerClient;
  const connectRatio = sdk.connectMs / f.ws.connectMs;
  const cpuRatio = sdk.cpuPercent / f['guacamole-common-js'].cpuPercent;
  const bundleRatio = b.session.gzipBytes / b.xstate.gzipBytes;
  const { targets } = FOOTPRINT_BENCH;
  const rows = KINDS.map((kind) => {
    const x = f[kind];
    return `| ${kind} | ${kb(x.heapPerClient)} | ${(x.connectMs / 1000).toFixed(2)} s | ${x.cpuPercent.toFixed(1)} % |`;
  });
  return [
    '## footprint',
    '',
    `Command: \`${FOOTPRINT_BENCH.command}\` · Node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}) · ${process.platform}/${process.arch}`,
    '',
    `What users install: the tarball (\`npm run build\`, \`npm pack\`) installed into a new project. ${clients.toLocaleString('en-US')} clients of each kind in a process of its own, 250 connecting at a time, against one server that sends the Guacamole handshake and echoes tunnel pings. Heap: after gc, per connected idle client. CPU: the client process over ${result.idleMs / 1000} s idle (the SDK and guacamole-common-js ping every 500 ms; the others send nothing).`,
    '',
    '| client | heap per client | connect all | CPU idle |',
    '|---|---|---|---|',
    ...rows,
    '',
    '| measure | ratio | target |',
    '|---|---|---|',
    `| heap per idle connected session vs partysocket | ${times(heapRatio)} | ${verdict(heapRatio, targets.heapVsPartysocket)} |`,
    `| connect ${clients.toLocaleString('en-US')} sessions vs raw \`ws\` | ${times(connectRatio)} | ${verdict(connectRatio, targets.connectVsWs)} |`,
    `| CPU of idle Guacamole sessions vs guacamole-common-js tunnels (same ping) | ${times(cpuRatio)} | ${verdict(cpuRatio, targets.cpuVsGuacamoleTunnel)} |`,
    `| browser bundle, createSession + guacamoleProfile, vs bare xstate (gzip) | ${times(bundleRatio)} | ${verdict(bundleRatio, targets.bundleVsXstate)} |`,
    `| its floor: guacamoleProfile + bare xstate, none of the SDK's runtime | ${times(b.floor.gzipBytes / b.xstate.gzipBytes)} | — |`,
    '',
    '| bundle from the tarball (esbuild, browser, minified) | minified | gzip | carries xstate |',
    '|---|---|---|---|',
    ...Object.entries(b).map(([name, x]) => `| ${name} | ${kb(x.minBytes)} | ${kb(x.gzipBytes)} | ${x.xstate ? 'yes' : 'no'} |`),
    '',
    'Bundle entries: `xstate` createMachine + createActor; `classify` from the main entry alone; `profile` guacamoleProfile alone; `session` createSession from \'session-lifecycle/session\' with guacamoleProfile; `main` createSession from the main entry (every catalog, by design); `floor` guacamoleProfile with bare xstate and none of the SDK\'s runtime, the least any createSession + guacamoleProfile bundle can weigh. The same checks run in `.ci/run` (scripts/check-tarball-bundles.ts).',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { clients: { type: 'string' }, 'idle-ms': { type: 'string' }, 'no-build': { type: 'boolean' } } });
  const result = await runFootprintBench({
    clients: Number(values.clients ?? FOOTPRINT_BENCH.clients),
    idleMs: Number(values['idle-ms'] ?? FOOTPRINT_BENCH.idleMs),
    build: values['no-build'] !== true,
  });
  const section = renderFootprintSection(result);
  process.stdout.write(`${section}\n`);
  await writeSection('footprint', section);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
