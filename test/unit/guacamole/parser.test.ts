import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { GuacamoleParser, GUACAMOLE_PARSER_DEFAULTS } from '../../../machines/guacamole/parser.js';
import type { GuacamoleParserOptions } from '../../../machines/guacamole/parser.js';
import { encodeInstruction } from '../../../machines/guacamole/encoder.js';
import { SessionError } from '../../../src/errors/index.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

type Parsed = [string, ...string[]];

function parseChunks(chunks: readonly string[], options?: GuacamoleParserOptions): Parsed[] {
  const parser = new GuacamoleParser(options);
  const out: Parsed[] = [];
  for (const chunk of chunks) parser.receive(chunk, (opcode, args) => out.push([opcode, ...args]));
  return out;
}

const protocolError = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_PROTOCOL');

/** Splits `text` at the given UTF-16 offsets (sorted, deduplicated). */
function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(text.slice(last, p));
    last = p;
  }
  parts.push(text.slice(last));
  return parts;
}

// Written by hand from the protocol description, not produced by the encoder.
const WIRE = '4.size,1.0,4.1024,3.768;0.,36.0f2f5b4e-1c1d-4a64-9b53-1d5e3c1a2b3c;4.name,5.h😀llo;3.nop;4.sync,4.1234;';
const EXPECTED: Parsed[] = [
  ['size', '0', '1024', '768'],
  ['', '0f2f5b4e-1c1d-4a64-9b53-1d5e3c1a2b3c'],
  ['name', 'h😀llo'],
  ['nop'],
  ['sync', '1234'],
];

describe('GuacamoleParser', () => {
  it('parses several instructions from one chunk, in order', () => {
    expect(parseChunks([WIRE])).toEqual(EXPECTED);
  });

  it('gives the same instructions for every single cut position', () => {
    for (let cut = 0; cut <= WIRE.length; cut++) {
      expect(parseChunks(splitAt(WIRE, [cut])), `cut at ${cut}`).toEqual(EXPECTED);
    }
  });

  it('gives the same instructions for every pair of cut positions', () => {
    for (let a = 1; a < WIRE.length; a++) {
      for (let b = a; b < WIRE.length; b++) {
        expect(parseChunks(splitAt(WIRE, [a, b]))).toEqual(EXPECTED);
      }
    }
  });

  it('parses input fed one UTF-16 unit at a time, including between surrogate halves', () => {
    expect(parseChunks([...WIRE.split('')])).toEqual(EXPECTED);
  });

  it('counts an astral character as one code point and a combining mark as its own', () => {
    expect(parseChunks(['3.🎉🎉🎉,2.e\u0301;'])).toEqual([['🎉🎉🎉', 'e\u0301']]);
    // Woman, zero-width joiner, laptop: one grapheme, three code points, five UTF-16 units.
    expect(parseChunks(['3.👩‍💻;'])).toEqual([['👩‍💻']]);
  });

  it('rejects a length counted in UTF-16 units for an astral value', () => {
    const error = protocolError(() => parseChunks(['4.name,2.😀;', '5.hello;']));
    expect(error.message).toMatch(/"5" after an element/);
  });

  it('counts a lone surrogate as one code point, as Guacamole does', () => {
    expect(parseChunks(['1.\uD800;1.\uDC00;2.\uD800x;'])).toEqual([['\uD800'], ['\uDC00'], ['\uD800x']]);
    expect(parseChunks(['2.a\uD800', ';'])).toEqual([['a\uD800']]);
    expect(parseChunks(['2.\uD800', 'b;'])).toEqual([['\uD800b']]);
    expect(parseChunks(['1.\uD83D', '\uDE00;'])).toEqual([['😀']]);
  });

  it('accepts empty elements and an empty (internal) opcode', () => {
    expect(parseChunks(['0.;0.,0.,4.ping;'])).toEqual([[''], ['', '', 'ping']]);
  });

  it('does nothing with empty chunks', () => {
    expect(parseChunks(['', '3.nop;', '', '', '3.n', '', 'op;'])).toEqual([['nop'], ['nop']]);
  });

  it('passes each instruction its own args array', () => {
    const parser = new GuacamoleParser();
    const seen: (readonly string[])[] = [];
    parser.receive('1.a,1.b;1.c,1.d;', (_op, args) => seen.push(args));
    expect(seen).toEqual([['b'], ['d']]);
    expect(seen[0]).not.toBe(seen[1]);
  });
});

