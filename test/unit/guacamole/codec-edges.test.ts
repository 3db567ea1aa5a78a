/**
 * The Guacamole codec at its edges: nop intervals other than the default, the inclusive option bounds, each
 * message shape encode refuses (by its message, not only its code), the ping memory of 8, and the decoder after
 * reset() (found by `npm run mutate -- guacamole-codec`; docs/testing-quality.md).
 */
import { describe, expect, it } from 'vitest';
import { createGuacamoleCodec } from '../../../machines/guacamole/codec.js';
import type { WireSignal } from '../../../machines/wire.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

function decodeAll(codec: ReturnType<typeof createGuacamoleCodec>, frames: readonly (string | Uint8Array)[]): WireSignal[] {
  const out: WireSignal[] = [];
  for (const frame of frames) codec.decode(frame, (s) => out.push(s));
  return out;
}

const protocolError = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_PROTOCOL');
const invalidOption = (run: () => unknown) => sessionErrorFrom(run, 'SESSION_ERR_INVALID_OPTION');
const NOP = '3.nop;';
/** Whether a keep-alive frame includes the nop for guacd. */
const hasNop = (frame: unknown): boolean => typeof frame === 'string' && frame.startsWith(NOP);

describe('createGuacamoleCodec keep-alive nop interval', () => {
  it('sends the nop again exactly nopIntervalMs after the last one, not a millisecond sooner', () => {
    const codec = createGuacamoleCodec({ nopIntervalMs: 1000 });
    expect(hasNop(codec.keepAliveFrame(0))).toBe(true);
    expect(hasNop(codec.keepAliveFrame(999))).toBe(false);
    expect(hasNop(codec.keepAliveFrame(1000))).toBe(true);
    expect(hasNop(codec.keepAliveFrame(1999))).toBe(false);
    expect(hasNop(codec.keepAliveFrame(2000))).toBe(true);
  });

  it('sends a nop on every keep-alive with nopIntervalMs 1', () => {
    const codec = createGuacamoleCodec({ nopIntervalMs: 1 });
    expect([0, 1, 2].map((t) => hasNop(codec.keepAliveFrame(t)))).toEqual([true, true, true]);
  });

  it('uses a floored, non-negative timestamp in the ping', () => {
    const codec = createGuacamoleCodec();
    expect(codec.keepAliveFrame(1234.9)).toBe('3.nop;0.,4.ping,4.1234;');
    expect(codec.keepAliveFrame(-5)).toBe('0.,4.ping,1.0;');
  });

  it('accepts nopIntervalMs from 1 to 3600000 and names the value outside', () => {
    expect(() => createGuacamoleCodec({ nopIntervalMs: 1 })).not.toThrow();
    expect(() => createGuacamoleCodec({ nopIntervalMs: 3_600_000 })).not.toThrow();
    for (const bad of [0, 3_600_001, 1.5, Number.NaN, '5000']) {
      const error = invalidOption(() => createGuacamoleCodec({ nopIntervalMs: bad as number }));
      expect(error.field).toBe('nopIntervalMs');
      expect(error.message).toMatch(/^nopIntervalMs must be an integer number of milliseconds from 1 to 3600000 \(got /);
    }
  });
});

describe('createGuacamoleCodec options', () => {
  it('names options that are not an object, and the unknown option', () => {
    const notObject = invalidOption(() => createGuacamoleCodec(null as never));
    expect(notObject.message).toBe('Guacamole codec options must be an object (got null)');
    expect(notObject.field).toBe('options');
    const unknown = invalidOption(() => createGuacamoleCodec({ nop: 1 } as never));
    expect(unknown.field).toBe('nop');
    expect(unknown.message).toBe('Unknown Guacamole codec option "nop" (accepted: maxInstructionLength, maxLengthDigits, maxElements, ackSync, answerPing, nopIntervalMs)');
  });

  it.each(['ackSync', 'answerPing'] as const)('names %s when it is not a boolean', (key) => {
    const error = invalidOption(() => createGuacamoleCodec({ [key]: 1 } as never));
    expect(error.field).toBe(key);
    expect(error.message).toBe(`${key} must be true or false (got 1)`);
  });

  it('says whether it acknowledges syncs itself', () => {
    expect(createGuacamoleCodec().acksSync).toBe(true);
    expect(createGuacamoleCodec({ ackSync: false }).acksSync).toBe(false);
  });
});

describe('createGuacamoleCodec encode refusals', () => {
  it.each([
    [5, 'A Guacamole message must be { opcode, args } or [opcode, ...args] (got 5)', '5'],
    [null, 'A Guacamole message must be { opcode, args } or [opcode, ...args] (got null)', 'null'],
    [{ opcode: 1 }, 'A Guacamole message needs a string opcode (got 1)', '1'],
    [[], 'A Guacamole message needs a string opcode (got undefined)', undefined],
    [{ opcode: 'x', args: 'y' }, 'A Guacamole message\'s args must be an array (got "y")', '"y"'],
  ])('refuses %o, saying what is wrong with it', (message, text, value) => {
    const error = protocolError(() => createGuacamoleCodec().encode(message));
    expect(error.message).toBe(text);
    expect(error.value).toBe(value);
  });

  it('takes a missing args as none', () => {
    expect(createGuacamoleCodec().encode({ opcode: 'nop' })).toBe('3.nop;');
  });

  it('reports a message whose reading throws as unreadable, keeping the cause', () => {
    const boom = new Error('trap');
    const hostile = new Proxy(
      {},
      {
        get() {
          throw boom;
        },
      },
    );
    const error = protocolError(() => createGuacamoleCodec().encode(hostile));
    expect(error.message).toBe('A Guacamole message could not be read');
    expect(error.cause).toBe(boom);
  });
});

describe('createGuacamoleCodec ping memory', () => {
  const echoOf = (t: number): string => `0.,4.ping,${String(t).length}.${t};`;
  const replies = (signals: readonly WireSignal[]): number => signals.filter((s) => s.kind === 'reply').length;

  it('recognises the echoes of its last 8 pings and answers one it has forgotten', () => {
    const codec = createGuacamoleCodec();
    for (let t = 1; t <= 9; t++) codec.keepAliveFrame(t * 1000);
    for (let t = 2; t <= 9; t++) expect(replies(decodeAll(codec, [echoOf(t * 1000)])), `echo of ${t * 1000}`).toBe(0);
    // The 9th ping pushed out the 1st: its echo now looks like a ping the server started.
    expect(replies(decodeAll(codec, [echoOf(1000)]))).toBe(1);
  });

  it('forgets an echoed ping, so the same timestamp again is answered', () => {
    const codec = createGuacamoleCodec();
    codec.keepAliveFrame(1000);
    expect(replies(decodeAll(codec, [echoOf(1000)]))).toBe(0);
    expect(replies(decodeAll(codec, [echoOf(1000)]))).toBe(1);
  });

  it('remembers a ping the app sends through encode', () => {
    const codec = createGuacamoleCodec();
    codec.encode(['', 'ping', 42]);
    expect(replies(decodeAll(codec, [echoOf(42)]))).toBe(0);
  });

  it('answers a ping without a timestamp, echoing it as it came', () => {
    const signals = decodeAll(createGuacamoleCodec(), ['0.,4.ping;']);
    expect(signals).toEqual([{ kind: 'keepalive' }, { kind: 'reply', frame: '0.,4.ping;' }]);
  });

  it('forgets every ping on reset()', () => {
    const codec = createGuacamoleCodec();
    codec.keepAliveFrame(1000);
    codec.reset();
    expect(replies(decodeAll(codec, [echoOf(1000)]))).toBe(1);
  });
});

describe('createGuacamoleCodec after reset()', () => {
  const euro = new TextEncoder().encode('4.name,1.€;'); // bytes 9-11 are €: E2 82 AC
  const cut = 10; // inside €

  it('drops a character half-received before the reset: a text frame is read normally', () => {
    const codec = createGuacamoleCodec();
    expect(decodeAll(codec, [euro.slice(0, cut)])).toEqual([]);
    codec.reset();
    expect(decodeAll(codec, ['3.nop;'])).toEqual([{ kind: 'keepalive' }]);
  });

  it('does not finish a character begun before the reset with bytes after it', () => {
    const codec = createGuacamoleCodec();
    decodeAll(codec, [euro.slice(0, cut)]);
    codec.reset();
    const [signal] = decodeAll(codec, [euro.slice(cut)]);
    expect(signal?.kind === 'malformed' && signal.error.message).toBe('A binary Guacamole frame is not valid UTF-8');
  });

  it('forgets the tunnel, the sync and the acknowledged timestamp', () => {
    const codec = createGuacamoleCodec();
    decodeAll(codec, ['0.,36.0f2f5b4e-1c1d-4a64-9b53-1d5e3c1a2b3c;4.sync,2.10;']);
    expect(codec.tunnelId).toBe('0f2f5b4e-1c1d-4a64-9b53-1d5e3c1a2b3c');
    expect(JSON.stringify(codec)).toBe('"[Guacamole codec tunnel 0f2f5b4e-1c1d-4a64-9b53-1d5e3c1a2b3c]"');
    codec.reset();
    expect(codec.tunnelId).toBeNull();
    expect(JSON.stringify(codec)).toBe('"[Guacamole codec]"');
    const signals = decodeAll(codec, ['0.,3.abc;4.sync,2.10;10.disconnect;']);
    expect(signals).toContainEqual({ kind: 'step', step: 'tunnel' });
    expect(signals).toContainEqual({ kind: 'step', step: 'sync' });
    expect(signals).toContainEqual({ kind: 'reply', frame: '4.sync,2.10;' });
    expect(signals.at(-1)).toEqual({ kind: 'end' });
  });

  it('sends its goodbye again on a new connection', () => {
    const codec = createGuacamoleCodec();
    expect(codec.goodbyeFrame?.()).toBe('10.disconnect;');
    expect(codec.goodbyeFrame?.()).toBeNull();
    codec.reset();
    expect(codec.goodbyeFrame?.()).toBe('10.disconnect;');
  });
});

describe('createGuacamoleCodec error and sync instructions', () => {
  it('accepts text codes of 1 to 64 characters and decimal codes of up to 20 digits', () => {
    const codec = () => createGuacamoleCodec();
    const code64 = `A${'B'.repeat(63)}`;
    expect(decodeAll(codec(), [`5.error,3.bad,64.${code64};`])).toEqual([{ kind: 'status', code: code64, message: 'bad' }]);
    expect(decodeAll(codec(), ['5.error,3.bad,1.A;'])).toEqual([{ kind: 'status', code: 'A', message: 'bad' }]);
    expect(decodeAll(codec(), [`5.error,3.bad,65.${code64}B;`]).map((s) => s.kind)).toEqual(['malformed']);
    expect(decodeAll(codec(), [`5.error,3.bad,20.${'1'.repeat(20)};`])).toEqual([{ kind: 'status', code: Number('1'.repeat(20)), message: 'bad' }]);
    expect(decodeAll(codec(), [`5.error,3.bad,21.${'1'.repeat(21)};`]).map((s) => s.kind)).toEqual(['malformed']);
    expect(decodeAll(codec(), ['5.error,3.bad,4.a519;']).map((s) => s.kind)).toEqual(['malformed']);
    expect(decodeAll(codec(), ['5.error,3.bad,4.519a;']).map((s) => s.kind)).toEqual(['malformed']);
  });

  it('names a malformed error or sync instruction and its value', () => {
    const [noCode] = decodeAll(createGuacamoleCodec(), ['5.error,3.bad;']);
    expect(noCode?.kind === 'malformed' && noCode.error.message).toBe('A Guacamole error instruction needs a message and a status code');
    expect(noCode?.kind === 'malformed' && noCode.error.value).toBe('1');
    const [badSync] = decodeAll(createGuacamoleCodec(), ['4.sync,2.1x;']);
    expect(badSync?.kind === 'malformed' && badSync.error.message).toBe('A Guacamole sync instruction has no numeric timestamp (got "1x")');
    expect(badSync?.kind === 'malformed' && badSync.error.value).toBe('"1x"');
  });

  it('hands instructions to onData instead of emitting them', () => {
    const codec = createGuacamoleCodec();
    const signals: WireSignal[] = [];
    const data: unknown[] = [];
    codec.decode('4.size,1.0;4.sync,1.5;', (s) => signals.push(s), (d) => data.push(d));
    expect(data).toEqual([{ opcode: 'size', args: ['0'] }, { opcode: 'sync', args: ['5'] }]);
    expect(signals.map((s) => s.kind)).toEqual(['step', 'reply']);
  });
});

describe('createGuacamoleCodec details', () => {
  it('refuses options that are a number', () => {
    expect(invalidOption(() => createGuacamoleCodec(5 as never)).message).toBe('Guacamole codec options must be an object (got 5)');
  });

  it('reports invalid UTF-8 as a protocol error with its cause, also after reset()', () => {
    const codec = createGuacamoleCodec();
    for (let round = 0; round < 2; round++) {
      const [signal] = decodeAll(codec, [new Uint8Array([0xff, 0x3b])]);
      expect(signal?.kind === 'malformed' && signal.error.code).toBe('SESSION_ERR_PROTOCOL');
      expect(signal?.kind === 'malformed' && signal.error.cause).toBeInstanceOf(TypeError);
      codec.reset();
    }
  });

  it('reports a text frame inside a split character as a protocol error with its cause', () => {
    const codec = createGuacamoleCodec();
    const [signal] = decodeAll(codec, [new TextEncoder().encode('4.name,1.€;').slice(0, 10), '3.nop;']);
    expect(signal?.kind === 'malformed' && signal.error.message).toMatch(/in the middle of a UTF-8 character/);
    expect(signal?.kind === 'malformed' && signal.error.code).toBe('SESSION_ERR_PROTOCOL');
    expect(signal?.kind === 'malformed' && signal.error.cause).toBeInstanceOf(TypeError);
  });

  it.each([
    ['an instruction that is no ping', ['size', 1024, 768], '1024'],
    ['an internal instruction that is no ping', ['', 'nop', 1025], '1025'],
    ['a ping without a timestamp', ['', 'ping'], 'undefined'],
  ])('does not take %s it encodes for a ping of its own', (_label, message, timestamp) => {
    const codec = createGuacamoleCodec();
    codec.encode(message);
    const signals = decodeAll(codec, [`0.,4.ping,${timestamp.length}.${timestamp};`]);
    expect(signals).toContainEqual({ kind: 'reply', frame: `0.,4.ping,${timestamp.length}.${timestamp};` });
  });

  it('names an error status code that is neither decimal nor a text code', () => {
    const [signal] = decodeAll(createGuacamoleCodec(), ['5.error,3.bad,3.5x5;']);
    expect(signal?.kind === 'malformed' && signal.error.message).toBe('A Guacamole error instruction has a status code that is neither decimal nor a text code "5x5"');
  });

  it('takes only a one-element internal instruction for the tunnel UUID', () => {
    const codec = createGuacamoleCodec();
    expect(decodeAll(codec, ['0.,3.abc,3.def;'])).toEqual([{ kind: 'keepalive' }]);
    expect(codec.tunnelId).toBeNull();
  });
});
