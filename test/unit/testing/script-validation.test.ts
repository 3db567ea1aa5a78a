import { describe, expect, it } from 'vitest';
import { step, validateScript, validateServerScript } from '../../../src/testing/script.js';
import type { FaultStep, ServerStep } from '../../../src/testing/script.js';
import { createFrameProfile } from '../../../machines/frame/profile.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const bad = (value: unknown) => value as FaultStep;

describe('validateScript', () => {
  it('accepts a script that uses every connection step', () => {
    const script = [step.wait(5), step.accept(), step.handshake(['tunnel']), step.stall(), step.wait(1), step.stream(10, 100), step.silence(50), step.status(519, 'gone'), step.end(), step.close(1012, 'restart')];
    expect(validateScript('guacamole', script).id).toBe('guacamole');
    expect(validateScript('softdrive', [step.reject(503, { retryAfter: 'Wed, 21 Oct 2037 07:28:00 GMT' })]).id).toBe('softdrive');
  });

  it.each<[string, FaultStep[], RegExp, string]>([
    ['a negative duration', [step.wait(-1)], /^Fault script step 0 \(wait\): ms must be a duration in ms from 0 to 2147483647 \(got -1\)$/, 'step 0.ms'],
    ['a NaN duration', [step.handshake(), step.silence(Number.NaN)], /step 1 \(silence\): forMs must be a duration .*\(got NaN\)/, 'step 1.forMs'],
    ['a stream rate of 0', [step.stream(0, 10)], /step 0 \(stream\): ratePerSecond must be a number above 0 and at most 1000 \(got 0\)/, 'step 0.ratePerSecond'],
    ['an unknown step', [bad({ do: 'explode' })], /step 0: do is not a known step \(accepted: accept, reject, handshake, stall, stream, silence, status, end, gatewayError, disconnect, close, drop, wait\) \(got "explode"\)/, 'step 0.do'],
    ['a step that is not an object', [bad('wait')], /step 0: must be an object like/, 'step 0'],
    ['a misspelt field', [bad({ do: 'wait', forMs: 5 })], /step 0 \(wait\): forMs is not a field of this step \(accepted: ms\)/, 'step 0.forMs'],
    ['an unknown handshake step', [step.handshake(['tls'])], /step 0 \(handshake\): steps has an unknown guacamole handshake step \(accepted: tunnel, sync\) \(got "tls"\)/, 'step 0.steps'],
    ['a handshake step listed twice', [step.handshake(['sync', 'sync'])], /lists a step twice \(got "sync"\)/, 'step 0.steps'],
    ['an empty handshake list', [step.handshake([])], /steps must be a non-empty array of step ids, or omitted for all/, 'step 0.steps'],
    ['a status code outside the catalog', [step.status(999)], /step 0 \(status\): code is not in the guacamole catalog .*\(got 999\)/, 'step 0.code'],
    ['a status code that is not a code', [step.status(1.5)], /code is not in the guacamole catalog .*\(got 1.5\)/, 'step 0.code'],
    ['a disconnect with a message', [step.end('bye')], /the Guacamole disconnect instruction has no arguments \(got "bye"\)/, 'step 0.message'],
    ['close 1006', [step.close(1006)], /step 0 \(close\): code cannot be sent in a close frame \(accepted: 1000-1003, 1007-1014, 3000-4999; 1004, 1005, 1006 and 1015 are reserved\) \(got 1006\)/, 'step 0.code'],
    ['close 1005', [step.close(1005)], /code cannot be sent in a close frame .*\(got 1005\)/, 'step 0.code'],
    ['close 1015', [step.close(1015)], /\(got 1015\)/, 'step 0.code'],
    ['close 1004', [step.close(1004)], /\(got 1004\)/, 'step 0.code'],
    ['close 2000', [step.close(2000)], /\(got 2000\)/, 'step 0.code'],
    ['close 5000', [step.close(5000)], /\(got 5000\)/, 'step 0.code'],
    ['a close reason over 123 bytes', [step.close(1000, 'é'.repeat(62))], /step 0 \(close\): reason is 124 bytes of UTF-8 \(accepted: at most 123\)/, 'step 0.reason'],
    ['a reject status that is not an HTTP error', [step.reject(200)], /step 0 \(reject\): status must be an HTTP error status from 400 to 599 \(got 200\)/, 'step 0.status'],
    ['a bad Retry-After', [step.reject(503, { retryAfter: 'soon' })], /retryAfter must be whole seconds \(a number or digits\) or an HTTP-date \(got "soon"\)/, 'step 0.retryAfter'],
    ['a negative Retry-After', [step.reject(503, { retryAfter: -5 })], /retryAfter must be whole seconds .*\(got -5\)/, 'step 0.retryAfter'],
    ['a step after a terminal one', [step.drop(), step.wait(5)], /step 1 \(wait\): follows drop, which ends the connection/, 'step 1'],
    ['a second answer to the upgrade', [step.accept(), step.handshake(), step.accept()], /step 2 \(accept\): answers the upgrade a second time/, 'step 2'],
    ['a non-wait step before the answer', [step.handshake(), step.accept()], /step 0 \(handshake\): comes before the upgrade is answered, where only wait is accepted/, 'step 0'],
    ['a server-level step', [bad({ do: 'restart', downMs: 10 })], /step 0 \(restart\): is a server-level step: pass it in createFaultServer's `server` option/, 'step 0'],
  ])('rejects %s, naming the step, the value and what is accepted', (_name, script, message, field) => {
    const error = sessionErrorFrom(() => validateScript('guacamole', script));
    expect(error.code).toBe('SESSION_ERR_INVALID_SCRIPT');
    expect(error.message).toMatch(message);
    expect(error.field).toBe(field);
  });

  it('checks status codes and handshake steps against the profile given', () => {
    expect(sessionErrorFrom(() => validateScript('softdrive', [step.status(519)])).message).toMatch(/not in the softdrive catalog \(accepted: .*\) \(got 519\)/);
    expect(validateScript('frame', [step.status(4101), step.handshake(['ice'])]).id).toBe('frame');
    expect(sessionErrorFrom(() => validateScript(createFrameProfile({ frp: 7 }), [step.handshake(['ice'])])).message).toMatch(/unknown frame handshake step \(accepted: none\)/);
  });

  it('rejects an unknown protocol with SESSION_ERR_UNKNOWN_PROTOCOL', () => {
    const error = sessionErrorFrom(() => validateScript('vnc' as 'guacamole', []));
    expect(error.code).toBe('SESSION_ERR_UNKNOWN_PROTOCOL');
    expect(error.message).toMatch(/Unknown protocol "vnc" for a fault script \(accepted: guacamole, msra, frame, softdrive, or a Profile\)/);
  });

  it('rejects a script that is not an array', () => {
    expect(sessionErrorFrom(() => validateScript('msra', bad({}) as unknown as FaultStep[])).message).toMatch(/must be an array of steps \(got an empty object\)/);
  });

  it('for msw, rejects what msw cannot express and says why', () => {
    expect(sessionErrorFrom(() => validateScript('frame', [step.reject(401)], { backend: 'msw' })).message).toMatch(/cannot be staged with msw: its mock socket always opens, so no HTTP status reaches the client; use createFaultServer/);
    expect(sessionErrorFrom(() => validateScript('frame', [step.wait(5), step.accept()], { backend: 'msw' })).message).toMatch(/cannot delay the upgrade with msw/);
    expect(validateScript('frame', [step.drop()], { backend: 'msw' }).id).toBe('frame');
  });
});

describe('validateServerScript', () => {
  it('accepts restart, flap, wait and waitForConnections', () => {
    expect(() => validateServerScript([step.waitForConnections(1), step.wait(5), step.restart(10, { closeCode: 1012 }), step.flap(3, { upMs: 10, downMs: 10 })])).not.toThrow();
  });

  it.each<[string, ServerStep[], RegExp]>([
    ['a negative downMs', [step.restart(-5)], /step 0 \(restart\): downMs must be a duration in ms from 0 to 2147483647 \(got -5\)/],
    ['a restart close code that cannot be sent', [step.restart(5, { closeCode: 1006 })], /step 0 \(restart\): closeCode cannot be sent in a close frame .*\(got 1006\)/],
    ['zero flaps', [step.flap(0, { upMs: 1, downMs: 1 })], /step 0 \(flap\): times must be an integer from 1 to 1000 \(got 0\)/],
    ['a NaN upMs', [step.flap(1, { upMs: Number.NaN, downMs: 1 })], /step 0 \(flap\): upMs must be a duration .*\(got NaN\)/],
    ['waiting for no connections', [step.waitForConnections(0)], /step 0 \(waitForConnections\): count must be an integer of at least 1 \(got 0\)/],
    ['a connection step', [{ do: 'drop' } as unknown as ServerStep], /step 0: do is not a known step \(accepted: restart, flap, waitForConnections, wait\) \(got "drop"\)/],
  ])('rejects %s', (_name, script, message) => {
    const error = sessionErrorFrom(() => validateServerScript(script));
    expect(error.code).toBe('SESSION_ERR_INVALID_SCRIPT');
    expect(error.message).toMatch(message);
  });
});
