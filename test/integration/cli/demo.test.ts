import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { PROTOCOLS } from '../../../src/codes/types.js';

/** Timeline lines after the one that settles the outcome: the teardown must not add any. */
function linesAfter(out: string, marker: RegExp): string[] {
  const lines = out.split('\n');
  const at = lines.findIndex((line) => marker.test(line));
  expect(at, `no line matching ${String(marker)}`).toBeGreaterThan(-1);
  return lines.slice(at + 1).filter((line) => /^\+\s*\d/.test(line));
}

async function demo(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['demo', ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

describe.concurrent('session-lifecycle demo (the README main job)', () => {
  for (const protocol of PROTOCOLS) {
    it(`tours ${protocol}: connect, handshake, stream, unstable, drop, restart, then an auth failure that stops retrying`, async () => {
      const { code, out, err } = await demo(['--protocol', protocol]);
      expect(err).toBe('');
      expect(code).toBe(0);
      for (const expected of ['phase        connect', 'phase        handshake', 'ready        streaming', 'unstable', 'stable', 'fault', 'reconnect    attempt 1', 'server       restarting', 'needs-auth', 'stopped on an auth failure']) {
        expect(out).toContain(expected);
      }
      expect(out.includes('\u001b[')).toBe(false); // plain when piped
      expect(out).toMatch(/3 connection\(s\)/);
      expect(linesAfter(out, /needs-auth /)).toEqual([]); // no "phase pre-session" after the outcome
    }, 50_000);
  }

  it('runs the flap scenario to failed after the retry limit', async () => {
    const { code, out } = await demo(['--scenario', 'flap', '--protocol', 'softdrive']);
    expect(code).toBe(0);
    expect(out).toContain('failed       exhausted');
    expect(out).toContain('gave up (exhausted)');
    expect(linesAfter(out, /failed {7}exhausted/).filter((line) => !line.includes('fix:'))).toEqual([]);
  }, 50_000);

  it('runs the conflict scenario: takes over once, then cancels', async () => {
    const { code, out } = await demo(['--scenario', 'conflict', '--protocol', 'frame']);
    expect(code).toBe(0);
    expect(out).toContain('The user chooses: takeOver.');
    expect(out).toContain('The user chooses: cancel.');
    expect(out).toContain('closed by user');
  }, 50_000);

  it('rejects an unknown protocol or scenario with exit 2 and a helpful message', async () => {
    expect(await demo(['--protocol', 'vnc'])).toMatchObject({ code: 2, err: expect.stringContaining('--protocol must be one of guacamole, msra, frame, softdrive (got "vnc")') });
    expect(await demo(['--scenario', 'nope'])).toMatchObject({ code: 2, err: expect.stringContaining('--scenario must be one of tour, flap, conflict') });
  });
});
