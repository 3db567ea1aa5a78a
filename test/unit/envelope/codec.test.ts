import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createEnvelopeCodec, envelope, ENVELOPE_CODEC_DEFAULTS } from '../../../machines/envelope/codec.js';
import type { EnvelopeCodecOptions } from '../../../machines/envelope/codec.js';
import type { WireFrame, WireSignal } from '../../../machines/wire.js';
import { SessionError } from '../../../src/errors/index.js';

function feed(frame: WireFrame, options?: EnvelopeCodecOptions): WireSignal[] {
  const out: WireSignal[] = [];
  createEnvelopeCodec(options).decode(frame, (signal) => out.push(signal));
  return out;
}

function malformedMessage(frame: WireFrame, options?: EnvelopeCodecOptions): string {
  const signals = feed(frame, options);
  expect(signals).toHaveLength(1);
  const [signal] = signals;
  if (signal?.kind !== 'malformed') throw new Error(`expected malformed, got ${JSON.stringify(signal)}`);
  expect(signal.error).toBeInstanceOf(SessionError);
  expect(signal.error.code).toBe('SESSION_ERR_PROTOCOL');
  return signal.error.message;
}

describe('createEnvelopeCodec decode', () => {
  it('decodes steps, statuses and ends', () => {
    expect(feed('{"t":"step","step":"tls"}')).toEqual([{ kind: 'step', step: 'tls' }]);
    expect(feed('{"t":"status","code":4102}')).toEqual([{ kind: 'status', code: 4102 }]);
    expect(feed('{"t":"status","code":"04","message":"heartbeat lost"}')).toEqual([{ kind: 'status', code: '04', message: 'heartbeat lost' }]);
    expect(feed('{"t":"end"}')).toEqual([{ kind: 'end' }]);
    expect(feed('{"t":"end","message":"logged off"}')).toEqual([{ kind: 'end', message: 'logged off' }]);
  });

  it('answers ping with pong and counts both as keepalive', () => {
    expect(feed('{"t":"ping"}')).toEqual([{ kind: 'reply', frame: '{"t":"pong"}' }, { kind: 'keepalive' }]);
    expect(feed('{"t":"pong"}')).toEqual([{ kind: 'keepalive' }]);
  });

  it('delivers data of any JSON type, null included', () => {
    expect(feed('{"t":"data","data":{"x":[1,"two",null]}}')).toEqual([{ kind: 'data', data: { x: [1, 'two', null] } }]);
    expect(feed('{"t":"data","data":null}')).toEqual([{ kind: 'data', data: null }]);
  });

  it('delivers binary frames as received', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const signals = feed(bytes);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.kind === 'data' && signals[0].data).toBe(bytes);
  });

  it('ignores fields it does not know', () => {
    expect(feed('{"t":"step","step":"tls","at":123}')).toEqual([{ kind: 'step', step: 'tls' }]);
  });

  it('keeps decoding after a malformed frame', () => {
    const codec = createEnvelopeCodec();
    const out: WireSignal[] = [];
    for (const frame of ['{oops', '{"t":"pong"}']) codec.decode(frame, (s) => out.push(s));
    expect(out.map((s) => s.kind)).toEqual(['malformed', 'keepalive']);
  });
});

describe('createEnvelopeCodec malformed frames', () => {
  it('names invalid JSON and quotes at most about 60 characters of it', () => {
    const message = malformedMessage(`{"t":"data","data":"${'x'.repeat(500)}`);
    expect(message).toMatch(/not valid JSON/);
    expect(message).toMatch(/\(520 chars\)/);
    expect(message.length).toBeLessThan(150);
  });

  it('names each wrong shape', () => {
    expect(malformedMessage('[1,2]')).toMatch(/must be a JSON object \(got an array of 2\)/);
    expect(malformedMessage('null')).toMatch(/must be a JSON object \(got null\)/);
    expect(malformedMessage('{"step":"tls"}')).toMatch(/unknown type "t" undefined/);
    expect(malformedMessage('{"t":"hello"}')).toMatch(/unknown type "t" "hello"/);
    expect(malformedMessage('{"t":"step"}')).toMatch(/step frame needs a non-empty "step"/);
    expect(malformedMessage('{"t":"step","step":""}')).toMatch(/step frame/);
    expect(malformedMessage('{"t":"status","code":1.5}')).toMatch(/status frame needs an integer .* \(got 1.5\)/);
    expect(malformedMessage('{"t":"status","code":true}')).toMatch(/status frame/);
    expect(malformedMessage('{"t":"status","code":""}')).toMatch(/status frame/);
    expect(malformedMessage('{"t":"status","code":4,"message":5}')).toMatch(/status frame has a non-string "message"/);
    expect(malformedMessage('{"t":"end","message":{}}')).toMatch(/end frame has a non-string "message"/);
    expect(malformedMessage('{"t":"data"}')).toMatch(/no "data" field/);
  });

  it('accepts a text frame of exactly maxFrameBytes UTF-8 bytes and rejects one byte more', () => {
    const max = 100;
    const frameOf = (bytes: number): string => {
      const head = '{"t":"data","data":"';
      const tail = '"}';
      const room = bytes - head.length - tail.length; // filled with two-byte characters, then one ASCII if odd
      return `${head}${'é'.repeat(Math.floor(room / 2))}${room % 2 === 1 ? 'a' : ''}${tail}`;
    };
    expect(new TextEncoder().encode(frameOf(max)).length).toBe(max);
    expect(feed(frameOf(max), { maxFrameBytes: max }).map((s) => s.kind)).toEqual(['data']);
    expect(malformedMessage(frameOf(max + 1), { maxFrameBytes: max })).toMatch(/exceeds maxFrameBytes \(100\)/);
  });

  it('counts astral characters as four bytes', () => {
    const frame = `{"t":"data","data":"${'😀'.repeat(20)}"}`; // 22 + 80 bytes, 62 UTF-16 units
    expect(feed(frame, { maxFrameBytes: 102 }).map((s) => s.kind)).toEqual(['data']);
    expect(feed(frame, { maxFrameBytes: 101 }).map((s) => s.kind)).toEqual(['malformed']);
  });

  it('rejects binary frames over maxFrameBytes', () => {
    expect(feed(new ArrayBuffer(64), { maxFrameBytes: 64 }).map((s) => s.kind)).toEqual(['data']);
    expect(malformedMessage(new ArrayBuffer(65), { maxFrameBytes: 64 })).toMatch(/binary envelope frame of 65 bytes exceeds maxFrameBytes \(64\)/);
  });

  test.prop([fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 })])(
    'never throws and always emits at least one signal for arbitrary text',
    (text) => {
      const signals = feed(text);
      expect(signals.length).toBeGreaterThan(0);
    },
  );

  test.prop([fc.json()])('never throws on arbitrary JSON', (text) => {
    expect(feed(text).length).toBeGreaterThan(0);
  });
});

