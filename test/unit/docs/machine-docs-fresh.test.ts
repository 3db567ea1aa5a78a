import { readFile, readdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromPromise, setup } from 'xstate';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { chartStateNodes, machineToMermaid, mermaidStateId, renderMachineDoc, renderMachineDocs } from '../../../src/docs-gen/machine-docs.js';
import { SessionError } from '../../../src/errors/index.js';
import { createSessionMachine } from '../../../machines/session.machine.js';
import type { Profile } from '../../../machines/profile.js';
import { guacamoleProfile } from '../../../machines/guacamole/index.js';
import { createFrameProfile, frameProfile } from '../../../machines/frame/index.js';
import { softdriveProfile } from '../../../machines/softdrive/index.js';
import { msraProfile } from '../../../machines/msra/index.js';
import { withTmgGateway } from '../../../machines/tmg/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const STALE = 'docs/machines/ is stale: run npm run docs (or npx tsx scripts/gen-machine-docs.ts)';

const PROFILES: readonly (readonly [string, Profile])[] = [
  ['guacamole', guacamoleProfile],
  ['frame (FRP 8)', frameProfile],
  ['frame (FRP 7)', createFrameProfile({ frp: 7 })],
  ['softdrive', softdriveProfile],
  ['msra', msraProfile],
  ['guacamole behind tmg', withTmgGateway(guacamoleProfile)],
];

/** Every state node below the root, walked here independently of the renderer. */
function nodesOf(machine: AnyStateMachine): AnyStateNode[] {
  const all: AnyStateNode[] = [];
  const walk = (node: AnyStateNode): void => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      all.push(child);
      walk(child);
    }
  };
  walk(machine.root);
  return all;
}

function edgeLines(chart: string): { from: string; to: string; label: string }[] {
  return chart.split('\n').flatMap((line) => {
    const match = /^\s*(\S+) --> (\S+)(?: : (.*))?$/.exec(line);
    return match === null ? [] : [{ from: match[1]!, to: match[2]!, label: match[3] ?? '' }];
  });
}

