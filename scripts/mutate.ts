/**
 * `npm run mutate`: StrykerJS over the pure layers, one area at a time, each against its own unit
 * tests only (a mutant those tests miss is a gap in them, whatever an integration test might catch).
 * Incremental (a re-run only tests mutants whose code or tests changed) with per-test coverage.
 *
 *   npm run mutate                      every area in turn
 *   npm run mutate -- policy parser     some areas
 *   npm run mutate -- policy --force    pass flags through to `stryker run` (--force: ignore the
 *                                       incremental file and test every mutant)
 *
 * Reports and incremental files go to .stryker-tmp/ (git-ignored): `.stryker-tmp/<area>/mutation.html`.
 * Scores and the survivors left on purpose: docs/testing-quality.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Area {
  readonly mutate: readonly string[];
  readonly testFiles: readonly string[];
}

const MUTATION_AREAS = {
  policy: {
    mutate: ['src/policy/**/*.ts', '!src/policy/index.ts', '!src/policy/types.ts'],
    testFiles: ['test/unit/policy/**/*.test.ts'],
  },
  classify: {
    mutate: ['src/classify/**/*.ts', '!src/classify/index.ts'],
    testFiles: ['test/unit/classify/**/*.test.ts'],
  },
  parser: {
    mutate: ['machines/guacamole/parser.ts'],
    testFiles: ['test/unit/guacamole/parser*.test.ts'],
  },
  'guacamole-codec': {
    mutate: ['machines/guacamole/codec.ts'],
    testFiles: ['test/unit/guacamole/codec*.test.ts', 'test/unit/guacamole/goodbye.test.ts', 'test/unit/guacamole/send-limits.test.ts'],
  },
  envelope: {
    mutate: ['machines/envelope/codec.ts'],
    testFiles: ['test/unit/envelope/**/*.test.ts'],
  },
} as const satisfies Record<string, Area>;

type AreaName = keyof typeof MUTATION_AREAS;
const TEMP_DIR = '.stryker-tmp';

function isArea(name: string): name is AreaName {
  return Object.hasOwn(MUTATION_AREAS, name);
}

function strykerConfig(name: AreaName, area: Area): object {
  const dir = join(TEMP_DIR, name);
  return {
    $schema: '../../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    testRunner: 'vitest',
    // The area's tests are chosen in vitest.mutate.config.ts (MUTATE_TEST_FILES), not with Stryker's `testFiles`:
    // with `testFiles`, Stryker 9.6.1 activates static mutants after their module has loaded, so every one of them
    // "survives" (stryker-js#6144).
    vitest: { configFile: 'vitest.mutate.config.ts', related: false },
    mutate: area.mutate,
    coverageAnalysis: 'perTest',
    incremental: true,
    incrementalFile: join(dir, 'incremental.json'),
    // Two cores shared with other work: one test runner.
    concurrency: 1,
    tempDirName: TEMP_DIR,
    cleanTempDir: true,
    ignorePatterns: ['dist', 'coverage', 'bench/tmp', '.vitest-cache', '.briefs', '*.tgz'],
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: join(dir, 'mutation.html') },
    jsonReporter: { fileName: join(dir, 'mutation.json') },
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    thresholds: { high: 90, low: 80, break: null },
  };
}

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('-'));
const names = args.filter((a) => !a.startsWith('-'));
const unknown = names.filter((n) => !isArea(n));
if (unknown.length > 0) {
  console.error(`mutate: unknown area ${unknown.join(', ')}; areas are ${Object.keys(MUTATION_AREAS).join(', ')}`);
  process.exit(2);
}
const selected = names.length > 0 ? names.filter(isArea) : (Object.keys(MUTATION_AREAS) as AreaName[]);

let failed = false;
for (const name of selected) {
  const dir = join(TEMP_DIR, name);
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'stryker.config.json');
  writeFileSync(configFile, `${JSON.stringify(strykerConfig(name, MUTATION_AREAS[name]), null, 2)}\n`);
  console.log(`\n== mutate ${name} ==`);
  const env = { ...process.env, MUTATE_TEST_FILES: JSON.stringify(MUTATION_AREAS[name].testFiles) };
  const result = spawnSync('npx', ['stryker', 'run', configFile, ...flags], { stdio: 'inherit', env });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
