/**
 * The envelope codec at its edges: UTF-8 sizes at every encoding boundary, inclusive option bounds,
 * exact signal shapes, data handed to onData, and the errors' codes and fields
 * (found by `npm run mutate -- envelope`; docs/testing-quality.md).
 */
import { describe, expect, it } from 'vitest';
import { createEnvelopeCodec, envelope } from '../../../machines/envelope/codec.js';
import type { EnvelopeCodecOptions } from '../../../machines/envelope/codec.js';
import type { WireFrame, WireSignal } from '../../../machines/wire.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

function feed(frame: WireFrame, options?: EnvelopeCodecOptions): WireSignal[] {
  const out: WireSignal[] = [];
  createEnvelopeCodec(options).decode(frame, (signal) => out.push(signal));
  return out;
}

function malformed(signals: readonly WireSignal[]): string {
  const [signal] = signals;
  if (signals.length !== 1 || signal?.kind !== 'malformed') throw new Error(`expected one malformed signal, got ${JSON.stringify(signals)}`);
  expect(signal.error.code).toBe('SESSION_ERR_PROTOCOL');
  return signal.error.message;
}

const invalidOption = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_INVALID_OPTION');
const protocolError = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_PROTOCOL');
const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

describe('createEnvelopeCodec frame size in UTF-8 bytes', () => {
  // [label, characters, bytes they take in UTF-8 (a lone surrogate is sent as U+FFFD: 3 bytes)]
  const CHARACTERS: readonly [string, string, number][] = [
    ['U+007F (last 1-byte)', '\u007F', 1],
    ['U+0080 (first 2-byte)', '\u0080', 2],
    ['U+07FF (last 2-byte)', '\u07FF', 2],
    ['U+0800 (first 3-byte)', '\u0800', 3],
    ['U+D7FF (last before the surrogates)', '\uD7FF', 3],
    ['U+D7FF before a lone low surrogate (no pair)', '\uD7FF\uDC00', 6],
    ['U+10000 (first 4-byte)', '\uD800\uDC00', 4],
    ['U+10FFFF (last 4-byte)', '\uDBFF\uDFFF', 4],
    ['a lone high surrogate before a letter', '\uD800a', 4],
    ['a lone U+DBFF before U+E000', '\uDBFF\uE000', 6],
    ['a lone low surrogate', '\uDC00', 3],
    ['U+FFFF', '\uFFFF', 3],
  ];

  it.each(CHARACTERS)('counts %s as the bytes UTF-8 needs, accepting exactly maxFrameBytes', (_label, chars, bytes) => {
    const frame = `{"t":"data","data":"${'a'.repeat(40)}${chars.repeat(4)}"}`;
    const size = 22 + 40 + 4 * bytes;
    expect(utf8Bytes(frame)).toBe(size);
    expect(feed(frame, { maxFrameBytes: size }).map((s) => s.kind)).toEqual(['data']);
    expect(malformed(feed(frame, { maxFrameBytes: size - 1 }))).toMatch(/exceeds maxFrameBytes/);
  });

  it('counts a high surrogate that ends the frame as three bytes', () => {
    const frame = `${'a'.repeat(62)}\uD800`; // 65 bytes, not JSON
    expect(malformed(feed(frame, { maxFrameBytes: 65 }))).toMatch(/not valid JSON/);
    expect(malformed(feed(frame, { maxFrameBytes: 64 }))).toMatch(/exceeds maxFrameBytes/);
  });

  it('refuses to encode a message whose frame is one byte over, and encodes it at the limit', () => {
    const text = `${'a'.repeat(40)}${'é'.repeat(4)}`; // frame: 22 + 40 + 8 bytes
    expect(createEnvelopeCodec({ maxFrameBytes: 70 }).encode(text)).toBe(`{"t":"data","data":"${text}"}`);
    const error = protocolError(() => createEnvelopeCodec({ maxFrameBytes: 69 }).encode(text));
    expect(error.message).toBe('An encoded envelope frame exceeds maxFrameBytes (69)');
  });
});

