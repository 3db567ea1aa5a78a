/**
 * Server text is redacted at the transport boundary: a close reason, a status or goodbye message, or a malformed
 * frame's error that echoes the request URL (or a `token=` in free text) never reaches an actor event, so neither the
 * parent nor an inspector sees the secret. Numeric reasons (Guacamole's decimal status in the close) stay intact.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InspectionEvent } from 'xstate';
import { WebSocket as NodeWs } from 'ws';
import type { WebSocket as ServerSocket } from 'ws';
import { startWsServer } from '../../support/ws-server.js';
import type { TestWsServer } from '../../support/ws-server.js';
import { startTransport } from './transport-harness.js';
import type { HarnessOptions, TransportHarness } from './transport-harness.js';
import { createGuacamoleCodec, encodeInstruction } from '../../../machines/guacamole/index.js';
import { createEnvelopeCodec, envelope } from '../../../machines/envelope/codec.js';
import type { TransportEvent, WireCodec, WireSignal } from '../../../machines/wire.js';

let server: TestWsServer | undefined;
let harness: TransportHarness<WireCodec> | undefined;

afterEach(async () => {
  harness?.stop();
  harness = undefined;
  await server?.close();
  server = undefined;
});

const SECRET = 'SECRET';
const URL_WITH_TOKEN = `wss://gateway.example/tunnel?token=${SECRET}`;
const FREE_TEXT_TOKEN = `auth failed: token=${SECRET}`;

/** Serialises an inspection event as an inspector would show it: errors with their message and cause. */
function show(event: InspectionEvent): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(event, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[cycle]';
    seen.add(value);
    if (value instanceof Error) return { ...value, name: value.name, message: value.message, cause: value.cause };
    return value;
  });
}

async function connect(codec: WireCodec, onPeer: (peer: ServerSocket) => void) {
  const trace: string[] = [];
  server = await startWsServer(onPeer);
  const options: HarnessOptions<WireCodec> = { codec, inspect: (event) => trace.push(show(event)) };
  const h = (harness = startTransport(NodeWs, `${server.url}/tunnel?token=${SECRET}`, options));
  await vi.waitFor(() => expect(h.eventTypes()).toContain('transport.close'));
  return { h, trace };
}

const signals = (events: readonly TransportEvent[]): WireSignal[] =>
  events.flatMap((event) => (event.type === 'transport.signal' ? [event.signal] : []));

describe('createWebSocketTransport: redaction of server text', () => {
  it('redacts a Guacamole error message and a close reason before they reach the actor or the inspector', async () => {
    const { h, trace } = await connect(createGuacamoleCodec(), (peer) => {
      peer.send(encodeInstruction('error', `upstream failed for ${URL_WITH_TOKEN}; ${FREE_TEXT_TOKEN}`, '519'));
      peer.close(4000, `bye ${URL_WITH_TOKEN}`);
    });
    expect(signals(h.events)).toEqual([
      { kind: 'status', code: 519, message: expect.stringContaining('wss://gateway.example/tunnel?token=***') },
    ]);
    expect(h.events.at(-1)).toEqual({
      type: 'transport.close',
      code: 4000,
      reason: 'bye wss://gateway.example/tunnel?token=***',
      wasClean: true,
    });
    expect(trace.length).toBeGreaterThan(0);
    expect(trace.filter((line) => line.includes(SECRET))).toEqual([]);
  });

  it('keeps a numeric close reason (Guacamole status 519) as it is', async () => {
    const { h } = await connect(createGuacamoleCodec(), (peer) => peer.close(1011, '519'));
    expect(h.events.at(-1)).toEqual({ type: 'transport.close', code: 1011, reason: '519', wasClean: true });
  });

  it('redacts envelope status and end messages and the error of a malformed frame', async () => {
    const { h, trace } = await connect(createEnvelopeCodec(), (peer) => {
      peer.send(envelope.status(4102, `severed ${URL_WITH_TOKEN}`));
      peer.send(envelope.end(FREE_TEXT_TOKEN));
      peer.send(`not json ${URL_WITH_TOKEN}`);
      peer.close(1000);
    });
    const [status, end, malformed] = signals(h.events);
    expect(status).toEqual({ kind: 'status', code: 4102, message: 'severed wss://gateway.example/tunnel?token=***' });
    expect(end).toMatchObject({ kind: 'end' });
    expect(malformed).toMatchObject({ kind: 'malformed', error: { name: 'SessionError', code: 'SESSION_ERR_PROTOCOL' } });
    const error = malformed?.kind === 'malformed' ? malformed.error : undefined;
    expect(error?.message).toContain('wss://gateway.example/tunnel?token=***');
    expect(trace.filter((line) => line.includes(SECRET))).toEqual([]);
  });
});
