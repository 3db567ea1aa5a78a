import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const source = readFileSync(`${root}test/integration/session/recipes.test.ts`, 'utf8');
const doc = readFileSync(`${root}docs/testing.md`, 'utf8');

function dedent(text: string): string {
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

const recipes = [...source.matchAll(/\/\/ recipe: ([\w-]+)\n([\s\S]*?)\n\s*\/\/ end recipe/g)].map((m) => ({ name: m[1]!, code: dedent(m[2]!) }));

describe('docs/testing.md recipes', () => {
  it('finds the recipes in the test file', () => {
    expect(recipes.map((r) => r.name)).toEqual(['flapping-link', 'expired-token', 'server-restart', 'auth-failure', 'simulate']);
  });

  for (const recipe of recipes) {
    it(`shows the ${recipe.name} recipe exactly as it runs in CI`, () => {
      expect(doc, `docs/testing.md is missing or has a stale copy of "${recipe.name}"`).toContain(`\`\`\`ts\n${recipe.code}\n\`\`\``);
    });
  }
});
