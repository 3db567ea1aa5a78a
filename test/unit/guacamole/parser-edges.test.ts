/**
 * The Guacamole parser at its edges: the ends of the surrogate ranges cut at every position, the exact
 * size of what it holds, what reset() and a failure each forget, and its options' bounds
 * (found by `npm run mutate -- parser`; docs/testing-quality.md).
 */
import { describe, expect, it } from 'vitest';
import { GuacamoleParser } from '../../../machines/guacamole/parser.js';
import type { GuacamoleParserOptions } from '../../../machines/guacamole/parser.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

type Parsed = [string, ...string[]];

function parseChunks(chunks: readonly string[], options?: GuacamoleParserOptions): Parsed[] {
  const parser = new GuacamoleParser(options);
  const out: Parsed[] = [];
  for (const chunk of chunks) parser.receive(chunk, (opcode, args) => out.push([opcode, ...args]));
  return out;
}

/** `text` cut into chunks at every subset of at most two UTF-16 offsets. */
function everyCut(text: string): string[][] {
  const out: string[][] = [[text]];
  for (let a = 1; a < text.length; a++) {
    out.push([text.slice(0, a), text.slice(a)]);
    for (let b = a + 1; b < text.length; b++) out.push([text.slice(0, a), text.slice(a, b), text.slice(b)]);
  }
  out.push(text.split(''));
  return out;
}

const invalidOption = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_INVALID_OPTION');
const protocolError = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_PROTOCOL');

describe('GuacamoleParser code points at the surrogate edges', () => {
  // [label, value, its length in code points as Guacamole counts them]
  const VALUES: readonly [string, string, number][] = [
    ['U+10000, the first astral code point', '\uD800\uDC00', 1],
    ['U+10FFFF, the last code point', '\uDBFF\uDFFF', 1],
    ['U+103FF (first high, last low)', '\uD800\uDFFF', 1],
    ['U+10FC00 (last high, first low)', '\uDBFF\uDC00', 1],
    ['an astral emoji', '😀', 1],
    ['U+D7FF, just below the surrogates, then a lone low half', '\uD7FF\uDC00', 2],
    ['a lone high half, then U+E000 just above the surrogates', '\uD800\uE000', 2],
    ['a lone high half, then U+FFFF', '\uDBFF\uFFFF', 2],
    ['a low half before a high half (two lone halves)', '\uDC00\uD800', 2],
    ['two lone low halves', '\uDC00\uDFFF', 2],
    ['a letter, then a lone low half', 'a\uDC00', 2],
    ['a letter, then a lone high half', 'a\uDBFF', 2],
    ['a lone U+DFFF', '\uDFFF', 1],
    ['U+FFFF, the last BMP code point', '\uFFFF', 1],
  ];

  it.each(VALUES)('reads %s as the declared number of code points, however the frames cut it', (_label, value, codePoints) => {
    const wire = `${codePoints}.${value},1.x;`;
    for (const chunks of everyCut(wire)) {
      expect(parseChunks(chunks), JSON.stringify(chunks)).toEqual([[value, 'x']]);
    }
  });

  it.each(VALUES)('takes the terminator into %s declared one code point too long, and rejects it declared one too short', (_label, value, codePoints) => {
    for (const chunks of everyCut(`${codePoints + 1}.${value};;`)) {
      expect(parseChunks(chunks), JSON.stringify(chunks)).toEqual([[`${value};`]]);
    }
    expect(protocolError(() => parseChunks([`${codePoints - 1}.${value};`])).message).toMatch(/after an element/);
  });

  it('reads an astral opcode that arrives in one chunk with nothing else in its value', () => {
    expect(parseChunks(['1.😀;'])).toEqual([['😀']]);
    expect(parseChunks(['1.\uD800\uDC00;1.\uDBFF\uDFFF;'])).toEqual([['\uD800\uDC00'], ['\uDBFF\uDFFF']]);
  });
});

describe('GuacamoleParser bufferedLength', () => {
  it('counts the UTF-16 units of the unfinished instruction: opcode, arguments and the partial value', () => {
    const parser = new GuacamoleParser();
    expect(parser.bufferedLength).toBe(0);
    parser.receive('4.size', () => {});
    expect(parser.bufferedLength).toBe(4);
    parser.receive(',1.0,4.10', () => {});
    expect(parser.bufferedLength).toBe(4 + 1 + 2);
    parser.receive('24,3.7', () => {});
    expect(parser.bufferedLength).toBe(4 + 1 + 4 + 1);
    parser.receive('68,2.😀', () => {});
    expect(parser.bufferedLength).toBe(4 + 1 + 4 + 3 + 2);
    parser.receive('a;', () => {});
    expect(parser.bufferedLength).toBe(0);
  });

  it('holds nothing once a failure has dropped the instruction, before any reset()', () => {
    const parser = new GuacamoleParser();
    parser.receive('4.size,1.0,4.1024,', () => {});
    expect(parser.bufferedLength).toBe(9);
    protocolError(() => parser.receive('x', () => {}));
    expect(parser.bufferedLength).toBe(0);
  });

  it('holds nothing after a failure in the terminator, before any reset()', () => {
    const parser = new GuacamoleParser();
    parser.receive('4.size,1.0', () => {});
    protocolError(() => parser.receive(':', () => {}));
    expect(parser.bufferedLength).toBe(0);
  });
});

