import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createGuacamoleCodec, GUACAMOLE_CODEC_DEFAULTS } from '../../../machines/guacamole/codec.js';
import type { GuacamoleCodecOptions, GuacamoleWireCodec } from '../../../machines/guacamole/codec.js';
import type { WireFrame, WireSignal } from '../../../machines/wire.js';
import { SessionError } from '../../../src/errors/index.js';

const UUID = '0f2f5b4e-1c1d-4a64-9b53-1d5e3c1a2b3c';

function decoder(options?: GuacamoleCodecOptions): { codec: GuacamoleWireCodec; feed: (...frames: WireFrame[]) => WireSignal[] } {
  const codec = createGuacamoleCodec(options);
  return {
    codec,
    feed: (...frames) => {
      const out: WireSignal[] = [];
      for (const frame of frames) codec.decode(frame, (signal) => out.push(signal));
      return out;
    },
  };
}

function kinds(signals: readonly WireSignal[]): string[] {
  return signals.map((s) => (s.kind === 'step' ? `step:${s.step}` : s.kind));
}

describe('createGuacamoleCodec handshake', () => {
  it('reports the tunnel step once, on the first internal instruction carrying the UUID', () => {
    const { codec, feed } = decoder();
    expect(codec.tunnelId).toBeNull();
    expect(feed(`0.,36.${UUID};`)).toEqual([{ kind: 'step', step: 'tunnel' }]);
    expect(codec.tunnelId).toBe(UUID);
    expect(feed(`0.,36.${UUID};`)).toEqual([{ kind: 'keepalive' }]);
    codec.reset();
    expect(codec.tunnelId).toBeNull();
    expect(kinds(feed(`0.,36.${UUID};`))).toEqual(['step:tunnel']);
  });

  it('does not take a ping or an empty internal instruction for the UUID', () => {
    const { codec, feed } = decoder();
    expect(kinds(feed('0.;', '0.,0.;'))).toEqual(['keepalive', 'keepalive']);
    expect(codec.tunnelId).toBeNull();
  });

  it('reports the sync step on the first sync, delivers every sync as data and acknowledges it', () => {
    const { feed } = decoder();
    expect(feed('4.sync,4.1234;')).toEqual([
      { kind: 'step', step: 'sync' },
      { kind: 'data', data: { opcode: 'sync', args: ['1234'] } },
      { kind: 'reply', frame: '4.sync,4.1234;' },
    ]);
    expect(feed('4.sync,4.1300,1.2;')).toEqual([
      { kind: 'data', data: { opcode: 'sync', args: ['1300', '2'] } },
      { kind: 'reply', frame: '4.sync,4.1300;' },
    ]);
  });

  it('acknowledges a repeated timestamp once, as Guacamole.Client does', () => {
    const { feed } = decoder();
    expect(kinds(feed('4.sync,2.10;4.sync,2.10;4.sync,2.11;'))).toEqual(['step:sync', 'data', 'reply', 'data', 'data', 'reply']);
  });

  it('does not acknowledge syncs when ackSync is false', () => {
    const { feed } = decoder({ ackSync: false });
    expect(kinds(feed('4.sync,2.10;'))).toEqual(['step:sync', 'data']);
  });

  it('reports the sync step again after reset()', () => {
    const { codec, feed } = decoder();
    feed('4.sync,1.1;');
    codec.reset();
    expect(kinds(feed('4.sync,1.1;'))).toEqual(['step:sync', 'data', 'reply']);
  });
});

describe('createGuacamoleCodec control instructions', () => {
  it('turns error into a numeric status with its message', () => {
    const { feed } = decoder();
    expect(feed('5.error,19.Upstream timed out.,3.514;')).toEqual([{ kind: 'status', code: 514, message: 'Upstream timed out.' }]);
  });

  it('turns an error with a gateway text code into a status keeping the text (guacamole-lite)', () => {
    expect(decoder().feed('5.error,27.Desktop service unavailable,19.SERVICE_UNAVAILABLE;')).toEqual([
      { kind: 'status', code: 'SERVICE_UNAVAILABLE', message: 'Desktop service unavailable' },
    ]);
    expect(decoder().feed('5.error,3.new,13.SOMETHING_NEW;')).toEqual([{ kind: 'status', code: 'SOMETHING_NEW', message: 'new' }]);
  });

  it('reports an error whose code is neither decimal nor a text code, or is missing, as malformed', () => {
    const long = 'A'.repeat(65);
    for (const frame of ['5.error,3.bad,4.0x1F;', '5.error,3.bad;', '5.error,3.bad,0.;', '5.error,3.bad,3.-12;', '5.error,3.bad,4.boom;', '5.error,3.bad,9.token=abc;', `5.error,3.bad,65.${long};`]) {
      const signals = decoder().feed(frame);
      expect(signals).toHaveLength(1);
      expect(signals[0]?.kind).toBe('malformed');
    }
  });

  it('turns disconnect after the first sync into end, and nop into keepalive', () => {
    const { feed } = decoder();
    feed('4.sync,1.1;');
    expect(feed('10.disconnect;')).toEqual([{ kind: 'end' }]);
    expect(decoder().feed('3.nop;')).toEqual([{ kind: 'keepalive' }]);
  });

  it('turns disconnect before the first sync into a DISCONNECT_WITHOUT_STATUS status: guacd gave up on the connection', () => {
    const { codec, feed } = decoder();
    expect(kinds(feed(`0.,37.$${UUID};`))).toEqual(['step:tunnel']);
    expect(feed('10.disconnect;')).toEqual([{ kind: 'status', code: 'DISCONNECT_WITHOUT_STATUS', message: 'disconnect before the first sync' }]);
    codec.reset();
    feed('4.sync,1.1;');
    codec.reset();
    expect(kinds(feed('10.disconnect;'))).toEqual(['status']);
  });

  it('delivers every other instruction as data', () => {
    expect(decoder().feed('4.size,1.0,4.1024,3.768;')).toEqual([{ kind: 'data', data: { opcode: 'size', args: ['0', '1024', '768'] } }]);
  });

  it('reports a sync without a numeric timestamp as malformed', () => {
    expect(kinds(decoder().feed('4.sync;'))).toEqual(['malformed']);
    expect(kinds(decoder().feed('4.sync,3.abc;'))).toEqual(['malformed']);
  });

  it('emits signals in wire order across one frame', () => {
    const { feed } = decoder();
    const frame = `0.,36.${UUID};4.size,1.0,1.8,1.8;4.sync,1.5;3.nop;5.error,2.no,3.519;10.disconnect;`;
    expect(kinds(feed(frame))).toEqual(['step:tunnel', 'data', 'step:sync', 'data', 'reply', 'keepalive', 'status', 'end']);
  });
});

