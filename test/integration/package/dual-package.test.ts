/**
 * The dual-package hazard: an app (or two of its dependencies) loads both the ESM and the CJS build
 * in one process, so there are two SessionError classes. isSessionError must recognise an error from
 * either copy. The builds come from tsup with the package's own settings for the main entry, written
 * under node_modules/.cache so that their imports (xstate, ws, ...) resolve as they would for a user.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Index from '../../../src/index.js';

type Entry = typeof Index;

const repoRoot = path.resolve(import.meta.dirname, '../../..');
let outDir = '';
let esm: Entry;
let cjs: Entry;

beforeAll(async () => {
  const cacheDir = path.join(repoRoot, 'node_modules/.cache');
  mkdirSync(cacheDir, { recursive: true });
  outDir = mkdtempSync(path.join(cacheDir, 'dual-package-'));
  await build({
    config: false, silent: true, entry: { index: path.join(repoRoot, 'src/index.ts') }, outDir,
    format: ['esm', 'cjs'], dts: false, sourcemap: false, splitting: true, treeshake: true,
    target: 'node20', platform: 'neutral', external: ['ws', 'xstate', 'eventemitter3', 'msw'],
  });
  esm = (await import(pathToFileURL(path.join(outDir, 'index.js')).href)) as Entry;
  cjs = createRequire(import.meta.url)(path.join(outDir, 'index.cjs')) as Entry;
}, 60_000);

afterAll(() => {
  if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
});

describe('isSessionError across the ESM and CJS builds in one process', () => {
  it('loads two distinct SessionError classes (the hazard is real)', () => {
    expect(esm.SessionError).not.toBe(cjs.SessionError);
    expect(new cjs.SessionError('SESSION_ERR_INVALID_CODE', 'x') instanceof esm.SessionError).toBe(false);
  });

  it('recognises an error made by the other build, in both directions', () => {
    const fromCjs = new cjs.SessionError('SESSION_ERR_INVALID_OPTION', 'bad option');
    const fromEsm = new esm.SessionError('SESSION_ERR_PROTOCOL', 'bad frame');
    expect(esm.isSessionError(fromCjs)).toBe(true);
    expect(cjs.isSessionError(fromEsm)).toBe(true);
    expect(esm.isSessionError(fromCjs, 'SESSION_ERR_INVALID_OPTION')).toBe(true);
    expect(esm.isSessionError(fromCjs, 'SESSION_ERR_PROTOCOL')).toBe(false);
  });

  it('recognises an error thrown by the other build\'s own code', () => {
    let thrown: unknown;
    try {
      cjs.classify('guacamole', 'not a code at all');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(esm.isSessionError(thrown)).toBe(true);
  });

  it('still rejects look-alikes: a plain Error named SessionError, or one with a code field', () => {
    const fake = Object.assign(new Error('x'), { name: 'SessionError', code: 'SESSION_ERR_INVALID_CODE' });
    expect(esm.isSessionError(fake)).toBe(false);
    expect(cjs.isSessionError({ code: 'SESSION_ERR_INVALID_CODE' })).toBe(false);
    expect(esm.isSessionError(null)).toBe(false);
  });
});
