/**
 * The classifier at its edges: HRESULT and FACILITY_WIN32 bounds, the Frame close range's ends, the
 * guacamole-only readings, "Error Code" prefixes, Retry-After of 0, classifiers built without some
 * catalogs, and the option and catalog errors in full (found by `npm run mutate -- classify`;
 * docs/testing-quality.md).
 */
import { describe, expect, it } from 'vitest';
import { classify, lookup, lookupAll } from '../../../src/classify/classify.js';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { guacamoleCatalog } from '../../../src/codes/guacamole.js';
import { frameCatalog } from '../../../src/codes/frame.js';
import { tmgCatalog } from '../../../src/codes/tmg.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const invalidCode = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_INVALID_CODE');
const why = (run: () => unknown): string => /^Cannot classify .*?: (.*?)\. Accepted: /s.exec(invalidCode(run).message)?.[1] ?? '';
const named = (result: { space: string; code: unknown; name: string } | undefined): string | undefined =>
  result === undefined ? undefined : `${result.space} ${String(result.code)} ${result.name}`;

describe('classify HRESULTs', () => {
  it.each([
    [0x7fffffff, 'win32 2147483647 UNKNOWN'],
    [0x80000000, 'win32 2147483648 UNKNOWN'],
    [0x8006ffff, 'win32 2147942399 UNKNOWN'],
    [0x80070000, 'win32 0 ERROR_SUCCESS'],
    [0x80070005, 'win32 5 ERROR_ACCESS_DENIED'],
    [0x80080005, 'win32 2148007941 UNKNOWN'],
    [0x80004005, 'win32 2147500037 E_FAIL'],
  ])('reads %s in win32 at the edges of the HRESULT and FACILITY_WIN32 ranges', (value, expected) => {
    expect(named(classify('win32', value))).toBe(expected);
  });

  it('reads negative numbers as HRESULTs in tmg and win32', () => {
    expect(named(classify('tmg', -1073479657))).toBe('tmg 3221487639 FWX_E_TCP_NOT_SYN_PACKET_DROPPED');
    expect(named(classify('win32', -2147024891))).toBe('win32 5 ERROR_ACCESS_DENIED');
    expect(classify('win32', -1)).toMatchObject({ space: 'win32', code: 0xffffffff, known: false });
    expect(named(lookup('tmg', -1073479657))).toBe('tmg 3221487639 FWX_E_TCP_NOT_SYN_PACKET_DROPPED');
  });

  it('refuses a negative number elsewhere unless win32 knows it, saying why', () => {
    expect(named(classify('msra', -2147024891))).toBe('win32 5 ERROR_ACCESS_DENIED');
    expect(why(() => classify('msra', -5))).toBe(
      "negative numbers are HRESULTs, accepted only in tmg and win32 (or with gateway 'tmg'), not in msra, unless the win32 catalog knows them",
    );
  });

  it('does not read a small number a protocol lacks as a Win32 code', () => {
    expect(classify('guacamole', 5)).toMatchObject({ space: 'guacamole', code: 5, known: false });
  });

  it('looks up an HRESULT only in tmg and win32', () => {
    expect(lookup('guacamole', 0x80070005)).toBeUndefined();
    expect(named(lookup('tmg', 0x80070005))).toBe('win32 5 ERROR_ACCESS_DENIED');
    expect(lookup('msra', -2147024891)).toBeUndefined();
  });

  it('reads through the TMG gateway only when asked, also for a { space, code } reference', () => {
    expect(classify('softdrive', 10060)).toMatchObject({ space: 'softdrive', known: false });
    expect(classify('softdrive', 10060, {})).toMatchObject({ space: 'softdrive', known: false });
    expect(named(classify('softdrive', 10060, { gateway: 'tmg' }))).toBe('tmg 10060 WSAETIMEDOUT');
    expect(classify('frame', { space: 'softdrive', code: 10060 }, { gateway: 'tmg' })).toMatchObject({ space: 'softdrive', known: false });
  });
});

