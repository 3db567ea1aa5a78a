/**
 * Rationales are docs-only (src/docs-gen/rationales/): a browser bundle of `createSession` with `guacamoleProfile`
 * carries the catalogs it classifies with, but none of the texts that explain them. Each absent rationale is paired
 * with its entry's summary, shown present, so a bundle that lost the catalog cannot make the proof pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { guacamoleDisconnectWithoutStatus, guacamolePolicyCloseWithoutStatus } from '../../../src/codes/guacamole-close.js';
import { guacamoleLiteVocabulary } from '../../../src/codes/guacamole-lite.js';
import { catalogs } from '../../../src/codes/index.js';
import type { CodeEntry, CodeSpace } from '../../../src/codes/types.js';
import { rationaleOf, rationales } from '../../../src/docs-gen/rationales/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = [
  `import { createSession } from './src/session/core.js';`,
  `import { guacamoleProfile } from './machines/guacamole/index.js';`,
  `export const open = (url: string) => createSession({ protocol: guacamoleProfile, url }).connect();`,
].join('\n');

/**
 * Entries a browser Guacamole session classifies with: the Guacamole catalog, the SDK's own Guacamole codes and
 * guacamole-lite's, and the WebSocket and HTTP catalogs. (Every space's rationales are checked by the last test.)
 */
const BUNDLED: Readonly<Partial<Record<CodeSpace, readonly CodeEntry[]>>> = {
  guacamole: [...catalogs.guacamole.entries, guacamolePolicyCloseWithoutStatus, guacamoleDisconnectWithoutStatus, ...guacamoleLiteVocabulary.entries],
  websocket: catalogs.websocket.entries,
  http: catalogs.http.entries,
};

/** A text as a minifier keeps it verbatim: plain ASCII without quotes or backslashes (which it may re-escape). */
const verbatim = (text: string): boolean => /^[\x20-\x7e]+$/.test(text) && !/['"`\\]/.test(text);

let code = '';

beforeAll(async () => {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true, minify: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent',
  });
  code = result.outputFiles[0]?.text ?? '';
}, 60_000);

describe('rationales out of the runtime', () => {
  it('bundles Guacamole 797\'s summary but not its rationale', () => {
    const entry = catalogs.guacamole.entries.find((row) => row.code === 797);
    const why = rationaleOf('guacamole', 797);
    expect(entry !== undefined && verbatim(entry.summary) && why !== undefined && verbatim(why)).toBe(true);
    // Booleans, not toContain: a failure should not print the whole bundle.
    expect(code.includes(entry?.summary ?? '(no entry)'), `797's summary in the bundle`).toBe(true);
    expect(code.includes(why ?? '(no rationale)'), `797's rationale in the bundle`).toBe(false);
  });

  it.each(Object.keys(BUNDLED) as CodeSpace[])('carries the %s summaries and none of that space\'s rationales', (space) => {
    const pairs = (BUNDLED[space] ?? [])
      .map((entry) => [entry.summary, rationaleOf(space, entry.code)] as const)
      .filter((pair): pair is readonly [string, string] => pair[1] !== undefined && verbatim(pair[0]) && verbatim(pair[1]));
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.filter(([summary]) => !code.includes(summary))).toEqual([]);
    expect(pairs.filter(([, why]) => code.includes(why)).map(([, why]) => why)).toEqual([]);
  });

  it('carries no rationale of any space, nor the field name', () => {
    const texts = Object.values(rationales).flatMap((table) => [...Object.values(table.entries), ...Object.values(table.ranges ?? {})]);
    // A prefix long enough to be distinctive, cut before the first character a minifier might escape.
    const probes = texts.map((text) => text.slice(0, 40).split(/['"`\\]|[^\x20-\x7e]/)[0] ?? '').filter((probe) => probe.length >= 24);
    expect(probes.length).toBeGreaterThan(texts.length / 2);
    expect(probes.filter((probe) => code.includes(probe))).toEqual([]);
    expect(/\brationale:/.test(code), 'a rationale: field in the bundle').toBe(false);
  });

  it('is imported by nothing outside the docs generator', () => {
    const runtime = ['src', 'machines'].flatMap((dir) => (readdirSync(`${ROOT}${dir}`, { recursive: true }) as string[])
      .filter((path) => path.endsWith('.ts') && !(dir === 'src' && path.startsWith('docs-gen')))
      .map((path) => `${dir}/${path}`));
    expect(runtime.length).toBeGreaterThan(50);
    expect(runtime.filter((path) => /\b(from|import)\s*\(?\s*['"][^'"]*docs-gen\//.test(readFileSync(`${ROOT}${path}`, 'utf8')))).toEqual([]);
  });
});