describe('createEnvelopeCodec decode shapes', () => {
  it('emits a status or end without a message key when the frame has none', () => {
    expect(feed('{"t":"status","code":4102}')).toStrictEqual([{ kind: 'status', code: 4102 }]);
    expect(feed('{"t":"end"}')).toStrictEqual([{ kind: 'end' }]);
    expect(feed('{"t":"pong"}')).toStrictEqual([{ kind: 'keepalive' }]);
  });

  it('ignores a non-string message on frames that carry none', () => {
    expect(feed('{"t":"step","step":"tls","message":5}')).toStrictEqual([{ kind: 'step', step: 'tls' }]);
  });

  it('names a JSON value that is no object', () => {
    expect(malformed(feed('5'))).toBe('An envelope frame must be a JSON object (got 5)');
    expect(malformed(feed('"step"'))).toBe('An envelope frame must be a JSON object (got "step")');
  });

  it('hands data to onData instead of emitting it, for text and binary frames', () => {
    const codec = createEnvelopeCodec();
    const signals: WireSignal[] = [];
    const data: unknown[] = [];
    const bytes = new Uint8Array([1, 2]);
    codec.decode('{"t":"data","data":[1]}', (s) => signals.push(s), (d) => data.push(d));
    codec.decode(bytes, (s) => signals.push(s), (d) => data.push(d));
    expect(signals).toEqual([]);
    expect(data).toEqual([[1], bytes]);
    expect(data[1]).toBe(bytes);
  });

  it('keeps decoding after reset(), which has nothing to forget', () => {
    const codec = createEnvelopeCodec();
    const out: WireSignal[] = [];
    codec.decode('{oops', (s) => out.push(s));
    codec.reset();
    codec.decode('{"t":"end"}', (s) => out.push(s));
    expect(out.map((s) => s.kind)).toEqual(['malformed', 'end']);
  });

  it('shows itself as [envelope codec] in JSON', () => {
    expect(JSON.stringify({ codec: createEnvelopeCodec() })).toBe('{"codec":"[envelope codec]"}');
  });
});

describe('envelope builders errors', () => {
  it('refuse an empty string code, naming the value', () => {
    const error = protocolError(() => envelope.status(''));
    expect(error.message).toBe('An envelope status code must be an integer or a non-empty string (got "")');
    expect(error.value).toBe('""');
  });

  it('report the bad value on the error', () => {
    expect(protocolError(() => envelope.status(1.5)).value).toBe('1.5');
    expect(protocolError(() => envelope.end(5 as never)).value).toBe('5');
  });

  it('name the data that JSON cannot serialise and keep the cause', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const error = protocolError(() => envelope.data(cycle));
    expect(error.message).toBe('An envelope message cannot be serialised to JSON (an object with keys self)');
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe('createEnvelopeCodec options', () => {
  it('accepts maxFrameBytes from 64 to 1 GiB inclusive and rejects one past either end', () => {
    expect(() => createEnvelopeCodec({ maxFrameBytes: 64 })).not.toThrow();
    expect(() => createEnvelopeCodec({ maxFrameBytes: 1024 ** 3 })).not.toThrow();
    for (const bad of [63, 1024 ** 3 + 1, 64.5, Number.NaN]) {
      const error = invalidOption(() => createEnvelopeCodec({ maxFrameBytes: bad }));
      expect(error.message).toBe(`maxFrameBytes must be an integer from 64 to 1073741824 (got ${bad})`);
      expect(error.field).toBe('maxFrameBytes');
      expect(error.value).toBe(String(bad));
    }
  });

  it.each([null, 5, 'big'])('rejects the options %s, which are not an object', (options) => {
    const error = invalidOption(() => createEnvelopeCodec(options as never));
    expect(error.message).toMatch(/^Envelope codec options must be an object \(got /);
    expect(error.field).toBe('options');
  });

  it('names an unknown option in the error field', () => {
    const error = invalidOption(() => createEnvelopeCodec({ maxBytes: 10 } as never));
    expect(error.field).toBe('maxBytes');
    expect(error.value).toBe('"maxBytes"');
  });
});
