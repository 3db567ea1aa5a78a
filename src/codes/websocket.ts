/**
 * WebSocket close codes (the `websocket` space): RFC 6455 §7.4.1, the IANA registry additions
 * (1012-1015, 3000/3003/3008) and the two blocks left to libraries and applications.
 * `details.reservedLocal` marks codes an endpoint reports locally and must never put in a close frame.
 */
import type { Catalog, Phase } from './types.js';

const OPEN: readonly Phase[] = ['handshake', 'stream', 'keepalive'];
const ANY: readonly Phase[] = ['connect', 'handshake', 'stream', 'keepalive'];

const RECONNECTS = 'Nothing to do at first: the client reconnects by itself. If it keeps happening, check the server logs and the network path.';
const WAITS = 'Nothing to do: the client waits, then reconnects. If it lasts, the server needs more capacity or attention.';

export const websocketCatalog: Catalog = {
  space: 'websocket',
  title: 'WebSocket close codes',
  source: 'RFC 6455 §7.4.1 and the IANA "WebSocket Close Code Number Registry" (1012-1015, 3000-3999 registrations)',
  format: 'decimal',
  notes: [
    '1004 is reserved with no meaning; 1005, 1006 and 1015 are never sent on the wire, an endpoint reports them locally.',
    '1012-1014 were registered with IANA after RFC 6455; 3000 (Unauthorized), 3003 (Forbidden) and 3008 (Timeout) are IANA registrations in the library range.',
    'Codes 3000-3999 are registered by libraries and frameworks, 4000-4999 are private to an application: the ranges give them a bounded retry unless an exact entry or the protocol profile says more.',
  ],
  entries: [
    {
      code: 1000, name: 'NORMAL_CLOSURE', summary: 'The connection was closed on purpose and the work is done.',
      severity: 'info', phases: OPEN, category: 'session', outcome: 'ended',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1001, name: 'GOING_AWAY', summary: 'The server is going down or the page is being left.',
      severity: 'warning', phases: OPEN, category: 'server', outcome: 'retry', fix: RECONNECTS,
      details: { source: 'RFC 6455' },
    },
    {
      code: 1002, name: 'PROTOCOL_ERROR', summary: 'The peer saw a frame that breaks the WebSocket protocol.',
      severity: 'error', phases: OPEN, category: 'client', outcome: 'fatal',
      fix: 'Check client and server versions, and any proxy that rewrites WebSocket traffic.',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1003, name: 'UNSUPPORTED_DATA', summary: 'The peer cannot accept the kind of data it was sent (text vs binary).',
      severity: 'error', phases: OPEN, category: 'client', outcome: 'fatal',
      fix: 'Make sure the client speaks the message format the server expects.',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1004, name: 'RESERVED', summary: 'A reserved close code with no defined meaning.',
      severity: 'warning', phases: OPEN, category: 'internal', outcome: 'retry', fix: RECONNECTS,
      details: { source: 'RFC 6455' },
    },
    {
      code: 1005, name: 'NO_STATUS_RECEIVED', summary: 'The connection closed without a close code.',
      severity: 'warning', phases: OPEN, category: 'network', outcome: 'retry', fix: RECONNECTS,
      details: { source: 'RFC 6455', reservedLocal: true },
    },
    {
      code: 1006, name: 'ABNORMAL_CLOSURE', summary: 'The connection dropped without a closing handshake.',
      severity: 'warning', phases: ANY, category: 'network', outcome: 'retry',
      fix: 'If it repeats, check the network path and any proxy or load balancer idle timeout.',
      details: { source: 'RFC 6455', reservedLocal: true },
    },
    {
      code: 1007, name: 'INVALID_FRAME_PAYLOAD_DATA', summary: 'A message carried data that does not match its type (for example bad UTF-8).',
      severity: 'error', phases: OPEN, category: 'client', outcome: 'fatal',
      fix: 'Check the encoding of text messages on both sides.',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1008, name: 'POLICY_VIOLATION', summary: 'The server closed the connection because it breaks a server policy.',
      severity: 'error', phases: OPEN, category: 'policy', outcome: 'fatal',
      fix: 'Ask the server administrator which policy applies (origin, access rules, message rules).',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1009, name: 'MESSAGE_TOO_BIG', summary: 'A message was larger than the peer accepts.',
      severity: 'error', phases: OPEN, category: 'client', outcome: 'fatal',
      fix: 'Lower the message size the client sends, or raise the limit on the server.',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1010, name: 'MANDATORY_EXTENSION', summary: 'The client needed a WebSocket extension the server did not agree to.',
      severity: 'error', phases: ['handshake'], category: 'client', outcome: 'fatal',
      fix: 'Enable the extension on the server or stop requiring it in the client.',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1011, name: 'INTERNAL_ERROR', summary: 'The server hit an unexpected error.',
      severity: 'warning', phases: OPEN, category: 'server', outcome: 'retry',
      fix: 'If it repeats, check the server logs; the close reason may carry a protocol code.',
      details: { source: 'RFC 6455' },
    },
    {
      code: 1012, name: 'SERVICE_RESTART', summary: 'The server is restarting.',
      severity: 'warning', phases: OPEN, category: 'server', outcome: 'retry-later', retryAfterMs: 5000, fix: WAITS,
      details: { source: 'IANA' },
    },
    {
      code: 1013, name: 'TRY_AGAIN_LATER', summary: 'The server is overloaded for now and asks the client to come back later.',
      severity: 'warning', phases: OPEN, category: 'capacity', outcome: 'retry-later', retryAfterMs: 10000, fix: WAITS,
      details: { source: 'IANA' },
    },
    {
      code: 1014, name: 'BAD_GATEWAY', summary: 'A gateway or proxy got a bad answer from the server behind it.',
      severity: 'warning', phases: OPEN, category: 'upstream', outcome: 'retry',
      fix: 'If it repeats, check the server behind the gateway.',
      details: { source: 'IANA' },
    },
    {
      code: 1015, name: 'TLS_HANDSHAKE', summary: 'The TLS handshake failed (for example the certificate could not be verified).',
      severity: 'error', phases: ['connect'], category: 'tls', outcome: 'fatal',
      fix: 'Check the server certificate, its chain and name, and the client clock; the socket error gives the precise cause.',
      details: { source: 'RFC 6455', reservedLocal: true },
    },
    {
      code: 3000, name: 'UNAUTHORIZED', summary: 'The server needs valid credentials for this connection.',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Sign in again or refresh the access token.',
      details: { source: 'IANA' },
    },
    {
      code: 3003, name: 'FORBIDDEN', summary: 'The credentials are valid but do not allow this connection.',
      severity: 'error', phases: ['handshake', 'stream'], category: 'auth', outcome: 'fatal',
      fix: 'Ask an administrator for access.',
      details: { source: 'IANA' },
    },
    {
      code: 3008, name: 'TIMEOUT', summary: 'The server closed the connection after a timeout.',
      severity: 'warning', phases: OPEN, category: 'network', outcome: 'retry', fix: RECONNECTS,
      details: { source: 'IANA' },
    },
  ],
  ranges: [
    {
      from: 3000, to: 3999, name: 'REGISTERED_LIBRARY_CODE', summary: 'A close code registered by a library or framework.',
      severity: 'warning', phases: OPEN, category: 'server', outcome: 'retry', fix: RECONNECTS,
    },
    {
      from: 4000, to: 4999, name: 'PRIVATE_USE_CODE', summary: 'An application-defined close code.',
      severity: 'warning', phases: OPEN, category: 'server', outcome: 'retry', fix: RECONNECTS,
    },
  ],
};