describe('GuacamoleParser limits', () => {
  it('accepts an instruction exactly maxInstructionLength code points long and rejects one more', () => {
    // "2.xy,55.<55 emoji>;" is 5 + 3 + 55 + 1 = 64 code points (119 UTF-16 units).
    const max = 64;
    const exact = `2.xy,55.${'😀'.repeat(55)};`;
    expect([...exact].length).toBe(max);
    expect(parseChunks([exact], { maxInstructionLength: max })).toEqual([['xy', '😀'.repeat(55)]]);
    const over = `2.xy,56.${'😀'.repeat(56)};`;
    expect(protocolError(() => parseChunks([over], { maxInstructionLength: max })).message).toMatch(/maxInstructionLength/);
  });

  it('rejects an element whose declared length alone passes the limit before buffering it', () => {
    const parser = new GuacamoleParser();
    const error = protocolError(() => parser.receive('4.blob,8190.', () => {}));
    expect(error.message).toMatch(/8190 code points.*8192/);
    expect(parser.bufferedLength).toBe(0);
  });

  it('accepts maxLengthDigits digits and rejects one more', () => {
    expect(parseChunks(['00003.abc;'], { maxLengthDigits: 5 })).toEqual([['abc']]);
    expect(protocolError(() => parseChunks(['000003.abc;'], { maxLengthDigits: 5 })).message).toMatch(/more than 5 digits/);
  });

  it('accepts maxElements elements and rejects one more', () => {
    const at = `${Array.from({ length: 4 }, () => '1.a').join(',')};`;
    expect(parseChunks([at], { maxElements: 4 })).toEqual([['a', 'a', 'a', 'a']]);
    const past = `${Array.from({ length: 5 }, () => '1.a').join(',')};`;
    expect(protocolError(() => parseChunks([past], { maxElements: 4 })).message).toMatch(/more than 4 elements/);
  });

  it('uses guacd limits by default', () => {
    expect(GUACAMOLE_PARSER_DEFAULTS).toEqual({ maxInstructionLength: 8192, maxLengthDigits: 5, maxElements: 128 });
    const many = `${Array.from({ length: 129 }, () => '0.').join(',')};`;
    expect(protocolError(() => parseChunks([many])).message).toMatch(/128 elements/);
  });

  it('rejects invalid options naming the option, the value and what is accepted', () => {
    for (const [options, pattern] of [
      [{ maxElements: 0 }, /maxElements must be an integer from 1 to 65536 \(got 0\)/],
      [{ maxLengthDigits: 2.5 }, /maxLengthDigits must be an integer from 1 to 15 \(got 2.5\)/],
      [{ maxInstructionLength: '8192' as unknown as number }, /maxInstructionLength .* \(got "8192"\)/],
      [{ maxElement: 4 } as GuacamoleParserOptions, /Unknown Guacamole parser option "maxElement" \(accepted: maxInstructionLength, maxLengthDigits, maxElements\)/],
      [null as unknown as GuacamoleParserOptions, /options must be an object \(got null\)/],
    ] as const) {
      expect(() => new GuacamoleParser(options)).toThrow(pattern);
      try {
        new GuacamoleParser(options);
      } catch (error) {
        expect((error as SessionError).code).toBe('SESSION_ERR_INVALID_OPTION');
      }
    }
  });
});

