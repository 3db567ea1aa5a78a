/**
 * The reference JSON envelope: the small wire the reference adapter, the fault server and the demo speak for
 * profiles whose real clients are closed (Softdrive, MS-RA, Frame). See docs/wire.md.
 *
 * Text frames are JSON objects tagged by `t`: step, status, end, ping, pong, data. Binary frames are data as
 * received. Each frame stands alone, so a malformed frame does not stop the frames after it.
 */
import { SessionError, describeValue } from '../../src/errors/index.js';
import type { CodeValue } from '../../src/codes/types.js';
import type { WireCodec, WireFrame, WireSignal } from '../wire.js';

export interface EnvelopeCodecOptions {
  /** Largest frame accepted or produced, in bytes (UTF-8 for text frames). */
  readonly maxFrameBytes?: number;
}

export const ENVELOPE_CODEC_DEFAULTS = {
  maxFrameBytes: 1024 * 1024,
} as const satisfies Required<EnvelopeCodecOptions>;

const MIN_FRAME_BYTES = 64;
const MAX_FRAME_BYTES = 1024 * 1024 * 1024;
const KEEPALIVE: WireSignal = Object.freeze({ kind: 'keepalive' });

function protocolError(message: string, value?: unknown): SessionError {
  return new SessionError('SESSION_ERR_PROTOCOL', message, value === undefined ? {} : { value: describeValue(value) });
}

function checkCode(code: unknown): CodeValue {
  if ((typeof code === 'number' && Number.isSafeInteger(code)) || (typeof code === 'string' && code !== '')) return code;
  throw protocolError(`An envelope status code must be an integer or a non-empty string (got ${describeValue(code)})`, code);
}

function checkMessage(message: unknown): string | undefined {
  if (message === undefined || typeof message === 'string') return message;
  throw protocolError(`An envelope message must be a string (got ${describeValue(message)})`, message);
}

function stringify(value: Record<string, unknown>): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new SessionError('SESSION_ERR_PROTOCOL', `An envelope message cannot be serialised to JSON (${describeValue(value.data)})`, { cause });
  }
  if (text === undefined) throw protocolError('An envelope message cannot be serialised to JSON');
  return text;
}

/** Builders for envelope frames (used by the fault server, the demo and tests). */
export const envelope = {
  step(name: string): string {
    if (typeof name !== 'string' || name === '') throw protocolError(`An envelope step needs a non-empty name (got ${describeValue(name)})`, name);
    return stringify({ t: 'step', step: name });
  },
  status(code: CodeValue, message?: string): string {
    return stringify({ t: 'status', code: checkCode(code), message: checkMessage(message) });
  },
  end(message?: string): string {
    return stringify({ t: 'end', message: checkMessage(message) });
  },
  data(value: unknown): string {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
      throw protocolError(`Envelope data must be serialisable to JSON (got ${describeValue(value)})`, value);
    }
    return stringify({ t: 'data', data: value });
  },
  ping(): string {
    return '{"t":"ping"}';
  },
  pong(): string {
    return '{"t":"pong"}';
  },
} as const;

