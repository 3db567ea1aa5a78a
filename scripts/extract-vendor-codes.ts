/**
 * Extracts the code lists of the five vendor seed documents (../shared/seeds, beside the
 * repository; see its README) into test/fixtures/vendor-codes/<space>.json: every code's number and
 * symbolic name exactly as the document writes them, plus the columns the catalog tests check
 * (type, component, phase, cause, vendor wording, range rule). Each file names its source document
 * and that document's SHA-256. Tests read only these files, so a clone without ../shared runs them.
 *
 * Run once when a seed document changes, then commit the JSON:
 *   npx tsx scripts/extract-vendor-codes.ts            (writes)
 *   npx tsx scripts/extract-vendor-codes.ts --check    (exit 1 if the committed JSON is stale)
 *   SEEDS_DIR=/path/to/seeds npx tsx scripts/extract-vendor-codes.ts
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrameSeed, parseGuacamoleSeed, parseMsraSeed, parseSoftdriveSeed } from './vendor-codes/parse-protocols.js';
import { parseTmgSeed } from './vendor-codes/parse-tmg.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = resolve(process.env['SEEDS_DIR'] ?? join(repoRoot, '../shared/seeds'));
const outDir = join(repoRoot, 'test/fixtures/vendor-codes');

interface Source {
  readonly space: string;
  readonly prefix: string;
  readonly title: string;
  readonly extract: (text: string) => unknown;
}

const SOURCES: readonly Source[] = [
  { space: 'guacamole', prefix: '000_', title: 'Apache Guacamole protocol status codes, as a PAM gateway renders them', extract: (text) => ({ rows: parseGuacamoleSeed(text) }) },
  { space: 'msra', prefix: '001_', title: 'Microsoft Remote Assistance error codes returned in REMOTEDESKTOP_CTL_RESULT ([MS-RA] 2.2.6)', extract: (text) => ({ rows: parseMsraSeed(text) }) },
  { space: 'frame', prefix: '002_', title: 'Nutanix Frame FRP 7/8 session close and exit codes (4000-5019)', extract: (text) => ({ rows: parseFrameSeed(text) }) },
  { space: 'softdrive', prefix: '003_', title: 'Softdrive error codes, grouped by session phase', extract: (text) => ({ rows: parseSoftdriveSeed(text) }) },
  { space: 'tmg', prefix: '004_', title: 'Forefront TMG result codes: web-proxy codes and firewall HRESULTs', extract: (text) => parseTmgSeed(text) },
];

function render(source: Source): { file: string; content: string } {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(source.prefix) && file.endsWith('.txt'));
  if (name === undefined) throw new Error(`no seed ${source.prefix}*.txt in ${seedsDir}`);
  const text = readFileSync(join(seedsDir, name), 'utf8');
  const data = {
    source: {
      document: `../shared/seeds/${name}`,
      title: source.title,
      sha256: createHash('sha256').update(text).digest('hex'),
      extractedBy: 'scripts/extract-vendor-codes.ts',
    },
    ...(source.extract(text) as object),
  };
  return { file: join(outDir, `${source.space}.json`), content: `${JSON.stringify(data, null, 2)}\n` };
}

const check = process.argv.includes('--check');
let stale = 0;
for (const source of SOURCES) {
  const { file, content } = render(source);
  const relative = file.slice(repoRoot.length + 1);
  if (check) {
    let current = '';
    try { current = readFileSync(file, 'utf8'); } catch { /* missing counts as stale */ }
    if (current !== content) { stale += 1; process.stderr.write(`stale: ${relative}\n`); }
  } else {
    writeFileSync(file, content, 'utf8');
    process.stdout.write(`wrote ${relative}\n`);
  }
}
if (stale > 0) {
  process.stderr.write('run: npx tsx scripts/extract-vendor-codes.ts\n');
  process.exitCode = 1;
}
