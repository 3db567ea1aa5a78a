import { defineConfig } from 'vitest/config';

export default defineConfig({
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
