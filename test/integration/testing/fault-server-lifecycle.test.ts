/**
 * The fault server as a whole: per-connection scripts, records, restart, flap, waitForConnections, close().
 */
import { describe, expect, it, vi } from 'vitest';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer, FaultServerOptions } from '../../../src/testing/index.js';
import { isSessionError } from '../../../src/errors/index.js';
import { rawConnector } from './raw-client.js';
import type { RawClient } from './raw-client.js';
import { useSessionFixture } from '../../support/session-fixture.js';

const fixture = useSessionFixture();
const start = (options: FaultServerOptions): Promise<FaultServer> => fixture.faultServer(options);
const connect = rawConnector(fixture);

/** Connects until the server accepts (it may be down for a while); never sleeps. */
async function connectWhenUp(s: FaultServer): Promise<RawClient> {
  for (;;) {
    await vi.waitFor(() => expect(s.listening).toBe(true), { timeout: 5000, interval: 10 });
    const client = connect(s.url);
    await vi.waitFor(() => expect(client.opened || client.closed !== null).toBe(true));
    if (client.opened) return client;
  }
}

function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

describe('createFaultServer: scripts per connection and records', () => {
  it('runs scripts by connection index, repeating the last one', async () => {
    const s = await start({ protocol: 'frame', scripts: [[step.close(4000, 'first')], [step.reject(503)], [step.close(4001, 'later')]] });
    const results: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const c = connect(s.url);
      await vi.waitFor(() => expect(c.closed).not.toBeNull());
      results.push(c.response?.status ?? c.closed?.code);
    }
    expect(results).toEqual([4000, 503, 4001, 4001]);
    expect(s.connections.map((record) => record.upgradeStatus)).toEqual([101, 503, 101, 101]);
  });

  it('calls a script function with the index; a bad script it returns is answered with 500 and recorded', async () => {
    const s = await start({ protocol: 'guacamole', scripts: (index) => (index === 0 ? [step.close(4000)] : [step.status(99_999)]) });
    const first = connect(s.url);
    await vi.waitFor(() => expect(first.closed?.code).toBe(4000));
    const second = connect(s.url);
    await vi.waitFor(() => expect(second.response?.status).toBe(500));
    expect(s.errors).toHaveLength(1);
    expect(isSessionError(s.errors[0], 'SESSION_ERR_INVALID_SCRIPT')).toBe(true);
  });

  it('keeps only the last maxRecordedMessages frames, and counts them all', async () => {
    const s = await start({ protocol: 'softdrive', maxRecordedMessages: 3 });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.opened).toBe(true));
    for (let i = 0; i < 5; i++) c.send(`{"t":"data","data":${i}}`);
    await vi.waitFor(() => expect(s.connections[0]?.receivedTotal).toBe(5));
    expect(s.connections[0]?.received).toEqual(['{"t":"data","data":2}', '{"t":"data","data":3}', '{"t":"data","data":4}']);
  });

  it('waitForConnections resolves with the records, or rejects after timeoutMs', async () => {
    const s = await start({ protocol: 'msra' });
    const waiting = s.waitForConnections(2);
    connect(s.url);
    connect(`${s.url}second`);
    const records = await waiting;
    expect(records.map((record) => record.path).sort()).toEqual(['/', '/second']);
    await expect(s.waitForConnections(3, { timeoutMs: 20 })).rejects.toThrow(/Timed out after 20 ms waiting for 3 connections \(got 2\)/);
  });

  it('rejects bad options and scripts before listening', async () => {
    await expect(createFaultServer({ protocol: 'guacamole', script: [step.close(1006)] })).rejects.toMatchObject({ code: 'SESSION_ERR_INVALID_SCRIPT' });
    await expect(createFaultServer({ protocol: 'guacamole', script: [], scripts: [[]] })).rejects.toMatchObject({ code: 'SESSION_ERR_INVALID_OPTION' });
    await expect(createFaultServer({ protocol: 'guacamole', port: 70_000 })).rejects.toThrow(/port must be an integer from 0 to 65535 \(got 70000\)/);
    await expect(createFaultServer({ protocol: 'guacamole', server: [step.restart(-1)] })).rejects.toThrow(/step 0 \(restart\): downMs must be a duration/);
  });
});

describe('createFaultServer: restart and flap', () => {
  it('restart drops every client, refuses connections while down, and comes back on the same port', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.handshake()] });
    const port = s.port;
    const first = connect(s.url);
    await vi.waitFor(() => expect(first.frames).toHaveLength(2));
    const restarted = s.restart(1000);
    expect(s.listening).toBe(false);
    await vi.waitFor(() => expect(first.closed).toEqual({ code: 1006, reason: '', wasClean: false }));
    const refused = connect(s.url);
    await vi.waitFor(() => expect(refused.closed?.code).toBe(1006));
    expect(refused.opened).toBe(false);
    expect(refused.events).toContain('error');
    expect(s.connections).toHaveLength(1); // the refused attempt never reached the server
    await restarted;
    expect(s.port).toBe(port);
    const again = connect(s.url);
    await vi.waitFor(() => expect(again.frames).toHaveLength(2));
    expect(s.connections).toHaveLength(2);
  });

  it('restart with a closeCode sends every client that close frame first', async () => {
    const s = await start({ protocol: 'frame', script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    const restarted = s.restart(50, { closeCode: 1012, closeReason: 'restarting' });
    await vi.waitFor(() => expect(c.closed).toEqual({ code: 1012, reason: 'restarting', wasClean: true }));
    await restarted;
    expect(s.listening).toBe(true);
  });

  it('flap (server script): each down period drops the connected client; afterwards the server stays up', async () => {
    const s = await start({ protocol: 'softdrive', script: [step.handshake()], server: [step.waitForConnections(1), step.flap(2, { upMs: 250, downMs: 150 })] });
    const dropped: number[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await connectWhenUp(s);
      await vi.waitFor(() => expect(c.closed).not.toBeNull());
      dropped.push(c.closed?.code ?? 0);
    }
    expect(dropped).toEqual([1006, 1006]);
    const last = await connectWhenUp(s);
    await vi.waitFor(() => expect(last.frames).toHaveLength(3));
  });
});

describe('createFaultServer: close()', () => {
  it('ends every timer, socket and the listener, even mid-script and mid-upgrade', async () => {
    const before = resources();
    const s = await createFaultServer({
      protocol: 'guacamole',
      scripts: [[step.handshake(), step.wait(60_000)], [step.wait(60_000), step.accept()]],
      server: [step.wait(60_000)],
    });
    const open = connect(s.url);
    const pending = connect(s.url);
    await vi.waitFor(() => expect(open.frames).toHaveLength(2));
    await vi.waitFor(() => expect(s.connections).toHaveLength(2));
    expect(resources().TCPServerWrap ?? 0).toBeGreaterThan(before.TCPServerWrap ?? 0);

    await s.close();
    expect(s.listening).toBe(false);
    await vi.waitFor(() => expect(open.closed?.code).toBe(1006));
    await vi.waitFor(() => expect(pending.closed?.code).toBe(1006));
    await vi.waitFor(() => {
      const after = resources();
      expect(after.TCPServerWrap ?? 0).toBe(before.TCPServerWrap ?? 0);
      expect(after.TCPSocketWrap ?? 0).toBe(before.TCPSocketWrap ?? 0);
      expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    });
    await expect(s.restart(10)).rejects.toMatchObject({ code: 'SESSION_ERR_INVALID_STATE' });
    await s.close(); // idempotent
  });
});
