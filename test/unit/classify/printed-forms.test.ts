import { describe, expect, it } from 'vitest';
import { classify, lookupAll } from '../../../src/classify/classify.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';
import { SEED_PRINTED_FORMS } from './seed-printed-forms.js';

const cases = SEED_PRINTED_FORMS.flatMap(([space, code, forms]) => forms.map((form) => [space, form, code] as const));

describe('classify (codes as the seed documents print them)', () => {
  it('has every seed code in the table', () => {
    const counts: Record<string, number> = {};
    for (const [space] of SEED_PRINTED_FORMS) counts[space] = (counts[space] ?? 0) + 1;
    // 21 Guacamole, 48 MSRA, 33 Frame; Softdrive's 17 numbered rows plus its range and unnumbered row; TMG's rows.
    expect(counts).toMatchObject({ guacamole: 21, msra: 48, frame: 33, softdrive: 20 });
    expect(counts['tmg']).toBeGreaterThan(140);
  });

  it.each(cases)('%s %j is code %s', (space, form, code) => {
    const result = classify(space, form);
    expect(result).toMatchObject({ code, known: true });
    expect(lookupAll(form).map((hit) => hit.code)).toContain(code);
  });

  it('reads the issue\'s examples', () => {
    expect(classify('guacamole', '519 (UPSTREAM_NOT_FOUND)')).toBe(classify('guacamole', 519));
    expect(classify('softdrive', 'Error Code 10 OtherClientConnected')).toMatchObject({ code: 10, outcome: 'user-decision' });
  });

  it('refuses a printed name or second code that contradicts the number', () => {
    for (const [space, form] of [
      ['guacamole', '519 (SERVER_BUSY)'],
      ['guacamole', '4242 (UPSTREAM_NOT_FOUND)'],
      ['softdrive', 'Error Code 10 KeepAliveTimeout'],
      ['softdrive', 'Error Code 1001–1003'],
      ['tmg', '12204/ 12306'],
      ['tmg', 'WSA_RWS_TIMEOUT or FWX_E_ADMIN_TERMINATE'],
      ['msra', '50 SAFERROR_NOERROR'],
    ] as const) {
      const error = sessionErrorFrom(() => classify(space, form));
      expect(error.code, form).toBe('SESSION_ERR_INVALID_CODE');
      expect(error.message, form).toContain('does not match');
    }
    expect(sessionErrorFrom(() => lookupAll('519 (NO_SUCH_NAME)')).code).toBe('SESSION_ERR_INVALID_CODE');
  });
});