describe('createGuacamoleCodec ping', () => {
  it('echoes a ping the server starts and counts it as keepalive', () => {
    expect(decoder().feed('0.,4.ping,13.1700000000000;')).toEqual([
      { kind: 'keepalive' },
      { kind: 'reply', frame: '0.,4.ping,13.1700000000000;' },
    ]);
  });

  it('does not answer the echo of a ping it sent', () => {
    const { codec, feed } = decoder();
    expect(codec.encode(['', 'ping', 42])).toBe('0.,4.ping,2.42;');
    expect(feed('0.,4.ping,2.42;')).toEqual([{ kind: 'keepalive' }]);
    // A later, different ping from the server is answered again.
    expect(kinds(feed('0.,4.ping,2.43;'))).toEqual(['keepalive', 'reply']);
  });

  it('does not answer its own echo coming back, so two echoing peers cannot loop', () => {
    const { feed } = decoder();
    expect(kinds(feed('0.,4.ping,1.7;'))).toEqual(['keepalive', 'reply']);
    expect(kinds(feed('0.,4.ping,1.7;'))).toEqual(['keepalive']);
  });

  it('only counts pings as keepalive when answerPing is false', () => {
    expect(kinds(decoder({ answerPing: false }).feed('0.,4.ping,1.7;'))).toEqual(['keepalive']);
  });
});

describe('createGuacamoleCodec frames', () => {
  it('decodes binary frames as UTF-8, even with a character split between frames', () => {
    const bytes = new TextEncoder().encode('4.name,1.😀;');
    const cut = bytes.indexOf(0xf0) + 2; // inside the four-byte emoji
    const { feed } = decoder();
    expect(feed(bytes.slice(0, cut).buffer, bytes.slice(cut))).toEqual([{ kind: 'data', data: { opcode: 'name', args: ['😀'] } }]);
  });

  it('reports a text frame arriving in the middle of a character split across binary frames as malformed', () => {
    const bytes = new TextEncoder().encode('4.name,1.😀;');
    const cut = bytes.indexOf(0xf0) + 2;
    const signals = decoder().feed(bytes.slice(0, cut), '3.nop;');
    expect(kinds(signals)).toEqual(['malformed']);
    expect(signals[0]?.kind === 'malformed' && signals[0].error.message).toMatch(/middle of a UTF-8 character/);
  });

  it('takes text frames after complete binary frames, and binary frames after text ones', () => {
    const binary = (text: string) => new TextEncoder().encode(text);
    expect(kinds(decoder().feed(binary('4.name,1.😀;'), '3.nop;', binary('3.nop;'), '3.nop;'))).toEqual(['data', 'keepalive', 'keepalive', 'keepalive']);
  });

  it('reads an ArrayBufferView at its own offset', () => {
    const whole = new TextEncoder().encode('xxxx3.nop;yyyy');
    expect(decoder().feed(whole.subarray(4, 10))).toEqual([{ kind: 'keepalive' }]);
    expect(decoder().feed(new DataView(whole.buffer, 4, 6))).toEqual([{ kind: 'keepalive' }]);
  });

  it('reports invalid UTF-8 as malformed', () => {
    const signals = decoder().feed(new Uint8Array([0x33, 0x2e, 0xff, 0xfe]));
    expect(kinds(signals)).toEqual(['malformed']);
    expect(signals[0]?.kind === 'malformed' && signals[0].error.message).toMatch(/UTF-8/);
  });

  it('reports a parse error once, ignores later frames, and recovers after reset()', () => {
    const { codec, feed } = decoder();
    const signals = feed('3.nop;4.size,99999999.');
    expect(kinds(signals)).toEqual(['keepalive', 'malformed']);
    const malformed = signals[1];
    expect(malformed?.kind === 'malformed' && malformed.error).toBeInstanceOf(SessionError);
    expect(malformed?.kind === 'malformed' && malformed.error.code).toBe('SESSION_ERR_PROTOCOL');
    expect(feed('3.nop;', '10.disconnect;')).toEqual([]);
    codec.reset();
    expect(kinds(feed('3.nop;'))).toEqual(['keepalive']);
  });

  it('applies the parser limits given as options', () => {
    const { feed } = decoder({ maxElements: 2 });
    expect(kinds(feed('1.a,1.b;1.a,1.b,1.c;'))).toEqual(['data', 'malformed']);
  });

  it('lets an exception from emit propagate, then reports the stream as malformed', () => {
    const codec = createGuacamoleCodec();
    const boom = new Error('listener failed');
    expect(() =>
      codec.decode('3.nop;3.nop;', () => {
        throw boom;
      }),
    ).toThrow(boom);
    const out: WireSignal[] = [];
    codec.decode('3.nop;', (s) => out.push(s));
    expect(kinds(out)).toEqual(['malformed']);
  });

  test.prop([fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 })])(
    'never throws from decode on arbitrary text',
    (text) => {
      const codec = createGuacamoleCodec();
      expect(() => codec.decode(text, () => {})).not.toThrow();
      expect(() => codec.decode(text, () => {})).not.toThrow();
    },
  );

  test.prop([fc.uint8Array({ maxLength: 60 })])('never throws from decode on arbitrary bytes', (bytes) => {
    const codec = createGuacamoleCodec();
    expect(() => codec.decode(bytes, () => {})).not.toThrow();
  });
});

