/**
 * Small, hand-made catalogs for testing the classifier engine without the real data.
 * The numbers mirror real ones where a rule depends on them (Guacamole 519, TMG HRESULTs,
 * Softdrive's unnumbered row) but the wording is fixture text, not catalog content.
 */
import type { Catalog, CodeEntry, CodeSpace, Outcome, Phase } from '../../src/codes/types.js';

type EntryInput = Pick<CodeEntry, 'code' | 'name' | 'outcome'> & Partial<CodeEntry>;

function entry(input: EntryInput): CodeEntry {
  const phases: readonly Phase[] = input.phases ?? ['connect'];
  return {
    summary: `fixture ${input.name}`,
    severity: input.outcome === 'ok' ? 'info' : 'error',
    category: 'server',
    ...input,
    phases,
  };
}

function catalog(space: CodeSpace, format: Catalog['format'], entries: readonly CodeEntry[], extra: Partial<Catalog> = {}): Catalog {
  return { space, title: `Fixture ${space}`, source: `fixture source for ${space}`, format, entries, ...extra };
}

const later = (ms: number): { outcome: Outcome; retryAfterMs: number } => ({ outcome: 'retry-later', retryAfterMs: ms });

export const fixtureGuacamole = catalog('guacamole', 'decimal', [
  entry({ code: 0, name: 'SUCCESS', outcome: 'ok', category: 'success' }),
  entry({ code: 512, name: 'SERVER_ERROR', outcome: 'retry' }),
  entry({ code: 513, name: 'SERVER_BUSY', ...later(5000), fix: 'wait' }),
  entry({ code: 514, name: 'UPSTREAM_TIMEOUT', outcome: 'retry' }),
  entry({ code: 519, name: 'UPSTREAM_NOT_FOUND', outcome: 'retry', details: { hex: '0x0207', httpStatus: 404, websocketCode: 1011 } }),
  entry({ code: 520, name: 'UPSTREAM_UNAVAILABLE', ...later(10000) }),
  entry({ code: 521, name: 'SESSION_CONFLICT', outcome: 'user-decision' }),
  entry({ code: 769, name: 'CLIENT_UNAUTHORIZED', outcome: 'reauthenticate', category: 'auth' }),
]);

export const fixtureMsra = catalog('msra', 'decimal', [
  entry({ code: 4, name: 'SAFERROR_REMOTEBYUSER', outcome: 'ended' }),
  entry({ code: 26, name: 'SAFERROR_INVALIDPASSWORD', outcome: 'reauthenticate' }),
  entry({ code: 41, name: 'SAFERROR_HELPEESAIDNO', outcome: 'user-decision' }),
]);

export const fixtureFrame = catalog('frame', 'decimal', [
  entry({ code: 4000, name: 'USER_CLOSED_SESSION', outcome: 'ended' }),
  entry({ code: 4006, name: 'ALREADY_IN_SESSION', outcome: 'user-decision' }),
  entry({ code: 4102, name: 'CONNECTION_SEVERED', outcome: 'retry' }),
]);

export const fixtureSoftdrive = catalog('softdrive', 'two-digit', [
  entry({ code: 2, name: 'TLSHandshakeTimeout', outcome: 'retry', phases: ['handshake'] }),
  entry({ code: 4, name: 'KeepAliveTimeout', outcome: 'retry', phases: ['keepalive'] }),
  entry({ code: 13, name: 'ServerRestart', ...later(60000) }),
  entry({ code: 1001, name: 'Internal error', outcome: 'retry', details: { range: '1001-1004' } }),
  entry({ code: 1002, name: 'Internal error', outcome: 'retry', details: { range: '1001-1004' } }),
  entry({ code: 'Guest Agent not Responding', name: 'Guest agent is not responding', outcome: 'retry', phases: ['stream'] }),
]);

