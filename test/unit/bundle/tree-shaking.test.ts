/**
 * Importing one profile must not pull the other profiles' catalogs into a browser bundle. The markers are names
 * found in exactly one catalog; each is first shown to be present when its own profile is bundled, so a renamed
 * entry cannot make the proof pass by accident.
 *
 * The bundles come from sources, as a user's bundler would build them for the browser: `#platform-catalogs` resolves
 * through tsconfig.json "paths" to src/codes/platform-catalogs/, whose package.json "browser" field gives the browser
 * variant (no errno catalog); bundled for Node, the same import gives the errno variant.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENTRIES, CATALOG_MARKERS, bundle, onlyGuacamole } from '../../../bench/session.bench.js';
import { TRANSPORT_MARKERS } from '../../../scripts/check-tarball-bundles.js';
import { isSessionError } from '../../../src/errors/index.js';
import type { Profile } from '../../../machines/profile.js';

const OWN_ENTRIES = {
  msra: `export { msraProfile } from './machines/msra/index.js';`,
  softdrive: `export { softdriveProfile } from './machines/softdrive/index.js';`,
  frame: `export { frameProfile } from './machines/frame/index.js';`,
  tmg: `export { withTmgGateway } from './machines/tmg/index.js';`,
  guacamole: BUNDLE_ENTRIES.profile,
} as const;

describe('browser bundle of one profile', () => {
  it.each(Object.keys(OWN_ENTRIES) as (keyof typeof OWN_ENTRIES)[])('carries the %s marker when that catalog is imported', async (name) => {
    const result = await bundle(OWN_ENTRIES[name]);
    expect(result.code).toContain(CATALOG_MARKERS[name]);
  });

  it('carries Guacamole\'s catalog and none of Frame, Softdrive, MS-RA or TMG when importing guacamoleProfile', async () => {
    const result = await bundle(BUNDLE_ENTRIES.profile);
    expect(result.markers).toEqual({ guacamole: true, msra: false, tmg: false, softdrive: false, frame: false });
    expect(onlyGuacamole(result)).toBe(true);
  });

  it("createSession from 'session-lifecycle/session' with guacamoleProfile leaves the other catalogs out too", async () => {
    const result = await bundle(BUNDLE_ENTRIES.session);
    expect(result.markers).toEqual({ guacamole: true, msra: false, tmg: false, softdrive: false, frame: false });
    expect(onlyGuacamole(result)).toBe(true);
  });

  it("createSession from the main entry (protocol ids, gateway: 'tmg') carries every catalog, as documented", async () => {
    const result = await bundle(BUNDLE_ENTRIES.sessionAnyProtocol);
    expect(result.markers).toEqual({ guacamole: true, msra: true, tmg: true, softdrive: true, frame: true });
  });

  it('carries no Winsock or Win32 catalog for a web profile; a Windows-side profile and the TMG gateway do', async () => {
    const has = (code: string) => ({ win32: code.includes(TRANSPORT_MARKERS.win32), winsock: code.includes(TRANSPORT_MARKERS.winsock) });
    expect(has((await bundle(BUNDLE_ENTRIES.session)).code)).toEqual({ win32: false, winsock: false });
    expect(has((await bundle(BUNDLE_ENTRIES.profile)).code)).toEqual({ win32: false, winsock: false });
    expect(has((await bundle(OWN_ENTRIES.msra)).code)).toEqual({ win32: true, winsock: true });
    expect(has((await bundle(OWN_ENTRIES.softdrive)).code)).toEqual({ win32: true, winsock: true });
    expect(has((await bundle(OWN_ENTRIES.tmg)).code)).toEqual({ win32: true, winsock: true });
  });
});

const ROOT = resolve(import.meta.dirname, '../../..');
const CLASSIFY_ENTRY = `import { classify } from './src/index.js';\nexport { classify };`;

/** Bundles one entry from sources for a platform, and says which `#platform-catalogs` variant it resolved. */
async function bundleFor(platform: 'browser' | 'node', contents: string) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true, minify: true, platform, format: 'esm', write: false, logLevel: 'silent', metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs).filter((input) => input.startsWith('src/codes/platform-catalogs/'));
  return { code: result.outputFiles[0]?.text ?? '', variants: inputs };
}

describe('the errno catalog in a browser bundle (issue 14)', () => {
  it('resolves #platform-catalogs to the browser variant for the browser and to the errno variant for Node', async () => {
    const browser = await bundleFor('browser', BUNDLE_ENTRIES.profile);
    const node = await bundleFor('node', BUNDLE_ENTRIES.profile);
    expect(browser.variants).toEqual(['src/codes/platform-catalogs/browser.ts']);
    expect(node.variants).toEqual(['src/codes/platform-catalogs/index.ts']);
    expect(browser.code).not.toContain(TRANSPORT_MARKERS.errno);
    expect(node.code).toContain(TRANSPORT_MARKERS.errno);
  });

  it('carries no errno catalog for any profile, nor for createSession with one; classify from the main entry keeps it', async () => {
    const carries = async (contents: string) => (await bundle(contents)).code.includes(TRANSPORT_MARKERS.errno);
    expect(await carries(BUNDLE_ENTRIES.session)).toBe(false);
    for (const name of Object.keys(OWN_ENTRIES) as (keyof typeof OWN_ENTRIES)[]) expect(await carries(OWN_ENTRIES[name]), name).toBe(false);
    expect(await carries(CLASSIFY_ENTRY)).toBe(true);
  });

  it('leaves a browser-built profile knowing WebSocket closes and HTTP answers, and no errno code', async () => {
    const { code } = await bundle(BUNDLE_ENTRIES.profile);
    const { guacamoleProfile } = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { guacamoleProfile: Profile };
    const now = { now: 0 };
    expect(guacamoleProfile.classify({ space: 'websocket', code: 1006 }, now)).toMatchObject({ space: 'websocket', known: true });
    expect(guacamoleProfile.classify({ status: 503 }, now)).toMatchObject({ space: 'http', code: 503, known: true });
    // An Error with a code (what a Node socket would raise) is an errno code the profile does not know ...
    expect(guacamoleProfile.classify(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), now)).toMatchObject({ space: 'errno', known: false });
    // ... and a bare errno name, as for Winsock on a web profile in Node, is refused with a typed error.
    let error: unknown;
    try {
      guacamoleProfile.classify({ code: 'ECONNREFUSED', message: 'refused' }, now);
    } catch (caught) {
      error = caught;
    }
    expect(isSessionError(error, 'SESSION_ERR_INVALID_CODE')).toBe(true);
  });
});
