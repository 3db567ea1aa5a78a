/**
 * A real WebSocket server that stages outages from fault scripts: a `ws` WebSocketServer on a node
 * http.Server, so a script can refuse the upgrade with an HTTP status (written by hand on the raw socket),
 * drop a socket without a close frame, or take the whole listener down and bring it back on the same port.
 * Scripts run on real timers; `close()` cancels every timer and destroys every socket and the listener.
 */
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { WS_READY_STATE } from '../transport/websocket-types.js';
import { loadWs } from './load-ws.js';
import type { WsModule } from './load-ws.js';
import { SessionError, describeValue, invalidOption } from '../errors/index.js';
import type { Profile } from '../../machines/profile.js';
import { createScriptPicker, validateScript, validateServerScript } from './script.js';
import type { FaultProtocol, FaultStep, ServerStep } from './script.js';
import { RUNNER_DEFAULTS, ScriptRunner, Timers, checkRunnerOptions, createConnectionRecord } from './wire-speaker.js';
import type { ConnectionRecord, GuacamoleDialect, RunnerOptions, ScriptPeer } from './wire-speaker.js';

export interface FaultServerOptions {
  readonly protocol: FaultProtocol;
  /** One script per connection, by index (connections past the end run the last one), or a function of the index. */
  readonly scripts?: readonly (readonly FaultStep[])[] | ((index: number) => readonly FaultStep[]);
  /** The same script for every connection. Default: `[]` (accept, then answer keep-alives). */
  readonly script?: readonly FaultStep[];
  /** Server-level steps (restart, flap, wait, waitForConnections), run once from creation. */
  readonly server?: readonly ServerStep[];
  readonly host?: string;
  readonly port?: number;
  /** Frames kept per connection in `received` (the oldest are dropped). */
  readonly maxRecordedMessages?: number;
  /**
   * Guacamole only: which tunnel to play (docs/gateways.md). `guacamole-client` (the default): the Java tunnel, tunnel
   * UUID, pings echoed. `guacamole-lite`: `$`-prefixed guacd ids, pings not echoed, close 1000 `Connection closed
   * normally` on shutdown (a restart without closeCode) and after guacd's end, close 1011 after its text-coded errors.
   */
  readonly dialect?: GuacamoleDialect;
  /** Guacamole: once the display has started, an idle guacd sends a `sync` about this often (0: never). Default 1000. */
  readonly idleSyncMs?: number;
}

export const FAULT_SERVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  maxRecordedMessages: 200,
  /** waitForConnections' default timeout. */
  waitTimeoutMs: 5000,
  /** How long a restart with a closeCode waits for clients to answer the close frame before dropping them. */
  closeGraceMs: 1000,
  ...RUNNER_DEFAULTS,
} as const;

export interface RestartOptions {
  readonly closeCode?: number;
  readonly closeReason?: string;
}

export interface FaultServer {
  /** `ws://HOST:PORT/` */
  readonly url: string;
  readonly port: number;
  /** Every connection attempt that reached the listener, in order (rejected ones included). */
  readonly connections: readonly ConnectionRecord[];
  /** Problems met while running: a script function that returned a bad script (answered 500), a failed re-listen. */
  readonly errors: readonly Error[];
  /** False while a restart or flap holds the listener down, and after close(). */
  readonly listening: boolean;
  /** Resolves once `count` connections have arrived; rejects with SESSION_ERR_INVALID_STATE after `timeoutMs`. */
  waitForConnections(count: number, options?: { readonly timeoutMs?: number }): Promise<readonly ConnectionRecord[]>;
  /**
   * Stops listening and drops every client (or, with `closeCode`, sends each a close frame and waits up to
   * `closeGraceMs` for it to go); listens again on the same port after `downMs`. Resolves once back up.
   */
  restart(downMs: number, options?: RestartOptions): Promise<void>;
  /** Ends every timer, socket and the listener. */
  close(): Promise<void>;
}


interface Waiter {
  readonly count: number;
  resolve(records: readonly ConnectionRecord[]): void;
  reject(error: Error): void;
  timer?: ReturnType<typeof setTimeout>;
}

function writeHttpError(socket: Duplex, status: number, retryAfter?: string): void {
  const body = `${status} ${http.STATUS_CODES[status] ?? 'Error'}\n`;
  const head = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}`, 'Connection: close', 'Content-Type: text/plain', `Content-Length: ${Buffer.byteLength(body)}`];
  if (retryAfter !== undefined) head.push(`Retry-After: ${retryAfter}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}

class FaultServerImpl implements FaultServer {
  readonly connections: ConnectionRecord[] = [];
  readonly errors: Error[] = [];
  port = 0;
  private state: 'up' | 'down' | 'closed' = 'down';
  private readonly http = http.createServer((_request, response) => response.writeHead(426, { Connection: 'close' }).end());
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<Socket>();
  private readonly runners = new Set<ScriptRunner>();
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Timers();

