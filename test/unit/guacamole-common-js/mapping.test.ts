import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/index.js';
import { guacamoleCatalog } from '../../../src/codes/guacamole.js';
import { guacamoleLiteVocabulary } from '../../../src/codes/guacamole-lite.js';
import { SessionStatus, TUNNEL_STATE, guacamoleStatusCode, tunnelStateFor } from '../../../src/guacamole-common-js/index.js';
import { CATEGORIES } from '../../../src/codes/types.js';
import type { Classification } from '../../../src/codes/types.js';

const { CONNECTING, OPEN, CLOSED, UNSTABLE } = TUNNEL_STATE;

describe('tunnelStateFor', () => {
  it.each([
    ['idle', false, false, CLOSED],
    ['connecting', false, false, CONNECTING],
    ['transient-failure', false, false, CONNECTING],
    ['ready', false, false, OPEN],
    ['ready', true, true, UNSTABLE],
    ['connecting', false, true, UNSTABLE],
    ['transient-failure', false, true, UNSTABLE],
    ['shutdown', false, true, CLOSED],
    ['shutdown', true, false, CLOSED],
  ] as const)('maps %s (unstable %s, opened before %s) to %i', (connectivity, unstable, opened, state) => {
    expect(tunnelStateFor({ connectivity, unstable, opened })).toBe(state);
  });
});

describe('guacamoleStatusCode', () => {
  it('keeps every numeric Guacamole status as it is', () => {
    for (const entry of guacamoleCatalog.entries) {
      if (typeof entry.code === 'number') expect(guacamoleStatusCode(classify('guacamole', entry.code))).toBe(entry.code);
    }
  });

  it("gives guacamole-lite's text codes a Guacamole status, never NaN", () => {
    const codes = guacamoleLiteVocabulary.entries.map((entry) => guacamoleStatusCode(classify('guacamole', entry.code)));
    expect(codes.every((code) => Number.isInteger(code) && code >= 0x0200)).toBe(true);
    expect(guacamoleStatusCode(classify('guacamole', 'INVALID_TOKEN'))).toBe(769);
    expect(guacamoleStatusCode(classify('guacamole', 'SERVICE_UNAVAILABLE'))).toBe(520);
  });

  it('reads a local condition through via, and any other space by its category', () => {
    const severed = { ...classify('guacamole', 519), via: classify('websocket', 1006) } as Classification;
    expect(guacamoleStatusCode(severed)).toBe(519);
    expect(guacamoleStatusCode(classify('http', 401))).toBe(769);
    expect(guacamoleStatusCode(classify('guacamole', 'DISCONNECT_WITHOUT_STATUS'))).toBe(519);
    for (const category of CATEGORIES) {
      const code = guacamoleStatusCode({ ...classify('http', 500), space: 'http', code: 599, category } as Classification);
      expect(Number.isInteger(code)).toBe(true);
    }
  });

  it('builds a Guacamole.Status-shaped error with the classification and outcome', () => {
    const status = SessionStatus.from({ ...classify('guacamole', 769), message: 'Invalid login' });
    expect(status).toMatchObject({ code: 769, message: 'Invalid login', outcome: 'reauthenticate' });
    expect(status.isError()).toBe(true);
    expect(new SessionStatus(0, 'ok').isError()).toBe(false);
  });
});
