import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src/codes/index.js';
import { CODE_SPACES } from '../../../src/codes/types.js';
import { rangeRationaleOf, rationaleOf } from '../../../src/docs-gen/rationales/index.js';
import { renderCodeDocs, renderSpaceDoc } from '../../../src/docs-gen/render.js';
import { fixtureSoftdrive, fixtureTmg, fixtureWebsocket } from '../../support/fixture-catalogs.js';

const repoRoot = new URL('../../../', import.meta.url);
const docs = renderCodeDocs(CODE_SPACES.map((space) => catalogs[space]));

describe('generated docs', () => {
  it.each(docs.map((doc) => [doc.path, doc] as const))('%s matches the catalogs (run `npx tsx scripts/gen-docs.ts` if not)', async (path, doc) => {
    const onDisk = await readFile(fileURLToPath(new URL(path, repoRoot)), 'utf8').catch(() => '(missing)');
    expect(onDisk === doc.content, `${path} is stale: run npx tsx scripts/gen-docs.ts`).toBe(true);
  });

  it('writes one file per code space plus outcomes.md', () => {
    expect(docs.map((doc) => doc.path)).toEqual([...CODE_SPACES.map((space) => `docs/codes/${space}.md`), 'docs/outcomes.md']);
  });

  it('lists every code of a space in that space\'s own notation', () => {
    const tmg = renderSpaceDoc(fixtureTmg);
    expect(tmg).toContain('| 0xC0040017 | FWX_E_SYN_ATTACK | WSA_RWS_SYN_ATTACK | fatal |');
    expect(tmg).toContain('| 12208 | TMG_PROXY_BUSY |  | retry-later (≥ 30 s) |');
    const softdrive = renderSpaceDoc(fixtureSoftdrive);
    expect(softdrive).toContain('| Error Code 04 | KeepAliveTimeout |');
    expect(softdrive).toContain('| Guest Agent not Responding |');
    expect(renderSpaceDoc(fixtureWebsocket)).toContain('| 4000-4999 | PRIVATE_USE | retry |');
  });

  it('puts each catalog entry\'s and range\'s rationale (docs-only data) into outcomes.md', () => {
    const outcomes = docs.find((doc) => doc.path === 'docs/outcomes.md')?.content ?? '';
    const rationales = CODE_SPACES.flatMap((space) => [
      ...catalogs[space].entries.map((entry) => rationaleOf(space, entry.code)),
      ...(catalogs[space].ranges ?? []).map((range) => rangeRationaleOf(space, range.from, range.to)),
    ]).filter((text) => text !== undefined);
    expect(rationales.length).toBeGreaterThan(0);
    for (const rationale of rationales) expect(outcomes).toContain(rationale.replace(/\|/g, '\\|').slice(0, 40));
    expect(outcomes).toContain('never-retry rule');
  });
});
