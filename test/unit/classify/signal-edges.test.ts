/**
 * Reading signals at their edges: the number range's ends, each printed form and what is not one, the
 * shapes of signal objects, headers, and what free text keeps (found by `npm run mutate -- classify`;
 * docs/testing-quality.md).
 */
import { describe, expect, it } from 'vitest';
import { decodeSignal, parseCodeText, redactMessage } from '../../../src/classify/signal.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';

const invalidCode = (input: unknown) => sessionErrorFrom(() => decodeSignal(input), 'SESSION_ERR_INVALID_CODE');
const why = (input: unknown): string => /^Cannot classify .*?: (.*?)\. Accepted: /s.exec(invalidCode(input).message)?.[1] ?? '';

describe('parseCodeText numbers', () => {
  it.each([
    ['-2147483648', -(2 ** 31)],
    ['-12', -12],
    ['-5', -5],
    ['-0005', -5],
    ['4294967295', 2 ** 32 - 1],
    ['0xFFFFFFFF', 2 ** 32 - 1],
    ['0x0207', 519],
  ])('reads %s as %s', (text, value) => {
    expect(parseCodeText(text)).toEqual({ kind: 'number', value });
  });

  it.each(['-2147483649', '4294967296', '-', '--5', '-5-'])('finds no code in %s, past the range or no number', (text) => {
    expect(parseCodeText(text)).toBeUndefined();
  });

  it('reads -0 as 0', () => {
    const parsed = parseCodeText('-0');
    expect(parsed?.kind === 'number' && Object.is(parsed.value, 0)).toBe(true);
  });

  it('reads a word with a dash and digits after it as text, not as a negative number', () => {
    expect(parseCodeText('x-5')).toEqual({ kind: 'text', text: 'x-5' });
  });

  it('accepts 256 characters and refuses 257', () => {
    expect(parseCodeText(`${' '.repeat(253)}519`)).toEqual({ kind: 'number', value: 519 });
    expect(parseCodeText(`${' '.repeat(254)}519`)).toBeUndefined();
  });

  it('finds nothing in an empty or blank string, or a lone table bar', () => {
    for (const text of ['', '   ', '|', ' | ']) expect(parseCodeText(text)).toBeUndefined();
  });
});

describe('parseCodeText printed forms', () => {
  it.each([
    ['Error Code 04', { kind: 'number', value: 4 }],
    ['error code: 519', { kind: 'number', value: 519 }],
    ['Exit Code #3', { kind: 'number', value: 3 }],
    ['Result code 7', { kind: 'number', value: 7 }],
    ['Status code 12', { kind: 'number', value: 12 }],
    ['Code 12', { kind: 'number', value: 12 }],
    ['Error 12', { kind: 'number', value: 12 }],
    ['519 (UPSTREAM_NOT_FOUND)', { kind: 'number', value: 519, label: 'UPSTREAM_NOT_FOUND' }],
    ['519 ( UPSTREAM_NOT_FOUND )', { kind: 'number', value: 519, label: 'UPSTREAM_NOT_FOUND' }],
    ['Error Code 10 OtherClientConnected', { kind: 'number', value: 10, label: 'OtherClientConnected' }],
    ['Error Code 01TLSHandshakeFailed', { kind: 'number', value: 1, label: 'TLSHandshakeFailed' }],
    ['12204/ 12304', { kind: 'number', value: 12204, also: 12304 }],
    ['1001–1004', { kind: 'number', value: 1001, also: 1004 }],
    ['1001 - 1004', { kind: 'number', value: 1001, also: 1004 }],
    ['0x10/0x20 (PAIR)', { kind: 'number', value: 16, also: 32, label: 'PAIR' }],
    ['12204/ 12304 |', { kind: 'number', value: 12204, also: 12304 }],
    ['0 |', { kind: 'number', value: 0 }],
    ['0|', { kind: 'number', value: 0 }],
  ])('reads %s', (text, parsed) => {
    expect(parseCodeText(text)).toStrictEqual(parsed);
  });

  it('reads a printed number with an empty label as the number alone', () => {
    expect(parseCodeText('519 ()')).toBeUndefined();
    expect(parseCodeText('519 (  )')).toStrictEqual({ kind: 'number', value: 519 });
  });

  it('finds no code when the second number is out of range', () => {
    expect(parseCodeText('1/4294967296')).toBeUndefined();
  });

  it.each(['x519', '519 (a) b', 'code', '| 519'])('does not read %s as a printed number', (text) => {
    const parsed = parseCodeText(text);
    expect(parsed?.kind).not.toBe('number');
  });
});