describe('GuacamoleParser reset()', () => {
  function afterReset(before: string, after: readonly string[], options?: GuacamoleParserOptions): Parsed[] {
    const parser = new GuacamoleParser(options);
    parser.receive(before, () => {});
    parser.reset();
    expect(parser.bufferedLength).toBe(0);
    const out: Parsed[] = [];
    for (const chunk of after) parser.receive(chunk, (opcode, args) => out.push([opcode, ...args]));
    return out;
  }

  it('forgets a half-read length prefix', () => {
    expect(afterReset('12', ['3.nop;'])).toEqual([['nop']]);
  });

  it('forgets a half-read value, including one split again after the reset', () => {
    expect(afterReset('5.hel', ['3.nop;'])).toEqual([['nop']]);
    expect(afterReset('5.hel', ['3.no', 'p;'])).toEqual([['nop']]);
  });

  it('forgets a high surrogate that ended the last chunk', () => {
    expect(afterReset('2.a\uD83D', ['1.x;'])).toEqual([['x']]);
  });

  it('forgets the opcode and arguments read so far', () => {
    expect(afterReset('4.size,1.1,', ['3.nop;'])).toEqual([['nop']]);
  });

  it('forgets that it was waiting for a terminator', () => {
    expect(afterReset('3.nop', ['3.abc;'])).toEqual([['abc']]);
  });

  it('gives the next instruction the whole maxInstructionLength again', () => {
    expect(afterReset('9.123456789,', ['10.0123456789;'], { maxInstructionLength: 16 })).toEqual([['0123456789']]);
  });
});

describe('GuacamoleParser errors', () => {
  it('reports the offending character as the value of a length error, and none for a digit-count error', () => {
    expect(protocolError(() => parseChunks(['a.b;'])).value).toBe('"a"');
    expect(protocolError(() => parseChunks(['3.nop:'])).value).toBe('":"');
    expect(protocolError(() => parseChunks(['123456.x;'])).value).toBeUndefined();
  });

  it('names each problem in full', () => {
    expect(protocolError(() => parseChunks(['123456.x;'])).message).toBe(
      'Guacamole instruction rejected: a length prefix has more than 5 digits (maxLengthDigits)',
    );
    expect(protocolError(() => parseChunks(['.x;'])).message).toBe('Guacamole instruction rejected: an empty length prefix (expected digits before ".")');
  });

  it('stops with SESSION_ERR_PROTOCOL when the instruction handler throws', () => {
    const parser = new GuacamoleParser();
    expect(() =>
      parser.receive('1.a;', () => {
        throw new Error('handler failed');
      }),
    ).toThrow('handler failed');
    expect(parser.error?.code).toBe('SESSION_ERR_PROTOCOL');
    expect(parser.error?.name).toBe('SessionError');
  });
});

describe('GuacamoleParser options', () => {
  it.each([
    ['maxInstructionLength', 16, 16 * 1024 * 1024],
    ['maxLengthDigits', 1, 15],
    ['maxElements', 1, 65_536],
  ] as const)('accepts %s from %s to %s inclusive and rejects one past either end', (name, min, max) => {
    expect(() => new GuacamoleParser({ [name]: min })).not.toThrow();
    expect(() => new GuacamoleParser({ [name]: max })).not.toThrow();
    for (const bad of [min - 1, max + 1]) {
      const error = invalidOption(() => new GuacamoleParser({ [name]: bad }));
      expect(error.message).toBe(`${name} must be an integer from ${min} to ${max} (got ${bad})`);
      expect(error.field).toBe(name);
      expect(error.value).toBe(String(bad));
    }
  });

  it('uses an option at its minimum: one digit, one element, 16 code points', () => {
    expect(parseChunks(['9.123456789;'], { maxLengthDigits: 1 })).toEqual([['123456789']]);
    expect(parseChunks(['3.nop;'], { maxElements: 1 })).toEqual([['nop']]);
    expect(protocolError(() => parseChunks(['3.nop,0.;'], { maxElements: 1 })).message).toMatch(/more than 1 elements/);
    expect(parseChunks(['12.123456789012;'], { maxInstructionLength: 16 })).toEqual([['123456789012']]);
  });

  it('treats an option given as undefined as left out', () => {
    expect(parseChunks(['3.nop;'], { maxElements: undefined } as never)).toEqual([['nop']]);
  });

  it('names the option object, or the unknown key, in the error', () => {
    const notObject = invalidOption(() => new GuacamoleParser(5 as never));
    expect(notObject.message).toBe('Guacamole parser options must be an object (got 5)');
    expect(notObject.field).toBe('options');
    expect(notObject.value).toBe('5');
    const unknown = invalidOption(() => new GuacamoleParser({ maxElement: 4 } as never));
    expect(unknown.field).toBe('maxElement');
    expect(unknown.value).toBe('"maxElement"');
  });

  it('refuses a key inherited by every object as unknown', () => {
    expect(invalidOption(() => new GuacamoleParser({ constructor: 5 } as never)).message).toMatch(/Unknown Guacamole parser option "constructor"/);
  });
});
