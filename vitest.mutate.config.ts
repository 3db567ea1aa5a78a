import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The vitest config Stryker runs (`npm run mutate`, scripts/mutate.ts): the suite's own settings, limited to the
 * area's unit tests (MUTATE_TEST_FILES, a JSON array of globs), without the type tests and the JSON results file.
 */
const area: unknown = JSON.parse(process.env['MUTATE_TEST_FILES'] ?? '["test/unit/**/*.test.ts"]');
if (!Array.isArray(area) || !area.every((glob) => typeof glob === 'string')) {
  throw new Error('MUTATE_TEST_FILES must be a JSON array of globs');
}

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: area as string[],
    typecheck: { enabled: false },
    reporters: ['default'],
  },
});
