/**
 * Keep-alive without an echo (issue 11): behind guacamole-lite the tunnel's ping is forwarded to guacd and never
 * answered, so an idle desktop's only liveness is guacd's `sync`, about every 1,000 ms. The real guacamole-lite (child
 * process) in front of a guacd stand-in that syncs every second; the host is kept busy (two busy child processes on
 * the 2 cores, and this process's event loop blocked 100 ms in every 250 ms). Real clock: this measures real gaps.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSession } from '../../../src/session/index.js';
import type { Session } from '../../../src/session/index.js';
import { startGuacamoleLite } from '../../support/guacamole-lite/spawn.js';
import type { LiteProcess } from '../../support/guacamole-lite/spawn.js';

let lite: LiteProcess | undefined;
let session: Session | undefined;
const burners: ChildProcess[] = [];
let blocker: ReturnType<typeof setInterval> | undefined;

afterEach(async () => {
  clearInterval(blocker);
  for (const burner of burners.splice(0)) burner.kill('SIGKILL');
  session?.disconnect();
  await lite?.stop();
  lite = undefined;
  session = undefined;
});

const RUN_MS = 8000;

describe('liveness behind guacamole-lite (pings not echoed)', () => {
  it('an idle desktop under CPU load never goes unstable: the sync gaps stay well inside unstableAfterMs', async () => {
    lite = await startGuacamoleLite({ guacd: 'stub', syncEveryMs: 1000 });
    session = createSession({ protocol: 'guacamole', url: `${lite.url}?token=${encodeURIComponent(lite.token())}`, WebSocket });
    const arrivals: number[] = [];
    let unstable = 0;
    session.on('message', (data) => {
      if ((data as { opcode?: string }).opcode === 'sync') arrivals.push(performance.now());
    });
    session.on('unstable', () => (unstable += 1));
    const ready = new Promise((resolve) => session!.once('ready', resolve));
    session.connect();
    await ready;
    for (let i = 0; i < 2; i += 1) burners.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    blocker = setInterval(() => {
      const until = performance.now() + 100;
      while (performance.now() < until) { /* busy: the event loop is blocked */ }
    }, 250);
    await new Promise((resolve) => setTimeout(resolve, RUN_MS));
    const gaps = arrivals.slice(1).map((at, i) => Math.round(at - arrivals[i]!)).sort((a, b) => a - b);
    const pick = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]!;
    process.stdout.write(`sync gaps behind guacamole-lite under load (ms): n=${gaps.length} min=${gaps[0]} p50=${pick(0.5)} p90=${pick(0.9)} max=${gaps.at(-1)}\n`);
    expect(gaps.length).toBeGreaterThanOrEqual(5);
    expect(unstable).toBe(0);
    expect(session.state.connectivity).toBe('ready');
  }, 30_000);
});
