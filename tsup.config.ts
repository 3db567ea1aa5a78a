import { defineConfig } from 'tsup';

const PROFILES = ['guacamole', 'frame', 'softdrive', 'msra', 'tmg'] as const;

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      machines: 'machines/index.ts',
      ...Object.fromEntries(PROFILES.map((p) => [`machines/${p}`, `machines/${p}/index.ts`])),
      session: 'src/session/core.ts',
      testing: 'src/testing/index.ts',
      'testing/msw': 'src/testing/msw.ts',
      'guacamole-common-js': 'src/guacamole-common-js/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    splitting: true,
    treeshake: true,
    target: 'node20',
    platform: 'neutral',
    external: ['ws', 'xstate', 'eventemitter3', 'msw', 'guacamole-common-js'],
  },
  {
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
