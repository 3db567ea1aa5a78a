/**
 * classify() on known numeric codes vs a raw Map.get on the same keys, measured in the same run.
 * Run: npx tsx bench/classify.bench.ts   (writes the "## classify" section of bench/RESULTS.md)
 */
import { cpus, platform, arch } from 'node:os';
import { bench, do_not_optimize, run } from 'mitata';
import { classify } from '../src/classify/classify.js';
import { catalogs } from '../src/codes/index.js';
import { CODE_SPACES } from '../src/codes/types.js';
import type { CodeSpace } from '../src/codes/types.js';
import { writeSection } from './results-file.js';

const COMMAND = 'npx tsx bench/classify.bench.ts';

// A mix of known numeric codes from every space that has them, interleaved so no space dominates.
const perSpace = CODE_SPACES.map((space) =>
  catalogs[space].entries.flatMap((entry) => (typeof entry.code === 'number' ? [[space, entry.code] as const] : [])).slice(0, 16),
);
const keys: (readonly [CodeSpace, number])[] = [];
for (let i = 0; i < 16; i += 1) for (const list of perSpace) if (list[i] !== undefined) keys.push(list[i] as readonly [CodeSpace, number]);

// The baseline: the same two-level lookup with nothing around it.
const raw = new Map<string, Map<number, unknown>>();
for (const [space, code] of keys) {
  const inner = raw.get(space) ?? new Map<number, unknown>();
  inner.set(code, catalogs[space].entries.find((entry) => entry.code === code));
  raw.set(space, inner);
}

for (const [space, code] of keys) if (!classify(space, code).known) throw new Error(`bench key ${space} ${code} is not known`);

bench('classify(space, code)', () => {
  for (const [space, code] of keys) do_not_optimize(classify(space, code));
});
bench('Map.get(space).get(code)', () => {
  for (const [space, code] of keys) do_not_optimize(raw.get(space)?.get(code));
});

const { benchmarks } = await run();
const perOp = (name: string): number => {
  const trial = benchmarks.find((b) => b.alias === name);
  const stats = trial?.runs[0]?.stats;
  if (stats === undefined) throw new Error(`no result for ${name}`);
  return stats.avg / keys.length;
};
const classifyNs = perOp('classify(space, code)');
const mapNs = perOp('Map.get(space).get(code)');
const ratio = classifyNs / mapNs;

const cpu = cpus();
const section = `## classify

Command: \`${COMMAND}\`

Machine: Node ${process.version}, ${platform()} ${arch()}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}).

Workload: ${keys.length} known numeric codes from ${perSpace.filter((list) => list.length > 0).length} spaces, interleaved; each iteration classifies all of them. Figures are mean time per code.

| what | ns/op |
|---|---|
| \`classify(space, code)\` | ${classifyNs.toFixed(2)} |
| \`Map.get(space).get(code)\` (baseline, same keys, same run) | ${mapNs.toFixed(2)} |
| ratio | ${ratio.toFixed(2)}× (target ≤ 2×) |
`;

await writeSection('classify', section);
process.stdout.write(`\nclassify ${classifyNs.toFixed(2)} ns/op, Map.get ${mapNs.toFixed(2)} ns/op, ratio ${ratio.toFixed(2)}x\n`);