describe('parseCodeText names', () => {
  it.each(['SERVER_BUSY', '_x', 'a', 'A1_b2'])('reads the symbolic name %s as text', (text) => {
    expect(parseCodeText(text)).toStrictEqual({ kind: 'text', text });
  });

  it.each([
    ['WSA_RWS_TIMEOUT or FWX_E_TIMEOUT', 'WSA_RWS_TIMEOUT', 'FWX_E_TIMEOUT'],
    ['A  or   B', 'A', 'B'],
    ['a or b', 'a', 'b'],
    ['_1 or _2', '_1', '_2'],
  ])('reads "%s" as a name with another name', (text, first, or) => {
    expect(parseCodeText(text)).toStrictEqual({ kind: 'text', text: first, or });
  });

  it.each(['A or B!', '1A or B', 'A or 1B', 'AorB x', 'A-B or C'])('does not read "%s" as two names', (text) => {
    const parsed = parseCodeText(text);
    expect(parsed !== undefined && 'or' in parsed).toBe(false);
  });

  it('reads words with punctuation as text, and nothing that starts with a digit-less symbol', () => {
    expect(parseCodeText("Can't connect (proxy), try later/now")).toStrictEqual({ kind: 'text', text: "Can't connect (proxy), try later/now" });
    expect(parseCodeText('Bad gateway!')).toBeUndefined();
    expect(parseCodeText('!Bad')).toBeUndefined();
    expect(parseCodeText('_ bad')).toBeUndefined();
  });
});

describe('decodeSignal numbers', () => {
  it('accepts the ends of the number range and refuses one past them', () => {
    expect(decodeSignal(-(2 ** 31))).toMatchObject({ kind: 'code', code: { value: -(2 ** 31) } });
    expect(decodeSignal(2 ** 32 - 1)).toMatchObject({ kind: 'code', code: { value: 2 ** 32 - 1 } });
    for (const bad of [-(2 ** 31) - 1, 2 ** 32, 1.5, Number.NaN]) {
      expect(why(bad)).toBe('a code number is an integer from −2^31 to 2^32−1');
    }
  });

  it('reads -0 as 0, alone and as a code field', () => {
    const alone = decodeSignal(-0);
    expect(alone.kind === 'code' && Object.is(alone.code.kind === 'number' && alone.code.value, 0)).toBe(true);
    const field = decodeSignal({ code: -0, message: 'm' });
    expect(field.kind === 'code' && Object.is(field.code.kind === 'number' && field.code.value, 0)).toBe(true);
    const close = decodeSignal({ code: -0, reason: '' });
    expect(close.kind === 'close' && Object.is(close.code, 0)).toBe(true);
  });
});

