/**
 * Credentials never leave the SDK: not in emitted events, not in error messages, not in the public state, not in
 * the actor snapshot, and not in inspector traces, whether they are serialised the way @statelyai/inspect does it
 * (`createInspector` with a custom adapter) or by a plain `inspect` function that logs every inspection event with
 * a circular-safe JSON stringify (Errors rendered with their message, as a logger would).
 */
import { describe, expect, it } from 'vitest';
import { createInspector } from '@statelyai/inspect';
import type { InspectionEvent } from 'xstate';
import { step } from '../../../src/testing/index.js';
import type { FaultStep } from '../../../src/testing/index.js';
import { useSessionFixture } from '../../support/session-fixture.js';
import type { SessionHarness } from '../../support/session-harness.js';
import type { SessionOptions } from '../../../src/session/index.js';

const fixture = useSessionFixture();

/** JSON with cycles cut, functions dropped, and Errors shown with name, message and cause. */
function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, function replacer(_key, current: unknown) {
    if (typeof current === 'function' || typeof current === 'symbol') return undefined;
    if (typeof current === 'bigint') return `${current}n`;
    if (current instanceof Error) return { ...current, name: current.name, message: current.message, cause: current.cause };
    if (typeof current === 'object' && current !== null) {
      if (seen.has(current)) return '[Circular]';
      seen.add(current);
    }
    return current;
  }) ?? '';
}

interface Collected {
  /** Every emitted session event payload, as JSON. */
  readonly events: string[];
  /** What @statelyai/inspect's createInspector handed its adapter, JSON.stringify'd. */
  readonly stately: string[];
  /** Every raw inspection event (plus the snapshot of the actor it concerns), circular-safe. */
  readonly plain: string[];
  /** JSON of `session.state` and of the actor snapshot, taken at several points. */
  readonly snapshots: string[];
}

function collecting(): { collected: Collected; inspect: (event: InspectionEvent) => void } {
  const collected: Collected = { events: [], stately: [], plain: [], snapshots: [] };
  const inspector = createInspector({ send: (event) => collected.stately.push(JSON.stringify(event)) });
  return {
    collected,
    inspect: (event) => {
      inspector.inspect.next?.(event);
      collected.plain.push(safeStringify(event));
      // An actor's snapshot cannot be read while it initialises (its own `@xstate.actor` event): skip those.
      if (event.type !== '@xstate.actor') collected.plain.push(safeStringify(event.actorRef.getSnapshot()));
    },
  };
}

function start(options: Omit<SessionOptions, 'clock' | 'WebSocket' | 'inspect'>): { h: SessionHarness; collected: Collected } {
  const { collected, inspect } = collecting();
  const h = fixture.session({ ...options, inspect });
  return { h, collected };
}

function snapshotInto(h: SessionHarness, collected: Collected): void {
  collected.snapshots.push(JSON.stringify(h.session.state), JSON.stringify(h.session.actor.getSnapshot()));
}

/** @statelyai/inspect converts each event a `setTimeout(0)` later: one more 0 ms turn runs after all of them. */
function flushInspector(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every place a secret was found, as "<source>[index] … context …". */
function leaks(collected: Collected, secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const [source, texts] of Object.entries(collected)) {
    (texts as string[]).forEach((text, index) => {
      for (const secret of secrets) {
        const at = text.indexOf(secret);
        if (at >= 0) found.push(`${source}[${index}] ${secret}: …${text.slice(Math.max(0, at - 160), at + 40)}…`);
      }
    });
  }
  return found;
}

function recordEvents(h: SessionHarness, collected: Collected): void {
  collected.events.push(...h.events.map((e) => safeStringify(e)));
}

