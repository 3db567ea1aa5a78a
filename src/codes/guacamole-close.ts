/**
 * How the SDK reads a Guacamole WebSocket close 1008 whose reason carries no numeric status. Not a vendor
 * status (the `guacamole` catalog lists exactly the vendor's): the SDK's own reading, kept as data (its rationale is
 * docs-only, in src/docs-gen/rationales/guacamole-close.ts). Its own module so that profiles without Guacamole do not
 * carry the Guacamole catalog.
 */
import type { CodeEntry } from './types.js';

/** The statuses guacamole-client's WebSocket tunnel closes with 1008 (GuacamoleStatus websocketCode). */
export const GUACAMOLE_POLICY_CLOSE_STATUSES = [513, 517, 521, 769, 771, 797] as const;

export const guacamolePolicyCloseWithoutStatus: CodeEntry = {
  code: 'POLICY_CLOSE_WITHOUT_STATUS', name: 'POLICY_CLOSE_WITHOUT_STATUS',
  summary: 'The gateway refused the tunnel by policy (close 1008) without saying why: the connection may be in use elsewhere or at its limit, the gateway busy, or sign-in or permission refused.',
  severity: 'warning', phases: ['connect', 'handshake', 'stream'], category: 'policy', outcome: 'user-decision',
  fix: 'Close other tabs or sessions using this connection, then try again; if it repeats, the gateway log names the status (sign-in, permission or connection limit).',
  details: { websocketCode: 1008, statuses: [...GUACAMOLE_POLICY_CLOSE_STATUSES], nameSource: 'sdk' },
};

/**
 * How the SDK reads a Guacamole `disconnect` that arrives before the display streamed (before the first `sync`):
 * guacd said goodbye to a connection it never completed, without a status. Not a goodbye: a failed attempt.
 */
export const guacamoleDisconnectWithoutStatus: CodeEntry = {
  code: 'DISCONNECT_WITHOUT_STATUS', name: 'DISCONNECT_WITHOUT_STATUS',
  summary: 'The gateway could not reach or sign in to the remote desktop, and gave no status (guacd sent only disconnect before the display started).',
  severity: 'error', phases: ['handshake'], category: 'upstream', outcome: 'retry',
  fix: 'Check that the remote desktop is running and reachable from guacd (host name and port in the connection settings), and the connection\'s credentials (a VNC or RDP password that is wrong, or missing where the desktop requires one); guacd\'s log (syslog) names which.',
  details: { instruction: 'disconnect', before: 'first sync', nameSource: 'sdk' },
};
