import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { codePointLength, encodeInstruction } from '../../../machines/guacamole/encoder.js';
import { SessionError } from '../../../src/errors/index.js';

describe('encodeInstruction', () => {
  it('writes LENGTH.VALUE elements joined by commas and ended by a semicolon', () => {
    expect(encodeInstruction('size', 0, 1024, 768)).toBe('4.size,1.0,4.1024,3.768;');
    expect(encodeInstruction('nop')).toBe('3.nop;');
    expect(encodeInstruction('disconnect')).toBe('10.disconnect;');
  });

  it('writes the internal opcode as an empty element', () => {
    expect(encodeInstruction('', 'ping', 1700000000000)).toBe('0.,4.ping,13.1700000000000;');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(encodeInstruction('key', '😀')).toBe('3.key,1.😀;');
    expect(encodeInstruction('name', 'e\u0301t\u00e9')).toBe('4.name,4.e\u0301t\u00e9;');
    expect(encodeInstruction('x', '\uD800')).toBe('1.x,1.\uD800;');
    expect(encodeInstruction('x', '\uDC00\uD800')).toBe('1.x,2.\uDC00\uD800;');
  });

  it('writes numbers in their JavaScript decimal form', () => {
    expect(encodeInstruction('mouse', -5, 2.5, 0)).toBe('5.mouse,2.-5,3.2.5,1.0;');
  });

  it('keeps separators inside values, since lengths delimit them', () => {
    expect(encodeInstruction('clipboard', '1.a,;')).toBe('9.clipboard,5.1.a,;;');
  });

  it('rejects a non-string opcode and arguments that are not strings or finite numbers', () => {
    for (const run of [
      () => encodeInstruction(5 as unknown as string),
      () => encodeInstruction('x', Number.NaN),
      () => encodeInstruction('x', Number.POSITIVE_INFINITY),
      () => encodeInstruction('x', 'ok', {} as unknown as string),
      () => encodeInstruction('x', null as unknown as string),
    ]) {
      expect(run).toThrow(SessionError);
      try {
        run();
      } catch (error) {
        expect((error as SessionError).code).toBe('SESSION_ERR_PROTOCOL');
      }
    }
    expect(() => encodeInstruction('x', 'ok', Number.NaN)).toThrow(/argument 1 must be a string or a finite number \(got NaN\)/);
  });
});

describe('codePointLength', () => {
  test.prop([fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 })])(
    'agrees with the string iterator for any UTF-16 string, lone surrogates included',
    (text) => {
      expect(codePointLength(text)).toBe([...text].length);
    },
  );

  test.prop([fc.string({ unit: 'grapheme', maxLength: 20 })])('agrees with the string iterator for graphemes', (text) => {
    expect(codePointLength(text)).toBe(Array.from(text).length);
  });
});
