import { describe, expect, it } from 'vitest';
import { redactText } from '../../../src/errors/redact.js';

describe('redactText: text no rule can change', () => {
  it('returns a word without whitespace, `=`, `:` or a control character as it is (cut to length only)', () => {
    for (const text of ['tunnel', 'sync', '519', '0xC0040017', 'UPSTREAM_NOT_FOUND', 'é-ñ_ü.中文', 'eyJhbGciOiJIUzI1NiJ9.e30.abc', '']) {
      expect(redactText(text)).toBe(text);
    }
    expect(redactText('a'.repeat(300), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('still applies every rule once one of those characters is there', () => {
    expect(redactText('token=abc')).toBe('token=***');
    expect(redactText('Bearer abcdefgh')).toBe('Bearer ***');
    expect(redactText('wss://u:p@gw.example/t?token=x')).not.toContain('token=x');
    expect(redactText('password:hunter2')).not.toContain('hunter2');
    expect(redactText('a\u0000b')).toBe('a b');
    expect(redactText('/t?token=abc')).toBe('/t?token=***');
  });
});
