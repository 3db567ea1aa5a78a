import { defineConfig } from 'tsup';

const PROFILES = ['guacamole', 'frame', 'softdrive', 'msra', 'tmg'] as const;

/** The package's entry points (package.json "exports"); each gets its `.d.ts`/`.d.cts`. */
const PUBLIC_ENTRIES = {
  index: 'src/index.ts',
  machines: 'machines/index.ts',
  ...Object.fromEntries(PROFILES.map((p) => [`machines/${p}`, `machines/${p}/index.ts`])),
  session: 'src/session/core.ts',
  testing: 'src/testing/index.ts',
  'testing/msw': 'src/testing/msw.ts',
  'guacamole-common-js': 'src/guacamole-common-js/index.ts',
};

/**
 * `#platform-catalogs` (package.json "imports"): the transport catalogs a profile carries only where they can arrive
 * (src/codes/platform-catalogs/). Built as entries of their own, beside the public ones so the Node variant shares the
 * errno catalog's chunk with the main entry, and left as an import in every other file, so that the consumer's Node or
 * bundler picks the variant ("browser" condition: none; Node: errno).
 */
const PLATFORM_ENTRIES = {
  'platform-catalogs': 'src/codes/platform-catalogs/index.ts',
  'platform-catalogs.browser': 'src/codes/platform-catalogs/browser.ts',
};

export default defineConfig([
  {
    entry: { ...PUBLIC_ENTRIES, ...PLATFORM_ENTRIES },
    format: ['esm', 'cjs'],
    dts: { entry: PUBLIC_ENTRIES },
    clean: true,
    sourcemap: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    platform: 'neutral',
    external: ['ws', 'xstate', 'eventemitter3', 'msw', 'guacamole-common-js', '#platform-catalogs'],
  },
  {
    // Node only: `#platform-catalogs` resolves (tsconfig.json "paths") to the Node variant, bundled in.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    external: ['ws', 'xstate', 'eventemitter3', 'msw'],
  },
]);
