/**
 * Why each outcome in src/codes/guacamole-close.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const guacamoleCloseRationales: Rationales = {
  entries: {
    POLICY_CLOSE_WITHOUT_STATUS: 'guacamole-client closes with 1008 only for 513, 517, 521, 769, 771 and 797, with the status as the reason; without it any of them is possible and none is a plain retry (three need the user, 769 new credentials, 771 an admin), so the client asks the user instead of reconnecting at once, and never replays credentials by itself.',
    DISCONNECT_WITHOUT_STATUS: 'guacd 1.5 sends its 519 or 769 only to users that finished joining, so a desktop it cannot reach or sign in to gets only `disconnect`. The desktop may be restarting (retry within the policy), or the password wrong (the retries run out and the session fails with this cause); the SDK never reads it as SUCCESS. No credential of the SDK\'s is replayed: the desktop password lives in the gateway\'s settings.',
  },
};
