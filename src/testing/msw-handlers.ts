/**
 * The same fault scripts as msw `ws.link` handlers, for suites that intercept instead of listening.
 *
 * msw's mock socket always opens (on the next microtask after the connection handlers run), so steps that
 * act on the HTTP upgrade cannot be staged: `reject` and steps before an explicit `accept` are refused by
 * validation. `drop` is emulated with `client.close(1006, '')`: the client sees code 1006, but msw reports
 * `wasClean: true` where a real dropped socket reports false. Server-level steps (restart, flap) have no msw
 * form; use createFaultServer for them.
 */
import { ws } from 'msw';
import type { WebSocketHandler } from 'msw';
import type { WebSocketData, WebSocketLink } from 'msw';
import { SessionError, describeValue, invalidOption } from '../errors/index.js';
import { createScriptPicker, validateScript } from './script.js';
import type { FaultProtocol, FaultStep } from './script.js';
import { ScriptRunner, checkRunnerOptions, createConnectionRecord } from './wire-speaker.js';
import type { GuacamoleDialect } from './wire-speaker.js';
import type { ConnectionRecord, ScriptPeer } from './wire-speaker.js';

export interface FaultHandlersOptions {
  readonly protocol: FaultProtocol;
  /** The URL to intercept (any form `ws.link` accepts: a string with wildcards, or a RegExp). */
  readonly url: string | RegExp;
  /** The same script for every connection. Default: `[]` (accept, then answer keep-alives). */
  readonly script?: readonly FaultStep[];
  /** One script per connection, by index (connections past the end run the last one), or a function of the index. */
  readonly scripts?: readonly (readonly FaultStep[])[] | ((index: number) => readonly FaultStep[]);
  /** Frames kept per connection in `received`. Default 200. */
  readonly maxRecordedMessages?: number;
  /** Guacamole only: which tunnel to play, as `createFaultServer`'s `dialect`. */
  readonly dialect?: GuacamoleDialect;
  /** Guacamole: an idle guacd's `sync` about this often once the display has started (0: never). Default 1000. */
  readonly idleSyncMs?: number;
}

export interface FaultHandlers {
  /** Pass to `setupServer(...handlers)` or `server.use(...handlers)`. */
  readonly handlers: readonly WebSocketHandler[];
  readonly link: WebSocketLink;
  readonly connections: readonly ConnectionRecord[];
  /** Problems met while running (a script function that returned a bad script: that client is closed with 1011). */
  readonly errors: readonly Error[];
  /** Stops every script timer. Sockets are left to msw (`server.close()`) and the client. */
  close(): void;
}

function toRecorded(data: WebSocketData): string | Uint8Array {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  if (data instanceof Blob) return new Uint8Array(0); // a Blob cannot be read synchronously; its bytes are not recorded
  return new Uint8Array(data.slice(0));
}



/** Builds a `ws.link` handler that runs fault scripts. Every script is validated for the msw back end first. */
export function createFaultHandlers(options: FaultHandlersOptions): FaultHandlers {
  if (typeof options !== 'object' || options === null) throw invalidOption('options', `createFaultHandlers needs an options object (got ${describeValue(options)})`, options);
  const profile = validateScript(options.protocol, [], { backend: 'msw' });
  if (typeof options.url !== 'string' && !(options.url instanceof RegExp)) throw invalidOption('url', `url must be a string or a RegExp (got ${describeValue(options.url)})`, options.url);
  const maxRecorded = options.maxRecordedMessages ?? 200;
  if (!Number.isInteger(maxRecorded) || maxRecorded < 0) throw invalidOption('maxRecordedMessages', `maxRecordedMessages must be an integer of at least 0 (got ${describeValue(maxRecorded)})`, maxRecorded);
  const pick = createScriptPicker(options.protocol, options, 'msw');
  const runnerOptions = checkRunnerOptions(options);
  const connections: ConnectionRecord[] = [];
  const errors: Error[] = [];
  const runners = new Set<ScriptRunner>();
  const link = ws.link(options.url);

  const handler = link.addEventListener('connection', ({ client }) => {
    const record = createConnectionRecord(profile, connections.length, `${client.url.pathname}${client.url.search}`);
    connections.push(record);
    let script: readonly FaultStep[];
    try {
      script = pick(record.index);
    } catch (error) {
      errors.push(error as Error);
      client.close(1011, 'invalid fault script');
      return;
    }
    let open = true;
    const peer: ScriptPeer = {
      // msw opens its mock socket a few microtasks after the connection handlers ran; one macrotask later it is
      // open, so the client sees `open` before the first frame (frames sent earlier would be lost with a close).
      accept: () => new Promise((resolve) => setTimeout(() => resolve(open), 0)),
      reject: () => {
        throw new SessionError('SESSION_ERR_INVALID_SCRIPT', 'reject cannot run under msw');
      },
      send: (frame) => {
        if (open) client.send(frame);
      },
      // msw delivers sends on a microtask and drops them once closing: close after the frames already sent.
      close: (code, reason) => queueMicrotask(() => client.close(code, reason)),
      // Emulation: no TCP socket to destroy; the client sees 1006 (msw reports wasClean: true).
      drop: () => queueMicrotask(() => client.close(1006, '')),
    };
    const runner = new ScriptRunner(profile, record, peer, maxRecorded, runnerOptions);
    runners.add(runner);
    client.addEventListener('message', (event) => runner.receive(toRecorded(event.data)));
    client.addEventListener('close', (event) => {
      open = false;
      record.closedAt = Date.now();
      record.closeCode = event.code;
      record.closeReason = event.reason;
      runner.cancel();
      runners.delete(runner);
    });
    runner.run(script).catch((error: unknown) => errors.push(error as Error));
  });

  return {
    handlers: [handler],
    link,
    connections,
    errors,
    close() {
      for (const runner of runners) runner.cancel();
      runners.clear();
    },
  };
}