describe('createGuacamoleCodec encode', () => {
  it('encodes { opcode, args } and [opcode, ...args]', () => {
    const codec = createGuacamoleCodec();
    expect(codec.encode({ opcode: 'mouse', args: [10, 20, 1] })).toBe('5.mouse,2.10,2.20,1.1;');
    expect(codec.encode({ opcode: 'nop' })).toBe('3.nop;');
    expect(codec.encode(['key', 65307, 1])).toBe('3.key,5.65307,1.1;');
  });

  it('rejects anything else with SESSION_ERR_PROTOCOL', () => {
    const codec = createGuacamoleCodec();
    const trap: ProxyHandler<object> = {
      get() {
        throw new Error('trap');
      },
    };
    const hostile = new Proxy({}, trap);
    const hostileArgs = { opcode: 'x', args: new Proxy([], trap) };
    const cases = [null, undefined, 'nop', 5, {}, { opcode: 1 }, { opcode: 'x', args: 'y' }, [], [1], ['x', {}], ['x', Number.NaN], hostile, hostileArgs];
    for (const [index, bad] of cases.entries()) {
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

  it('keeps alive like guacamole-common-js: a tunnel ping every time, a nop for guacd once 5 s have passed', () => {
    const codec = createGuacamoleCodec();
    expect(codec.keepAliveFrame(1000)).toBe('3.nop;0.,4.ping,4.1000;');
    expect(codec.keepAliveFrame(1500)).toBe('0.,4.ping,4.1500;');
    expect(codec.keepAliveFrame(5999)).toBe('0.,4.ping,4.5999;');
    expect(codec.keepAliveFrame(6000)).toBe('3.nop;0.,4.ping,4.6000;');
    codec.reset();
    expect(codec.keepAliveFrame(6100)).toBe('3.nop;0.,4.ping,4.6100;');
  });

  it('takes the server\'s echo of its own keep-alive ping as liveness, without echoing it back', () => {
    const codec = createGuacamoleCodec();
    const signals: WireSignal[] = [];
    codec.keepAliveFrame(2500);
    codec.decode('0.,4.ping,4.2500;', (s) => signals.push(s));
    expect(signals).toEqual([{ kind: 'keepalive' }]);
  });

  it('validates nopIntervalMs', () => {
    expect(() => createGuacamoleCodec({ nopIntervalMs: 0 })).toThrow('nopIntervalMs must be an integer number of milliseconds from 1 to 3600000 (got 0)');
  });
});

describe('createGuacamoleCodec options', () => {
  it('exports its defaults', () => {
    expect(GUACAMOLE_CODEC_DEFAULTS).toMatchObject({ ackSync: true, answerPing: true, maxInstructionLength: 8192 });
  });

  it('rejects bad options naming the option and the value', () => {
    expect(() => createGuacamoleCodec({ ackSync: 'yes' as unknown as boolean })).toThrow(/ackSync must be true or false \(got "yes"\)/);
    expect(() => createGuacamoleCodec({ maxElement: 4 } as unknown as GuacamoleCodecOptions)).toThrow(/Unknown Guacamole codec option "maxElement"/);
    expect(() => createGuacamoleCodec({ maxLengthDigits: 99 })).toThrow(/maxLengthDigits must be an integer from 1 to 15 \(got 99\)/);
  });
});
