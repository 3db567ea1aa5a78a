import { describe, expect, it } from 'vitest';
import { guacamoleProfile } from '../../../machines/guacamole/index.js';
import { frameProfile } from '../../../machines/frame/index.js';
import { msraProfile } from '../../../machines/msra/index.js';
import { softdriveProfile } from '../../../machines/softdrive/index.js';
import { withTmgGateway } from '../../../machines/tmg/index.js';
import { isSessionError } from '../../../src/errors/index.js';
import { classify } from '../../../src/classify/index.js';
import { errnoCatalog } from '../../../src/codes/errno.js';

const now = { now: 0 };

describe('the transport spaces a profile can receive (issue 14)', () => {
  it.each([guacamoleProfile, frameProfile, msraProfile, softdriveProfile])('$id classifies WebSocket closes, HTTP answers and Node errno', (profile) => {
    expect(profile.classify({ space: 'websocket', code: 1006 }, now)).toMatchObject({ space: 'websocket', code: 1006, known: true });
    expect(profile.classify({ status: 503 }, now)).toMatchObject({ space: 'http', code: 503 });
    expect(profile.classify({ code: 'ECONNREFUSED', message: 'refused' }, now)).toMatchObject({ space: 'errno', code: 'ECONNREFUSED' });
  });

  it.each([guacamoleProfile, frameProfile, msraProfile, softdriveProfile, withTmgGateway(guacamoleProfile)])(
    '$id, in Node, knows every errno entry as the main entry\'s classify does, from a status and from an Error',
    (profile) => {
      for (const entry of errnoCatalog.entries) {
        const expected = { space: 'errno', code: entry.code, name: entry.name, known: true, outcome: entry.outcome };
        expect(classify('errno', entry.code), String(entry.code)).toMatchObject(expected);
        expect(profile.classify({ code: entry.code, message: 'm' }, now), String(entry.code)).toMatchObject(expected);
        expect(profile.classify(Object.assign(new Error('m'), { code: entry.code }), now), String(entry.code)).toMatchObject(expected);
      }
    },
  );

  it.each([msraProfile, softdriveProfile, withTmgGateway(guacamoleProfile)])('$id knows Winsock and Win32 codes, HRESULT-wrapped too', (profile) => {
    expect(profile.classify({ space: 'winsock', code: 10061 }, now)).toMatchObject({ space: 'winsock', name: 'WSAECONNREFUSED' });
    expect(profile.classify({ space: 'win32', code: 1326 }, now)).toMatchObject({ space: 'win32', outcome: 'reauthenticate' });
  });

  it.each([guacamoleProfile, frameProfile])('$id (a web profile) refuses a Winsock or Win32 reference with a typed error, not a guess', (profile) => {
    for (const signal of [{ space: 'winsock', code: 10061 }, { space: 'win32', code: 1326 }] as const) {
      let error: unknown;
      try {
        profile.classify(signal, now);
      } catch (caught) {
        error = caught;
      }
      expect(isSessionError(error)).toBe(true);
    }
  });
});
