import { describe, expect, it } from 'vitest';
import { classify, lookup, lookupAll } from '../../../src/classify/classify.js';
import { msraProfile } from '../../../machines/msra/index.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const LOGON_FAILURE = ['0x8007052E', '0x8007052e', '2147943726', '-2147023570', -2147023570, 0x8007052e] as const;

describe('classify (HRESULTs in the win32 space and wherever they arrive)', () => {
  it.each(LOGON_FAILURE)('reads FACILITY_WIN32 %j as win32 1326 (reauthenticate), the HRESULT kept in via', (value) => {
    const result = classify('win32', value);
    expect(result).toMatchObject({ space: 'win32', code: 1326, name: 'ERROR_LOGON_FAILURE', outcome: 'reauthenticate' });
    expect(result.via).toMatchObject({ space: 'win32', code: 0x8007052e, name: 'HRESULT_FROM_WIN32' });
  });

  it('unwraps the same HRESULT in tmg, in a protocol space, in lookup/lookupAll and in the profile classifier session.report uses', () => {
    for (const space of ['tmg', 'guacamole', 'msra', 'frame', 'softdrive'] as const) {
      for (const value of LOGON_FAILURE) expect(classify(space, value), `${space} ${String(value)}`).toMatchObject({ space: 'win32', code: 1326, outcome: 'reauthenticate' });
    }
    expect(lookup('win32', '0x8007052E')).toMatchObject({ code: 1326, via: { code: 0x8007052e } });
    expect(lookupAll('0x8007052E').map((hit) => `${hit.space} ${String(hit.code)}`)).toEqual(['win32 1326']);
    expect(msraProfile.classify('0x8007052E', { now: 0 })).toMatchObject({ space: 'win32', code: 1326, outcome: 'reauthenticate' });
    expect(msraProfile.classify({ code: -2147023570, message: 'logon failed' }, { now: 0 })).toMatchObject({ code: 1326, message: 'logon failed' });
  });

  it.each([
    ['0x80004005', 'E_FAIL', 'retry'],
    ['0x80004004', 'E_ABORT', 'retry'],
    ['0x8000FFFF', 'E_UNEXPECTED', 'retry'],
    ['0x80010108', 'RPC_E_DISCONNECTED', 'retry'],
    ['0x80070005', 'ERROR_ACCESS_DENIED', 'fatal'],
    ['0x8007000E', 'ERROR_OUTOFMEMORY', 'retry-later'],
    ['0x80070057', 'ERROR_INVALID_PARAMETER', 'fatal'],
  ])('knows the generic HRESULT %s (%s, %s)', (hex, name, outcome) => {
    expect(classify('win32', hex)).toMatchObject({ space: 'win32', name, outcome, known: true });
    expect(classify('guacamole', hex)).toMatchObject({ space: 'win32', name, outcome });
  });

  it('finds the HRESULT names in the win32 space: generic ones as entries, FACILITY_WIN32 ones as aliases', () => {
    expect(classify('win32', 'E_FAIL').code).toBe(0x80004005);
    expect(classify('win32', 'E_ACCESSDENIED')).toMatchObject({ code: 5, aliases: ['E_ACCESSDENIED'] });
    expect(classify('win32', 'E_OUTOFMEMORY').code).toBe(14);
    expect(classify('win32', 'E_INVALIDARG').code).toBe(87);
  });

  it('leaves an unlisted wrapped Win32 code to the HRESULT_FROM_WIN32 row (bounded retry)', () => {
    expect(classify('win32', '0x8007FFFF')).toMatchObject({ code: 0x8007ffff, name: 'HRESULT_FROM_WIN32', outcome: 'retry' });
  });

  it('keeps TMG firewall HRESULTs and TMG own FACILITY_WIN32 entries unchanged', () => {
    expect(classify('tmg', '0xC0040017')).toMatchObject({ space: 'tmg', name: 'FWX_E_TCP_NOT_SYN_PACKET_DROPPED' });
    expect(classify('tmg', -1073479657)).toBe(classify('tmg', '0xC0040017'));
    expect(classify('tmg', '0x800700B7')).toMatchObject({ space: 'tmg', name: 'FWX_E_ALREADY_EXISTS' });
    expect(classify('tmg', '0x80074E24')).toMatchObject({ space: 'tmg', name: 'WSA_RWS_CONNECTION_KILLED' });
    expect(classify('guacamole', '0xC0040017')).toMatchObject({ space: 'guacamole', known: false });
  });

  it('still refuses a negative number outside the HRESULT spaces when it is no HRESULT the win32 catalog knows', () => {
    expect(sessionErrorFrom(() => classify('guacamole', -5)).code).toBe('SESSION_ERR_INVALID_CODE');
  });
});
