import { describe, expect, it } from 'vitest';
import { REDACT_DEFAULTS, UNPARSEABLE_URL, redactText, redactUrl } from '../../../src/transport/index.js';
import { isSessionError } from '../../../src/errors/index.js';

describe('redactUrl', () => {
  it('replaces userinfo with ***@ and keeps scheme, host, port and path', () => {
    expect(redactUrl('wss://alice:hunter2@gw.example.com:8443/guac/tunnel')).toBe('wss://***@gw.example.com:8443/guac/tunnel');
    expect(redactUrl('wss://token-only@gw.example.com/')).toBe('wss://***@gw.example.com/');
  });

  it('redacts every query value but keeps the keys', () => {
    expect(redactUrl('wss://h/p?token=abc')).toBe('wss://h/p?token=***');
    expect(redactUrl('wss://h/p?token=abc&width=1024&sig=x%3Dy')).toBe('wss://h/p?token=***&width=***&sig=***');
  });

  it('redacts valueless query parts and the fragment entirely', () => {
    expect(redactUrl('https://h/p?s3cr3t#access_token=abc')).toBe('https://h/p?***#***');
    expect(redactUrl('https://h/p?=abc&k=')).toBe('https://h/p?***&k=***');
  });

  it('leaves a URL without secrets unchanged', () => {
    expect(redactUrl('ws://127.0.0.1:4822/websocket-tunnel')).toBe('ws://127.0.0.1:4822/websocket-tunnel');
  });

  it('returns a placeholder, never the input, for text it cannot parse', () => {
    for (const bad of ['not a url', 'wss://user:pw@[::1/x?token=abc', '', '//h/p?token=abc']) {
      expect(redactUrl(bad)).toBe(UNPARSEABLE_URL);
    }
    expect(redactUrl(42 as unknown as string)).toBe(UNPARSEABLE_URL);
  });

  it('redacts the query of a scheme-less host:port (which URL parses as an opaque URL)', () => {
    expect(redactUrl('localhost:8080/x?token=abc')).toBe('localhost:8080/x?token=***');
  });
});

describe('redactText', () => {
  it('redacts every URL inside free text', () => {
    const text = 'connect to wss://bob:pw@gw.test/t?token=abc failed, retried https://gw.test/health?k=v';
    expect(redactText(text)).toBe('connect to wss://***@gw.test/t?token=*** failed, retried https://gw.test/health?k=***');
  });

  it('redacts query values left in scheme-less text', () => {
    expect(redactText('GET /tunnel?token=abc&user=bob HTTP/1.1')).toBe('GET /tunnel?token=***&user=*** HTTP/1.1');
  });

  it('replaces an unparseable URL in text with the placeholder', () => {
    expect(redactText('Invalid URL: ws://u:hunter2@[bad/x?token=secret')).toBe(`Invalid URL: ${UNPARSEABLE_URL}`);
  });

  it('turns control characters into spaces', () => {
    expect(redactText('line one\r\nline\u0000two\u001b[31m')).toBe('line one line two [31m');
  });

  it('truncates to maxLength with an ellipsis, after redaction', () => {
    const long = `${'x'.repeat(300)} wss://h/p?token=abc`;
    const out = redactText(long);
    expect(out).toHaveLength(REDACT_DEFAULTS.maxLength);
    expect(out.endsWith('…')).toBe(true);
    expect(redactText('abcdef', 4)).toBe('abc…');
    expect(redactText('abc', 3)).toBe('abc');
  });

  it('does not leave half of a surrogate pair when truncating', () => {
    const out = redactText('ab😀cd', 4);
    expect(out).toBe('ab…');
  });

  it('never lets a secret through, even in a URL cut by the input bound', () => {
    const text = `${'y'.repeat(REDACT_DEFAULTS.maxInputLength - 20)} wss://h/p?token=supersecretvalue`;
    expect(redactText(text, 100_000)).not.toContain('supersecret');
  });

  it('rejects a maxLength that is not a positive integer, naming the value', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      let caught: unknown;
      try {
        redactText('x', bad);
      } catch (error) {
        caught = error;
      }
      expect(isSessionError(caught, 'SESSION_ERR_INVALID_OPTION')).toBe(true);
      expect((caught as Error).message).toContain('maxLength');
    }
  });

  it('returns an empty string for a non-string input', () => {
    expect(redactText(undefined as unknown as string)).toBe('');
  });
});

describe('redactText (secrets as key=value in free text)', () => {
  it('redacts token=SECRET outside a URL query', () => {
    expect(redactText('auth failed: token=SECRET')).toBe('auth failed: token=***');
    expect(redactText('reason: token=abc, retry')).toBe('reason: token=***, retry');
  });

  it.each([
    ['access_token=abc', 'access_token=***'],
    ['Password=hunter2', 'Password=***'],
    ['client_secret=s3', 'client_secret=***'],
    ['key=k1 api_key=k2 X-Api-Key=k3', 'key=*** api_key=*** X-Api-Key=***'],
    ['auth=a session=s sessionid=x JSESSIONID=y', 'auth=*** session=*** sessionid=*** JSESSIONID=***'],
    ['signature=abc sig=def', 'signature=*** sig=***'],
    ['code=SplxlOBeZQQYbYS6WxSbIA', 'code=***'],
    ['token = spaced', 'token = ***'],
    ['(token=abc)', '(token=***)'],
    ['{"access_token":"abc.def","user":"bob"}', '{"access_token":"***","user":"bob"}'],
    ["api_key='xyz'", "api_key='***'"],
  ])('redacts the value of %s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('redacts key: value only for names that cannot be ordinary words, and the credential after Bearer', () => {
    // The value runs to the end of its clause, after `:` as after `=`: a passphrase may hold spaces.
    expect(redactText('password: hunter2 now')).toBe('password: ***');
    expect(redactText('password: correct horse battery, try again')).toBe('password: ***, try again');
    expect(redactText('X-Api-Key: abc')).toBe('X-Api-Key: ***');
    expect(redactText('Authorization: Bearer eyJhbGc.x.y')).toBe('Authorization: Bearer ***');
    expect(redactText('Session: closed by admin')).toBe('Session: closed by admin');
    expect(redactText('auth: failed')).toBe('auth: failed');
  });

  it('keeps ordinary text and status codes: a close reason, "Error Code 04", code=519', () => {
    for (const text of ['519', 'Error Code 04', 'Error Code: 04', 'code=519', 'code=0xC0040017', 'error_code=10061', 'monkey=3', 'at 12:30, ratio=1:2']) {
      expect(redactText(text), text).toBe(text);
    }
  });

  it('redacts a code= value that is not a status code (OAuth codes, one-time codes of 6+ digits)', () => {
    expect(redactText('otp code=123456')).toBe('otp code=***');
    expect(redactText('auth_code=abc123')).toBe('auth_code=***');
  });
});
