import { describe, expect, it } from 'vitest';
import { simulateCliCommand, simulateCommand } from '../../../src/cli/simulate-command.js';
import { simulateHerd } from '../../../src/testing/herd.js';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await simulateCommand(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe('simulate command', () => {
  it('prints one histogram row per bucket with bars scaled to the peak, then the peak and all-back time', async () => {
    const { code, stdout, stderr } = await run('--protocol', 'guacamole', '--clients', '2000', '--outage', 'restart', '--policy', 'guacamole-countdown');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const rows = stdout.split('\n').filter((row) => / \| /.test(row));
    expect(rows).toHaveLength(16); // buckets 0 s … 15 s
    expect(rows.slice(0, 15).every((row) => /\| +0$/.test(row))).toBe(true);
    expect(rows[15]).toBe(`15 s | 2000 ${'#'.repeat(50)}  (2000 accepted)`);
    expect(stdout).toContain('peak: 2000 attempts in the bucket starting at 15 s');
    expect(stdout).toContain('all back after 15 s');
  });

  it('scales every bar against the peak for the default policy', async () => {
    const { stdout } = await run('--protocol', 'frame', '--clients', '1000', '--bucket-ms', '500', '--seed', '4');
    const rows = stdout.split('\n').filter((row) => / \| /.test(row));
    const bars = rows.map((row) => ({ count: Number(/\| +(\d+)/.exec(row)![1]), width: (/#+/.exec(row)?.[0] ?? '').length }));
    const peak = Math.max(...bars.map((bar) => bar.count));
    expect(bars.find((bar) => bar.count === peak)!.width).toBe(50);
    for (const bar of bars) expect(bar.width).toBe(bar.count === 0 ? 0 : Math.max(1, Math.round((bar.count / peak) * 50)));
  });

  it('prints the simulateHerd result as JSON with --json', async () => {
    const { code, stdout } = await run('-p', 'softdrive', '--clients', '300', '--outage', 'restart', '--down-ms', '4000', '--policy', 'fixed:0,2000,10000', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    const direct = await simulateHerd({ protocol: 'softdrive', clients: 300, outage: { kind: 'restart', downMs: 4000 }, policy: { schedule: [0, 2000, 10_000] } });
    expect(parsed).toMatchObject({ protocol: 'softdrive', policy: 'fixed:0,2000,10000', ...direct });
  });

  it('runs the real machines with --engine machine', async () => {
    const { code, stdout } = await run('--protocol', 'msra', '--clients', '50', '--outage', 'drop', '--engine', 'machine', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ engine: 'machine', clients: 50, attempts: 50, failed: 0 });
  });

  it.each([
    [[], 'missing --protocol'],
    [['--protocol', 'vnc'], 'unknown protocol "vnc"'],
    [['--protocol', 'guacamole', '--policy', 'fixed:1,x'], '--policy must be'],
    [['--protocol', 'guacamole', '--policy', 'random'], '--policy must be'],
    [['--protocol', 'guacamole', '--outage', 'flap'], '--outage must be restart or drop'],
    [['--protocol', 'guacamole', '--outage', 'drop', '--down-ms', '5'], 'only apply to --outage restart'],
    [['--protocol', 'guacamole', '--clients', 'many'], '--clients must be a whole number'],
    [['--protocol', 'guacamole', '--clients', '0'], 'clients must be an integer from 1 to 100000 (got 0)'],
    [['--protocol', 'guacamole', '--close-code', '1005'], 'outage.closeCode'],
    [['--protocol', 'guacamole', '--bucket-ms', '0'], 'bucketMs must be'],
    [['--protocol', 'guacamole', '--engine', 'gpu'], '--engine must be policy or machine'],
    [['--protocol', 'guacamole', '--frobnicate'], 'frobnicate'],
    [['--protocol', 'guacamole', 'extra'], 'unexpected argument "extra"'],
  ])('exits 2 with the problem and the usage on stderr for bad usage (%j)', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: session-lifecycle simulate');
  });

  it('prints the usage with --help and exits 0', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--policy         default');
  });

  it('exposes a command-table entry that runs the same command', async () => {
    let out = '';
    const code = await simulateCliCommand.run(['--protocol', 'guacamole', '--clients', '10', '--json'], { stdout: (t) => (out += t), stderr: () => undefined, isTTY: false }, undefined as never);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ clients: 10 });
    expect(simulateCliCommand.usage).toContain('session-lifecycle simulate');
  });
});
