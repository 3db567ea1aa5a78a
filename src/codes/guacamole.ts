/**
 * Apache Guacamole protocol status codes (the `guacamole` space), as sent in `error`
 * instructions, stream acks and the WebSocket close reason. Decimal, as the gateway prints them.
 * `details.httpStatus` / `details.websocketCode` are the pairing guacamole-client's
 * GuacamoleStatus enum uses for each status.
 */
import type { Catalog } from './types.js';

export const guacamoleCatalog: Catalog = {
  space: 'guacamole',
  title: 'Apache Guacamole status codes',
  source: 'Guacamole protocol status codes as a PAM gateway documents them (seed 000); HTTP and WebSocket pairings from apache/guacamole-client GuacamoleStatus.java',
  format: 'decimal',
  notes: [
    'The seed document says "PAM" where upstream Guacamole says "Guacamole"; summaries here say "the gateway".',
    'Codes are decimal on the wire (519); upstream source writes them in hex (0x0207), kept in details.hex.',
    'A WebSocket close without a numeric reason is read as guacamole-common-js does (1000 → 0, 1006/1015 → 519, 1001/1012-1014 → 520, others → 512), except 1008: guacamole-client sends 1008 only for 513, 517, 521, 769, 771 and 797 (always with the status as the reason), none a plain retry, so a bare 1008 is the SDK\'s POLICY_CLOSE_WITHOUT_STATUS (src/codes/guacamole-close.ts): user-decision, never an automatic reconnect and never a credential replay.',
  ],
  entries: [
    {
      code: 0, name: 'SUCCESS',
      summary: 'The request went through.',
      severity: 'info', phases: ['connect', 'handshake', 'stream'], category: 'success', outcome: 'ok',
      details: { hex: '0x0000', httpStatus: 200, websocketCode: 1000 },
    },
    {
      code: 256, name: 'UNSUPPORTED',
      summary: 'The gateway does not support what the client asked for.',
      severity: 'error', phases: ['handshake', 'stream'], category: 'client', outcome: 'fatal',
      fix: 'Check that the client and gateway versions match and the protocol option is enabled on the gateway.',
      details: { hex: '0x0100', httpStatus: 501, websocketCode: 1011 },
    },
    {
      code: 512, name: 'SERVER_ERROR',
      summary: 'The gateway hit an internal failure.',
      severity: 'error', phases: ['connect', 'handshake', 'stream'], category: 'server', outcome: 'retry',
      fix: 'If it keeps happening, check the gateway (guacd) logs.',
      details: { hex: '0x0200', httpStatus: 500, websocketCode: 1011 },
    },
    {
      code: 513, name: 'SERVER_BUSY',
      summary: 'The gateway is too busy to take this connection now.',
      severity: 'warning', phases: ['connect', 'handshake'], category: 'capacity', outcome: 'retry-later', retryAfterMs: 5000,
      fix: 'Wait a moment and reconnect; if it persists, the gateway needs more capacity.',
      details: { hex: '0x0201', httpStatus: 503, websocketCode: 1008 },
    },
    {
      code: 514, name: 'UPSTREAM_TIMEOUT',
      summary: 'The remote desktop stopped answering the gateway.',
      severity: 'warning', phases: ['connect', 'handshake', 'stream', 'keepalive'], category: 'upstream', outcome: 'retry',
      fix: 'Check that the remote desktop is running and reachable from the gateway.',
      details: { hex: '0x0202', httpStatus: 504, websocketCode: 1011 },
    },
    {
      code: 515, name: 'UPSTREAM_ERROR',
      summary: 'The remote desktop reported an error to the gateway.',
      severity: 'warning', phases: ['connect', 'handshake', 'stream'], category: 'upstream', outcome: 'retry',
      fix: 'If it repeats, check the remote desktop server and the gateway logs.',
      details: { hex: '0x0203', httpStatus: 502, websocketCode: 1011 },
    },
    {
      code: 516, name: 'RESOURCE_NOT_FOUND',
      summary: 'Something the request refers to (a connection, tunnel or stream) does not exist.',
      severity: 'error', phases: ['connect', 'stream'], category: 'resource', outcome: 'fatal',
      fix: 'Check the connection identifier the client is using, or pick the connection again.',
      details: { hex: '0x0204', httpStatus: 404, websocketCode: 1002 },
    },
    {
      code: 517, name: 'RESOURCE_CONFLICT',
      summary: 'The connection is already in use or at its concurrency limit.',
      severity: 'warning', phases: ['connect'], category: 'capacity', outcome: 'user-decision',
      fix: 'Close the other session using this connection, or wait for it to finish and try again.',
      details: { hex: '0x0205', httpStatus: 409, websocketCode: 1008 },
    },
    {
      code: 518, name: 'RESOURCE_CLOSED',
      summary: 'The stream or resource in use was closed by the other side.',
      severity: 'warning', phases: ['stream'], category: 'resource', outcome: 'ended',
      details: { hex: '0x0206', httpStatus: 404, websocketCode: 1002 },
    },
    {
      code: 519, name: 'UPSTREAM_NOT_FOUND',
      summary: 'The gateway could not reach the remote desktop over the network.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check the remote host name, that it is powered on, and that the gateway can route to it.',
      details: { hex: '0x0207', httpStatus: 502, websocketCode: 1011 },
    },
    {
      code: 520, name: 'UPSTREAM_UNAVAILABLE',
      summary: 'The remote desktop is refusing connections for now.',
      severity: 'warning', phases: ['connect'], category: 'upstream', outcome: 'retry-later', retryAfterMs: 10000,
      fix: 'Wait for the remote desktop to accept connections again; check its service and connection limits.',
      details: { hex: '0x0208', httpStatus: 502, websocketCode: 1011 },
    },
    {
      code: 521, name: 'SESSION_CONFLICT',
      summary: 'Another session took over this desktop session.',
      severity: 'warning', phases: ['stream'], category: 'session', outcome: 'user-decision',
      fix: 'Decide whether to take the session back; the other session will be disconnected.',
      details: { hex: '0x0209', httpStatus: 409, websocketCode: 1008 },
    },
    {
      code: 522, name: 'SESSION_TIMEOUT',
      summary: 'The desktop session was ended for inactivity.',
      severity: 'info', phases: ['stream', 'keepalive'], category: 'session', outcome: 'ended',
      details: { hex: '0x020A', httpStatus: 408, websocketCode: 1002 },
    },
    {
      code: 523, name: 'SESSION_CLOSED',
      summary: 'The desktop session was closed by the server or an administrator.',
      severity: 'info', phases: ['stream'], category: 'session', outcome: 'ended',
      details: { hex: '0x020B', httpStatus: 404, websocketCode: 1002 },
    },
    {
      code: 768, name: 'CLIENT_BAD_REQUEST',
      summary: 'The client sent parameters the gateway rejects.',
      severity: 'error', phases: ['connect', 'handshake'], category: 'client', outcome: 'fatal',
      fix: 'Check the connection parameters the client sends (size, DPI, protocol options).',
      details: { hex: '0x0300', httpStatus: 400, websocketCode: 1002 },
    },
    {
      code: 769, name: 'CLIENT_UNAUTHORIZED',
      summary: 'Sign-in is required before connecting (to the gateway or to the remote desktop).',
      severity: 'error', phases: ['connect', 'handshake'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Sign in again or provide the remote desktop credentials.',
      details: { hex: '0x0301', httpStatus: 403, websocketCode: 1008 },
    },
    {
      code: 771, name: 'CLIENT_FORBIDDEN',
      summary: 'This user is not allowed to do this, whoever signs in.',
      severity: 'error', phases: ['connect', 'handshake'], category: 'auth', outcome: 'fatal',
      fix: 'Ask an administrator to grant access to this connection.',
      details: { hex: '0x0303', httpStatus: 403, websocketCode: 1008 },
    },
    {
      code: 776, name: 'CLIENT_TIMEOUT',
      summary: 'The gateway gave up waiting for this client to respond.',
      severity: 'warning', phases: ['stream', 'keepalive'], category: 'network', outcome: 'retry',
      fix: 'Check the client\'s network; keep the browser tab active.',
      details: { hex: '0x0308', httpStatus: 408, websocketCode: 1002 },
    },
    {
      code: 781, name: 'CLIENT_OVERRUN',
      summary: 'The client sent more data than the protocol allows.',
      severity: 'error', phases: ['stream'], category: 'client', outcome: 'fatal',
      fix: 'Reduce the size of uploads or clipboard data, or raise the gateway limit.',
      details: { hex: '0x030D', httpStatus: 413, websocketCode: 1009 },
    },
    {
      code: 783, name: 'CLIENT_BAD_TYPE',
      summary: 'The client sent data of a type the gateway does not accept.',
      severity: 'error', phases: ['stream'], category: 'client', outcome: 'fatal',
      fix: 'Check the client version against the gateway; this is a client bug or mismatch.',
      details: { hex: '0x030F', httpStatus: 415, websocketCode: 1003 },
    },
    {
      code: 797, name: 'CLIENT_TOO_MANY',
      summary: 'This user already has as many connections (or streams) open as the gateway allows, usually this connection in another tab.',
      severity: 'warning', phases: ['connect', 'stream'], category: 'capacity', outcome: 'user-decision',
      fix: 'Close the other tab or session using this connection, then connect again.',
      details: { hex: '0x031D', httpStatus: 429, websocketCode: 1008 },
    },
  ],
};
