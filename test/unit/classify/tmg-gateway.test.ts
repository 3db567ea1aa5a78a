import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { isSessionError } from '../../../src/errors/index.js';
import { fixtureCatalogs } from '../../support/fixture-catalogs.js';

const { classify } = createClassifier(fixtureCatalogs);

describe('classify (TMG gateway)', () => {
  it('reads an HRESULT as hex, unsigned decimal or signed decimal', () => {
    const expected = classify('tmg', 0xc0040017);
    expect(expected.name).toBe('FWX_E_SYN_ATTACK');
    for (const value of ['0xC0040017', '0xc0040017', '3221487639', '-1073479657', -1073479657]) {
      expect(classify('tmg', value), String(value)).toBe(expected);
    }
  });

  it("prefers TMG's own entry over the transport space its rule points to", () => {
    expect(classify('tmg', 10061)).toMatchObject({ space: 'tmg', code: 10061 });
    expect(classify('tmg', 12208)).toMatchObject({ space: 'tmg', outcome: 'retry-later', retryAfterMs: 30_000 });
  });

  it("follows TMG's range rule into win32, http and winsock", () => {
    expect(classify('tmg', 5)).toMatchObject({ space: 'win32', name: 'ERROR_ACCESS_DENIED' });
    expect(classify('tmg', 401)).toMatchObject({ space: 'http', name: 'UNAUTHORIZED' });
    expect(classify('tmg', 10060)).toMatchObject({ space: 'winsock', name: 'WSAETIMEDOUT' });
  });

  it('reads a FACILITY_WIN32 HRESULT TMG lacks as the win32 entry', () => {
    expect(classify('tmg', '0x80070005')).toMatchObject({ space: 'win32', code: 5, name: 'ERROR_ACCESS_DENIED' });
    expect(classify('tmg', 0x8007052e)).toMatchObject({ space: 'win32', code: 1326 });
  });

  it('answers unknown in the space the rule names, else in tmg', () => {
    expect(classify('tmg', 10099)).toMatchObject({ space: 'winsock', code: 10099, known: false });
    expect(classify('tmg', 12250)).toMatchObject({ space: 'tmg', code: 12250, known: false });
    expect(classify('tmg', 0xc0049999)).toMatchObject({ space: 'tmg', known: false });
    expect(classify('tmg', 50000)).toMatchObject({ space: 'tmg', known: false });
  });

  it("sends a number the protocol lacks through TMG when gateway is 'tmg'", () => {
    expect(classify('guacamole', 519, { gateway: 'tmg' }).space).toBe('guacamole');
    expect(classify('guacamole', '0xC0040017', { gateway: 'tmg' })).toMatchObject({ space: 'tmg', name: 'FWX_E_SYN_ATTACK' });
    expect(classify('guacamole', -1073479657, { gateway: 'tmg' }).name).toBe('FWX_E_SYN_ATTACK');
    expect(classify('frame', 10060, { gateway: 'tmg' })).toMatchObject({ space: 'winsock', name: 'WSAETIMEDOUT' });
    expect(classify('msra', 'FWX_E_TIMEOUT', { gateway: 'tmg' })).toMatchObject({ space: 'tmg', code: 0x80074e24 });
  });

  it('keeps an unknown number in the protocol space when neither the protocol nor TMG knows it', () => {
    expect(classify('guacamole', 4242, { gateway: 'tmg' })).toMatchObject({ space: 'guacamole', code: 4242, known: false });
  });

  it('reads TMG numbers as the protocol\'s own without a gateway', () => {
    expect(classify('guacamole', '0xC0040017')).toMatchObject({ space: 'guacamole', known: false });
  });

  it('rejects an unknown gateway and a gateway the classifier has no catalog for', () => {
    expect(() => classify('guacamole', 519, { gateway: 'squid' as never })).toThrow(expect.objectContaining({ code: 'SESSION_ERR_UNKNOWN_PROTOCOL' }));
    const noGateway = createClassifier({ protocols: fixtureCatalogs.protocols, transports: fixtureCatalogs.transports });
    let caught: unknown;
    try {
      noGateway.classify('guacamole', 519, { gateway: 'tmg' });
    } catch (error) {
      caught = error;
    }
    expect(isSessionError(caught, 'SESSION_ERR_UNKNOWN_PROTOCOL')).toBe(true);
    expect(String((caught as Error).message)).toContain('none in this classifier');
  });

  it('works without a range rule: own entries and FACILITY_WIN32 only', () => {
    const bare = createClassifier({ protocols: [], gateways: fixtureCatalogs.gateways, transports: fixtureCatalogs.transports });
    expect(bare.classify('tmg', '0xC0040017').name).toBe('FWX_E_SYN_ATTACK');
    expect(bare.classify('tmg', '0x80070005').space).toBe('win32');
    expect(bare.classify('tmg', 10060)).toMatchObject({ space: 'tmg', known: false });
  });
});