  constructor(
    private readonly profile: Profile,
    private readonly scriptFor: (index: number) => readonly FaultStep[],
    private readonly host: string,
    private readonly maxRecorded: number,
    private readonly runnerOptions: RunnerOptions,
    ws: WsModule,
  ) {
    this.wss = new ws.WebSocketServer({ noServer: true });
    this.http.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(request, socket, head));
  }

  get url(): string {
    return `ws://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}/`;
  }

  get listening(): boolean {
    return this.state === 'up';
  }

  get closed(): boolean {
    return this.state === 'closed';
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.http.once('error', onError);
      this.http.listen(port, this.host, () => {
        this.http.off('error', onError);
        resolve();
      });
    });
    this.port = (this.http.address() as AddressInfo).port;
    if (this.state === 'closed') await this.stopListening();
    else this.state = 'up';
  }

  waitForConnections(count: number, options: { readonly timeoutMs?: number } = {}): Promise<readonly ConnectionRecord[]> {
    const timeoutMs = options.timeoutMs ?? FAULT_SERVER_DEFAULTS.waitTimeoutMs;
    if (!Number.isInteger(count) || count < 1) return Promise.reject(invalidOption('count', `count must be an integer of at least 1 (got ${describeValue(count)})`, count));
    if (this.connections.length >= count) return Promise.resolve([...this.connections]);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { count, resolve, reject };
      if (Number.isFinite(timeoutMs)) {
        waiter.timer = setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new SessionError('SESSION_ERR_INVALID_STATE', `Timed out after ${timeoutMs} ms waiting for ${count} connections (got ${this.connections.length})`, { field: 'timeoutMs' }));
        }, timeoutMs);
      }
      this.waiters.add(waiter);
    });
  }

  async restart(downMs: number, options: RestartOptions = {}): Promise<void> {
    validateServerScript([{ do: 'restart', downMs, ...options }]);
    if (this.state === 'closed') throw new SessionError('SESSION_ERR_INVALID_STATE', 'The fault server is closed; it cannot restart');
    await this.goDown(options);
    if (!(await this.timers.sleep(downMs))) return;
    await this.goUp();
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.timers.cancel();
    for (const waiter of this.waiters) {
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      waiter.reject(new SessionError('SESSION_ERR_INVALID_STATE', `The fault server closed before ${waiter.count} connections arrived`));
    }
    this.waiters.clear();
    this.dropEverything();
    await this.stopListening();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    // The listener's handle finishes closing in the event loop's close phase, after 'close' was emitted:
    // two check-phase turns make sure it is gone when close() resolves.
    for (let turn = 0; turn < 2; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async runServerScript(script: readonly ServerStep[]): Promise<void> {
    for (const s of script) {
      if (this.state === 'closed') return;
      if (s.do === 'wait' && !(await this.timers.sleep(s.ms))) return;
      if (s.do === 'restart') {
        await this.restart(s.downMs, {
          ...(s.closeCode === undefined ? {} : { closeCode: s.closeCode }),
          ...(s.closeReason === undefined ? {} : { closeReason: s.closeReason }),
        });
      }
      if (s.do === 'waitForConnections') await this.waitForConnections(s.count, { timeoutMs: Infinity });
      if (s.do === 'flap') {
        for (let i = 0; i < s.times; i++) {
          if (!(await this.timers.sleep(s.upMs))) return;
          await this.restart(s.downMs);
        }
      }
    }
  }

  private async goDown(options: RestartOptions = {}): Promise<void> {
    if (this.state !== 'up') return;
    this.state = 'down';
    const stopped = this.stopListening(); // no new connections from here on
    // guacamole-lite closes every client 1000 when it shuts down; the Java tunnel's clients are dropped (the default).
    const shutdown = options.closeCode === undefined && this.runnerOptions.dialect === 'guacamole-lite' && this.profile.id === 'guacamole'
      ? { closeCode: 1000, closeReason: 'Connection closed normally' }
      : options;
    if (shutdown.closeCode !== undefined) await this.closeClients(shutdown.closeCode, shutdown.closeReason ?? '');
    this.dropEverything();
    await stopped;
  }

  /** Sends every open client a close frame and waits (at most closeGraceMs) for them all to close. */
  private async closeClients(code: number, reason: string): Promise<void> {
    const open = [...this.wss.clients];
    for (const runner of this.runners) runner.cancel();
    const allClosed = Promise.all(open.map((client) => new Promise<void>((resolve) => {
      if (client.readyState === WS_READY_STATE.CLOSED) return resolve();
      client.once('close', () => resolve());
      client.close(code, reason);
    })));
    await Promise.race([allClosed, this.timers.sleep(FAULT_SERVER_DEFAULTS.closeGraceMs)]);
  }

  private async goUp(): Promise<void> {
    if (this.state !== 'down') return;
    try {
      await this.listen(this.port);
    } catch (error) {
      this.errors.push(error as Error);
      throw new SessionError('SESSION_ERR_INVALID_STATE', `The fault server could not listen again on port ${this.port}`, { cause: error });
    }
  }

  private dropEverything(): void {
    for (const runner of this.runners) runner.cancel();
    for (const client of this.wss.clients) client.terminate();
    for (const socket of this.sockets) socket.destroy();
  }

  private stopListening(): Promise<void> {
    if (!this.http.listening) return Promise.resolve();
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  private notify(): void {
    for (const waiter of this.waiters) {
      if (this.connections.length < waiter.count) continue;
      if (waiter.timer !== undefined) clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
      waiter.resolve([...this.connections]);
    }
  }

  private onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {}); // a client reset is recorded through 'close', never thrown
    if (this.state !== 'up') return void socket.destroy();
    const record = createConnectionRecord(this.profile, this.connections.length, request.url ?? '/');
    this.connections.push(record);
    let script: readonly FaultStep[];
    try {
      script = this.scriptFor(record.index);
    } catch (error) {
      this.errors.push(error as Error);
      record.upgradeStatus = 500;
      writeHttpError(socket, 500);
      this.notify();
      return;
    }
    let client: WebSocket | null = null;
    const peer: ScriptPeer = {
      accept: () =>
        new Promise((resolve) => {
          if (socket.destroyed || this.state !== 'up') return resolve(false);
          this.wss.handleUpgrade(request, socket, head, (ws) => {
            client = ws;
            ws.on('error', () => {});
            ws.on('message', (data: RawData, isBinary: boolean) => runner.receive(isBinary ? new Uint8Array(Buffer.concat(toBuffers(data))) : data.toString()));
            ws.on('close', (code: number, reason: Buffer) => {
              record.closeCode = code;
              record.closeReason = reason.toString();
            });
            resolve(true);
          });
        }),
      reject: (status, retryAfter) => writeHttpError(socket, status, retryAfter),
      send: (frame) => {
        if (client?.readyState === WS_READY_STATE.OPEN) client.send(frame);
      },
      close: (code, reason) => client?.close(code, reason),
      drop: () => client?.terminate(),
    };
    const runner = new ScriptRunner(this.profile, record, peer, this.maxRecorded, this.runnerOptions);
    this.runners.add(runner);
    socket.once('close', () => {
      record.closedAt = Date.now();
      runner.cancel();
      this.runners.delete(runner);
    });
    this.notify();
    runner.run(script).catch((error: unknown) => this.errors.push(error as Error));
  }
}

