import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { fixtureCatalogs } from '../../support/fixture-catalogs.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const classifier = createClassifier(fixtureCatalogs);
const { classify } = classifier;

describe('classify (numbers and code strings)', () => {
  it('finds a protocol code given as a number', () => {
    const result = classify('guacamole', 519);
    expect(result).toMatchObject({ space: 'guacamole', code: 519, name: 'UPSTREAM_NOT_FOUND', known: true, outcome: 'retry' });
  });

  it('reads decimal, hex, upper-case hex and zero-padded strings as the same code', () => {
    const expected = classify('guacamole', 519);
    for (const text of ['519', ' 519 ', '0x0207', '0X207', '0x00000207', '000519']) {
      expect(classify('guacamole', text), text).toBe(expected);
    }
  });

  it('reads Softdrive labels "Error Code 04", "Error 04" and "04" as code 4', () => {
    const expected = classify('softdrive', 4);
    expect(expected.name).toBe('KeepAliveTimeout');
    for (const text of ['Error Code 04', 'error code 4', 'ERROR 04', '04', 'Error Code: 04']) {
      expect(classify('softdrive', text), text).toBe(expected);
    }
    expect(classify('softdrive', 'Error Code 1001').name).toBe('Internal error');
  });

  it("matches Softdrive's unnumbered row by its text, with or without the 'Error' label", () => {
    for (const text of ['Guest Agent not Responding', 'guest agent not responding', 'Error Guest Agent not Responding']) {
      expect(classify('softdrive', text), text).toMatchObject({ code: 'Guest Agent not Responding', known: true, phases: ['stream'] });
    }
  });

  it('finds symbolic names and aliases in the protocol space, case-insensitively', () => {
    expect(classify('guacamole', 'SERVER_BUSY')).toBe(classify('guacamole', 513));
    expect(classify('guacamole', 'server_busy')).toBe(classify('guacamole', 513));
    expect(classify('msra', 'SAFERROR_HELPEESAIDNO').outcome).toBe('user-decision');
    expect(classify('tmg', 'FWX_E_TIMEOUT')).toBe(classify('tmg', 0x80074e24));
    expect(classify('softdrive', 'KeepAliveTimeout')).toBe(classify('softdrive', 4));
  });

  it('keeps a name that is also another value\'s alias at its primary entry', () => {
    expect(classify('tmg', 'FWX_E_RULE_QUOTA_EXCEEDED_DROPPED').code).toBe(0xc0040033);
  });

  it('sends a known errno name the protocol lacks to the errno space, and refuses an unknown one', () => {
    expect(classify('guacamole', 'ECONNREFUSED')).toMatchObject({ space: 'errno', code: 'ECONNREFUSED', known: true });
    expect(classify('frame', 'CERT_HAS_EXPIRED')).toMatchObject({ space: 'errno', outcome: 'fatal' });
    expect(sessionErrorFrom(() => classify('msra', 'EWHATEVER')).code).toBe('SESSION_ERR_INVALID_CODE');
    expect(classify('errno', 'EWHATEVER')).toMatchObject({ space: 'errno', code: 'EWHATEVER', known: false });
  });

  it('refuses identifier-shaped strings that match no name, prototype keys included, naming the accepted forms', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'notACode', 'FOO_BAR']) {
      const error = sessionErrorFrom(() => classify('guacamole', name));
      expect(error.code, name).toBe('SESSION_ERR_INVALID_CODE');
      expect(error.value, name).toBe(JSON.stringify(name));
      expect(error.message, name).toContain('Accepted:');
      expect(error.message, name).toContain('a symbolic name the space knows');
    }
  });

  it('follows a CodeRef into its own space whatever the protocol', () => {
    expect(classify('guacamole', { space: 'websocket', code: 1006 })).toMatchObject({ space: 'websocket', name: 'ABNORMAL_CLOSURE' });
    expect(classify('frame', { space: 'errno', code: 'ECONNREFUSED' })).toMatchObject({ space: 'errno', known: true });
    expect(classify('frame', { space: 'tmg', code: '0xC0040017' })).toMatchObject({ space: 'tmg', name: 'FWX_E_SYN_ATTACK' });
  });

  it('reads a protocol status object and keeps its message', () => {
    const result = classify('guacamole', { code: 769, message: 'bad password for alice' });
    expect(result).toMatchObject({ code: 769, outcome: 'reauthenticate', message: 'bad password for alice' });
    expect(classify('guacamole', { code: '0x0201' }).name).toBe('SERVER_BUSY');
  });

  it('classifies transport spaces directly', () => {
    expect(classify('websocket', 1006).name).toBe('ABNORMAL_CLOSURE');
    expect(classify('errno', 'ECONNREFUSED').known).toBe(true);
    expect(classify('win32', 1326).outcome).toBe('reauthenticate');
  });
});

describe('classify (unknown but well-formed codes)', () => {
  it('returns known:false with a bounded retry and a summary naming the catalog', () => {
    const result = classify('guacamole', 4242);
    expect(result).toMatchObject({ space: 'guacamole', code: 4242, known: false, name: 'UNKNOWN', outcome: 'retry', severity: 'warning', category: 'internal' });
    expect(result.phases).toEqual(['pre-session', 'connect', 'handshake', 'stream', 'keepalive']);
    expect(result.summary).toContain('4242');
    expect(result.summary).toContain('Fixture guacamole');
    expect(result.retryAfterMs).toBeUndefined();
  });

  it('accepts the edges of the number range', () => {
    expect(classify('guacamole', 2 ** 32 - 1).known).toBe(false);
    expect(classify('tmg', -(2 ** 31)).code).toBe(2 ** 31);
    expect(classify('guacamole', 0).name).toBe('SUCCESS');
    expect(classify('guacamole', -0).name).toBe('SUCCESS');
  });

  it('uses a range row when no exact entry exists, and names the range', () => {
    const result = classify('websocket', 4321);
    expect(result).toMatchObject({ code: 4321, name: 'PRIVATE_USE', known: true, details: { range: '4000-4999' } });
    expect(classify('websocket', 1000).name).toBe('NORMAL_CLOSURE');
  });
});

describe('lookup and lookupAll', () => {
  it('looks a code up in one space and answers undefined when it is not there', () => {
    expect(classifier.lookup('guacamole', '0x0207')?.name).toBe('UPSTREAM_NOT_FOUND');
    expect(classifier.lookup('guacamole', 4242)).toBeUndefined();
    expect(classifier.lookup('tmg', -1073479657)?.name).toBe('FWX_E_SYN_ATTACK');
    expect(classifier.lookup('guacamole', -5)).toBeUndefined();
  });

  it('lists every space that knows a code, protocols first, without duplicates', () => {
    expect(classifier.lookupAll(4006).map((c) => `${c.space}:${c.name}`)).toEqual(['frame:ALREADY_IN_SESSION', 'websocket:PRIVATE_USE']);
    expect(classifier.lookupAll(502).map((c) => c.space)).toEqual(['tmg', 'http']);
    expect(classifier.lookupAll(10061).map((c) => c.space)).toEqual(['tmg', 'winsock']);
    expect(classifier.lookupAll('SERVER_BUSY').map((c) => c.space)).toEqual(['guacamole']);
    expect(classifier.lookupAll(987654)).toEqual([]);
  });

  it('reports its spaces in order', () => {
    expect(classifier.spaces).toEqual(['guacamole', 'msra', 'frame', 'softdrive', 'tmg', 'websocket', 'http', 'winsock', 'win32', 'errno']);
    expect(Object.isFrozen(classifier.spaces)).toBe(true);
  });
});
