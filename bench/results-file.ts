/**
 * bench/RESULTS.md is shared by every benchmark: each script owns one "## name" section and replaces only that,
 * leaving the other scripts' sections as they were.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const HEADER = '# Benchmarks\n\nEach section is written by its own script; see the command in it.\n';

/** `existing` with its "## name" section replaced by `section` (appended when absent; a new file when null). */
export function withSection(existing: string | null, name: string, section: string): string {
  const body = `${section.trimEnd()}\n`;
  if (existing === null) return `${HEADER}\n${body}`;
  const start = existing.search(new RegExp(`^## ${name}$`, 'm'));
  if (start === -1) return `${existing.trimEnd()}\n\n${body}`;
  const next = existing.slice(start + 1).search(/^## /m);
  return next === -1 ? `${existing.slice(0, start)}${body}` : `${existing.slice(0, start)}${body}\n${existing.slice(start + 1 + next)}`;
}

/** Writes `section` as the "## name" section of bench/RESULTS.md and says so on stdout. */
export async function writeSection(name: string, section: string): Promise<void> {
  const existing = await readFile(RESULTS_FILE, 'utf8').catch(() => null);
  await writeFile(RESULTS_FILE, withSection(existing, name, section), 'utf8');
  process.stdout.write(`wrote the "## ${name}" section of ${RESULTS_FILE}\n`);
}
