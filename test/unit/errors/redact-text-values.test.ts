/**
 * How far a secret value reaches in free text: `redactText` redacts a quoted value whole, an unquoted `key=value`
 * up to the end of its clause (a password may hold spaces), the credential after an auth scheme, and leaves prose
 * that merely names a secret readable. Hostile input stays cheap: the input is bounded and every pattern linear.
 */
import { describe, expect, it } from 'vitest';
import { REDACT_DEFAULTS, redactText } from '../../../src/errors/redact.js';

/** redactText without the output cut, so a whole case shows. */
const redact = (text: string): string => redactText(text, 100_000);

describe('redactText (an unquoted key=value runs to the end of its clause)', () => {
  it.each([
    ['password=correct horse battery', 'password=***'],
    ['login failed: password=correct horse battery staple', 'login failed: password=***'],
    ['secret=two words, then prose', 'secret=***, then prose'],
    ['password=a b c; retry in 5 s', 'password=***; retry in 5 s'],
    ['password=a b&user=bob', 'password=***&user=***'],
    ['(password=correct horse) expired', '(password=***) expired'],
    ['[token=a b] {session=c d} <sig=e f>', '[token=***] {session=***} <sig=***>'],
    ['"password=correct horse", next', '"password=***", next'],
    ["token=abc isn't valid", 'token=***'],
  ])('redacts the whole value of %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('ends the value at a line break (control characters still print as spaces)', () => {
    expect(redact('password=correct horse\nuser logged out')).toBe('password=*** user logged out');
    expect(redact('password=correct horse\r\nnext')).toBe('password=*** next');
    expect(redact('password=correct horse\u2028next')).toBe('password=*** next');
    expect(redact('password=correct\thorse battery')).toBe('password=***'); // a tab is no line break
  });

  it('ends the value before the next key=value or key: value pair', () => {
    expect(redact('password=correct horse user=bob')).toBe('password=*** user=bob');
    expect(redact('password=correct horse user = bob')).toBe('password=*** user = bob');
    expect(redact('password=correct horse user: bob')).toBe('password=*** user: bob');
    expect(redact('password=correct horse "user":"bob"')).toBe('password=*** "user":"bob"');
    // a colon inside a word is no pair: "horse:battery" may be part of the password
    expect(redact('password=correct horse:battery now')).toBe('password=***');
  });

  it('redacts every secret of several pairs in one string, and keeps the others', () => {
    expect(redact('user=bob password=correct horse token=abc; sig=x y, width=1024')).toBe(
      'user=bob password=*** token=***; sig=***, width=1024',
    );
    expect(redact('msg="token=abc def" api_key: k1 Session: closed')).toBe('msg="token=***" api_key: *** Session: closed');
  });

  it('redacts a secret at the very end of the text and leaves a key without a value', () => {
    expect(redact('bye token=abc')).toBe('bye token=***');
    expect(redact('bye password=correct horse')).toBe('bye password=***');
    for (const text of ['bye password=', 'bye token:', 'bye password= ', 'token=&x=1', 'password=;']) {
      expect(redact(text), text).toBe(text.replace('&x=1', '&x=***'));
    }
  });

  it('keeps prose that only names a secret, and status codes', () => {
    for (const text of [
      'session closed by the server; token expired',
      'the password is wrong, try again',
      'Session: closed, code 519',
      'Error Code: 04 (auth: failed)',
      'code=519 retry later',
      'guac code=0x0203 upstream error',
    ]) {
      expect(redact(text), text).toBe(text);
    }
    expect(redact('otp code=123456 sent by sms')).toBe('otp code=***');
  });

  it('keeps a URL readable next to a multi-word secret', () => {
    expect(redact('connect wss://bob:pw@gw.test/t?token=abc failed; password=a b')).toBe(
      'connect wss://***@gw.test/t?token=*** failed; password=***',
    );
  });

  it('still finds a URL whose scheme follows punctuation or a dotted prefix', () => {
    expect(redact('-wss://u:pw@h/t?token=abc')).toBe('-wss://***@h/t?token=***');
    expect(redact('see.this:wss://u:pw@h/')).toBe('see.this:wss://***@h/');
    expect(redact('x.wss://u:pw@h/')).toBe('x.wss://***@h/');
  });

  it('fails safe in a scheme-less query string: a value with a raw space runs to the end of its clause', () => {
    expect(redact('/login?user=bob&password=correct horse&x=1')).toBe('/login?user=***&password=***&x=***');
    expect(redact('GET /t?token=abc HTTP/1.1')).toBe('GET /t?token=***');
  });
});

