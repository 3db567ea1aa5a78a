import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/main.js';
import { catalogs } from '../../../src/codes/index.js';
import { wrapText } from '../../../src/cli/fit-table.js';

async function run(argv: string[], shape: Partial<CliIo> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: {}, ...shape };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

const widest = (text: string): number => Math.max(...text.split('\n').map((line) => [...line].length));
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('session-lifecycle catalog, table width', () => {
  it.each([80, 100, 132])('fits a %i-column terminal', async (columns) => {
    const { code, stdout } = await run(['catalog'], { isTTY: true, columns });
    expect(code).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(columns);
  });

  it('fits COLUMNS when piped, and prints full lines when piped with no width known', async () => {
    expect(widest((await run(['catalog'], { env: { COLUMNS: '90' } })).stdout)).toBeLessThanOrEqual(90);
    expect(widest((await run(['catalog'])).stdout)).toBeGreaterThan(200);
  });

  it('wraps, not cuts: every summary is still there word for word', async () => {
    const { stdout } = await run(['catalog', '--protocol', 'guacamole'], { isTTY: true, columns: 80 });
    const text = words(stdout);
    for (const entry of catalogs.guacamole.entries) {
      const summaryWords = entry.summary.split(/\s+/);
      // Continuation lines interleave with other columns, so look for the first and last few words.
      expect(text, String(entry.code)).toContain(summaryWords.slice(0, 3).join(' '));
      expect(stdout, String(entry.code)).toContain(summaryWords.at(-1));
    }
    expect(stdout.split('\n').filter((line) => line.startsWith('guacamole'))).toHaveLength(catalogs.guacamole.entries.length);
  });

  it('prints one line per code with --wide, and fits --width exactly', async () => {
    const wide = await run(['catalog', '--protocol', 'tmg', '--wide'], { isTTY: true, columns: 80 });
    expect(wide.stdout.trim().split('\n')).toHaveLength(catalogs.tmg.entries.length + (catalogs.tmg.ranges?.length ?? 0) + 1);
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    expect(widest((await run(['catalog', '--width', '72'], { isTTY: true, columns: 200 })).stdout)).toBeLessThanOrEqual(72);
    expect(widest((await run(['catalog', '--width', '60'])).stdout)).toBeLessThanOrEqual(60);
  });

  it('rejects a bad --width, or --width with --wide, exit 2', async () => {
    expect(await run(['catalog', '--width', '10'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--width must be an integer ≥ 60 (got "10")') });
    expect(await run(['catalog', '--width', '90', '--wide'])).toMatchObject({ code: 2, stderr: expect.stringContaining('exclude each other') });
  });
});

describe('wrapText', () => {
  it('breaks at spaces, and mid-word only for a word longer than the line', () => {
    expect(wrapText('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wrapText('FWX_E_TCP_NOT_SYN_PACKET_DROPPED', 12)).toEqual(['FWX_E_TCP_NO', 'T_SYN_PACKET', '_DROPPED']);
    expect(wrapText('', 5)).toEqual(['']);
  });
});
