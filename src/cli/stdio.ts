/**
 * The real process's standard streams for `main`: writes that never crash on a closed pipe.
 * `session-lifecycle demo | head` closes stdout early; the next write fails with EPIPE, which must end
 * the program quietly (exit 0, nothing on stderr), as `yes | head` does, not with a stack trace.
 */
import type { CliIo } from './args.js';

interface WritableLike {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}

/** Ends the program with `exit(0)` when `stream` reports EPIPE; rethrows any other stream error. */
export function endQuietlyOnClosedPipe(stream: WritableLike, exit: (code: number) => void): void {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') exit(0);
    else throw error;
  });
}

/** The CliIo the `session-lifecycle` binary runs with. */
export function processIo(
  stdout: WritableLike = process.stdout,
  stderr: WritableLike = process.stderr,
  exit: (code: number) => void = (code) => process.exit(code),
): CliIo {
  endQuietlyOnClosedPipe(stdout, exit);
  endQuietlyOnClosedPipe(stderr, exit);
  return {
    stdout: (text) => void stdout.write(text),
    stderr: (text) => void stderr.write(text),
    isTTY: stdout.isTTY === true,
    ...(stdout.isTTY === true && stdout.columns !== undefined ? { columns: stdout.columns } : {}),
    env: process.env,
  };
}
