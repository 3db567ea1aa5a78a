import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { GUACAMOLE_POLICY_CLOSE_STATUSES, guacamolePolicyCloseWithoutStatus } from '../../../src/codes/guacamole-close.js';
import { guacamoleCatalog } from '../../../src/codes/guacamole.js';
import { rationaleOf } from '../../../src/docs-gen/rationales/index.js';
import { fixtureCatalogs } from '../../support/fixture-catalogs.js';

const { classify, lookup } = createClassifier(fixtureCatalogs);

describe('classify (WebSocket close events)', () => {
  it('reads a decimal Guacamole status from the close reason and keeps the close in via', () => {
    const result = classify('guacamole', { code: 1011, reason: '519', wasClean: true });
    expect(result).toMatchObject({ space: 'guacamole', code: 519, name: 'UPSTREAM_NOT_FOUND' });
    expect(result.via).toMatchObject({ space: 'websocket', code: 1011, name: 'INTERNAL_ERROR' });
    expect(result.message).toBeUndefined();
  });

  it('keeps an unknown Guacamole status from the reason as known:false in the guacamole space', () => {
    const result = classify('guacamole', { code: 1011, reason: '777' });
    expect(result).toMatchObject({ space: 'guacamole', code: 777, known: false });
    expect(result.via?.code).toBe(1011);
  });

  it.each([
    [1000, 0, 'SUCCESS'],
    [1006, 519, 'UPSTREAM_NOT_FOUND'],
    [1015, 519, 'UPSTREAM_NOT_FOUND'],
    [1001, 520, 'UPSTREAM_UNAVAILABLE'],
    [1012, 520, 'UPSTREAM_UNAVAILABLE'],
    [1013, 520, 'UPSTREAM_UNAVAILABLE'],
    [1014, 520, 'UPSTREAM_UNAVAILABLE'],
    [1011, 512, 'SERVER_ERROR'],
    [4999, 512, 'SERVER_ERROR'],
  ])('maps close %i without a numeric reason to Guacamole %i as the WebSocket tunnel does', (closeCode, status, name) => {
    const result = classify('guacamole', { code: closeCode, reason: '', wasClean: false });
    expect(result).toMatchObject({ space: 'guacamole', code: status, name });
    expect(result.via?.code).toBe(closeCode);
  });

  it('reads close 1008 without a numeric reason as POLICY_CLOSE_WITHOUT_STATUS (ask the user), not a SERVER_ERROR to retry', () => {
    for (const reason of ['', undefined, 'Invalid token', ' ']) {
      const result = classify('guacamole', { code: 1008, reason, wasClean: true } as never);
      expect(result, String(reason)).toMatchObject({ space: 'guacamole', code: 'POLICY_CLOSE_WITHOUT_STATUS', known: true, outcome: 'user-decision', category: 'policy' });
      expect(result.via).toMatchObject({ space: 'websocket', code: 1008 });
    }
    expect(classify('guacamole', { code: 1008, reason: 'Invalid token' }).message).toBe('Invalid token');
    expect(classify('guacamole', { code: 1008, reason: '769' })).toMatchObject({ code: 769, outcome: 'reauthenticate' });
    expect(classify('guacamole', 'POLICY_CLOSE_WITHOUT_STATUS').outcome).toBe('user-decision');
    expect(lookup('guacamole', 'policy_close_without_status')).toBe(classify('guacamole', 'POLICY_CLOSE_WITHOUT_STATUS'));
  });

  it('keeps the 1008 reading in step with the statuses guacamole-client closes with 1008, none of them a plain retry', () => {
    const policy = guacamoleCatalog.entries.filter((entry) => entry.details?.['websocketCode'] === 1008);
    expect(policy.map((entry) => entry.code)).toEqual([...GUACAMOLE_POLICY_CLOSE_STATUSES]);
    expect(policy.filter((entry) => entry.outcome === 'retry').map((entry) => entry.name)).toEqual([]);
    expect(rationaleOf('guacamole', guacamolePolicyCloseWithoutStatus.code)).toMatch(/513, 517, 521, 769, 771 and 797/);
  });

  it('keeps non-numeric reason text as the message when mapping the close code', () => {
    const result = classify('guacamole', { code: 1006, reason: 'tunnel went away' });
    expect(result).toMatchObject({ code: 519, message: 'tunnel went away' });
  });

  it('recognises a close event by type "close" or wasClean alone', () => {
    expect(classify('guacamole', { code: 1006, type: 'close' }).code).toBe(519);
    expect(classify('guacamole', { code: 1000, wasClean: true }).code).toBe(0);
  });

  it('gives a Frame entry for a Frame close code, with the close in via', () => {
    const result = classify('frame', { code: 4006, reason: 'seat taken', wasClean: true });
    expect(result).toMatchObject({ space: 'frame', code: 4006, outcome: 'user-decision', message: 'seat taken' });
    expect(result.via).toMatchObject({ space: 'websocket', code: 4006, name: 'PRIVATE_USE' });
  });

  it('falls back to the WebSocket classification for close codes Frame does not list', () => {
    expect(classify('frame', { code: 4500, reason: '' })).toMatchObject({ space: 'websocket', code: 4500, name: 'PRIVATE_USE' });
    expect(classify('frame', { code: 1006, reason: '' })).toMatchObject({ space: 'websocket', name: 'ABNORMAL_CLOSURE' });
  });

  it('uses the WebSocket classification itself for other protocols', () => {
    for (const protocol of ['msra', 'softdrive', 'websocket'] as const) {
      const result = classify(protocol, { code: 1013, reason: 'busy', wasClean: true });
      expect(result, protocol).toMatchObject({ space: 'websocket', code: 1013, outcome: 'retry-later', retryAfterMs: 5000, message: 'busy' });
      expect(result.via).toBeUndefined();
    }
  });

  it('strips URLs and control characters from the reason and truncates it to 200 characters', () => {
    const result = classify('msra', { code: 1011, reason: 'failed at wss://user:pw@gw.example/t?token=s3cret\u0000\u0007 now' });
    expect(result.message).not.toMatch(/s3cret|user:pw|gw\.example/);
    // eslint-disable-next-line no-control-regex
    expect(result.message).not.toMatch(/[\u0000-\u001f]/);
    expect(result.message).toContain('failed at');
    const long = classify('msra', { code: 1011, reason: 'x'.repeat(10 * 1024) });
    expect(long.message?.length).toBeLessThanOrEqual(200);
  });

  it('reads DOM-style close events whose fields are prototype getters', () => {
    class FakeCloseEvent {
      get code(): number { return 1011; }
      get reason(): string { return '513'; }
      get wasClean(): boolean { return true; }
    }
    expect(classify('guacamole', new FakeCloseEvent() as never).name).toBe('SERVER_BUSY');
  });
});