describe('credential redaction across a session (events, errors, state, snapshots, inspector traces)', () => {
  it('keeps userinfo and tokens out of everything through connect, faults, url() reconnects and reauthenticate', async () => {
    const scripts: FaultStep[][] = [
      [step.handshake(), step.close(1011, 'internal')],
      [step.handshake(), step.close(1011, 'internal')],
      [step.handshake(), step.status(769, 'unauthorized')],
      [step.handshake(), step.stream(100, 100)],
    ];
    const server = await fixture.faultServer({ protocol: 'guacamole', scripts });
    const base = `127.0.0.1:${server.port}/tunnel`;
    const urls = [`ws://alice:s3cret@${base}?token=TOKEN123&user=bob`, `ws://alice:s3cret@${base}?token=FRESH-1&user=bob`, `ws://alice:s3cret@${base}?token=FRESH-2&user=bob`];
    let calls = 0;
    const { h, collected } = start({ protocol: 'guacamole', url: () => urls[Math.min(calls++, urls.length - 1)]!, retry: { jitter: 'none', initialDelayMs: 100, maxAttempts: 5 } });
    h.session.connect();
    await h.until(() => h.of('reconnecting').length === 1);
    snapshotInto(h, collected);
    h.advance(100);
    await h.until(() => h.of('reconnecting').length === 2);
    h.advance(200);
    await h.until(() => h.of('needs-auth').length === 1);
    snapshotInto(h, collected);
    expect(h.of('ready')).toHaveLength(3); // the third connection was ready before its 769
    const messagesBefore = h.messages.length;
    h.session.reauthenticate({ url: `ws://carol:n3wpass@${base}?token=REAUTH-3&user=carol` });
    await h.until(() => h.of('ready').length === 4);
    await h.until(() => h.messages.length >= messagesBefore + 3);
    snapshotInto(h, collected);
    h.session.disconnect();
    snapshotInto(h, collected);
    recordEvents(h, collected);
    await flushInspector();

    // the secrets really travelled: the server saw every token, the client every fault
    expect(server.connections.map((c) => new URL(c.path, 'ws://x').searchParams.get('token'))).toEqual(['TOKEN123', 'FRESH-1', 'FRESH-2', 'REAUTH-3']);
    expect(calls).toBe(3);
    // and the traces are really there, in their redacted form
    expect(collected.stately.some((e) => e.includes('"@xstate.snapshot"'))).toBe(true);
    expect(collected.plain.join('\n')).toContain('token=***');
    expect(leaks(collected, ['s3cret', 'TOKEN123', 'FRESH-1', 'FRESH-2', 'n3wpass', 'REAUTH-3', 'alice', 'carol'])).toEqual([]);
  });

  it('keeps them out when the literal wss:// URL fails at the TLS layer (plain port) and the session fails', async () => {
    const server = await fixture.faultServer({ protocol: 'guacamole' });
    const { h, collected } = start({ protocol: 'guacamole', url: `wss://alice:s3cret@127.0.0.1:${server.port}/tunnel?token=TOKEN123&user=bob` });
    h.session.connect();
    await h.until(() => h.of('failed').length === 1 || h.of('reconnecting').length === 1);
    snapshotInto(h, collected);
    h.session.disconnect();
    recordEvents(h, collected);
    await flushInspector();
    expect(h.of('fault')[0]!.fault).toMatchObject({ category: 'tls' });
    expect(collected.stately.length).toBeGreaterThan(0);
    expect(leaks(collected, ['s3cret', 'TOKEN123', 'alice'])).toEqual([]);
  });

  it.each([
    ['a URL in the message', () => new Error('refresh failed for wss://alice:s3cret@auth.test/token?token=TOKEN123')],
    ['a query string in the message', () => new Error('GET /refresh?token=TOKEN123 answered 500')],
    ['the bare token in the message', () => new Error('token TOKEN123 was revoked')],
  ])('keeps the token out when url() throws an error with %s', async (_label, makeError) => {
    const { h, collected } = start({ protocol: 'guacamole', url: () => Promise.reject(makeError()), retry: { jitter: 'none', initialDelayMs: 100, maxAttempts: 1 } });
    h.session.connect();
    await h.until(() => h.of('reconnecting').length === 1);
    snapshotInto(h, collected);
    h.advance(100);
    await h.until(() => h.of('failed').length === 1);
    snapshotInto(h, collected);
    recordEvents(h, collected);
    await flushInspector();
    const fault = h.of('fault')[0]!.fault;
    expect(fault).toMatchObject({ space: 'guacamole', code: 519 });
    expect(fault.message).toBe('url() failed (Error)');
    expect(leaks(collected, ['s3cret', 'TOKEN123'])).toEqual([]);
  });
});
