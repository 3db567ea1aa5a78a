/** The fault server's Guacamole dialects (issue 11): what the Java tunnel and guacamole-lite each put on the wire. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFaultServer, step } from '../../../src/testing/index.js';
import type { FaultServer, FaultServerOptions } from '../../../src/testing/index.js';
import { connectRaw } from './raw-client.js';
import type { RawClient } from './raw-client.js';

let server: FaultServer | undefined;
const clients: RawClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.socket.close();
  await server?.close();
  server = undefined;
});

async function start(options: FaultServerOptions): Promise<FaultServer> {
  server = await createFaultServer(options);
  return server;
}

function connect(url: string): RawClient {
  const c = connectRaw(url);
  clients.push(c);
  return c;
}

describe('createFaultServer dialect guacamole-lite', () => {
  it("announces guacd's $-prefixed id (37 characters) and sends guacd's first frame: size, img, blob, end, sync", async () => {
    const s = await start({ protocol: 'guacamole', dialect: 'guacamole-lite', script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    expect(c.frames[0]).toBe('0.,37.$00000000-0000-4000-8000-000000000000;');
    expect(c.frames[1]).toBe('4.size,1.0,4.1024,3.768;3.img,1.1,2.14,1.0,9.image/png,1.0,1.0;4.blob,1.1,92.iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGMwTpsJAAICATNWh+JUAAAAAElFTkSuQmCC;3.end,1.1;4.sync,1.1,1.0;');
  });

  it('does not echo the ping; an idle display gets a sync every idleSyncMs', async () => {
    const s = await start({ protocol: 'guacamole', dialect: 'guacamole-lite', idleSyncMs: 50, script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    c.socket.send('0.,4.ping,13.1700000000000;');
    c.socket.send('3.nop;');
    await vi.waitFor(() => expect(c.frames.length).toBeGreaterThanOrEqual(5));
    expect(c.frames.slice(2)).toEqual(expect.arrayContaining(['4.sync,1.2,1.0;', '4.sync,1.3,1.0;']));
    expect(c.frames.some((f) => f.includes('ping') || f.includes('nop'))).toBe(false);
  });

  it('gatewayError sends the text-coded error guacamole-lite writes, then close 1011', async () => {
    const s = await start({ protocol: 'guacamole', dialect: 'guacamole-lite', script: [step.gatewayError('SERVICE_UNAVAILABLE')] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.closed).not.toBeNull());
    expect(c.frames).toEqual(['5.error,27.Desktop service unavailable,19.SERVICE_UNAVAILABLE;']);
    expect(c.closed).toMatchObject({ code: 1011, reason: 'Internal server error' });
  });

  it('disconnect is a bare disconnect then close 1000 "Connection closed normally"', async () => {
    const s = await start({ protocol: 'guacamole', dialect: 'guacamole-lite', script: [step.handshake(['tunnel']), step.disconnect()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.closed).not.toBeNull());
    expect(c.frames.at(-1)).toBe('10.disconnect;');
    expect(c.closed).toMatchObject({ code: 1000, reason: 'Connection closed normally' });
  });

  it('a restart (shutdown) closes every client 1000 "Connection closed normally"', async () => {
    const s = await start({ protocol: 'guacamole', dialect: 'guacamole-lite', script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    await s.restart(10);
    await vi.waitFor(() => expect(c.closed).toMatchObject({ code: 1000, reason: 'Connection closed normally' }));
  });
});

describe('createFaultServer dialect guacamole-client (the default)', () => {
  it('announces a tunnel UUID, echoes the ping, and ends guacd with close 1000 "0" after disconnect', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.handshake(), step.wait(100), step.disconnect()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    expect(c.frames[0]).toBe('0.,36.00000000-0000-4000-8000-000000000000;');
    c.socket.send('0.,4.ping,13.1700000000000;');
    await vi.waitFor(() => expect(c.closed).not.toBeNull());
    expect(c.frames).toContain('0.,4.ping,13.1700000000000;');
    expect(c.frames.at(-1)).toBe('10.disconnect;');
    expect(c.closed).toMatchObject({ code: 1000, reason: '0' });
  });

  it('a restart without closeCode drops clients (1006), as before', async () => {
    const s = await start({ protocol: 'guacamole', script: [step.handshake()] });
    const c = connect(s.url);
    await vi.waitFor(() => expect(c.frames).toHaveLength(2));
    await s.restart(10);
    await vi.waitFor(() => expect(c.closed).toMatchObject({ code: 1006 }));
  });
});

describe('createFaultServer dialect options', () => {
  it('refuses an unknown dialect, a dialect for a protocol without one, and a bad idleSyncMs', async () => {
    await expect(createFaultServer({ protocol: 'guacamole', dialect: 'guacamole-java' as never })).rejects.toThrow(/dialect must be one of guacamole-client, guacamole-lite \(got "guacamole-java"\)/);
    await expect(createFaultServer({ protocol: 'softdrive', dialect: 'guacamole-lite' })).rejects.toThrow(/is a Guacamole tunnel; protocol "softdrive" has none/);
    await expect(createFaultServer({ protocol: 'guacamole', idleSyncMs: -1 })).rejects.toThrow(/idleSyncMs must be an integer/);
  });

  it('refuses gatewayError and disconnect outside Guacamole, and a gatewayError code that is no text code', async () => {
    await expect(createFaultServer({ protocol: 'softdrive', script: [step.disconnect()] })).rejects.toThrow(/use end for other protocols/);
    await expect(createFaultServer({ protocol: 'guacamole', script: [step.gatewayError('token=abc')] })).rejects.toThrow(/must be a text code/);
    await expect(createFaultServer({ protocol: 'guacamole', script: [step.disconnect(), step.wait(1)] })).rejects.toThrow(/follows disconnect/);
  });
});
