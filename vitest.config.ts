import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run in Node: `#platform-catalogs` is the Node variant from sources (package.json "imports" points at dist/,
  // and Vite does not read tsconfig.json "paths"), in every environment, jsdom included.
  resolve: { alias: { '#platform-catalogs': fileURLToPath(new URL('./src/codes/platform-catalogs/index.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    restoreMocks: true,
    // A test fails on XState's "event sent to a stopped actor" warning (something outlived its actor).
    setupFiles: ['test/support/fail-on-xstate-warnings.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" line after the default output.
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
});
