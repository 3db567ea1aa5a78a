import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The vitest config Stryker runs (`npm run mutate`): the suite's own settings without the type tests
 * and the JSON results file, which only `npm test` needs. Stryker picks the area's test files.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      reporters: ['default'],
    },
  }),
);