export const fixtureTmg = catalog('tmg', 'hex32', [
  entry({ code: 502, name: 'BAD_GATEWAY', outcome: 'retry', details: { format: 'decimal' } }),
  entry({ code: 10061, name: 'WSAECONNREFUSED', outcome: 'retry', details: { format: 'decimal' } }),
  entry({ code: 12208, name: 'TMG_PROXY_BUSY', ...later(30000), details: { format: 'decimal', pair: 12308, direction: 'forward' } }),
  entry({ code: 0xc0040017, name: 'FWX_E_SYN_ATTACK', outcome: 'fatal', aliases: ['WSA_RWS_SYN_ATTACK'] }),
  entry({ code: 0x80074e24, name: 'WSA_RWS_TIMEOUT', outcome: 'retry', aliases: ['FWX_E_TIMEOUT'] }),
  entry({ code: 0xc0040033, name: 'FWX_E_RULE_QUOTA_EXCEEDED_DROPPED', ...later(30000) }),
  entry({ code: 0x80074e23, name: 'WSA_RWS_QUOTA', ...later(30000), aliases: ['FWX_E_RULE_QUOTA_EXCEEDED_DROPPED'] }),
]);

/** The fixture counterpart of tmg.ts's range rule. */
export function fixtureTmgResultSpace(value: number): 'win32' | 'http' | 'winsock' | 'tmg' | undefined {
  if (value < 0) return undefined;
  if (value < 100 || value === 995) return 'win32';
  if (value <= 1000) return 'http';
  if (value >= 10004 && value <= 11031) return 'winsock';
  if (value >= 12200 && value <= 12399) return 'tmg';
  if (value >= 0x80000000 && value <= 0xffffffff) return 'tmg';
  return undefined;
}

export const fixtureWebsocket = catalog('websocket', 'decimal', [
  entry({ code: 1000, name: 'NORMAL_CLOSURE', outcome: 'ended' }),
  entry({ code: 1001, name: 'GOING_AWAY', outcome: 'retry' }),
  entry({ code: 1006, name: 'ABNORMAL_CLOSURE', outcome: 'retry', category: 'network' }),
  entry({ code: 1011, name: 'INTERNAL_ERROR', outcome: 'retry' }),
  entry({ code: 1013, name: 'TRY_AGAIN_LATER', ...later(5000) }),
], {
  ranges: [{ from: 4000, to: 4999, name: 'PRIVATE_USE', summary: 'fixture private use', severity: 'warning', phases: ['stream'], category: 'internal', outcome: 'retry' }],
});

export const fixtureHttp = catalog('http', 'decimal', [
  entry({ code: 401, name: 'UNAUTHORIZED', outcome: 'reauthenticate', category: 'auth' }),
  entry({ code: 403, name: 'FORBIDDEN', outcome: 'fatal' }),
  entry({ code: 429, name: 'TOO_MANY_REQUESTS', ...later(1000) }),
  entry({ code: 502, name: 'BAD_GATEWAY', outcome: 'retry' }),
  entry({ code: 503, name: 'SERVICE_UNAVAILABLE', ...later(5000) }),
], {
  ranges: [
    { from: 400, to: 499, name: 'CLIENT_ERROR', summary: 'fixture 4xx', severity: 'error', phases: ['connect'], category: 'client', outcome: 'fatal' },
    { from: 500, to: 599, name: 'SERVER_ERROR', summary: 'fixture 5xx', severity: 'error', phases: ['connect'], category: 'server', outcome: 'retry' },
  ],
});

export const fixtureWinsock = catalog('winsock', 'decimal', [
  entry({ code: 10060, name: 'WSAETIMEDOUT', outcome: 'retry', category: 'network' }),
  entry({ code: 10061, name: 'WSAECONNREFUSED', outcome: 'retry', category: 'network' }),
]);

export const fixtureWin32 = catalog('win32', 'decimal', [
  entry({ code: 5, name: 'ERROR_ACCESS_DENIED', outcome: 'fatal' }),
  entry({ code: 1326, name: 'ERROR_LOGON_FAILURE', outcome: 'reauthenticate', category: 'auth' }),
]);

export const fixtureErrno = catalog('errno', 'string', [
  entry({ code: 'ECONNREFUSED', name: 'ECONNREFUSED', outcome: 'retry', category: 'network' }),
  entry({ code: 'CERT_HAS_EXPIRED', name: 'CERT_HAS_EXPIRED', outcome: 'fatal', category: 'tls' }),
]);

/** Every fixture catalog, grouped the way `createClassifier` takes them. */
export const fixtureCatalogs = {
  protocols: [fixtureGuacamole, fixtureMsra, fixtureFrame, fixtureSoftdrive],
  gateways: [fixtureTmg],
  transports: [fixtureWebsocket, fixtureHttp, fixtureWinsock, fixtureWin32, fixtureErrno],
  tmgResultSpace: fixtureTmgResultSpace,
} as const;
