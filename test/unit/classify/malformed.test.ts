import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { fixtureCatalogs } from '../../support/fixture-catalogs.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const classifier = createClassifier(fixtureCatalogs);

const hostileGetter = Object.defineProperty({}, 'code', { get() { throw new Error('boom'); }, enumerable: true });
const hostileProxy = new Proxy({}, { get() { throw new Error('trap'); }, has() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
const { proxy: revoked, revoke } = Proxy.revocable({ code: 519 }, {});
revoke();

const MALFORMED: readonly (readonly [string, unknown])[] = [
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['1.5', 1.5],
  ['2^53', 2 ** 53],
  ['2^40', 2 ** 40],
  ['2^32', 2 ** 32],
  ['-(2^31)-1', -(2 ** 31) - 1],
  ['-5 for guacamole', -5],
  ['empty string', ''],
  ['blank string', '   '],
  ['bare 0x', '0x'],
  ['12abc', '12abc'],
  ['hex over 32 bits', '0x100000000'],
  ['11 digits', '99999999999'],
  ['negative string for guacamole', '-5'],
  ['10 KB string', '5'.repeat(10 * 1024)],
  ['257-char name', 'A'.repeat(257)],
  ['unmatched text with spaces', 'no such thing here'],
  ['control characters', 'SERVER\u0000BUSY'],
  ['null', null],
  ['undefined', undefined],
  ['array', [519]],
  ['symbol', Symbol('x')],
  ['bigint', 519n],
  ['boolean', true],
  ['function', () => 519],
  ['empty object', {}],
  ['wrong shape', { foo: 1 }],
  ['code of wrong type', { code: true }],
  ['code that is an object', { code: { code: 519 } }],
  ['close code fractional', { code: 1006.5, reason: '' }],
  ['close code negative', { code: -1, reason: '' }],
  ['http status out of range', { status: 42 }],
  ['http status fractional', { status: 503.5 }],
  ['CodeRef with bad code', { space: 'websocket', code: null }],
  ['Error without code', new Error('plain')],
  ['Error with odd code', Object.assign(new Error('x'), { code: 'has spaces in it' })],
  ['throwing getter', hostileGetter],
  ['throwing proxy', hostileProxy],
  ['revoked proxy', revoked],
];

describe('classify (malformed input)', () => {
  it.each(MALFORMED)('throws SESSION_ERR_INVALID_CODE for %s', (_label, input) => {
    const error = sessionErrorFrom(() => classifier.classify('guacamole', input as never));
    expect(error.code).toBe('SESSION_ERR_INVALID_CODE');
    expect(error.value).toBeTypeOf('string');
    expect(error.message).toContain('Cannot classify');
    expect(error.message).toContain('Accepted:');
  });

  it('names the value in the error and never echoes a long string in full', () => {
    const error = sessionErrorFrom(() => classifier.classify('guacamole', 'x'.repeat(5000) + '!'));
    expect(error.value?.length).toBeLessThan(100);
    expect(sessionErrorFrom(() => classifier.classify('guacamole', '12abc')).value).toBe('"12abc"');
  });

  it('rejects an unknown protocol with the accepted ids', () => {
    for (const protocol of ['rdp', '', '__proto__', 'constructor', 42, null, undefined]) {
      const error = sessionErrorFrom(() => classifier.classify(protocol as never, 519));
      expect(error.code, String(protocol)).toBe('SESSION_ERR_UNKNOWN_PROTOCOL');
      expect(error.message).toContain('guacamole, msra, frame, softdrive, tmg, websocket');
    }
  });

  it('rejects a CodeRef into an unknown space', () => {
    expect(sessionErrorFrom(() => classifier.classify('guacamole', { space: 'rdp', code: 1 } as never)).code).toBe('SESSION_ERR_UNKNOWN_PROTOCOL');
  });

  it('rejects bad options with SESSION_ERR_INVALID_OPTION', () => {
    expect(sessionErrorFrom(() => classifier.classify('guacamole', 519, { now: 5 } as never)).code).toBe('SESSION_ERR_INVALID_OPTION');
    expect(sessionErrorFrom(() => classifier.classify('guacamole', 519, 'tmg' as never)).code).toBe('SESSION_ERR_INVALID_OPTION');
  });

  it('rejects malformed codes in lookup and lookupAll', () => {
    expect(sessionErrorFrom(() => classifier.lookup('guacamole', '12abc')).code).toBe('SESSION_ERR_INVALID_CODE');
    expect(sessionErrorFrom(() => classifier.lookupAll(1.5)).code).toBe('SESSION_ERR_INVALID_CODE');
    expect(sessionErrorFrom(() => classifier.lookup('rdp' as never, 1)).code).toBe('SESSION_ERR_UNKNOWN_PROTOCOL');
  });
});

describe('createClassifier (catalog validation)', () => {
  it('rejects a catalog in the wrong group, a repeated space and duplicate codes', () => {
    const [guacamole] = fixtureCatalogs.protocols;
    if (guacamole === undefined) throw new Error('fixture missing');
    expect(sessionErrorFrom(() => createClassifier({ protocols: [], transports: [guacamole] })).code).toBe('SESSION_ERR_INVALID_OPTION');
    expect(sessionErrorFrom(() => createClassifier({ protocols: [guacamole, guacamole], transports: [] })).code).toBe('SESSION_ERR_INVALID_OPTION');
    const first = guacamole.entries[0];
    if (first === undefined) throw new Error('fixture missing');
    const duplicated = { ...guacamole, entries: [...guacamole.entries, first] };
    expect(sessionErrorFrom(() => createClassifier({ protocols: [duplicated], transports: [] })).message).toContain('duplicate code');
  });
});