describe('decodeSignal objects', () => {
  it('names why each wrong input is refused', () => {
    expect(why(true)).toBe('it is not a code, a string or a signal object');
    expect(why(null)).toBe('it is not a code, a string or a signal object');
    expect(why(undefined)).toBe('it is not a code, a string or a signal object');
    expect(why('%%%')).toBe('the string is no code form');
    expect(why([519])).toBe('an array is not a signal');
    expect(why({ code: true })).toBe('the object has none of the accepted shapes');
    expect(why({ space: 'http', code: 1.5 })).toBe('`code` must be an integer code or a code string');
    expect(why({ status: 99 })).toBe('an HTTP status is an integer from 100 to 999');
    expect(why({ status: 1000 })).toBe('an HTTP status is an integer from 100 to 999');
    expect(why({ code: -1, reason: '' })).toBe('a close code is a non-negative integer');
    expect(why(new Error('no code'))).toBe('an error without a string `code` (nor a `cause` with one)');
    expect(why(Object.assign(new Error('x'), { code: '1bad' }))).toBe('an error code is a short identifier such as ECONNREFUSED');
  });

  it('says reading threw when a getter on the signal throws', () => {
    const hostile = {
      get code(): never {
        throw new Error('boom');
      },
    };
    expect(why(hostile)).toBe('reading it threw');
  });

  it('accepts HTTP statuses 100 and 999, the ends of the range', () => {
    expect(decodeSignal({ status: 100 })).toMatchObject({ kind: 'http', status: 100 });
    expect(decodeSignal({ status: 999 })).toMatchObject({ kind: 'http', status: 999 });
  });

  it('accepts close code 0 and keeps a reason only when it is a string', () => {
    expect(decodeSignal({ code: 0, wasClean: false })).toStrictEqual({ kind: 'close', code: 0, reason: undefined, message: undefined });
    expect(decodeSignal({ code: 1006, reason: 5 })).toStrictEqual({ kind: 'close', code: 1006, reason: undefined, message: undefined });
  });

  it('reads an error code from the cause only when the error has none and the cause is an object with a string code', () => {
    const viaCause = new Error('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(decodeSignal(viaCause)).toStrictEqual({ kind: 'errno', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
    expect(decodeSignal(new Error('outer', { cause: { code: 'ETIMEDOUT' } }))).toStrictEqual({ kind: 'errno', code: 'ETIMEDOUT', message: 'outer' });
    expect(why(new Error('outer', { cause: { code: 5 } }))).toBe('an error without a string `code` (nor a `cause` with one)');
    expect(why(new Error('outer', { cause: null }))).toBe('an error without a string `code` (nor a `cause` with one)');
    expect(why(new Error('outer', { cause: 'ECONNREFUSED' }))).toBe('an error without a string `code` (nor a `cause` with one)');
    expect(why(Object.assign(new Error('x'), { code: 5n }))).toBe('the object has none of the accepted shapes');
  });

  it('reads an object with a code but no error as a code, and an error with a numeric code as a code', () => {
    expect(decodeSignal({ code: 'ECONNRESET' })).toMatchObject({ kind: 'code', code: { kind: 'text', text: 'ECONNRESET' } });
    expect(decodeSignal(Object.assign(new Error('m'), { code: 519 }))).toMatchObject({ kind: 'code', code: { kind: 'number', value: 519 } });
  });

  it('trims an error code and accepts 64 characters, not 65', () => {
    expect(decodeSignal(Object.assign(new Error('x'), { code: ' ECONNRESET ' }))).toMatchObject({ kind: 'errno', code: 'ECONNRESET' });
    expect(decodeSignal(Object.assign(new Error('x'), { code: `E${'A'.repeat(63)}` }))).toMatchObject({ kind: 'errno' });
    expect(why(Object.assign(new Error('x'), { code: `E${'A'.repeat(64)}` }))).toMatch(/short identifier/);
    expect(why(Object.assign(new Error('x'), { code: 'E CONN' }))).toMatch(/short identifier/);
    expect(decodeSignal(Object.assign(new Error('x'), { code: 'ERR_a.b:c-d' }))).toMatchObject({ kind: 'errno', code: 'ERR_a.b:c-d' });
  });
});

describe('decodeSignal HTTP headers', () => {
  const http = (extra: object) => decodeSignal({ status: 503, ...extra });

  it('reads Retry-After given directly, as a number or a string', () => {
    expect(http({ retryAfter: 30 })).toMatchObject({ retryAfter: 30 });
    expect(http({ retryAfter: '30' })).toMatchObject({ retryAfter: '30' });
    expect(http({ retryAfter: true, headers: { 'retry-after': '7' } })).toMatchObject({ retryAfter: '7' });
  });

  it('reads headers from a record whatever their case, string or first of an array', () => {
    expect(http({ headers: { 'Retry-After': '5', 'Guacamole-Status-Code': '519' } })).toMatchObject({ retryAfter: '5', guacamoleStatus: 519 });
    expect(http({ headers: { 'retry-after': ['6', '9'] } })).toMatchObject({ retryAfter: '6' });
    expect(http({ headers: { 'retry-after': [6] } })).toMatchObject({ retryAfter: undefined });
    expect(http({ headers: { 'retry-after': 6 } })).toMatchObject({ retryAfter: undefined });
    expect(http({ headers: null })).toMatchObject({ retryAfter: undefined, guacamoleStatus: undefined });
  });

  it('reads headers from a fetch-style get()', () => {
    const headers = new Headers({ 'Retry-After': '8', 'Guacamole-Status-Code': ' 769 ' });
    expect(http({ headers })).toMatchObject({ retryAfter: '8', guacamoleStatus: 769 });
  });

  it('drops a Guacamole-Status-Code that is not a plain decimal in range, or whose reading throws', () => {
    for (const value of ['519x', 'x519', '5 19', '-1', '', '12345678901', '4294967296']) {
      expect(http({ headers: { 'guacamole-status-code': value } }), value).toMatchObject({ guacamoleStatus: undefined });
    }
    expect(http({ headers: { 'guacamole-status-code': '4294967295' } })).toMatchObject({ guacamoleStatus: 4294967295 });
    expect(http({ headers: { 'guacamole-status-code': '\t12\n' } })).toMatchObject({ guacamoleStatus: 12 });
    const throwing = {
      get(): never {
        throw new Error('boom');
      },
    };
    expect(http({ retryAfter: 1, headers: throwing })).toMatchObject({ guacamoleStatus: undefined });
  });
});

describe('redactMessage', () => {
  it('replaces URLs and www addresses, and keeps the words around them', () => {
    expect(redactMessage('see https://gw.example/t?token=abc now')).toBe('see [url] now');
    expect(redactMessage('see git+ssh://host/repo and www.example.com/path?q=1 too')).toBe('see [url] and [url] too');
    expect(redactMessage('a://b')).toBe('[url]');
  });

  it('leaves text that only looks partly like a URL', () => {
    expect(redactMessage('1http://x')).toBe('1http://x'); // a scheme starts at a word boundary
    expect(redactMessage('www. spaced')).toBe('www. spaced');
    expect(redactMessage('www./path')).toBe('www./path');
  });

  it('trims, and gives undefined for a message that is empty once cleaned or not a string', () => {
    expect(redactMessage('  padded  ')).toBe('padded');
    expect(redactMessage('   ')).toBeUndefined();
    expect(redactMessage('')).toBeUndefined();
    expect(redactMessage(5)).toBeUndefined();
  });

  it('looks only at the first 8192 characters of a huge message', () => {
    const huge = `${'a'.repeat(8192)}https://secret.example/`;
    expect(redactMessage(huge)).not.toContain('[url]');
    expect(redactMessage(huge)).not.toContain('secret');
    expect(redactMessage(`${'a '.repeat(50)}https://secret.example/`)).toContain('[url]');
  });
});
