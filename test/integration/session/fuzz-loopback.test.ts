/**
 * Fuzz of whole sessions over real loopback sockets (issue 13): a `ws` server on 127.0.0.1:0 behaves at random from a
 * seeded generator (handshakes, status codes from the whole integer and string range, garbage frames, closes with
 * secrets in the reason, goodbyes, silence), and the test drives the client at random (clock advances, offline/online,
 * hidden/visible, reports, the user's answers, listeners that throw). Bounded: a fixed number of seeds and steps, no
 * wall-clock wait beyond letting loopback I/O flow. After every step the safety invariants hold; after disconnect()
 * nothing of the session remains.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulatedClock } from 'xstate';
import { WebSocket } from 'ws';
import type { WebSocket as ServerSocket } from 'ws';
import { createSession } from '../../../src/session/index.js';
import type { Session } from '../../../src/session/index.js';
import { isSessionError } from '../../../src/errors/index.js';
import { guacamoleCatalog } from '../../../src/codes/guacamole.js';
import { softdriveCatalog } from '../../../src/codes/softdrive.js';
import { encodeInstruction } from '../../../machines/guacamole/encoder.js';
import { fakeBrowser } from '../../support/fake-browser.js';
import { mulberry32 } from '../../support/seeded-random.js';
import { pendingTimers } from '../../support/pending-timers.js';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';

const SECRET = 'S3CR3T-TOKEN';
const SEEDS = 40;
const STEPS = 30;

type Pick = <T>(items: readonly T[]) => T;

/** Codes as a hostile or buggy server may send them. */
function randomCode(random: () => number, pick: Pick, catalogCodes: readonly (number | string)[]): number | string {
  const kind = Math.floor(random() * 6);
  if (kind <= 1) return pick(catalogCodes);
  if (kind === 2) return Math.floor(random() * 2 ** 33) - 2 ** 32;
  if (kind === 3) return pick([Number.NaN, -1, 0, 2 ** 53, 99_999_999_999, 0.5]);
  if (kind === 4) return pick(['boom', '__proto__', 'FOO_BAR', '0x8007052E', '', `token=${SECRET}`, 'SERVICE_UNAVAILABLE']);
  return String(pick(catalogCodes));
}

interface Dialect {
  readonly protocol: 'guacamole' | 'softdrive';
  readonly codes: readonly (number | string)[];
  handshake(socket: ServerSocket): void;
  status(socket: ServerSocket, code: number | string, message: string): void;
  goodbye(socket: ServerSocket): void;
  garbage(random: () => number): string;
}

const GUACAMOLE: Dialect = {
  protocol: 'guacamole',
  codes: guacamoleCatalog.entries.map((e) => e.code),
  handshake(socket) {
    socket.send('0.,36.6d4f1e2a-0000-4000-8000-000000000000;');
    socket.send('4.sync,1.0;');
  },
  status: (socket, code, message) => socket.send(encodeInstruction('error', message, String(code))),
  goodbye: (socket) => socket.send('10.disconnect;'),
  garbage: (random) => ['5.error,', '999999999.x;', 'not an instruction', '4.sync,1.0', '\u0000\u0001;', '1.a,'][Math.floor(random() * 6)]!,
};

const SOFTDRIVE: Dialect = {
  protocol: 'softdrive',
  codes: softdriveCatalog.entries.map((e) => e.code),
  handshake(socket) {
    for (const step of ['tls', 'handshake', 'settings']) socket.send(JSON.stringify({ t: 'step', step }));
  },
  status: (socket, code, message) => socket.send(JSON.stringify({ t: 'status', code, message })),
  goodbye: (socket) => socket.send(JSON.stringify({ t: 'end' })),
  garbage: (random) => ['{', '[]', '{"t":"status","code":-5}', '{"t":"status"}', 'null', '{"t":"nope"}'][Math.floor(random() * 6)]!,
};

