import { describe, expect, it } from 'vitest';
import { createGuacamoleCodec } from '../../../machines/guacamole/codec.js';
import { GUACAMOLE_SEND_LIMITS, encodeClientInstruction, encodeInstruction } from '../../../machines/guacamole/encoder.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const { maxInstructionLength, maxElements } = GUACAMOLE_SEND_LIMITS;

/** `['clipboard', text]` where `text` repeats `unit` as often as fits in `total` UTF-16 units of encoded instruction. */
function clipboardOf(total: number, unit: string): [string, string] {
  let count = Math.floor(total / unit.length);
  while (encodeInstruction('clipboard', unit.repeat(count)).length > total) count--;
  return ['clipboard', unit.repeat(count)];
}

const protocolError = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_PROTOCOL');

describe('GUACAMOLE_SEND_LIMITS', () => {
  it('holds guacd\'s instruction length and element count (libguac parser-constants.h)', () => {
    expect(GUACAMOLE_SEND_LIMITS).toEqual({ maxInstructionLength: 8192, maxElements: 128 });
  });
});

describe('encodeClientInstruction length', () => {
  it('accepts an instruction of exactly 8192 UTF-16 units and refuses one more, naming the size and the limit', () => {
    const [opcode, text] = clipboardOf(maxInstructionLength, 'x');
    const frame = encodeClientInstruction(opcode, [text]);
    expect(frame).toHaveLength(8192);
    expect(frame).toBe(encodeInstruction(opcode, text));
    const error = protocolError(() => encodeClientInstruction(opcode, [`${text}x`]));
    expect(error.message).toBe(
      'Guacamole instruction is 8193 characters (UTF-16 units); guacd and its WebSocket tunnel accept at most 8192 (GUAC_INSTRUCTION_MAX_LENGTH)',
    );
    expect(error).toMatchObject({ field: 'instruction', value: '8193' });
  });

  it('refuses a 20,000-character clipboard blob', () => {
    const error = protocolError(() => encodeClientInstruction('clipboard', ['x'.repeat(20_000)]));
    expect(error.message).toMatch(/^Guacamole instruction is 20019 characters \(UTF-16 units\);.* at most 8192 /);
  });

  it('counts UTF-16 units of the whole instruction: a 3-byte character once, an emoji twice', () => {
    // 8192 units of '€' is about 24 KB of UTF-8: guacd counts each element in characters and buffers 32 KiB.
    const [opcode, euros] = clipboardOf(maxInstructionLength, '€');
    expect(new TextEncoder().encode(encodeClientInstruction(opcode, [euros])).byteLength).toBeGreaterThan(24_000);
    protocolError(() => encodeClientInstruction(opcode, [`${euros}€`]));
    // An emoji is one code point but two units: the tunnel's parser counts Java chars, so two units it is.
    const [, emoji] = clipboardOf(maxInstructionLength, '😀');
    expect(encodeClientInstruction(opcode, [emoji]).length).toBeGreaterThan(maxInstructionLength - 2);
    expect(protocolError(() => encodeClientInstruction(opcode, [`${emoji}😀`])).message).toMatch(/is 819[34] characters/);
  });

  it('counts prefixes and separators: many arguments that are each small add up', () => {
    const args = Array.from({ length: 100 }, () => 'y'.repeat(80));
    expect(protocolError(() => encodeClientInstruction('argv', args)).message).toMatch(/^Guacamole instruction is 8\d{3} characters/);
  });

  it('refuses any element whose length prefix would pass 5 digits (GUAC_INSTRUCTION_MAX_DIGITS) by the length limit', () => {
    expect(protocolError(() => encodeClientInstruction('blob', ['0', 'A'.repeat(100_000)])).message).toMatch(/is 100019 characters/);
  });
});

describe('encodeClientInstruction elements', () => {
  it('accepts 128 elements, opcode included, and refuses 129', () => {
    const args = (count: number): string[] => Array.from({ length: count }, (_, i) => String(i));
    expect(encodeClientInstruction('argv', args(maxElements - 1))).toBe(encodeInstruction('argv', ...args(maxElements - 1)));
    const error = protocolError(() => encodeClientInstruction('argv', args(maxElements)));
    expect(error.message).toBe('Guacamole instruction has 129 elements; guacd accepts at most 128 (GUAC_INSTRUCTION_MAX_ELEMENTS)');
    expect(error).toMatchObject({ field: 'elements', value: '129' });
  });

  it('counts elements before encoding any of them, so a huge argument list fails fast and typed', () => {
    const huge = Array.from<string>({ length: 500_000 }).fill('z');
    expect(protocolError(() => encodeClientInstruction('argv', huge)).message).toMatch(/has 500001 elements/);
    expect(protocolError(() => encodeClientInstruction('argv', [...huge.slice(0, 200), Number.NaN])).field).toBe('elements');
  });
});

describe('encodeInstruction', () => {
  it('has no limits, so test servers can still build oversized frames', () => {
    expect(encodeInstruction('clipboard', 'x'.repeat(20_000))).toHaveLength(20_019);
    expect(encodeInstruction('argv', ...Array.from({ length: 200 }, () => 'a')).split(',')).toHaveLength(201);
  });
});

describe('createGuacamoleCodec encode limits', () => {
  it('encodes an instruction at the limit and refuses one past it or with too many elements', () => {
    const codec = createGuacamoleCodec();
    const [opcode, text] = clipboardOf(maxInstructionLength, 'x');
    expect(codec.encode([opcode, text])).toHaveLength(8192);
    expect(codec.encode({ opcode, args: [text] })).toHaveLength(8192);
    expect(protocolError(() => codec.encode([opcode, `${text}x`])).message).toMatch(/is 8193 characters.*at most 8192/);
    expect(protocolError(() => codec.encode({ opcode: 'argv', args: Array.from({ length: 200 }, () => 'a') })).message).toMatch(
      /has 201 elements; guacd accepts at most 128/,
    );
  });
});
