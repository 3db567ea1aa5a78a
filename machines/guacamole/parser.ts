/**
 * A streaming parser for Guacamole instructions (`LENGTH.VALUE,LENGTH.VALUE;`).
 *
 * Chunks may be cut anywhere: inside a length prefix, inside a value (even between the two halves of a
 * surrogate pair) or just before a terminator. Lengths count Unicode code points; like Guacamole's own
 * parser, a proper surrogate pair is one code point and a lone surrogate is one code point too.
 *
 * Memory is bounded by the limits: a value is accepted only once its declared length fits in what is left
 * of `maxInstructionLength`, so the parser never holds more than one instruction plus the chunk it is given.
 * Any violation throws a SessionError (SESSION_ERR_PROTOCOL) and the parser refuses input until `reset()`.
 */
import { SessionError, describeValue } from '../../src/errors/index.js';

export interface GuacamoleParserOptions {
  /** Largest instruction accepted, in code points, counting prefixes, separators and terminator. */
  readonly maxInstructionLength?: number;
  /** Most digits accepted in one length prefix. */
  readonly maxLengthDigits?: number;
  /** Most elements accepted in one instruction, opcode included. */
  readonly maxElements?: number;
}

/**
 * From guacd's limits (libguac parser-constants.h: GUAC_INSTRUCTION_MAX_LENGTH 8192, GUAC_INSTRUCTION_MAX_DIGITS 5,
 * GUAC_INSTRUCTION_MAX_ELEMENTS 128). guacd applies 8192 to each element's declared length; this parser applies it
 * to the whole instruction, which is stricter and still above the largest instruction guacd sends (a blob chunk:
 * 6048 bytes as 8064 base64 characters, plus its opcode and stream index).
 */
export const GUACAMOLE_PARSER_DEFAULTS = {
  maxInstructionLength: 8192,
  maxLengthDigits: 5,
  maxElements: 128,
} as const satisfies Required<GuacamoleParserOptions>;

export type InstructionHandler = (opcode: string, args: readonly string[]) => void;

const LIMITS: Readonly<Record<keyof GuacamoleParserOptions, readonly [number, number]>> = {
  maxInstructionLength: [16, 16 * 1024 * 1024],
  maxLengthDigits: [1, 15],
  maxElements: [1, 65_536],
};

/** Validates parser options once; unknown keys are refused so typos do not pass silently. */
export function resolveParserOptions(options: GuacamoleParserOptions = {}): Required<GuacamoleParserOptions> {
  if (typeof options !== 'object' || options === null) {
    throw new SessionError('SESSION_ERR_INVALID_OPTION', `Guacamole parser options must be an object (got ${describeValue(options)})`, {
      field: 'options',
      value: describeValue(options),
    });
  }
  const resolved: Record<string, number> = { ...GUACAMOLE_PARSER_DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const range = Object.hasOwn(LIMITS, key) ? LIMITS[key as keyof GuacamoleParserOptions] : undefined;
    if (range === undefined) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `Unknown Guacamole parser option ${describeValue(key)} (accepted: ${Object.keys(LIMITS).join(', ')})`, {
        field: key,
        value: describeValue(key),
      });
    }
    const [min, max] = range;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `${key} must be an integer from ${min} to ${max} (got ${describeValue(value)})`, {
        field: key,
        value: describeValue(value),
      });
    }
    resolved[key] = value;
  }
  return resolved as Required<GuacamoleParserOptions>;
}

/** Parser states: reading a length prefix, a value, the terminator after a value; or stopped. */
const State = { Length: 0, Value: 1, Terminator: 2, Failed: 3 } as const;
type State = (typeof State)[keyof typeof State];

const DOT = 0x2e;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const ZERO = 0x30;
const NINE = 0x39;
const SURROGATE = /[\uD800-\uDFFF]/;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function printable(c: number): string {
  return describeValue(String.fromCharCode(c));
}

export class GuacamoleParser {
  private readonly maxInstructionLength: number;
  private readonly maxLengthDigits: number;
  private readonly maxElements: number;

  private state: State = State.Length;
  /** Code points of the current instruction consumed or reserved so far (values are reserved whole). */
  private used = 0;
  private lengthValue = 0;
  private lengthDigits = 0;
  /** Code points still missing from the current value. */
  private remaining = 0;
  /** The previous chunk ended on a high surrogate inside a value: counted once the next unit is seen. */
  private pendingHigh = false;
  /** Pieces of a value that spans chunks. */
  private parts: string[] = [];
  private partsUnits = 0;
  private opcode: string | null = null;
  private args: string[] = [];
  private failure: SessionError | null = null;

  constructor(options: GuacamoleParserOptions = {}) {
    const resolved = resolveParserOptions(options);
    this.maxInstructionLength = resolved.maxInstructionLength;
    this.maxLengthDigits = resolved.maxLengthDigits;
    this.maxElements = resolved.maxElements;
  }

  /** The error that stopped the parser, or null while it accepts input. */
  get error(): SessionError | null {
    return this.failure;
  }

  /** UTF-16 units held for the unfinished instruction (for diagnostics and the memory-bound tests). */
  get bufferedLength(): number {
    let units = this.partsUnits + (this.opcode?.length ?? 0);
    for (const arg of this.args) units += arg.length;
    return units;
  }

