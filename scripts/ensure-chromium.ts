/**
 * `npm test`'s pretest step: the browser tests drive Debian's Chromium (playwright-core never
 * downloads a browser). If it is missing, install it with apt-get when that can be done without a
 * prompt (root, or passwordless sudo), as .ci/run used to; otherwise stop at once with the command
 * to run. CHROMIUM_PATH points at another binary (the tests honour it too).
 * Run: npx tsx scripts/ensure-chromium.ts
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** The way to run apt-get without a prompt here: directly as root, via passwordless sudo, or none. */
function aptRunner(): string[] | undefined {
  if (process.platform !== 'linux' || spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  if (process.getuid?.() === 0) return [];
  if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

function install(prefix: readonly string[]): boolean {
  const apt = (args: string[]): boolean => (prefix.length === 0 ? run('apt-get', args) : run(prefix[0] as string, [...prefix.slice(1), 'apt-get', ...args]));
  process.stdout.write(`pretest: Chromium not found at ${chromiumPath}; installing Debian's chromium with apt-get (about 40 s)\n`);
  return apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']);
}

if (!executable(chromiumPath)) {
  const prefix = process.env['CHROMIUM_PATH'] === undefined ? aptRunner() : undefined;
  if (prefix === undefined || !install(prefix) || !executable(chromiumPath)) {
    process.stderr.write([
      `pretest: the browser tests need Chromium at ${chromiumPath}, and it is not there.`,
      `Install it (Debian/Ubuntu):  sudo sh -c '${INSTALL}'`,
      'or point CHROMIUM_PATH at a Chromium binary, then run npm test again.',
      '',
    ].join('\n'));
    process.exit(1);
  }
}
