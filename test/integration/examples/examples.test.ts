/**
 * The examples run as users run them (`npx tsx examples/<name>.ts` in a child process), so a change to the
 * public API that breaks one fails here, not in a user's terminal. The vitest example body runs in-process.
 */
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { flappingLinkExample } from '../../../examples/vitest-outage.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const tsx = resolve(root, 'node_modules/.bin/tsx');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly elapsedMs: number;
}

/** Runs an example with tsx (the local binary `npx tsx` resolves to) and collects its output. */
function runExample(file: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const started = Date.now();
  const env = { ...process.env };
  delete env.INSPECTOR_URL; // the inspector example takes its offline path unless a test sets it
  Object.assign(env, extraEnv);
  return new Promise((done) => {
    execFile(tsx, [file], { cwd: root, timeout: 15_000, env }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      done({ code, stdout, stderr, elapsedMs: Date.now() - started });
    });
  });
}

describe('examples/node-guacamole-client.ts', () => {
  it('streams, reconnects after 515 and after a 1012 restart, sends a key and exits 0', async () => {
    const run = await runExample('examples/node-guacamole-client.ts');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.elapsedMs).toBeLessThan(10_000); // about 2.3 s of script plus tsx start-up
    const lines = run.stdout.split('\n');
    const index = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(index(/fault guacamole 515 UPSTREAM_ERROR: .* → outcome retry$/)).toBeGreaterThan(-1);
    expect(index(/reconnecting: attempt 1 in 200 ms, cause guacamole 515/)).toBeGreaterThan(index(/fault guacamole 515/));
    expect(index(/fault .*\(via websocket 1012\).* → outcome retry-later/)).toBeGreaterThan(-1);
    expect(index(/retrying in \d+ s… \(user presses "Retry now"\)/)).toBeGreaterThan(index(/via websocket 1012/));
    expect(lines.filter((line) => / ready \(reconnect attempt \d\)/.test(line))).toHaveLength(3);
    expect(index(/server received: 3\.key,2\.65,1\.1; 3\.key,2\.65,1\.0;/)).toBeGreaterThan(-1);
    expect(index(/closed by user/)).toBeGreaterThan(-1);
    const done = /done: (\d+) messages, 3 connections, final state shutdown/.exec(run.stdout);
    expect(Number(done?.[1])).toBeGreaterThan(20);
  });
});

describe('examples/inspector.ts', () => {
  it('collects inspection events offline through a custom adapter and exits 0', async () => {
    const run = await runExample('examples/inspector.ts');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const total = Number(/inspection events: (\d+)/.exec(run.stdout)?.[1]);
    expect(total).toBeGreaterThan(10);
    for (const type of ['@xstate.actor', '@xstate.event', '@xstate.snapshot']) expect(run.stdout).toMatch(new RegExp(`${type}: [1-9]`));
  });

  it('counts the events it sends to an inspector server (INSPECTOR_URL), the same number the server receives', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((listening) => server.once('listening', listening));
    const received: string[] = [];
    server.on('connection', (socket) => socket.on('message', (data) => received.push(String(data))));
    try {
      const { port } = server.address() as { port: number };
      const run = await runExample('examples/inspector.ts', { INSPECTOR_URL: `ws://127.0.0.1:${port}` });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const total = Number(/inspection events: (\d+)/.exec(run.stdout)?.[1]);
      expect(total).toBeGreaterThan(10);
      await vi.waitFor(() => expect(received).toHaveLength(total));
      expect(received.some((message) => message.includes('example-secret-token'))).toBe(false);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });
});

describe('examples/custom-policy.ts', () => {
  it('backs off harder for capacity causes, never retries auth, and shares one budget between two sessions', async () => {
    const run = await runExample('examples/custom-policy.ts');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const delays = (code: number) => {
      const line = run.stdout.split('\n').find((l) => l.startsWith(`${code} `)) ?? '';
      return [...line.matchAll(/(\d+) ms/g)].map((m) => Number(m[1]));
    };
    const network = delays(519);
    const capacity = delays(513);
    expect(network).toHaveLength(6);
    expect(capacity).toHaveLength(6);
    capacity.forEach((delay, i) => expect(delay).toBeGreaterThan(network[i]!));
    expect(Math.min(...capacity)).toBeGreaterThanOrEqual(5_000); // 513's retryAfterMs floor
    expect(run.stdout).toMatch(/^769 CLIENT_UNAUTHORIZED .*: stop$/m);
    expect(run.stdout.match(/retry in \d+ ms/g)).toHaveLength(4); // the budget's capacity, across both sessions
    expect(run.stdout).toMatch(/left attempt 3: stop \(budget empty\)/);
    expect(run.stdout).toMatch(/right attempt 3: stop \(budget empty\)/);
  });
});

describe('examples/vitest-outage.ts', () => {
  it('flappingLinkExample rides out three flaps of a real fault server', async () => {
    const summary = await flappingLinkExample();
    expect(summary.connections).toBeGreaterThanOrEqual(4);
    expect(summary.faults.length).toBeGreaterThanOrEqual(3);
  });
});