  /** Forgets any partial instruction and accepts input again after an error. */
  reset(): void {
    this.state = State.Length;
    this.used = 0;
    this.lengthValue = 0;
    this.lengthDigits = 0;
    this.remaining = 0;
    this.pendingHigh = false;
    this.parts = [];
    this.partsUnits = 0;
    this.opcode = null;
    this.args = [];
    this.failure = null;
  }

  /**
   * Parses one chunk, calling `onInstruction` for each instruction it completes, in order.
   * If `onInstruction` throws, the parser stops (the rest of the chunk is lost) and the error propagates.
   */
  receive(chunk: string, onInstruction: InstructionHandler): void {
    if (this.failure !== null) throw this.failure;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.Length:
          i = this.readLength(chunk, i);
          break;
        case State.Value:
          i = this.readValue(chunk, i);
          break;
        case State.Terminator:
          i = this.readTerminator(chunk, i, onInstruction);
          break;
        default:
          return;
      }
    }
  }

  private fail(message: string, value?: string): never {
    this.state = State.Failed;
    this.parts = [];
    this.partsUnits = 0;
    this.opcode = null;
    this.args = [];
    this.failure = new SessionError('SESSION_ERR_PROTOCOL', `Guacamole instruction rejected: ${message}`, value === undefined ? {} : { value });
    throw this.failure;
  }

  private readLength(chunk: string, start: number): number {
    const n = chunk.length;
    let i = start;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      i++;
      if (c >= ZERO && c <= NINE) {
        if (++this.lengthDigits > this.maxLengthDigits) {
          this.fail(`a length prefix has more than ${this.maxLengthDigits} digits (maxLengthDigits)`);
        }
        this.lengthValue = this.lengthValue * 10 + (c - ZERO);
        continue;
      }
      if (c !== DOT) {
        const what = c === 0x2d ? 'a negative length' : `a non-digit ${printable(c)} in a length prefix`;
        this.fail(`${what} (expected digits then ".")`, printable(c));
      }
      if (this.lengthDigits === 0) this.fail('an empty length prefix (expected digits before ".")');
      const length = this.lengthValue;
      this.used += this.lengthDigits + 1;
      // Reserve the value and its terminator now, so nothing past the limit is ever buffered.
      if (this.used + length + 1 > this.maxInstructionLength) {
        this.fail(`an element of ${length} code points makes the instruction longer than ${this.maxInstructionLength} (maxInstructionLength)`);
      }
      this.used += length + 1;
      this.lengthValue = 0;
      this.lengthDigits = 0;
      this.remaining = length;
      this.state = State.Value;
      return i;
    }
    return i;
  }

  private readValue(chunk: string, start: number): number {
    const n = chunk.length;
    let i = start;
    let rem = this.remaining;
    if (this.pendingHigh) {
      // The high surrogate that ended the last chunk is one code point, alone or with this low half.
      this.pendingHigh = false;
      if (isLow(chunk.charCodeAt(i))) i++;
      rem--;
    } else if (this.partsUnits === 0 && i + rem <= n) {
      // Common case: the whole value is in this chunk and has no surrogates, so units = code points.
      const value = chunk.slice(i, i + rem);
      if (!SURROGATE.test(value)) {
        this.pushElement(value);
        return i + rem;
      }
    }
    while (rem > 0 && i < n) {
      const c = chunk.charCodeAt(i);
      if (!isHigh(c)) {
        i++;
        rem--;
      } else if (i + 1 < n) {
        i += isLow(chunk.charCodeAt(i + 1)) ? 2 : 1;
        rem--;
      } else {
        i++;
        this.pendingHigh = true;
      }
    }
    this.remaining = rem;
    const piece = chunk.slice(start, i);
    if (rem > 0 || this.pendingHigh) {
      this.parts.push(piece);
      this.partsUnits += piece.length;
      return i;
    }
    let value = piece;
    if (this.partsUnits > 0) {
      this.parts.push(piece);
      value = this.parts.join('');
      this.parts = [];
      this.partsUnits = 0;
    }
    this.pushElement(value);
    return i;
  }

  private pushElement(value: string): void {
    if (this.opcode === null) this.opcode = value;
    else this.args.push(value);
    this.state = State.Terminator;
  }

  private readTerminator(chunk: string, i: number, onInstruction: InstructionHandler): number {
    const c = chunk.charCodeAt(i);
    if (c === COMMA) {
      if (this.args.length + 1 >= this.maxElements) {
        this.fail(`more than ${this.maxElements} elements in one instruction (maxElements)`);
      }
      this.state = State.Length;
      return i + 1;
    }
    if (c !== SEMICOLON) {
      this.fail(`${printable(c)} after an element (expected "," or ";"; the declared length may be wrong)`, printable(c));
    }
    const opcode = this.opcode ?? '';
    const args = this.args;
    this.opcode = null;
    this.args = [];
    this.used = 0;
    this.state = State.Length;
    try {
      onInstruction(opcode, args);
    } catch (error) {
      this.state = State.Failed;
      this.failure = new SessionError('SESSION_ERR_PROTOCOL', 'Guacamole parser stopped: the instruction handler threw, so the rest of the chunk was lost', {
        cause: error,
      });
      throw error;
    }
    return i + 1;
  }
}
