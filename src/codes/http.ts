/**
 * HTTP statuses a session meets on its WebSocket upgrade request (the `http` space).
 * Only 101 means success here: any other answer means the upgrade did not happen.
 * Names are the RFC 9110 reason phrases in constant form; `details.reason` keeps the phrase.
 */
import type { Catalog, Phase } from './types.js';

const UPGRADE: readonly Phase[] = ['connect', 'handshake'];

const RECONNECTS = 'Nothing to do at first: the client reconnects by itself. If it keeps happening, check the server and any proxy in front of it.';
const WAITS = 'Nothing to do: the client waits (longer if the server sends Retry-After), then reconnects. If it lasts, the server needs attention.';

export const httpCatalog: Catalog = {
  space: 'http',
  title: 'HTTP status codes on the WebSocket upgrade',
  source: 'RFC 9110 (HTTP semantics), RFC 6585 (429, 431, 511), RFC 6455 §4.1 (a client fails the connection on any status other than 101)',
  format: 'decimal',
  notes: [
    'The outcomes describe an answer to the upgrade request, not to an ordinary page load: 200 is a failure here.',
    'A Retry-After header raises retryAfterMs (classify reads it with parseRetryAfter); the floors below apply when there is none.',
    'Statuses without an entry fall in a class range: 1xx, 2xx, 3xx and 4xx are fatal, 5xx a bounded retry.',
  ],
  entries: [
    {
      code: 101, name: 'SWITCHING_PROTOCOLS', summary: 'The server accepted the WebSocket upgrade.',
      severity: 'info', phases: UPGRADE, category: 'success', outcome: 'ok',
      details: { reason: 'Switching Protocols' },
    },
    {
      code: 200, name: 'OK', summary: 'The server answered like a normal web page instead of upgrading to WebSocket.',
      severity: 'error', phases: UPGRADE, category: 'server', outcome: 'fatal',
      fix: 'Check the URL path, and that no proxy strips the Upgrade and Connection headers.',
      details: { reason: 'OK' },
    },
    {
      code: 301, name: 'MOVED_PERMANENTLY', summary: 'The server redirected the WebSocket upgrade to another URL.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Use the final URL (the Location header) as the session URL.',
      details: { reason: 'Moved Permanently' },
    },
    {
      code: 302, name: 'FOUND', summary: 'The server redirected the WebSocket upgrade to another URL.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Use the final URL (the Location header) as the session URL.',
      details: { reason: 'Found' },
    },
    {
      code: 303, name: 'SEE_OTHER', summary: 'The server redirected the WebSocket upgrade to another URL.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Use the final URL (the Location header) as the session URL.',
      details: { reason: 'See Other' },
    },
    {
      code: 307, name: 'TEMPORARY_REDIRECT', summary: 'The server redirected the WebSocket upgrade to another URL.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Use the final URL (the Location header) as the session URL.',
      details: { reason: 'Temporary Redirect' },
    },
    {
      code: 308, name: 'PERMANENT_REDIRECT', summary: 'The server redirected the WebSocket upgrade to another URL.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Use the final URL (the Location header) as the session URL.',
      details: { reason: 'Permanent Redirect' },
    },
    {
      code: 400, name: 'BAD_REQUEST', summary: 'The server rejected the upgrade request as malformed.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Check the WebSocket URL, subprotocol and any custom headers.',
      details: { reason: 'Bad Request' },
    },
    {
      code: 401, name: 'UNAUTHORIZED', summary: 'The server needs valid credentials before it upgrades.',
      severity: 'warning', phases: UPGRADE, category: 'auth', outcome: 'reauthenticate',
      fix: 'Sign in again or refresh the access token.',
      details: { reason: 'Unauthorized' },
    },
    {
      code: 403, name: 'FORBIDDEN', summary: 'The server refused the connection for this user or origin.',
      severity: 'error', phases: UPGRADE, category: 'auth', outcome: 'fatal',
      fix: 'Ask an administrator for access, or check the allowed origins.',
      details: { reason: 'Forbidden' },
    },
    {
      code: 404, name: 'NOT_FOUND', summary: 'Nothing answers at this WebSocket URL.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Check the host and path of the URL.',
      details: { reason: 'Not Found' },
    },
    {
      code: 405, name: 'METHOD_NOT_ALLOWED', summary: 'The endpoint does not accept the upgrade request.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Point the client at the WebSocket endpoint, not a plain HTTP one.',
      details: { reason: 'Method Not Allowed' },
    },
    {
      code: 407, name: 'PROXY_AUTHENTICATION_REQUIRED', summary: 'A proxy between the client and the server needs credentials.',
      severity: 'warning', phases: UPGRADE, category: 'auth', outcome: 'reauthenticate',
      fix: 'Provide proxy credentials.',
      details: { reason: 'Proxy Authentication Required' },
    },
    {
      code: 408, name: 'REQUEST_TIMEOUT', summary: 'The server gave up waiting for the upgrade request.',
      severity: 'warning', phases: UPGRADE, category: 'network', outcome: 'retry', fix: RECONNECTS,
      details: { reason: 'Request Timeout' },
    },
    {
      code: 409, name: 'CONFLICT', summary: 'The server reports a conflict, often an earlier connection it still holds.',
      severity: 'warning', phases: UPGRADE, category: 'session', outcome: 'retry-later', retryAfterMs: 5000, fix: WAITS,
      details: { reason: 'Conflict' },
    },
    {
      code: 410, name: 'GONE', summary: 'The endpoint or session behind this URL no longer exists.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Get a fresh session URL (pass `url` as a function to build one per attempt).',
      details: { reason: 'Gone' },
    },
    {
      code: 413, name: 'CONTENT_TOO_LARGE', aliases: ['PAYLOAD_TOO_LARGE'], summary: 'The server refused the request as too large.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Reduce what the upgrade request carries.',
      details: { reason: 'Content Too Large' },
    },
    {
      code: 414, name: 'URI_TOO_LONG', summary: 'The WebSocket URL is longer than the server accepts.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Shorten the URL; move large tokens out of the query string.',
      details: { reason: 'URI Too Long' },
    },
    {
      code: 426, name: 'UPGRADE_REQUIRED', summary: 'The server wants a different protocol or WebSocket version.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Check the Sec-WebSocket-Version and protocol the server expects.',
      details: { reason: 'Upgrade Required' },
    },
    {
      code: 429, name: 'TOO_MANY_REQUESTS', summary: 'The client is being rate-limited.',
      severity: 'warning', phases: UPGRADE, category: 'capacity', outcome: 'retry-later', retryAfterMs: 10000, fix: WAITS,
      details: { reason: 'Too Many Requests' },
    },
    {
      code: 431, name: 'REQUEST_HEADER_FIELDS_TOO_LARGE', summary: 'The request headers (often cookies) are too large.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal',
      fix: 'Clear cookies for the site or reduce custom headers.',
      details: { reason: 'Request Header Fields Too Large' },
    },
    {
      code: 500, name: 'INTERNAL_SERVER_ERROR', summary: 'The server failed while handling the upgrade.',
      severity: 'warning', phases: UPGRADE, category: 'server', outcome: 'retry',
      fix: 'If it repeats, check the server logs.',
      details: { reason: 'Internal Server Error' },
    },
    {
      code: 501, name: 'NOT_IMPLEMENTED', summary: 'The server does not support WebSocket upgrades on this endpoint.',
      severity: 'error', phases: UPGRADE, category: 'server', outcome: 'fatal',
      fix: 'Enable WebSocket support on the server or proxy.',
      details: { reason: 'Not Implemented' },
    },
    {
      code: 502, name: 'BAD_GATEWAY', summary: 'A proxy or load balancer got a bad answer from the server behind it.',
      severity: 'warning', phases: UPGRADE, category: 'upstream', outcome: 'retry',
      fix: 'If it repeats, check the server behind the proxy.',
      details: { reason: 'Bad Gateway' },
    },
    {
      code: 503, name: 'SERVICE_UNAVAILABLE', summary: 'The server is overloaded or down for maintenance.',
      severity: 'warning', phases: UPGRADE, category: 'capacity', outcome: 'retry-later', retryAfterMs: 5000, fix: WAITS,
      details: { reason: 'Service Unavailable' },
    },
    {
      code: 504, name: 'GATEWAY_TIMEOUT', summary: 'A proxy or load balancer timed out waiting for the server behind it.',
      severity: 'warning', phases: UPGRADE, category: 'upstream', outcome: 'retry', fix: RECONNECTS,
      details: { reason: 'Gateway Timeout' },
    },
    {
      code: 505, name: 'HTTP_VERSION_NOT_SUPPORTED', summary: 'The server does not support the HTTP version of the request.',
      severity: 'error', phases: UPGRADE, category: 'server', outcome: 'fatal',
      fix: 'Make sure the upgrade is sent over HTTP/1.1 (or that the server supports WebSocket over HTTP/2).',
      details: { reason: 'HTTP Version Not Supported' },
    },
    {
      code: 511, name: 'NETWORK_AUTHENTICATION_REQUIRED', summary: 'The local network wants a sign-in first (captive portal, hotel or guest Wi-Fi).',
      severity: 'warning', phases: UPGRADE, category: 'network', outcome: 'user-decision',
      fix: 'Open a browser, complete the network sign-in page, then reconnect.',
      details: { reason: 'Network Authentication Required' },
    },
  ],
  ranges: [
    {
      from: 100, to: 199, name: 'INFORMATIONAL', summary: 'The server answered with an informational status instead of upgrading.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal', fix: 'Check the session URL and the server WebSocket configuration.',
    },
    {
      from: 200, to: 299, name: 'SUCCESSFUL', summary: 'The server answered like a normal request instead of upgrading.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal', fix: 'Check the session URL and the server WebSocket configuration.',
    },
    {
      from: 300, to: 399, name: 'REDIRECTION', summary: 'The server redirected the upgrade request.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal', fix: 'Check the session URL and the server WebSocket configuration.',
    },
    {
      from: 400, to: 499, name: 'CLIENT_ERROR', summary: 'The server rejected the upgrade request.',
      severity: 'error', phases: UPGRADE, category: 'client', outcome: 'fatal', fix: 'Check the session URL and the server WebSocket configuration.',
    },
    {
      from: 500, to: 599, name: 'SERVER_ERROR', summary: 'The server failed to handle the upgrade.',
      severity: 'warning', phases: UPGRADE, category: 'server', outcome: 'retry', fix: RECONNECTS,
    },
  ],
};
