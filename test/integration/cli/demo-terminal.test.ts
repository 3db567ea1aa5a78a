/**
 * The demo as a terminal shows it: the reconnect countdown redrawn in place on a TTY and plain lines
 * when piped, FORCE_COLOR honoured as NO_COLOR is, and `demo | head` ending quietly. The real binary is
 * spawned where the process's own streams matter (a closed pipe, a pseudo-terminal from `script`).
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/main.js';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const bin = path.join(root, 'src/cli/bin.ts');
const REDRAW = '\r\u001b[2K';
/** Softdrive's flap scenario: four reconnects with countdowns, about 5.5 s. */
const FLAP = ['demo', '--scenario', 'flap', '--protocol', 'softdrive'];

async function demo(shape: Partial<CliIo>): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(FLAP, { stdout: (t) => void (out += t), stderr: () => {}, isTTY: false, env: {}, ...shape });
  return { code, out };
}

describe.concurrent('session-lifecycle demo on a terminal and in a pipe', () => {
  it('redraws the countdown in place on a TTY, and ends on a clean line', async () => {
    const { code, out } = await demo({ isTTY: true });
    expect(code).toBe(0);
    expect(out).toContain(`${REDRAW}`);
    const plain = out.replaceAll('\u001b[0m', '');
    expect(plain).toContain(`… 1 s${REDRAW}`); // the next output overwrites the countdown
    expect(plain).not.toMatch(/… \d s\n/); // never a line of its own
    expect(out).toContain('\u001b['); // coloured on a terminal
  }, 30_000);

  it('prints each countdown tick as a plain line when piped, with no control codes', async () => {
    const { out } = await demo({ isTTY: false });
    expect(out).toMatch(/^\+\s+\d+\.\d\ds\s+… 1 s$/m);
    expect(out).not.toContain('\r');
    expect(out).not.toContain('\u001b[');
  }, 30_000);

  it('colours a pipe when FORCE_COLOR is set, and not a TTY when NO_COLOR is', async () => {
    const [forced, plain] = await Promise.all([demo({ isTTY: false, env: { FORCE_COLOR: '1' } }), demo({ isTTY: true, env: { NO_COLOR: '1' } })]);
    expect(forced.out).toContain('\u001b[1m');
    expect(forced.out).not.toContain('\r'); // colour does not make a pipe a terminal
    expect(plain.out).not.toContain('\u001b[1m');
    expect(plain.out).toContain(REDRAW); // still a terminal: the countdown is still redrawn
  }, 30_000);

  it('ends quietly with exit 0 when stdout is closed early (demo | head)', async () => {
    const child = spawn(tsx, [bin, 'demo'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += String(chunk)));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy(); // what head does after its lines
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 30_000);

  it('ends quietly in a real shell pipeline too (catalog | head -n 1, pipefail)', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${tsx}" "${bin}" catalog | head -n 1`], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^space\s+code\s+name/);
  }, 30_000);

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('detects a real terminal: under script(1) the countdown is redrawn', () => {
    const command = [tsx, bin, ...FLAP].map((arg) => `'${arg}'`).join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(REDRAW);
    expect(result.stdout).toContain('gave up (exhausted)');
  }, 30_000);
});
