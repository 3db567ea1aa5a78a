/**
 * A Node client for a Guacamole gateway, driven by createSession().
 *
 * It starts an embedded fault server (so it runs offline, and in CI) that plays a small outage story:
 *   connection 1: tunnel + sync handshake, a burst of drawing instructions, then `error` 515 (upstream error);
 *   connection 2: handshake and a stream, until the whole server restarts with close code 1012;
 *   connection 3: handshake and a stream; the client sends a key press and disconnects.
 *
 * Run: npx tsx examples/node-guacamole-client.ts   (exits 0 in about 3 s)
 */
import { pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';
import { createSession } from '../src/index.js';
import type { Classification, Session, SessionEventMap } from '../src/index.js';
import { guacamoleProfile } from '../machines/guacamole/index.js';
import { createFaultServer, step } from '../src/testing/index.js';

const started = Date.now();
const log = (line: string): void => console.log(`[${String(Date.now() - started).padStart(5)} ms] ${line}`);
const describe = (c: Classification): string =>
  `${c.space} ${c.code} ${c.name}${c.via === undefined ? '' : ` (via ${c.via.space} ${c.via.code})`}`;

/** Resolves with the next payload of `event`. */
function next<K extends 'ready' | 'closed'>(session: Session, event: K): Promise<SessionEventMap[K][0]> {
  return new Promise((resolve) => session.once(event, ((payload: SessionEventMap[K][0]) => resolve(payload)) as never));
}

export async function main(): Promise<void> {
  const server = await createFaultServer({
    protocol: 'guacamole',
    scripts: [
      [step.handshake(), step.stream(50, 400), step.status(515, 'upstream error')],
      [step.handshake(), step.stream(50, 60_000)],
    ],
    // Once the second connection is in, let it stream a little, then restart the server (close 1012).
    server: [step.waitForConnections(2), step.wait(600), step.restart(100, { closeCode: 1012, closeReason: 'restarting' })],
  });

  const session = createSession({
    protocol: guacamoleProfile, // a Profile object keeps other protocols out of a bundle
    url: server.url,
    WebSocket, // Node 20 has no global WebSocket
    protocols: 'guacamole',
    // Short and predictable; after 500 ms of being ready, the next fault starts a new outage (attempt 1 again).
    retry: { initialDelayMs: 200, maxDelayMs: 2000, jitter: 'none', maxAttempts: 5, minUptimeMs: 500 },
  });

  let messages = 0;
  let countdown: ReturnType<typeof setInterval> | undefined;
  const stopCountdown = (): void => clearInterval(countdown);

  session.on('message', () => (messages += 1));
  session.on('phase', (phase, previous) => log(`phase ${previous} → ${phase}`));
  session.on('fault', ({ fault }) => log(`fault ${describe(fault)}: ${fault.summary} → outcome ${fault.outcome}`));
  session.on('ready', ({ attempt }) => {
    stopCountdown();
    log(`ready (reconnect attempt ${attempt}), ${messages} messages so far`);
  });
  session.on('reconnecting', ({ attempt, delayMs, cause }) => {
    log(`reconnecting: attempt ${attempt} in ${delayMs} ms, cause ${describe(cause)}`);
    if (delayMs < 1000) return;
    // A long wait (the server asked for at least 5 s): count down, and press "Retry now" after one tick.
    let left = Math.ceil(delayMs / 1000);
    countdown = setInterval(() => {
      left -= 1;
      log(`  retrying in ${left} s… (user presses "Retry now")`);
      stopCountdown();
      session.retryNow();
    }, 1000);
  });
  session.on('closed', ({ by }) => log(`closed by ${by}`));
  session.on('failed', ({ final }) => log(`failed: ${describe(final)}`));

  session.connect();
  for (let connection = 1; connection <= 3; connection += 1) await next(session, 'ready');

  // Press and release "A" (keysym 65), as Guacamole.Client sends keyboard input.
  session.send(['key', '65', '1']);
  session.send(['key', '65', '0']);
  const third = server.connections[2];
  while (third !== undefined && !third.received.includes('3.key,2.65,1.0;')) await new Promise((r) => setTimeout(r, 10));
  log(`server received: ${third?.received.filter((frame) => String(frame).startsWith('3.key')).join(' ')}`);

  const closed = next(session, 'closed');
  session.disconnect();
  await closed;
  await server.close();
  log(`done: ${messages} messages, ${server.connections.length} connections, final state ${session.state.connectivity}`);
}

// Run as a script (not when imported): exit 0 on success, 1 on any error or after 10 s.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const watchdog = setTimeout(() => {
    console.error('timed out after 10 s');
    process.exit(1);
  }, 10_000);
  watchdog.unref();
  main().then(
    () => clearTimeout(watchdog),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