describe('classify closes', () => {
  it('reads a Frame close code at both ends of 4000–5019 as Frame, and outside it as WebSocket', () => {
    expect(named(classify('frame', { code: 4000, reason: '' }))).toBe('frame 4000 USER_CLOSED_SESSION');
    expect(named(classify('frame', { code: 5019, reason: '' }))).toBe('frame 5019 STUN_TURN_UNREACHABLE');
    expect(classify('frame', { code: 3999, reason: '' }).space).toBe('websocket');
  });

  it('reads a private close code in another protocol as WebSocket, not Frame', () => {
    expect(named(classify('msra', { code: 4006, reason: '' }))).toBe('websocket 4006 PRIVATE_USE_CODE');
  });

  it('reads a Guacamole close reason that is a padded number, and nothing else, as a status', () => {
    expect(named(classify('guacamole', { code: 1011, reason: ' 519 ' }))).toBe('guacamole 519 UPSTREAM_NOT_FOUND');
    expect(classify('guacamole', { code: 1011, reason: '519x' })).toMatchObject({ code: 512, message: '519x' });
    expect(classify('guacamole', { code: 1011, reason: 'x519' })).toMatchObject({ code: 512, message: 'x519' });
  });

  it('reads a numeric close reason in the guacamole space alone, never through the gateway', () => {
    expect(classify('guacamole', { code: 1011, reason: '10060' })).toMatchObject({ space: 'guacamole', code: 10060, known: false });
  });
});

describe('classify HTTP answers', () => {
  it('reads a status in the tmg space as the gateway\'s own entry, via HTTP', () => {
    const result = classify('tmg', { status: 502 });
    expect(named(result)).toBe('tmg 502 BAD_GATEWAY');
    expect(named(result.via)).toBe('http 502 BAD_GATEWAY');
  });

  it('ignores a Retry-After of 0: a plain retry stays a plain retry', () => {
    const result = classify('frame', { status: 502, retryAfter: 0 });
    expect(result.outcome).toBe('retry');
    expect(result.retryAfterMs).toBeUndefined();
  });
});

describe('classify names', () => {
  it.each(['Error Code UPSTREAM_NOT_FOUND', 'Error  Code  UPSTREAM_NOT_FOUND', 'error code  upstream_not_found', 'Error UPSTREAM_NOT_FOUND'])(
    'reads "%s" without its prefix',
    (text) => {
      expect(named(classify('guacamole', text))).toBe('guacamole 519 UPSTREAM_NOT_FOUND');
      expect(named(lookup('guacamole', text))).toBe('guacamole 519 UPSTREAM_NOT_FOUND');
    },
  );

  it('reads the SDK\'s and guacamole-lite\'s names in the guacamole space only', () => {
    expect(classify('guacamole', 'POLICY_CLOSE_WITHOUT_STATUS')).toMatchObject({ outcome: 'user-decision' });
    expect(classify('guacamole', 'service_unavailable')).toMatchObject({ name: 'SERVICE_UNAVAILABLE', outcome: 'retry-later', retryAfterMs: 2000 });
    expect(why(() => classify('frame', 'POLICY_CLOSE_WITHOUT_STATUS'))).toMatch(/^no frame code or name matches the text/);
    expect(why(() => classify('frame', 'SERVICE_UNAVAILABLE'))).toMatch(/^no frame code or name matches the text/);
  });

  it('keeps an unknown errno-shaped name in the errno space only, and refuses other shapes', () => {
    expect(classify('errno', 'EFOO')).toMatchObject({ space: 'errno', code: 'EFOO', known: false });
    for (const text of ['Efoo', 'E', 'xEFOO', 'EF-OO']) {
      expect(why(() => classify('errno', text)), text).toBe(
        'no errno code or name matches the text (names must be ones the errno catalog lists, or an errno name such as ECONNREFUSED)',
      );
    }
  });

  it('finds an error\'s code whatever its case', () => {
    expect(classify('guacamole', Object.assign(new Error('m'), { code: 'econnrefused' }))).toMatchObject({ space: 'errno', name: 'ECONNREFUSED', known: true });
  });

  it('names the entry a printed name disagrees with, or that there is none', () => {
    expect(why(() => classify('guacamole', '519 (WRONG)'))).toBe('the name or second code printed with it does not match guacamole 519 UPSTREAM_NOT_FOUND');
    expect(why(() => classify('guacamole', '99999 (WRONG)'))).toBe('the name or second code printed with it does not match any guacamole entry');
    expect(why(() => lookup('guacamole', '519 (WRONG)'))).toBe('the name or second code printed with it matches no guacamole entry');
    expect(why(() => lookupAll('519 (WRONG)'))).toBe('the name or second code printed with it matches no entry of any space');
  });

  it('refuses a lookup code that is neither an integer nor a code string', () => {
    for (const code of [1.5, true, null]) expect(why(() => lookup('guacamole', code as never))).toBe('a code is an integer or a code string');
  });
});