/** UTF-8 size of a string, computed only when its UTF-16 length leaves the answer in doubt. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function textTooLarge(text: string, max: number): boolean {
  if (text.length > max) return true; // UTF-8 never takes fewer bytes than UTF-16 units
  if (text.length * 3 <= max) return false;
  return utf8Length(text) > max;
}

/** Turns one parsed JSON value into signals; returns an error message instead of throwing. */
function interpret(value: unknown, emit: (signal: WireSignal) => void, onData: ((data: unknown) => void) | undefined): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `An envelope frame must be a JSON object (got ${describeValue(value)})`;
  const frame = value as Record<string, unknown>;
  const tag = frame.t;
  if ((tag === 'status' || tag === 'end') && frame.message !== undefined && typeof frame.message !== 'string') {
    return `An envelope ${tag} frame has a non-string "message" (got ${describeValue(frame.message)})`;
  }
  const message = typeof frame.message === 'string' ? frame.message : undefined;
  switch (tag) {
    case 'step':
      if (typeof frame.step !== 'string' || frame.step === '') return `An envelope step frame needs a non-empty "step" string (got ${describeValue(frame.step)})`;
      emit({ kind: 'step', step: frame.step });
      return null;
    case 'status': {
      const code = frame.code;
      if (!((typeof code === 'number' && Number.isSafeInteger(code)) || (typeof code === 'string' && code !== ''))) {
        return `An envelope status frame needs an integer or non-empty string "code" (got ${describeValue(code)})`;
      }
      emit(message === undefined ? { kind: 'status', code } : { kind: 'status', code, message });
      return null;
    }
    case 'end':
      emit(message === undefined ? { kind: 'end' } : { kind: 'end', message });
      return null;
    case 'ping':
      emit({ kind: 'reply', frame: envelope.pong() });
      emit(KEEPALIVE);
      return null;
    case 'pong':
      emit(KEEPALIVE);
      return null;
    case 'data':
      if (!Object.hasOwn(frame, 'data')) return 'An envelope data frame has no "data" field';
      if (onData === undefined) emit({ kind: 'data', data: frame.data });
      else onData(frame.data);
      return null;
    default:
      return `An envelope frame has an unknown type "t" ${describeValue(tag)} (accepted: step, status, end, ping, pong, data)`;
  }
}

class EnvelopeCodec implements WireCodec {
  private readonly maxFrameBytes: number;

  constructor(options: EnvelopeCodecOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `Envelope codec options must be an object (got ${describeValue(options)})`, {
        field: 'options',
        value: describeValue(options),
      });
    }
    for (const key of Object.keys(options)) {
      if (key !== 'maxFrameBytes') {
        throw new SessionError('SESSION_ERR_INVALID_OPTION', `Unknown envelope codec option ${describeValue(key)} (accepted: maxFrameBytes)`, {
          field: key,
          value: describeValue(key),
        });
      }
    }
    const max = options.maxFrameBytes ?? ENVELOPE_CODEC_DEFAULTS.maxFrameBytes;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < MIN_FRAME_BYTES || max > MAX_FRAME_BYTES) {
      throw new SessionError(
        'SESSION_ERR_INVALID_OPTION',
        `maxFrameBytes must be an integer from ${MIN_FRAME_BYTES} to ${MAX_FRAME_BYTES} (got ${describeValue(max)})`,
        { field: 'maxFrameBytes', value: describeValue(max) },
      );
    }
    this.maxFrameBytes = max;
  }

  decode(frame: WireFrame, emit: (signal: WireSignal) => void, onData?: (data: unknown) => void): void {
    const max = this.maxFrameBytes;
    if (typeof frame !== 'string') {
      if (frame.byteLength > max) return this.malformed(emit, `A binary envelope frame of ${frame.byteLength} bytes exceeds maxFrameBytes (${max})`);
      return onData === undefined ? emit({ kind: 'data', data: frame }) : onData(frame);
    }
    if (textTooLarge(frame, max)) {
      return this.malformed(emit, `An envelope frame exceeds maxFrameBytes (${max}): ${describeValue(frame)}`);
    }
    let value: unknown;
    try {
      value = JSON.parse(frame);
    } catch {
      return this.malformed(emit, `An envelope frame is not valid JSON: ${describeValue(frame)}`);
    }
    const problem = interpret(value, emit, onData);
    if (problem !== null) this.malformed(emit, problem);
  }

  encode(message: unknown): WireFrame {
    const frame = envelope.data(message);
    if (textTooLarge(frame, this.maxFrameBytes)) {
      throw protocolError(`An encoded envelope frame exceeds maxFrameBytes (${this.maxFrameBytes})`, frame);
    }
    return frame;
  }

  keepAliveFrame(_now: number): WireFrame {
    return envelope.ping();
  }

  toJSON(): string {
    return '[envelope codec]';
  }

  reset(): void {
    // Every frame stands alone: nothing to forget.
  }

  private malformed(emit: (signal: WireSignal) => void, message: string): void {
    emit({ kind: 'malformed', error: new SessionError('SESSION_ERR_PROTOCOL', message) });
  }
}

/** A codec for the reference JSON envelope. */
export function createEnvelopeCodec(options: EnvelopeCodecOptions = {}): WireCodec {
  return new EnvelopeCodec(options);
}
