/** The simulate benchmark's baselines do the work their rows claim, and its section reads its own figures. */
import { describe, expect, it } from 'vitest';
import { BASELINES, renderSimulateSection, runBaseline, SCENARIOS } from '../../../bench/simulate.bench.js';
import type { SimulateBenchResult } from '../../../bench/simulate.bench.js';

describe('simulate bench', () => {
  it('the one-state baselines fire once per cadence over the horizon, re-entering or re-arming a raised event', () => {
    expect(runBaseline({ kind: 'one-state', cadenceMs: 1_500 }, 60_000)).toBe(40);
    expect(runBaseline({ kind: 'one-state-raise', cadenceMs: 1_500 }, 60_000)).toBe(40);
  });

  it('the DESIGN §4 baseline reaches ready and stays there for the horizon (it throws otherwise)', () => {
    expect(runBaseline({ kind: 'design', cadenceMs: 500 }, 60_000)).toBe(120);
    expect(runBaseline({ kind: 'design', cadenceMs: 1_500 }, 60_000)).toBe(40);
    expect(runBaseline({ kind: 'design', cadenceMs: 10_000 }, 60_000)).toBe(6);
  });

  it('the outage baselines make one attempt per backoff and answer each on the next clock turn', () => {
    // t=0, then every 8.8 s up to t=60 s: 0, 8.8, 17.6, 26.4, 35.2, 44, 52.8 (the default policy's outage cadence).
    expect(runBaseline({ kind: 'design-refused', cadenceMs: 8_800 }, 60_000)).toBe(7);
    expect(runBaseline({ kind: 'design-closed', cadenceMs: 8_800 }, 60_000)).toBe(7);
  });

  it('renders one row per scenario and baseline, with simulated minutes per CPU second from the warm time', () => {
    const result: SimulateBenchResult = {
      scenarios: SCENARIOS.map((s, i) => ({ name: s.name, script: s.script, connections: i, coldMs: 600, warmMs: 60 * (i + 1) })),
      bare: BASELINES.map((b) => ({ name: `${b.kind} ${b.cadenceMs}`, script: 'x', connections: 0, coldMs: 120, warmMs: 30, count: 7, outage: b.kind.startsWith('design-') })),
    };
    const section = renderSimulateSection(result);
    expect(section.startsWith('## simulate\n')).toBe(true);
    // 60 ms of CPU for 60 simulated minutes: 1,000 simulated minutes per CPU second, meeting the target.
    expect(section).toContain(`| ${SCENARIOS[0]!.name} | \`${SCENARIOS[0]!.script}\` | 0 | 60.0 ms | 1,000 (cold 100) | yes |`);
    expect(section).toContain(`| ${SCENARIOS[1]!.name} | \`${SCENARIOS[1]!.script}\` | 1 | 120.0 ms | 500 (cold 100) | no |`);
    expect(section.match(/^\| baseline: /gm)).toHaveLength(BASELINES.length);
  });
});