/** Lets loopback I/O flow both ways (a few event-loop turns), without waiting on any timer the SDK owns. */
async function flush(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

let server: TestWsServer | undefined;
let session: Session | undefined;

afterEach(async () => {
  session?.disconnect();
  await server?.close();
  server = undefined;
  session = undefined;
  vi.unstubAllGlobals();
});

async function run(dialect: Dialect, seed: number): Promise<void> {
  const random = mulberry32(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const { win, doc } = fakeBrowser();
  const reported: unknown[] = [];
  vi.stubGlobal('reportError', (error: unknown) => reported.push(error));

  // The server: every connection gets a random script of a few actions.
  // Sockets the server still holds (closes reach it a little after the client drops a socket).
  let open = 0;
  server = await startWsServer((socket, request) => {
    open += 1;
    expect(request.url).toContain('token=');
    socket.on('close', () => {
      open -= 1;
    });
    socket.on('error', () => undefined);
    // Mostly a working server that says something now and then; sometimes one that ends or breaks the link.
    const actions = 1 + Math.floor(random() * 4);
    for (let i = 0; i < actions && socket.readyState === socket.OPEN; i += 1) {
      const action = Math.floor(random() * 20);
      if (action <= 7) dialect.handshake(socket);
      else if (action <= 10) dialect.status(socket, randomCode(random, pick, dialect.codes), `see wss://gw/t?token=${SECRET}`);
      else if (action <= 12) socket.send(dialect.garbage(random));
      else if (action === 13) socket.close(pick([1000, 1001, 1008, 1011, 1012, 4000, 4999]), pick(['', '519', `token=${SECRET}`, 'bye']));
      else if (action === 14) dialect.goodbye(socket);
      else if (action === 15) socket.terminate();
      // else: silence (the keep-alive's business)
    }
  });

  // The session's WebSocket constructor, counting the client sockets still connecting or open when a new one starts.
  const sockets: WebSocket[] = [];
  let maxLive = 0;
  class CountingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
      maxLive = Math.max(maxLive, sockets.filter((ws) => ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN).length);
    }
  }
  const clock = new SimulatedClock();
  session = createSession({
    protocol: dialect.protocol,
    url: () => `${server!.url}/tunnel?token=${SECRET}`,
    WebSocket: CountingWebSocket,
    clock,
    random,
    retry: { maxAttempts: 6, initialDelayMs: 200, maxDelayMs: 2000 },
    timeouts: { closeGraceMs: 50 },
  });
  const seen: string[] = [];
  for (const name of ['state', 'fault', 'reconnecting', 'needs-auth', 'needs-decision', 'closed', 'failed'] as const) {
    session.on(name, (payload: unknown) => seen.push(JSON.stringify(payload)));
  }
  // An app whose listeners throw now and then.
  session.on('state', () => {
    if (random() < 0.1) throw new Error('listener bug');
  });
  session.on('needs-auth', () => {
    if (random() < 0.5) throw new Error('listener bug');
  });

  session.connect();
  await flush();
  for (let step = 0; step < STEPS; step += 1) {
    const waiting = session.state.state.startsWith('active.awaiting');
    const before = sockets.length;
    const action = Math.floor(random() * 10);
    let answered = false;
    try {
      if (action <= 2) clock.increment(Math.floor(random() * 5000));
      else if (action === 3) win.dispatch(pick(['offline', 'online']));
      else if (action === 4) {
        doc.visibilityState = pick(['hidden', 'visible']);
        doc.dispatch('visibilitychange');
      } else if (action === 5) session.report(randomCode(random, pick, dialect.codes) as number);
      else if (action === 6) {
        answered = true;
        pick([() => session!.retryNow(), () => session!.takeOver(), () => session!.reauthenticate(), () => session!.cancel()])();
      }
    } catch (error) {
      // The app's calls may be refused, but only with a typed error.
      expect(isSessionError(error)).toBe(true);
    }
    await flush();

    expect(session.actor.getSnapshot().status).not.toBe('error');
    // Never two sockets of the session open at once, counted where they live: in the client.
    expect(maxLive).toBeLessThanOrEqual(1);
    // No connection attempt (a socket the session starts) while a wait for the user stands, unless the user answered.
    if (waiting && !answered) expect(sockets.length).toBe(before);
    if (session.state.state === 'closed' || session.state.state === 'failed') break;
  }

  session.disconnect();
  await vi.waitFor(() => expect(open).toBe(0), { timeout: 2000, interval: 5 });
  expect(pendingTimers(clock)).toBe(0);
  expect(win.count + doc.count).toBe(0);
  expect(seen.join('\n')).not.toContain(SECRET);
  for (const error of reported) expect((error as Error).message).toBe('listener bug');
}

describe('session fuzz over real loopback sockets (seeded server and client behaviour)', () => {
  for (const dialect of [GUACAMOLE, SOFTDRIVE]) {
    it(`${dialect.protocol}: ${SEEDS} seeded runs keep every safety invariant and leave nothing behind`, async () => {
      for (let seed = 1; seed <= SEEDS; seed += 1) {
        try {
          await run(dialect, seed * 7919);
        } catch (error) {
          throw new Error(`seed ${seed * 7919}: ${(error as Error).message}`, { cause: error });
        }
        session = undefined;
        await server?.close();
        server = undefined;
        vi.unstubAllGlobals();
      }
    }, 60_000);
  }
});
