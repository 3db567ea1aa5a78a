import { describe, expect, it } from 'vitest';
import { createSessionMachine } from '../../../machines/session.machine.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import { createFrameProfile } from '../../../machines/frame/profile.js';
import { softdriveProfile } from '../../../machines/softdrive/profile.js';
import { msraProfile } from '../../../machines/msra/profile.js';
import { withTmgGateway } from '../../../machines/tmg/gateway.js';
import type { Profile } from '../../../machines/profile.js';
import { allStateNodes, allTransitionKeys, modelMachine, modelPaths, walk } from '../../support/model.js';

/** One code per outcome class the profile can receive as a status (retry, retry-later, auth, decision, ended, fatal). */
const CODES: Readonly<Record<string, readonly number[]>> = {
  guacamole: [515, 513, 769, 521, 523, 771, 0],
  frame: [4029, 4027, 4006, 4018, 4022],
  softdrive: [12, 13, 15, 10, 14, 1],
  msra: [15, 50, 26, 41, 4, 45],
};

const PROFILES: readonly [string, Profile][] = [
  ['guacamole', guacamoleProfile],
  ['frame FRP 8', createFrameProfile({ frp: 8 })],
  ['frame FRP 7', createFrameProfile({ frp: 7 })],
  ['softdrive', softdriveProfile],
  ['msra', msraProfile],
  ['guacamole + tmg', withTmgGateway(guacamoleProfile)],
];

describe('model-based coverage (@xstate/graph shortest paths, walked on real actors)', () => {
  for (const [name, profile] of PROFILES) {
    it(`${name}: the generated paths reach every state and take every transition`, () => {
      // First reconnect immediately (delay 0), the second after 1 s, then stop: every backoff branch is reachable. A
      // keep-alive the machine sends falls due before the link turns unstable only when its interval is the shorter.
      const { intervalMs, unstableAfterMs } = profile.keepAlive;
      const machine = createSessionMachine(profile, {
        retry: { nextDelayMs: ({ attempt }) => (attempt === 1 ? 0 : attempt === 2 ? 1000 : null) },
        ...(intervalMs < unstableAfterMs ? {} : { keepAlive: { intervalMs: unstableAfterMs - 1 } }),
      });
      const { paths } = modelPaths(machine, profile, CODES[profile.id]!);
      const result = walk(machine, paths);
      expect(result.mismatches).toEqual([]);

      const { walked } = modelMachine(machine);
      const states = allStateNodes(walked).map((node) => node.id);
      expect(states.filter((id) => !result.visited.has(id))).toEqual([]);
      const transitions = allTransitionKeys(walked);
      expect(transitions.filter((key) => !result.taken.has(key))).toEqual([]);
      expect(paths.length).toBeGreaterThan(20);
    });
  }
});
