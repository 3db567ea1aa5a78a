/**
 * How the SDK reads a Guacamole WebSocket close 1008 whose reason carries no numeric status. Not a vendor
 * status (the `guacamole` catalog lists exactly the vendor's): the SDK's own reading, kept as data with its
 * rationale. Its own module so that profiles without Guacamole do not carry the Guacamole catalog.
 */
import type { CodeEntry } from './types.js';

/** The statuses guacamole-client's WebSocket tunnel closes with 1008 (GuacamoleStatus websocketCode). */
export const GUACAMOLE_POLICY_CLOSE_STATUSES = [513, 517, 521, 769, 771, 797] as const;

export const guacamolePolicyCloseWithoutStatus: CodeEntry = {
  code: 'POLICY_CLOSE_WITHOUT_STATUS', name: 'POLICY_CLOSE_WITHOUT_STATUS',
  summary: 'The gateway refused the tunnel by policy (close 1008) without saying why: the connection may be in use elsewhere or at its limit, the gateway busy, or sign-in or permission refused.',
  severity: 'warning', phases: ['connect', 'handshake', 'stream'], category: 'policy', outcome: 'user-decision',
  fix: 'Close other tabs or sessions using this connection, then try again; if it repeats, the gateway log names the status (sign-in, permission or connection limit).',
  rationale: 'guacamole-client closes with 1008 only for 513, 517, 521, 769, 771 and 797, with the status as the reason; without it any of them is possible and none is a plain retry (three need the user, 769 new credentials, 771 an admin), so the client asks the user instead of reconnecting at once, and never replays credentials by itself.',
  details: { websocketCode: 1008, statuses: [...GUACAMOLE_POLICY_CLOSE_STATUSES], nameSource: 'sdk' },
};
