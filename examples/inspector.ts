/**
 * The Stately inspector wired into a session: pass an inspector's `.inspect` observer as createSession's
 * `inspect` option, and every snapshot, event and actor of the lifecycle machine is traced.
 *
 * Offline (the default here): `createInspector({ send })`, a custom adapter that just collects the events.
 * Live, with a local inspector server: set INSPECTOR_URL=ws://127.0.0.1:PORT to use
 * `createWebSocketInspector({ url })` instead.
 *
 * In a page, the hosted inspector UI opens in a new window (it needs the internet, so never in CI):
 *
 *   import { createBrowserInspector } from '@statelyai/inspect';
 *   const inspector = createBrowserInspector();
 *   const session = createSession({ protocol: guacamoleProfile, url, inspect: inspector.inspect });
 *
 * Run: npx tsx examples/inspector.ts   (prints a count of inspection events by type, exits 0)
 */
import { pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';
import { createInspector, createWebSocketInspector } from '@statelyai/inspect';
import type { StatelyInspectionEvent } from '@statelyai/inspect';
import { createSession } from '../src/index.js';
import { guacamoleProfile } from '../machines/guacamole/index.js';
import { createFaultServer, step } from '../src/testing/index.js';

/** @statelyai/inspect 0.7 has no "connected" callback; its WebSocket adapter's status says when it is. */
async function untilOpen(adapter: unknown, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while ((adapter as { status?: string }).status !== 'open') {
    if (Date.now() - started > timeoutMs) throw new Error('the inspector server did not accept a connection');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Runs one short session under the inspector and returns how many inspection events of each type it handed
 * to its adapter (collected offline, or sent to the inspector server at `inspectorUrl`).
 */
export async function inspectOneSession(inspectorUrl?: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const collected: StatelyInspectionEvent[] = [];
  // The filter sees every event the inspector passes on, whichever adapter it has: count there.
  const filter = (event: StatelyInspectionEvent): boolean => {
    collected.push(event);
    counts[event.type] = (counts[event.type] ?? 0) + 1;
    return true;
  };
  const inspector = inspectorUrl === undefined
    ? createInspector({ send: () => {} }, { filter })
    : createWebSocketInspector({ url: inspectorUrl, filter });
  if (inspectorUrl !== undefined) await untilOpen(inspector.adapter);

  const server = await createFaultServer({ protocol: 'guacamole', script: [step.handshake(), step.stream(20, 5_000)] });
  const token = 'example-secret-token';
  const session = createSession({ protocol: guacamoleProfile, url: `${server.url}?token=${token}`, WebSocket, inspect: inspector.inspect });
  const ready = new Promise((resolve) => session.once('ready', resolve));
  session.connect();
  await ready;
  session.disconnect();
  await server.close();
  // The inspector delivers events a timer tick after the actor emits them.
  await new Promise((resolve) => setTimeout(resolve, 20));
  inspector.stop();

  // URLs reach traces redacted (`?token=***`): the credential itself never does.
  if (collected.some((event) => JSON.stringify(event).includes(token))) throw new Error('the token appeared in an inspection event');
  return counts;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const counts = await inspectOneSession(process.env.INSPECTOR_URL || undefined); // unset or empty: offline
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  console.log(`inspection events: ${total}`);
  for (const [type, n] of Object.entries(counts)) console.log(`  ${type}: ${n}`);
}
