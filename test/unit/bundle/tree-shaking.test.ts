/**
 * Importing one profile must not pull the other profiles' catalogs into a browser bundle. The markers are names
 * found in exactly one catalog; each is first shown to be present when its own profile is bundled, so a renamed
 * entry cannot make the proof pass by accident.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENTRIES, CATALOG_MARKERS, bundle, onlyGuacamole } from '../../../bench/session.bench.js';
import { TRANSPORT_MARKERS } from '../../../scripts/check-tarball-bundles.js';

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