describe('classify options', () => {
  function optionError(options: unknown) {
    return sessionErrorFrom(() => classify('guacamole', 'SERVER_BUSY', options as never), 'SESSION_ERR_INVALID_OPTION');
  }

  it('names options that are not an object', () => {
    const error = optionError(null);
    expect(error.message).toBe('classify options must be an object (got null)');
    expect(error.field).toBe('options');
    expect(error.value).toBe('null');
  });

  it('names a now that is not a function', () => {
    const error = optionError({ now: 5 });
    expect(error.message).toBe('classify options.now must be a function returning epoch ms (got 5)');
    expect(error.field).toBe('now');
    expect(error.value).toBe('5');
  });

  it('names an unknown gateway and the accepted ones, on the fast path too', () => {
    for (const signal of ['SERVER_BUSY', 519] as const) {
      const error = sessionErrorFrom(() => classify('guacamole', signal, { gateway: 'x' as never }), 'SESSION_ERR_UNKNOWN_PROTOCOL');
      expect(error.message).toBe('Unknown gateway "x"; accepted: tmg.');
      expect(error.field).toBe('gateway');
      expect(error.value).toBe('"x"');
    }
  });

  it('reports an unknown space as the value of its error', () => {
    expect(sessionErrorFrom(() => classify('nope' as never, 519), 'SESSION_ERR_UNKNOWN_PROTOCOL').value).toBe('"nope"');
  });
});

describe('createClassifier with some catalogs', () => {
  const guacamoleOnly = createClassifier({ protocols: [guacamoleCatalog], transports: [] });

  it('classifies without the transport, win32 and errno catalogs, reading what it lacks as unknown', () => {
    expect(guacamoleOnly.classify('guacamole', { code: 1006, reason: '' })).toMatchObject({ code: 519, via: { space: 'websocket', known: false } });
    expect(guacamoleOnly.classify('guacamole', { status: 503 })).toMatchObject({ space: 'http', known: false });
    expect(guacamoleOnly.classify('guacamole', Object.assign(new Error('m'), { code: 'ECONNREFUSED' }))).toMatchObject({ space: 'errno', known: false });
    expect(guacamoleOnly.classify('guacamole', 0x80070005)).toMatchObject({ space: 'guacamole', known: false });
    expect(why(() => guacamoleOnly.classify('guacamole', -5))).toMatch(/^negative numbers are HRESULTs/);
    expect(why(() => guacamoleOnly.classify('guacamole', 'ECONNREFUSED'))).toMatch(/^no guacamole code or name matches the text/);
  });

  it('says no gateway is accepted when it has none', () => {
    const error = sessionErrorFrom(() => guacamoleOnly.classify('guacamole', 519, { gateway: 'tmg' }), 'SESSION_ERR_UNKNOWN_PROTOCOL');
    expect(error.message).toBe('Unknown gateway "tmg"; accepted: none in this classifier.');
  });

  it.each([
    ['protocols', { protocols: [tmgCatalog], transports: [] }, '"tmg"', 'guacamole, msra, frame, softdrive'],
    ['protocols', { protocols: [frameCatalog, frameCatalog], transports: [] }, '"frame"', 'guacamole, msra, frame, softdrive'],
    ['gateways', { protocols: [], gateways: [frameCatalog], transports: [] }, '"frame"', 'tmg'],
    ['transports', { protocols: [], transports: [null] }, 'undefined', 'websocket, http, winsock, win32, errno'],
  ] as const)('names the %s group and the catalog it cannot take', (group, catalogs, shown, accepted) => {
    const error = sessionErrorFrom(() => createClassifier(catalogs as never), 'SESSION_ERR_INVALID_OPTION');
    expect(error.message).toBe(`createClassifier ${group} has a catalog for ${shown}; accepted: each of ${accepted} at most once.`);
    expect(error.field).toBe(group);
    expect(error.value).toBe(shown);
  });
});
