/**
 * Encodes Guacamole instructions: `LENGTH.VALUE,LENGTH.VALUE;` where each LENGTH is the value's length in
 * Unicode code points (a surrogate pair counts once, a lone surrogate counts once, as Guacamole counts).
 * `encodeInstruction` writes any instruction, however large (test servers build hostile frames with it);
 * `encodeClientInstruction` also refuses what guacd and its WebSocket tunnel would refuse from a client.
 */
import { SessionError, describeValue } from '../../src/errors/index.js';

const SURROGATE = /[\uD800-\uDFFF]/;

/** The number of Unicode code points in `text` (proper surrogate pairs count once). */
export function codePointLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let count = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function element(value: unknown, position: string): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else {
    throw new SessionError('SESSION_ERR_PROTOCOL', `Guacamole ${position} must be a string or a finite number (got ${describeValue(value)})`, {
      field: position,
      value: describeValue(value),
    });
  }
  return `${codePointLength(text)}.${text}`;
}

/**
 * `encodeInstruction('size', 0, 1024, 768)` → `4.size,1.0,4.1024,3.768;`.
 * Throws SessionError (SESSION_ERR_PROTOCOL) for an opcode that is not a string, or an argument that is
 * neither a string nor a finite number.
 */
export function encodeInstruction(opcode: string, ...args: readonly (string | number)[]): string {
  if (typeof opcode !== 'string') {
    throw new SessionError('SESSION_ERR_PROTOCOL', `Guacamole opcode must be a string (got ${describeValue(opcode)})`, {
      field: 'opcode',
      value: describeValue(opcode),
    });
  }
  let out = element(opcode, 'opcode');
  for (let i = 0; i < args.length; i++) out += `,${element(args[i], `argument ${i}`)}`;
  return `${out};`;
}

/**
 * The most one client instruction may hold and still be accepted by guacamole-client's WebSocket tunnel and by
 * guacd behind it (docs/wire.md, "Outgoing limits"). Both are named after libguac's parser-constants.h.
 */
export const GUACAMOLE_SEND_LIMITS = {
  /**
   * UTF-16 units (`String.length`) of the whole encoded instruction, prefixes and separators included: the
   * tunnel's parser copies each instruction into a buffer of 8192 Java chars. Within it, every element is also
   * under guacd's own GUAC_INSTRUCTION_MAX_LENGTH (8192 code points per element, so at most 4 digits of length
   * prefix, under GUAC_INSTRUCTION_MAX_DIGITS) and the instruction fits guacd's 32 KiB input buffer.
   */
  maxInstructionLength: 8192,
  /** Elements, opcode included (GUAC_INSTRUCTION_MAX_ELEMENTS). */
  maxElements: 128,
} as const;

/**
 * `encodeInstruction`, for what a client sends: throws SessionError (SESSION_ERR_PROTOCOL) for an instruction
 * over GUACAMOLE_SEND_LIMITS, which guacd or its tunnel would answer by dropping it or closing the connection.
 * The element count is checked before anything is encoded.
 */
export function encodeClientInstruction(opcode: string, args: readonly (string | number)[]): string {
  const elements = args.length + 1;
  if (elements > GUACAMOLE_SEND_LIMITS.maxElements) {
    throw new SessionError(
      'SESSION_ERR_PROTOCOL',
      `Guacamole instruction has ${elements} elements; guacd accepts at most ${GUACAMOLE_SEND_LIMITS.maxElements} (GUAC_INSTRUCTION_MAX_ELEMENTS)`,
      { field: 'elements', value: describeValue(elements) },
    );
  }
  const frame = encodeInstruction(opcode, ...args);
  if (frame.length > GUACAMOLE_SEND_LIMITS.maxInstructionLength) {
    throw new SessionError(
      'SESSION_ERR_PROTOCOL',
      `Guacamole instruction is ${frame.length} characters (UTF-16 units); guacd and its WebSocket tunnel accept at most ${GUACAMOLE_SEND_LIMITS.maxInstructionLength} (GUAC_INSTRUCTION_MAX_LENGTH)`,
      { field: 'instruction', value: describeValue(frame.length) },
    );
  }
  return frame;
}
