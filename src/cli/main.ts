/**
 * The `session-lifecycle` CLI. `main(argv, io)` takes the arguments after the program name and
 * returns the exit status, so tests run it in-process. Subcommands live in `COMMANDS`: add one by
 * adding an entry (name → { summary, usage, run }).
 */
import packageJson from '../../package.json' with { type: 'json' };
import { defaultClassifier } from '../classify/classify.js';
import { catalogs } from '../codes/index.js';
import { CODE_SPACES } from '../codes/types.js';
import { isSessionError } from '../errors/index.js';
import { EXIT, UsageError } from './args.js';
import type { CliCommand, CliContext, CliIo } from './args.js';
import { catalogCommand } from './catalog.js';
import { demoCommand } from './demo-command.js';
import { explainCommand } from './explain.js';
import { simulateCliCommand } from './simulate-command.js';

export type { CliCommand, CliContext, CliIo } from './args.js';
export { EXIT } from './args.js';

/** Subcommands by name. */
export const COMMANDS: ReadonlyMap<string, CliCommand> = new Map<string, CliCommand>([
  ['explain', explainCommand],
  ['catalog', catalogCommand],
  ['demo', demoCommand],
  ['simulate', simulateCliCommand],
]);

function usage(commands: ReadonlyMap<string, CliCommand>): string {
  const width = Math.max(...[...commands.keys()].map((name) => name.length));
  const lines = [...commands].map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Usage: session-lifecycle <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show this help (or <command> --help)
  -v, --version  print the version

Examples:
  session-lifecycle explain 519
  session-lifecycle explain 0xC0040017 --protocol tmg
  session-lifecycle explain "Error Code 04" --protocol softdrive --json
  session-lifecycle catalog --protocol guacamole --format md
  session-lifecycle demo --protocol frame --scenario tour
  session-lifecycle simulate --protocol guacamole --clients 10000 --outage restart
`;
}

/** The context the real CLI runs with: every catalog the SDK ships. */
export function defaultCliContext(): CliContext {
  return { classifier: defaultClassifier(), catalogs: CODE_SPACES.map((space) => catalogs[space]), version: packageJson.version };
}

export async function main(
  argv: readonly string[],
  io: CliIo,
  context: CliContext = defaultCliContext(),
  commands: ReadonlyMap<string, CliCommand> = COMMANDS,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(`session-lifecycle: missing command\n\n${usage(commands)}`);
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(usage(commands));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${context.version}\n`);
    return EXIT.ok;
  }
  const command = commands.get(first);
  if (command === undefined) {
    const what = first.startsWith('-') ? 'unknown option' : 'unknown command';
    io.stderr(`session-lifecycle: ${what} "${first}"\n\n${usage(commands)}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io, context);
  } catch (error) {
    // A missing optional peer (ws for the demo) is the install's business, not a crash: say what to install.
    if (isSessionError(error, 'SESSION_ERR_MISSING_PEER')) {
      io.stderr(`session-lifecycle ${first}: ${error.message}\n`);
      return EXIT.unavailable;
    }
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`session-lifecycle ${first}: ${error.message}\n\n${command.usage}`);
    return EXIT.usage;
  }
}