function declaredIds(chart: string): Set<string> {
  return new Set([...chart.matchAll(/^\s*state "[^"]*" as (\S+)/gm)].map((m) => m[1]!));
}

describe('renderMachineDocs', () => {
  it('matches every file in docs/machines/, so the pages cannot go stale', async () => {
    for (const doc of renderMachineDocs()) {
      const onDisk = await readFile(resolve(repoRoot, doc.path), 'utf8').catch(() => `(missing ${doc.path})`);
      expect(onDisk, `${doc.path}: ${STALE}`).toBe(doc.content);
    }
  });

  it('leaves no page in docs/machines/ that the generator no longer writes', async () => {
    const written = new Set(renderMachineDocs().map((doc) => doc.path));
    const present = (await readdir(resolve(repoRoot, 'docs/machines'))).filter((f) => f.endsWith('.md')).map((f) => `docs/machines/${f}`);
    expect(present.filter((path) => !written.has(path)), STALE).toEqual([]);
  });

  it('renders the same pages on every call (stable order)', () => {
    expect(renderMachineDocs()).toEqual(renderMachineDocs());
  });
});

describe('machineToMermaid on the profile machines', () => {
  for (const [name, profile] of PROFILES) {
    const machine = createSessionMachine(profile);
    const chart = machineToMermaid(machine);

    it(`declares every state node of the ${name} machine, under its own key`, () => {
      const nodes = nodesOf(machine);
      expect(nodes.length).toBeGreaterThan(15);
      for (const node of nodes) expect(chart, node.id).toContain(`state "${node.key}" as ${mermaidStateId(node.id)}`);
      expect(declaredIds(chart).size).toBe(nodes.length);
    });

    it(`draws an edge for every transition that changes state in the ${name} machine`, () => {
      const edges = new Set(edgeLines(chart).map((e) => `${e.from} --> ${e.to}`));
      for (const node of nodesOf(machine)) {
        const candidates = [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
        for (const t of candidates) {
          for (const target of t.target ?? []) expect(edges, `${node.id} → ${target.id}`).toContain(`${mermaidStateId(node.id)} --> ${mermaidStateId(target.id)}`);
        }
      }
    });

    it(`keeps the ${name} chart well formed: declared ids, balanced blocks, initials, finals and regions`, () => {
      const declared = declaredIds(chart);
      for (const edge of edgeLines(chart)) {
        if (edge.from !== '[*]') expect(declared, edge.from).toContain(edge.from);
        if (edge.to !== '[*]') expect(declared, edge.to).toContain(edge.to);
        expect(edge.label, `${edge.from} --> ${edge.to}`).not.toMatch(/[:;#]/);
      }
      const nodes = nodesOf(machine);
      expect(chart.split('{').length).toBe(chart.split('}').length);
      expect(edgeLines(chart).filter((e) => e.from === '[*]')).toHaveLength(1 + nodes.filter((n) => n.type === 'compound').length);
      expect(edgeLines(chart).filter((e) => e.to === '[*]').map((e) => e.from)).toEqual(nodes.filter((n) => n.type === 'final').map((n) => mermaidStateId(n.id)));
      const regions = nodes.filter((n) => n.type === 'parallel').reduce((sum, n) => sum + Object.keys(n.states).length - 1, 0);
      expect(chart.split('\n').filter((line) => line.trim() === '--')).toHaveLength(regions);
    });
  }

  it('follows the profile steps: one state per step, each timing out by its named delay', () => {
    const chart = machineToMermaid(createSessionMachine(softdriveProfile));
    for (const step of softdriveProfile.steps) {
      expect(chart).toMatch(new RegExp(`session_active_online_handshaking_${step.id} --> session_active_fault : .*after step\\.${step.id}`));
    }
  });
});

describe('machineToMermaid on a small machine', () => {
  const fixture = setup({
    types: { events: {} as { type: 'go' } | { type: 'tick' } | { type: 'stop' } },
    actors: { load: fromPromise(async () => 1) },
    guards: { isBusy: () => false, hasRoom: (_, _params: { slots: number }) => true },
    delays: { patience: 300 },
  }).createMachine({
    id: 'demo',
    initial: 'waiting-room',
    states: {
      'waiting-room': {
        after: { patience: 'loading', 50: 'done' },
        on: { go: [{ guard: 'isBusy', target: 'done' }, { target: 'loading' }], tick: {} },
      },
      loading: { invoke: { src: 'load', onDone: 'both', onError: 'done' } },
      both: {
        type: 'parallel',
        states: {
          left: { initial: 'a', states: { a: { always: { guard: { type: 'hasRoom', params: { slots: 2 } }, target: 'b' } }, b: {} } },
          right: { initial: 'c', states: { c: { on: { stop: '#demo.done' } } } },
        },
      },
      done: { type: 'final' },
    },
  });
  const chart = machineToMermaid(fixture);

  it('shows after transitions by their named delay, numeric delays in ms, and invoke results by actor', () => {
    expect(chart).toContain('demo_waiting_room --> demo_loading : go [else]<br/>after patience\n');
    expect(chart).toContain('demo_waiting_room --> demo_done : go [isBusy]<br/>after 50 ms\n');
    expect(chart).toContain('demo_loading --> demo_both : done load\n');
    expect(chart).toContain('demo_loading --> demo_done : error load\n');
  });

  it('shows always transitions as their guard with its params, and leaves targetless ones out', () => {
    expect(chart).toContain('demo_both_left_a --> demo_both_left_b : [hasRoom(slots=2)]\n');
    expect(chart).not.toContain('tick');
  });

  it('nests compound and parallel states, with initials, a region divider and the final', () => {
    expect(chart).toBe([
      'stateDiagram-v2',
      '  [*] --> demo_waiting_room',
      '  state "waiting-room" as demo_waiting_room',
      '  state "loading" as demo_loading',
      '  state "both" as demo_both {',
      '    state "left" as demo_both_left {',
      '      [*] --> demo_both_left_a',
      '      state "a" as demo_both_left_a',
      '      state "b" as demo_both_left_b',
      '    }',
      '    --',
      '    state "right" as demo_both_right {',
      '      [*] --> demo_both_right_c',
      '      state "c" as demo_both_right_c',
      '    }',
      '  }',
      '  state "done" as demo_done',
      '  demo_done --> [*]',
      '',
    ].join('\n') + chart.slice(chart.indexOf('  demo_waiting_room -->')));
    expect(chartStateNodes(fixture).map((n) => n.id)).toEqual(nodesOf(fixture).map((n) => n.id));
  });

  it('rejects a machine whose state ids would collide in the chart', () => {
    const clash = setup({}).createMachine({ id: 'm', initial: 'a-b', states: { 'a-b': {}, a_b: {} } });
    expect(() => machineToMermaid(clash)).toThrow(SessionError);
    expect(() => machineToMermaid(clash)).toThrow(/m\.a-b and m\.a_b/);
  });
});

describe('renderMachineDoc', () => {
  function section(page: string, title: string): string {
    const start = page.indexOf(`## ${title}\n`);
    expect(start, title).toBeGreaterThan(0);
    const end = page.indexOf('\n## ', start + 1);
    return page.slice(start, end === -1 ? undefined : end);
  }

  for (const [name, profile] of PROFILES) {
    it(`lists every handshake step of ${name} with its timeout and the name of its timeout code`, () => {
      const steps = section(renderMachineDoc(profile, createSessionMachine(profile)), 'Handshake steps');
      const rows = steps.split('\n').filter((line) => line.startsWith('| `'));
      expect(rows.map((row) => /^\| `([^`]+)`/.exec(row)?.[1])).toEqual(profile.steps.map((s) => s.id));
      profile.steps.forEach((step, i) => {
        expect(rows[i]).toContain(`| ${step.timeoutMs} ms |`);
        expect(rows[i]).toContain(`| ${profile.own(step.timeoutCode).name} |`);
      });
      if (profile.steps.length === 0) expect(steps).toContain('None');
    });
  }

  it('documents every event the machine accepts, and every local condition the profile defines', () => {
    const machine = createSessionMachine(frameProfile);
    const page = renderMachineDoc(frameProfile, machine);
    const events = section(page, 'Events');
    for (const type of machine.root.events.filter((e: string) => !e.startsWith('xstate.'))) expect(events, type).toContain(`| \`${type}\` |`);
    const local = section(page, "Local conditions in the protocol's own codes");
    for (const [key, code] of Object.entries(frameProfile.local)) expect(local, key).toContain(`| \`${key}\` | ${String(code)} | ${frameProfile.own(code).name} |`);
  });

  it('shows the profile retry options over the SDK defaults, saying where each comes from', () => {
    const custom: Profile = { ...softdriveProfile, retry: { maxAttempts: 3 } };
    const policy = section(renderMachineDoc(custom, createSessionMachine(custom)), 'Retry policy defaults');
    expect(policy).toContain('| `maxAttempts` | 3 | the softdrive profile |');
    expect(policy).toContain('| `initialDelayMs` | 1500 (1.5 s) | SDK default (`DEFAULT_RETRY`) |');
  });
});
