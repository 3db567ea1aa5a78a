import { describe, expect, it } from 'vitest';
import { createGuacamoleProfile, guacamoleProfile } from '../../../machines/guacamole/index.js';
import type { GuacamoleWireCodec } from '../../../machines/guacamole/index.js';
import { guacamoleCommonJsProfile } from '../../../src/guacamole-common-js/index.js';
import { isSessionError } from '../../../src/index.js';
import type { WireSignal } from '../../../machines/wire.js';

function signalsOf(codec: GuacamoleWireCodec, frame: string): WireSignal[] {
  const out: WireSignal[] = [];
  codec.decode(frame, (signal) => out.push(signal));
  return out;
}

describe('createGuacamoleProfile', () => {
  it("keeps the guacamole profile's sync acknowledgements by default", () => {
    const codec = guacamoleProfile.createCodec() as GuacamoleWireCodec;
    expect(codec.acksSync).toBe(true);
    expect(signalsOf(codec, '0.,4.uuid;4.sync,2.10;')).toContainEqual({ kind: 'reply', frame: '4.sync,2.10;' });
  });

  it('gives a codec that leaves sync to the application with ackSync: false (the guacamole-common-js profile)', () => {
    const codec = guacamoleCommonJsProfile.createCodec() as GuacamoleWireCodec;
    expect(codec.acksSync).toBe(false);
    const signals = signalsOf(codec, '0.,4.uuid;4.sync,2.10;');
    expect(signals.some((signal) => signal.kind === 'reply')).toBe(false);
    expect(signals).toContainEqual({ kind: 'step', step: 'sync' });
    expect(signals).toContainEqual({ kind: 'data', data: { opcode: 'sync', args: ['10'] } });
  });

  it('is the guacamole profile otherwise: same id, steps, keep-alive and local codes', () => {
    const profile = createGuacamoleProfile({ ackSync: false });
    expect(profile).not.toBe(guacamoleProfile);
    expect({ ...profile, classify: null, own: null, createCodec: null }).toEqual({ ...guacamoleProfile, classify: null, own: null, createCodec: null });
    expect(profile.classify({ code: 769 }, { now: 0 }).outcome).toBe('reauthenticate');
  });

  it('validates the codec options once, at construction', () => {
    expect(() => createGuacamoleProfile({ ackSync: 'no' as never })).toThrow(/ackSync must be true or false/);
    let error: unknown;
    try {
      createGuacamoleProfile({ nope: 1 } as never);
    } catch (thrown) {
      error = thrown;
    }
    expect(isSessionError(error, 'SESSION_ERR_INVALID_OPTION')).toBe(true);
  });
});
