/**
 * Encodes Guacamole instructions: `LENGTH.VALUE,LENGTH.VALUE;` where each LENGTH is the value's length in
 * Unicode code points (a surrogate pair counts once, a lone surrogate counts once, as Guacamole counts).
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
