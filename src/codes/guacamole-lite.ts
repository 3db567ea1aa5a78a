/**
 * guacamole-lite's own error vocabulary: the text codes its tunnel writes in a Guacamole `error` instruction
 * (`5.error,27.Desktop service unavailable,19.SERVICE_UNAVAILABLE;`) where guacamole-client's Java tunnel would
 * write a decimal status. Not vendor statuses of the `guacamole` space (that catalog lists exactly the seed
 * document's codes): a gateway vocabulary the guacamole profile consults, read in the `guacamole` space by name,
 * as `POLICY_CLOSE_WITHOUT_STATUS` is (codes/guacamole-close.ts). Its own module, so that profiles without
 * Guacamole do not carry it.
 *
 * Every code and message below is what guacamole-lite 1.2.0 writes (`lib/ClientConnection.js`:
 * `sendErrorToClient`, `handleGuacdError`); `details.trigger` says what makes it write each one, and
 * `details.close` the close that follows (after an error it always closes 1011 `Internal server error`).
 */
import type { CodeEntry } from './types.js';

export interface GatewayVocabulary {
  /** The gateway that writes these codes. */
  readonly gateway: 'guacamole-lite';
  /** The protocol space the codes are read in. */
  readonly space: 'guacamole';
  readonly title: string;
  readonly source: string;
  readonly entries: readonly CodeEntry[];
}

const LITE = { gateway: 'guacamole-lite', nameSource: 'guacamole-lite', close: '1011 Internal server error' } as const;

export const guacamoleLiteVocabulary: GatewayVocabulary = {
  gateway: 'guacamole-lite',
  space: 'guacamole',
  title: 'guacamole-lite text error codes',
  source: 'guacamole-lite 1.2.0 lib/ClientConnection.js (sendErrorToClient, handleGuacdError)',
  entries: [
    {
      code: 'SERVICE_UNAVAILABLE', name: 'SERVICE_UNAVAILABLE',
      summary: 'The tunnel could not reach guacd: the desktop service is not running or not listening.',
      severity: 'warning', phases: ['connect', 'handshake'], category: 'server', outcome: 'retry-later', retryAfterMs: 2000,
      fix: 'Check that guacd is running and listening on the host and port the tunnel is configured with (default 4822).',
      details: { ...LITE, message: 'Desktop service unavailable', trigger: 'ECONNREFUSED connecting to guacd' },
    },
    {
      code: 'SERVICE_NOT_FOUND', name: 'SERVICE_NOT_FOUND',
      summary: 'The tunnel could not resolve guacd\'s host name.',
      severity: 'error', phases: ['connect', 'handshake'], category: 'server', outcome: 'retry',
      fix: 'Check the guacd host name in the tunnel\'s configuration (guacdOptions.host) and the tunnel host\'s DNS.',
      details: { ...LITE, message: 'Desktop service not found', trigger: 'ENOTFOUND connecting to guacd' },
    },
    {
      code: 'CONNECTION_TIMEOUT', name: 'CONNECTION_TIMEOUT',
      summary: 'The tunnel\'s connection to guacd timed out.',
      severity: 'warning', phases: ['connect', 'handshake', 'stream'], category: 'server', outcome: 'retry',
      fix: 'Check the network between the tunnel and guacd, and that guacd is not overloaded.',
      details: { ...LITE, message: 'Desktop connection timeout', trigger: 'ETIMEDOUT on the guacd socket' },
    },
    {
      code: 'CONNECTION_RESET', name: 'CONNECTION_RESET',
      summary: 'guacd reset the tunnel\'s connection (guacd crashed or was restarted).',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'server', outcome: 'retry',
      fix: 'If it repeats, check guacd\'s log and whether it is being restarted or killed (out of memory).',
      details: { ...LITE, message: 'Desktop connection reset', trigger: 'ECONNRESET on the guacd socket' },
    },
    {
      code: 'CONNECTION_ERROR', name: 'CONNECTION_ERROR',
      summary: 'The tunnel\'s connection to guacd failed for another reason.',
      severity: 'warning', phases: ['connect', 'handshake', 'stream'], category: 'server', outcome: 'retry',
      fix: 'Check the tunnel\'s log: it names the socket error behind it.',
      details: { ...LITE, message: 'Desktop connection failed', trigger: 'any other error on the guacd socket' },
    },
    {
      code: 'INACTIVITY_TIMEOUT', name: 'INACTIVITY_TIMEOUT',
      summary: 'The tunnel closed the connection after the client sent nothing for its inactivity limit.',
      severity: 'info', phases: ['stream'], category: 'session', outcome: 'ended',
      fix: 'Raise the tunnel\'s maxInactivityTime, or keep the client sending (the SDK\'s keep-alive does).',
      details: { ...LITE, message: 'Connection timeout due to inactivity', trigger: 'an error without code whose message says "inactive" (guacamole-lite 1.2.0 closes its own inactivity timeout with 1011 and no instruction)' },
    },
    {
      code: 'HANDSHAKE_ERROR', name: 'HANDSHAKE_ERROR',
      summary: 'The handshake between the tunnel and guacd failed.',
      severity: 'error', phases: ['handshake'], category: 'server', outcome: 'retry',
      fix: 'Check that the tunnel and guacd versions are compatible and guacd\'s log for the refused handshake.',
      details: { ...LITE, message: 'Desktop handshake failed', trigger: 'an error without code whose message says "handshake"' },
    },
    {
      code: 'CONFIG_ERROR', name: 'CONFIG_ERROR',
      summary: 'The tunnel refused the connection settings (its processConnectionSettings callback failed).',
      severity: 'error', phases: ['connect'], category: 'client', outcome: 'fatal',
      fix: 'Check the connection settings in the token against what the tunnel\'s processConnectionSettings accepts.',
      details: { ...LITE, message: 'Connection configuration error', trigger: 'processConnectionSettings called back with an error' },
    },
    {
      code: 'INVALID_TOKEN', name: 'INVALID_TOKEN',
      summary: 'The tunnel could not decrypt or read the connection token.',
      severity: 'error', phases: ['connect'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Get a fresh token from the application (it is encrypted with the tunnel\'s key; a key change or an expired or mangled token is refused).',
      details: { ...LITE, message: 'Token validation failed', trigger: 'the token does not decrypt or parse' },
    },
  ],
};