function toBuffers(data: RawData): Buffer[] {
  if (Array.isArray(data)) return data;
  return [Buffer.isBuffer(data) ? data : Buffer.from(data)];
}

function checkOptions(options: FaultServerOptions): { host: string; port: number; maxRecorded: number } {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', `createFaultServer needs an options object (got ${describeValue(options)})`, options);
  const host = options.host ?? FAULT_SERVER_DEFAULTS.host;
  const port = options.port ?? FAULT_SERVER_DEFAULTS.port;
  const maxRecorded = options.maxRecordedMessages ?? FAULT_SERVER_DEFAULTS.maxRecordedMessages;
  if (typeof host !== 'string' || host === '') throw invalidOption('host', `host must be a non-empty string (got ${describeValue(host)})`, host);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw invalidOption('port', `port must be an integer from 0 to 65535 (got ${describeValue(port)})`, port);
  if (!Number.isInteger(maxRecorded) || maxRecorded < 0) throw invalidOption('maxRecordedMessages', `maxRecordedMessages must be an integer of at least 0 (got ${describeValue(maxRecorded)})`, maxRecorded);
  return { host, port, maxRecorded };
}


/**
 * Starts a fault server. Every script is validated first (SESSION_ERR_INVALID_SCRIPT); a script function is
 * validated for each connection, and a bad result is answered with HTTP 500 and recorded in `errors`.
 */
export async function createFaultServer(options: FaultServerOptions): Promise<FaultServer> {
  const { host, port, maxRecorded } = checkOptions(options);
  const runnerOptions = checkRunnerOptions(options);
  const profile = validateScript(options.protocol, []);
  const pick = createScriptPicker(options.protocol, options, 'server');
  const serverScript = options.server ?? [];
  validateServerScript(serverScript);
  const ws = await loadWs('createFaultServer');
  const server = new FaultServerImpl(profile, pick, host, maxRecorded, runnerOptions, ws);
  await server.listen(port);
  server.runServerScript(serverScript).catch((error: unknown) => {
    if (!server.closed) server.errors.push(error as Error);
  });
  return server;
}
