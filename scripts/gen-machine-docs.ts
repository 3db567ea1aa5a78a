/**
 * Writes the machine pages: docs/machines/<profile>.md for every profile, tmg.md and README.md.
 * Run: npx tsx scripts/gen-machine-docs.ts   (test/unit/docs/machine-docs-fresh.test.ts fails when these are stale)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMachineDocs } from '../src/docs-gen/machine-docs.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function generate(): Promise<void> {
  for (const doc of renderMachineDocs()) {
    const target = resolve(repoRoot, doc.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, doc.content, 'utf8');
    process.stdout.write(`wrote ${doc.path}\n`);
  }
}

await generate();
