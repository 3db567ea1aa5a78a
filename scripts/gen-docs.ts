/**
 * Writes the generated code reference: docs/codes/<space>.md for every space and docs/outcomes.md.
 * Run: npx tsx scripts/gen-docs.ts   (test/unit/docs/fresh.test.ts fails when these are stale)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogs } from '../src/codes/index.js';
import { CODE_SPACES } from '../src/codes/types.js';
import { renderCodeDocs } from '../src/docs-gen/render.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function generate(): Promise<void> {
  const docs = renderCodeDocs(CODE_SPACES.map((space) => catalogs[space]));
  for (const doc of docs) {
    const target = resolve(repoRoot, doc.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, doc.content, 'utf8');
    process.stdout.write(`wrote ${doc.path}\n`);
  }
}

await generate();
