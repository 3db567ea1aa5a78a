/**
 * Browser bundles of what users install: esbuild bundles small entries that import the packed tarball, installed in a
 * consumer project (`npm install ./session-lifecycle-*.tgz`), and checks what each carries. Run by .ci/run after
 * installing the tarball, so the published package cannot drift from what was measured.
 *
 *   npx tsx scripts/check-tarball-bundles.ts <consumer-dir> [--markdown]
 *
 * Checks (exit 1 when one fails):
 *   - importing only `classify`, or only a profile, carries no xstate;
 *   - `createSession` from 'session-lifecycle/session' with `guacamoleProfile` carries Guacamole's catalog and none of
 *     the other protocols', the gateway's, or the Winsock/Win32 catalogs a web profile never receives;
 *   - that bundle stays under a ceiling (gzip), so growth shows up as a failure, not as drift.
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUNDLE_CEILING_GZIP_BYTES = 50 * 1024;

const XSTATE_MARKER = 'xstate.init';
/** Strings found only in one catalog: the Frame, Softdrive, MS-RA and TMG catalogs, and Guacamole's own. */
export const CATALOG_MARKERS = {
  msra: 'SAFERROR_HELPEESAIDNO',
  tmg: 'FWX_E_TCP_NOT_SYN_PACKET_DROPPED',
  softdrive: 'TLSHandshakeFailed',
  frame: 'ALREADY_IN_ANOTHER_SESSION',
  guacamole: 'UPSTREAM_NOT_FOUND',
} as const;
/** Strings found only in the Win32 and Winsock catalogs (which a web profile does not carry). */
export const TRANSPORT_MARKERS = { win32: 'ERROR_INVALID_HANDLE', winsock: 'WSAEINTR' } as const;
const MARKERS = { ...CATALOG_MARKERS, ...TRANSPORT_MARKERS } as const;

export const TARBALL_ENTRIES = {
  xstate: `import { createActor, createMachine } from 'xstate';\nexport const actor = createActor(createMachine({ initial: 'a', states: { a: { on: { go: 'b' } }, b: {} } }));`,
  classify: `import { classify } from 'session-lifecycle';\nexport const c = classify;`,
  profile: `import { guacamoleProfile } from 'session-lifecycle/machines/guacamole';\nexport const p = guacamoleProfile;`,
  session: `import { createSession } from 'session-lifecycle/session';\nimport { guacamoleProfile } from 'session-lifecycle/machines/guacamole';\nexport const open = (url) => createSession({ protocol: guacamoleProfile, url }).connect();`,
  main: `import { createSession } from 'session-lifecycle';\nexport const open = (url) => createSession({ protocol: 'guacamole', url }).connect();`,
} as const;

export interface TarballBundle {
  readonly minBytes: number;
  readonly gzipBytes: number;
  readonly xstate: boolean;
  readonly markers: Readonly<Record<keyof typeof MARKERS, boolean>>;
}

export async function bundleFrom(consumerDir: string, contents: string): Promise<TarballBundle> {
  const result = await build({
    stdin: { contents, resolveDir: consumerDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const markers = Object.fromEntries(Object.entries(MARKERS).map(([name, marker]) => [name, code.includes(marker)]));
  return {
    minBytes: Buffer.byteLength(code),
    gzipBytes: gzipSync(code).byteLength,
    xstate: code.includes(XSTATE_MARKER),
    markers: markers as TarballBundle['markers'],
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const consumerDir = resolve(process.argv[2] ?? '.');
  const results = Object.fromEntries(
    await Promise.all(Object.entries(TARBALL_ENTRIES).map(async ([name, contents]) => [name, await bundleFrom(consumerDir, contents)] as const)),
  ) as Record<keyof typeof TARBALL_ENTRIES, TarballBundle>;
  const xstate = results.xstate.gzipBytes;
  const rows = Object.entries(results).map(([name, r]) =>
    `| ${name} | ${kb(r.minBytes)} | ${kb(r.gzipBytes)} | ${(r.gzipBytes / xstate).toFixed(2)}× | ${r.xstate ? 'yes' : 'no'} |`);
  process.stdout.write(['| entry (from the tarball) | minified | gzip | × bare xstate | carries xstate |', '|---|---|---|---|---|', ...rows, ''].join('\n'));

  const failures: string[] = [];
  if (results.classify.xstate) failures.push('importing only classify carries xstate');
  if (results.profile.xstate) failures.push('importing only guacamoleProfile carries xstate');
  const { session } = results;
  if (!session.markers.guacamole) failures.push('the session bundle lacks the Guacamole catalog (marker renamed?)');
  for (const other of ['frame', 'softdrive', 'msra', 'tmg', 'win32', 'winsock'] as const) {
    if (session.markers[other]) failures.push(`createSession + guacamoleProfile carries the ${other} catalog`);
  }
  if (session.gzipBytes > BUNDLE_CEILING_GZIP_BYTES) failures.push(`createSession + guacamoleProfile is ${kb(session.gzipBytes)} gzip, over the ${kb(BUNDLE_CEILING_GZIP_BYTES)} ceiling`);
  // The main entry resolves protocol ids, so it carries every catalog (documented): proof the markers still exist.
  for (const name of Object.keys(MARKERS) as (keyof typeof MARKERS)[]) {
    if (!results.main.markers[name]) failures.push(`marker ${MARKERS[name]} (${name}) is in no bundle: update MARKERS`);
  }
  if (failures.length > 0) {
    process.stderr.write(`${failures.map((f) => `tarball bundle check: ${f}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('tarball bundles: classify and a profile alone carry no xstate; createSession + guacamoleProfile carries one catalog\n');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.dirname, 'check-tarball-bundles.ts')) await main();
