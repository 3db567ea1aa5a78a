/**
 * How the CLI reads its terminal: whether to colour (FORCE_COLOR, NO_COLOR, a TTY) and how wide
 * to make tables (the TTY's columns, else COLUMNS).
 */
import type { CliIo } from './args.js';

const envOf = (io: CliIo): Readonly<Record<string, string | undefined>> => io.env ?? process.env;

/**
 * Colour when FORCE_COLOR asks for it (any value but "0" or "false", as Node reads it; it wins over
 * NO_COLOR), never when NO_COLOR is set (https://no-color.org), otherwise only on a terminal.
 */
export function useColour(io: CliIo): boolean {
  const env = envOf(io);
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined) return false;
  return io.isTTY;
}

export type Paint = (code: string, text: string) => string;

/** Wraps text in an SGR code when `useColour(io)`, else returns it unchanged. */
export function painter(io: CliIo): Paint {
  const colour = useColour(io);
  return (code, text) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
}

/** The width tables should fit: the terminal's, else a numeric COLUMNS; undefined when neither is known. */
export function terminalWidth(io: CliIo): number | undefined {
  if (io.isTTY && io.columns !== undefined && io.columns > 0) return io.columns;
  const columns = Number(envOf(io)['COLUMNS']);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