describe('createEnvelopeCodec encode', () => {
  test.prop([fc.jsonValue()])('round-trips any JSON value through encode and decode', (value) => {
    const codec = createEnvelopeCodec();
    const out: WireSignal[] = [];
    codec.decode(codec.encode(value), (s) => out.push(s));
    expect(out).toEqual([{ kind: 'data', data: JSON.parse(JSON.stringify(value)) }]);
  });

  it('wraps the message in a data envelope', () => {
    expect(createEnvelopeCodec().encode({ a: 1 })).toBe('{"t":"data","data":{"a":1}}');
  });

  it('rejects values JSON cannot carry with SESSION_ERR_PROTOCOL', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const codec = createEnvelopeCodec();
    for (const [index, bad] of [undefined, () => 1, Symbol('s'), 10n, cycle].entries()) {
      let caught: unknown;
      try {
        codec.encode(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught, `case ${index}`).toBeInstanceOf(SessionError);
      expect((caught as SessionError).code).toBe('SESSION_ERR_PROTOCOL');
    }
  });

  it('refuses to encode a frame larger than maxFrameBytes', () => {
    expect(() => createEnvelopeCodec({ maxFrameBytes: 64 }).encode('x'.repeat(100))).toThrow(/exceeds maxFrameBytes \(64\)/);
  });

  it('sends ping as its keep-alive frame, which the other side answers', () => {
    const frame = createEnvelopeCodec().keepAliveFrame(0);
    expect(frame).toBe('{"t":"ping"}');
    expect(feed(frame ?? '')).toContainEqual({ kind: 'reply', frame: '{"t":"pong"}' });
  });
});

describe('envelope builders', () => {
  it('build frames the codec decodes back', () => {
    expect(feed(envelope.step('session-settings'))).toEqual([{ kind: 'step', step: 'session-settings' }]);
    expect(feed(envelope.status(0xc0040017, 'proxy denied'))).toEqual([{ kind: 'status', code: 3221487639, message: 'proxy denied' }]);
    expect(feed(envelope.status('04'))).toEqual([{ kind: 'status', code: '04' }]);
    expect(feed(envelope.end())).toEqual([{ kind: 'end' }]);
    expect(feed(envelope.end('bye'))).toEqual([{ kind: 'end', message: 'bye' }]);
    expect(feed(envelope.data([1, { b: 'c' }]))).toEqual([{ kind: 'data', data: [1, { b: 'c' }] }]);
    expect(feed(envelope.pong())).toEqual([{ kind: 'keepalive' }]);
  });

  it('reject arguments that would build a malformed frame', () => {
    expect(() => envelope.step('')).toThrow(SessionError);
    expect(() => envelope.status(1.5)).toThrow(/integer or a non-empty string \(got 1.5\)/);
    expect(() => envelope.status(4, 5 as unknown as string)).toThrow(/message must be a string/);
    expect(() => envelope.data(undefined)).toThrow(SessionError);
  });
});

describe('createEnvelopeCodec options', () => {
  it('defaults maxFrameBytes to 1 MiB', () => {
    expect(ENVELOPE_CODEC_DEFAULTS.maxFrameBytes).toBe(1_048_576);
    const big = `{"t":"data","data":"${'x'.repeat(1_048_576 - 22)}"}`;
    expect(feed(big).map((s) => s.kind)).toEqual(['data']);
    expect(feed(`${big} `).map((s) => s.kind)).toEqual(['malformed']);
  });

  it('rejects bad options naming the option, the value and what is accepted', () => {
    for (const [options, pattern] of [
      [{ maxFrameBytes: 0 }, /maxFrameBytes must be an integer from 64 to 1073741824 \(got 0\)/],
      [{ maxFrameBytes: '1MB' }, /maxFrameBytes .* \(got "1MB"\)/],
      [{ maxBytes: 10 }, /Unknown envelope codec option "maxBytes" \(accepted: maxFrameBytes\)/],
    ] as const) {
      expect(() => createEnvelopeCodec(options as unknown as EnvelopeCodecOptions)).toThrow(pattern);
    }
  });
});
