/**
 * examples/browser-reconnect-ui.ts is what a browser app copies, so its imports must be the small ones:
 * 'session-lifecycle/session' plus one profile entry. Bundled for the browser, it carries Guacamole's
 * catalog and no other protocol's, and stays well under the main entry's size.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENTRIES, bundle, onlyGuacamole } from '../../../bench/session.bench.js';

const EXAMPLE = `export { mountReconnectUi } from './examples/browser-reconnect-ui.js';`;

describe('examples/browser-reconnect-ui.ts bundled for a browser', () => {
  it("imports createSession from the session entry: Guacamole's catalog only, none of the others", async () => {
    const result = await bundle(EXAMPLE);
    expect(result.markers).toEqual({ guacamole: true, msra: false, tmg: false, softdrive: false, frame: false });
    expect(onlyGuacamole(result)).toBe(true);
  });

  it('is smaller than a bare createSession from the main entry', async () => {
    const [example, mainEntry] = await Promise.all([bundle(EXAMPLE), bundle(BUNDLE_ENTRIES.sessionAnyProtocol)]);
    expect(example.gzipBytes).toBeLessThan(mainEntry.gzipBytes);
  });
});
