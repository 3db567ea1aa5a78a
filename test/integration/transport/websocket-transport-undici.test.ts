/**
 * The transport over Node's own (undici) WebSocket. Node 20 only has it behind `--experimental-websocket`,
 * and the vitest config is shared, so each case runs in a child Node process with that flag (and tsx
 * to load the TypeScript sources). The child prints what the parent machine recorded as JSON.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const transportModule = pathToFileURL(`${root}src/transport/index.ts`).href;

/** Shared prelude: a parent machine that invokes the transport over the global WebSocket and records events. */
const prelude = `
import net from 'node:net';
import { createActor, setup } from 'xstate';
const { createWebSocketTransport } = await import(${JSON.stringify(transportModule)});
const turn = () => new Promise((resolve) => setImmediate(resolve));
const waitUntil = async (check) => { while (!check()) await turn(); };
function run(url) {
  const events = [];
  const data = [];
  const sockets = [];
  class Spy extends WebSocket { constructor(...args) { super(...args); sockets.push(this); } }
  const link = { lastDataAt: 0, wantActivity: false, onData: (value) => data.push(value), send: null };
  const codec = { reset() {}, encode: (m) => m, keepAliveFrame: () => null, decode: (frame, emit) => emit({ kind: 'data', data: frame }) };
  const machine = setup({ actors: { transport: createWebSocketTransport(Spy) } }).createMachine({
    invoke: { src: 'transport', input: { url: { reveal: () => url, toJSON: () => "[url]" }, codec, link, now: () => 42 } },
    on: { '*': { actions: ({ event }) => events.push({ ...event, readyState: sockets[0]?.readyState }) } },
  });
  const actor = createActor(machine).start();
  return { events, data, link, sockets, actor };
}
`;

function runInChild(body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--experimental-websocket', '--no-warnings', '--import', 'tsx', '--input-type=module', '-e', `${prelude}\n${body}`],
      { cwd: root, timeout: 15_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`child failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null'));
      },
    );
  });
}

describe('createWebSocketTransport over undici (node --experimental-websocket)', () => {
  it('reports a refused connection as exactly one failure although undici never closes', async () => {
    const result = await runInChild(`
      const server = net.createServer();
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address();
      await new Promise((resolve) => server.close(resolve));
      const run1 = run('ws://127.0.0.1:' + port + '/x?token=secret');
      await waitUntil(() => run1.events.length > 0);
      for (let i = 0; i < 20; i += 1) await turn();
      const before = run1.events.map((e) => ({ ...e }));
      run1.actor.stop();
      for (let i = 0; i < 20; i += 1) await turn();
      console.log(JSON.stringify({ before, after: run1.events.length, readyStateAfterStop: run1.sockets[0].readyState }));
    `);
    expect(result).toMatchObject({
      before: [{ type: 'transport.error', failure: { beforeOpen: true }, readyState: 0 }],
      after: 1,
    });
    const [event] = (result as { before: { failure: { message: string } }[] }).before;
    expect(event?.failure.message).not.toContain('secret');
  });

  it('opens, receives text and binary data, and reports the server close', async () => {
    const result = await runInChild(`
      const { WebSocketServer } = await import('ws');
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise((resolve) => wss.once('listening', resolve));
      wss.on('connection', (peer) => { peer.send('hello'); peer.send(Buffer.from([1, 2])); peer.close(4000, 'bye'); });
      const r = run('ws://127.0.0.1:' + wss.address().port);
      await waitUntil(() => r.events.some((e) => e.type === 'transport.close'));
      const data = r.data.map((d) => (typeof d === 'string' ? d : d instanceof ArrayBuffer ? 'ArrayBuffer:' + d.byteLength : typeof d));
      r.actor.stop();
      await new Promise((resolve) => wss.close(resolve));
      console.log(JSON.stringify({ types: r.events.map((e) => e.type), close: r.events.at(-1), data, lastDataAt: r.link.lastDataAt, send: r.link.send }));
    `);
    expect(result).toEqual({
      types: ['transport.open', 'transport.close'],
      close: { type: 'transport.close', code: 4000, reason: 'bye', wasClean: true, readyState: 3 },
      data: ['hello', 'ArrayBuffer:2'],
      lastDataAt: 42,
      send: null,
    });
  });
});
