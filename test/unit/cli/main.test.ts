import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { COMMANDS, defaultCliContext, main } from '../../../src/cli/main.js';
import type { CliCommand, CliIo } from '../../../src/cli/main.js';

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return { io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY: false }, out: () => stdout, err: () => stderr };
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('session-lifecycle (top level)', () => {
  it('prints help listing every command with --help, exit 0', async () => {
    const { io, out } = capture();
    expect(await main(['--help'], io)).toBe(0);
    for (const name of COMMANDS.keys()) expect(out()).toContain(`  ${name}`);
  });

  it('prints the package version with --version', async () => {
    const { io, out } = capture();
    expect(await main(['--version'], io)).toBe(0);
    expect(out()).toBe(`${packageJson.version}\n`);
  });

  it.each([[[]], [['frobnicate']], [['--bogus']]])('exits 2 with usage on stderr for %j', async (argv) => {
    const { io, out, err } = capture();
    expect(await main(argv, io)).toBe(2);
    expect(out()).toBe('');
    expect(err()).toContain('Usage: session-lifecycle <command>');
  });

  it('runs a command added to the command table', async () => {
    const demo: CliCommand = {
      summary: 'a test command',
      usage: 'Usage: session-lifecycle demo\n',
      run: async (args, io) => {
        io.stdout(`demo ${args.join(' ')}\n`);
        return 0;
      },
    };
    const commands = new Map([...COMMANDS, ['demo', demo]]);
    const { io, out } = capture();
    expect(await main(['demo', 'a', 'b'], io, defaultCliContext(), commands)).toBe(0);
    expect(out()).toBe('demo a b\n');
    const help = capture();
    await main(['--help'], help.io, defaultCliContext(), commands);
    expect(help.out()).toContain('a test command');
  });
});

describe('session-lifecycle bin', () => {
  const exec = promisify(execFile);

  it('runs from source with `npx tsx src/cli/bin.ts explain 519` and exits 0', async () => {
    const { stdout } = await exec('npx', ['tsx', 'src/cli/bin.ts', 'explain', '519'], { cwd: repoRoot });
    expect(stdout).toContain('UPSTREAM_NOT_FOUND');
  });

  it('sets the process exit code to 2 on bad usage', async () => {
    const failure = await exec('npx', ['tsx', 'src/cli/bin.ts', 'explain', '519', '--bogus'], { cwd: repoRoot }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('--bogus');
  });
});
