/**
 * The README's CLI examples must run where they are read. In a clone they run as `npm run cli -- …`
 * (package.json's "cli" script: the CLI from source); the installed form `npx session-lifecycle …`
 * runs the same `main`. Each documented command runs here in-process and must exit 0 (or 1 where the
 * README shows a typo on purpose).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { CliIo } from '../../../src/cli/main.js';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  scripts: Record<string, string>; bin: Record<string, string>;
};

/** Splits a shell line into words, honouring double quotes; drops a trailing `# comment`. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const match of line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)) out.push(match[1] ?? match[2] ?? '');
  return out;
}

const commands = (prefix: string): string[][] => readme.split('\n')
  .filter((line) => line.startsWith(prefix))
  .map((line) => words(line.slice(prefix.length)));

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false, env: {} };
  return { code: await main(argv, io), stdout, stderr };
}

describe("the README's CLI examples", () => {
  it('are run in a clone by the "cli" npm script, from source, and by the bin once installed', () => {
    expect(packageJson.scripts['cli']).toBe('tsx src/cli/bin.ts');
    expect(packageJson.bin['session-lifecycle']).toBe('./dist/cli.js');
  });

  const installed = commands('npx session-lifecycle ');
  const inClone = commands('npm run cli -- ');

  it('documents both forms', () => {
    expect(installed.length).toBeGreaterThanOrEqual(5);
    expect(inClone.length).toBeGreaterThanOrEqual(3);
  });

  it.each([...installed, ...inClone].map((argv) => [argv.join(' '), argv] as const))('%s', async (_line, argv) => {
    const { code, stdout, stderr } = await run(argv);
    const typo = argv.includes('UPSTREM_NOT_FOUND');
    expect(stderr).toBe('');
    expect(code).toBe(typo ? 1 : 0);
    if (typo) expect(stdout).toMatch(/did you mean UPSTREAM_NOT_FOUND/i);
  }, 30_000);
});