describe('GuacamoleParser hostile input', () => {
  it('rejects a huge length by its digit count', () => {
    expect(protocolError(() => parseChunks(['99999999999.x;'])).message).toMatch(/more than 5 digits/);
  });

  it('rejects a missing terminator as soon as the flood after it starts', () => {
    const parser = new GuacamoleParser();
    parser.receive('5.hello', () => {});
    expect(protocolError(() => parser.receive('A'.repeat(100_000), () => {})).message).toMatch(/"A" after an element/);
    expect(parser.bufferedLength).toBe(0);
  });

  it('rejects non-digit, negative and empty lengths, naming the problem', () => {
    expect(protocolError(() => parseChunks(['a.b;'])).message).toMatch(/non-digit "a" in a length prefix/);
    expect(protocolError(() => parseChunks(['-1.x;'])).message).toMatch(/negative length/);
    expect(protocolError(() => parseChunks(['.x;'])).message).toMatch(/empty length prefix/);
    expect(protocolError(() => parseChunks(['3.nop;\n3.nop;'])).message).toMatch(/non-digit "\\n"/);
    expect(protocolError(() => parseChunks(['3.nop:'])).message).toMatch(/":" after an element/);
  });

  it('refuses further input after an error until reset()', () => {
    const parser = new GuacamoleParser();
    const first = protocolError(() => parser.receive('x', () => {}));
    expect(parser.error).toBe(first);
    expect(protocolError(() => parser.receive('3.nop;', () => {}))).toBe(first);
    parser.reset();
    expect(parser.error).toBeNull();
    const out: string[] = [];
    parser.receive('3.nop;', (op) => out.push(op));
    expect(out).toEqual(['nop']);
  });

  it('forgets a partial instruction on reset()', () => {
    const parser = new GuacamoleParser();
    parser.receive('4.size,4.10', () => {});
    parser.reset();
    const out: Parsed[] = [];
    parser.receive('3.nop;', (op, args) => out.push([op, ...args]));
    expect(out).toEqual([['nop']]);
  });

  it('stops and rethrows when the instruction handler throws', () => {
    const parser = new GuacamoleParser();
    const boom = new Error('handler failed');
    const seen: string[] = [];
    expect(() =>
      parser.receive('1.a;1.b;1.c;', (op) => {
        seen.push(op);
        if (op === 'b') throw boom;
      }),
    ).toThrow(boom);
    expect(seen).toEqual(['a', 'b']);
    expect(parser.error?.cause).toBe(boom);
    expect(() => parser.receive('1.d;', () => {})).toThrow(/handler threw/);
  });

  it('never holds more than one instruction, whatever chunks of junk arrive', () => {
    const max = 256;
    const alphabet = fc.constantFrom('0', '1', '9', '.', ',', ';', 'a', '😀', '\uD800', '-');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, maxLength: 200 }), { maxLength: 30 }), (chunks) => {
        const parser = new GuacamoleParser({ maxInstructionLength: max });
        for (const chunk of chunks) {
          try {
            parser.receive(chunk, () => {});
          } catch (error) {
            expect(error).toBeInstanceOf(SessionError);
            parser.reset();
          }
          expect(parser.bufferedLength).toBeLessThanOrEqual(2 * max);
        }
      }),
    );
  });
});

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const element = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: anyUnit, maxLength: 12 }),
);
const instruction = fc.tuple(element, fc.array(element, { maxLength: 6 }));

describe('GuacamoleParser properties', () => {
  test.prop([fc.array(instruction, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 })])(
    'gives back exactly what the encoder wrote, however the text is chunked',
    (instructions, rawCuts) => {
      const wire = instructions.map(([op, args]) => encodeInstruction(op, ...args)).join('');
      const cuts = rawCuts.map((c) => c % (wire.length + 1));
      expect(parseChunks(splitAt(wire, cuts))).toEqual(instructions.map(([op, args]) => [op, ...args]));
    },
  );

  test.prop([fc.array(fc.string({ unit: anyUnit, maxLength: 40 }), { maxLength: 10 })])(
    'throws nothing but SessionError on arbitrary input',
    (chunks) => {
      const parser = new GuacamoleParser();
      try {
        for (const chunk of chunks) parser.receive(chunk, () => {});
      } catch (error) {
        expect(error).toBeInstanceOf(SessionError);
        expect((error as SessionError).code).toBe('SESSION_ERR_PROTOCOL');
      }
    },
  );
});