describe('redactText (quoted values)', () => {
  it.each([
    ['password: "correct horse"', 'password: "***"'],
    ["password='correct horse' next", "password='***' next"],
    ['{"password":"correct horse battery","user":"bob"}', '{"password":"***","user":"bob"}'],
    ["{'secret': 'a b', 'user': 'bob'}", "{'secret': '***', 'user': 'bob'}"],
    ['token = "a, b; c & d" done', 'token = "***" done'],
  ])('redacts %s up to the closing quote', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('honours escaped quotes and backslashes inside the value', () => {
    expect(redact('password="a\\"b c" next')).toBe('password="***" next');
    expect(redact("password='it\\'s mine' next")).toBe("password='***' next");
    expect(redact('{"secret":"x\\\\","user":"bob"}')).toBe('{"secret":"***","user":"bob"}');
    expect(redact('{"secret":"x\\\\\\"y z","user":"bob"}')).toBe('{"secret":"***","user":"bob"}');
  });

  it('redacts an unclosed quoted value to the end of the text', () => {
    expect(redact('password="correct horse battery')).toBe('password="***');
    expect(redact('password="abc\\')).toBe('password="***');
    expect(redact("token: 'abc def\nnext line")).toBe("token: '***");
  });
});

describe('redactText (auth schemes)', () => {
  it.each([
    ['Authorization: Bearer abc', 'Authorization: Bearer ***'],
    ['Authorization: Bearer eyJhbGc.eyJzdWIi.sig-_', 'Authorization: Bearer ***'],
    ['authorization: bearer eyJ.x.y', 'authorization: bearer ***'],
    ['Authorization: Basic dXNlcjpwYXNz', 'Authorization: Basic ***'],
    ['Authorization: Token abc123, retry', 'Authorization: Token ***, retry'],
    ['Proxy-Authorization: Basic abc', 'Proxy-Authorization: Basic ***'],
    ['authorization=Bearer abc def; next', 'authorization=Bearer ***; next'],
    ['x-auth=Token a b', 'x-auth=Token ***'],
    ['Authorization: Token "a b c"', 'Authorization: Token "***"'],
  ])('keeps the scheme and redacts the credential of %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('redacts scheme and credential together after any other secret key', () => {
    expect(redact('token: Bearer abc')).toBe('token: ***');
    expect(redact('password=Basic instinct 2')).toBe('password=***');
    expect(redact('password=Token')).toBe('password=***');
  });

  it('leaves a scheme with no credential, and the word "Token" in prose', () => {
    expect(redact('Authorization: Bearer')).toBe('Authorization: Bearer');
    expect(redact('Authorization: Bearer, retry')).toBe('Authorization: Bearer, retry');
    expect(redact('Token expired, please sign in')).toBe('Token expired, please sign in');
  });
});

describe('redactText (unicode)', () => {
  it('redacts values of non-ASCII words, emoji and Unicode spaces whole', () => {
    expect(redact('password=pässwört größe 😀 x')).toBe('password=***');
    expect(redact('token=日本語 トークン、次')).toBe('token=***');
    expect(redact('password=a\u00a0b\u3000c, next')).toBe('password=***, next');
    expect(redact('password: "秘密 😀" ok')).toBe('password: "***" ok');
  });

  it('keeps non-ASCII prose around the secret', () => {
    expect(redact('Sitzung beendet: password=geheim wort; später erneut')).toBe('Sitzung beendet: password=***; später erneut');
    expect(redact('セッション終了 token=abc')).toBe('セッション終了 token=***');
  });

  it('cuts the result after redaction without splitting a surrogate pair', () => {
    const out = redactText('😀 password=correct horse 😀😀😀', 15);
    expect(out).toBe('😀 password=***');
    expect(redactText('password=a b 😀😀', 14)).toBe('password=***');
  });
});

describe('redactText (hostile input)', () => {
  const size = 100_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const hostile: Record<string, string> = {
    'many short words after a password': `password=${fill('a ')}`,
    'one long word of = signs': `token=${fill('y=')}`,
    'key=value chains': fill('x=y'),
    'secret pairs': fill('token=a '),
    'colon pairs': fill('password: a '),
    'escaped quotes, never closed': `password="${fill('\\"')}`,
    'unclosed quotes': fill('password="'),
    'apostrophes': fill("a'"),
    'a run of spaces': `password=a${' '.repeat(size)}`,
    'words of 63 characters': `password=a ${fill(`${'k'.repeat(63)} `)}`,
    'auth schemes': fill('Authorization: Bearer '),
    'URLs': fill('wss://a/b?token=c '),
    'dotted words (scheme characters, no ://)': fill('a.'),
    'dotted words, then ://': `${fill('a-')} ://h`,
    'query strings': fill('?a=b&'),
    'line breaks': fill('password=a\n b\r'),
    'separators and spaces': fill('password =   '),
  };

  it.each(Object.entries(hostile))('handles 100 KB of %s quickly (the input is cut, the patterns are linear)', (_name, text) => {
    const started = performance.now();
    const out = redactText(text);
    const elapsedMs = performance.now() - started;
    expect(out.length).toBeLessThanOrEqual(REDACT_DEFAULTS.maxLength);
    // linear work on the bounded input takes about a millisecond; a backtracking pattern would take seconds
    expect(elapsedMs).toBeLessThan(250);
  });

  it('still redacts the secret at the start of a hostile input', () => {
    expect(redactText(`password=hunter2 ${fill('x ')}`, 100_000)).toBe('password=***');
    expect(redactText(`password="hunter2 ${fill('\\"')}`, 100_000)).toBe('password="***');
  });
});
