import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../../src/classify/create-classifier.js';
import { fixtureCatalogs } from '../../support/fixture-catalogs.js';

const { classify } = createClassifier(fixtureCatalogs);
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const now = (): number => NOW;

describe('classify (HTTP upgrade answers)', () => {
  it('classifies a status in the http space whatever the protocol', () => {
    expect(classify('guacamole', { status: 401 })).toMatchObject({ space: 'http', code: 401, outcome: 'reauthenticate' });
    expect(classify('http', { status: 503 })).toMatchObject({ space: 'http', outcome: 'retry-later', retryAfterMs: 5000 });
    expect(classify('frame', { status: 418 })).toMatchObject({ space: 'http', name: 'CLIENT_ERROR', outcome: 'fatal' });
  });

  it('raises the floor to a longer Retry-After in seconds, and keeps the floor when the header is shorter', () => {
    expect(classify('guacamole', { status: 503, retryAfter: '120' }, { now }).retryAfterMs).toBe(120_000);
    expect(classify('guacamole', { status: 503, retryAfter: 2 }, { now }).retryAfterMs).toBe(5000);
  });

  it('reads Retry-After as an HTTP-date relative to the injected clock', () => {
    const date = new Date(NOW + 90_000).toUTCString();
    expect(classify('guacamole', { status: 503, headers: { 'Retry-After': date } }, { now }).retryAfterMs).toBe(90_000);
  });

  it('turns a plain retry into retry-later when the answer carries Retry-After', () => {
    const result = classify('guacamole', { status: 502, headers: { 'retry-after': ['30'] } }, { now });
    expect(result).toMatchObject({ code: 502, outcome: 'retry-later', retryAfterMs: 30_000 });
    expect(classify('guacamole', { status: 502 }).outcome).toBe('retry');
  });

  it('reads the header from a fetch-style Headers object', () => {
    const headers = new Headers({ 'Retry-After': '45' });
    expect(classify('guacamole', { status: 503, headers } as never, { now }).retryAfterMs).toBe(45_000);
  });

  it('ignores Retry-After on outcomes that never retry, and junk header values', () => {
    expect(classify('guacamole', { status: 401, retryAfter: '60' }, { now })).toMatchObject({ outcome: 'reauthenticate' });
    expect(classify('guacamole', { status: 401, retryAfter: '60' }, { now }).retryAfterMs).toBeUndefined();
    expect(classify('guacamole', { status: 502, retryAfter: 'soon' }, { now }).outcome).toBe('retry');
  });

  it("prefers TMG's own entry for the status behind a TMG gateway, keeping the http one in via", () => {
    const result = classify('guacamole', { status: 502 }, { gateway: 'tmg' });
    expect(result).toMatchObject({ space: 'tmg', code: 502, name: 'BAD_GATEWAY' });
    expect(result.via).toMatchObject({ space: 'http', code: 502 });
    expect(classify('guacamole', { status: 401 }, { gateway: 'tmg' })).toMatchObject({ space: 'http', code: 401 });
  });
});

describe('classify (Node errors)', () => {
  it('classifies an Error with a string code in the errno space and keeps its message', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classify('guacamole', error)).toMatchObject({ space: 'errno', code: 'ECONNREFUSED', known: true, message: 'connect ECONNREFUSED 127.0.0.1:9' });
  });

  it("uses the cause's code when the outer error has none (fetch failed)", () => {
    const cause = Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' });
    const error = new TypeError('fetch failed', { cause });
    expect(classify('frame', error)).toMatchObject({ space: 'errno', code: 'CERT_HAS_EXPIRED', outcome: 'fatal', message: 'certificate has expired' });
  });

  it('answers known:false in errno for an unknown error code', () => {
    const error = Object.assign(new Error('odd'), { code: 'ERR_SOMETHING_NEW' });
    expect(classify('msra', error)).toMatchObject({ space: 'errno', code: 'ERR_SOMETHING_NEW', known: false, outcome: 'retry' });
  });

  it('reads a plain object with an errno code the same way', () => {
    expect(classify('softdrive', { code: 'ECONNREFUSED', message: 'refused' })).toMatchObject({ space: 'errno', known: true, message: 'refused' });
  });

  it('redacts URLs in error messages', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND for https://h.example/?token=abc'), { code: 'ENOTFOUND' });
    expect(classify('guacamole', error).message).not.toContain('token=abc');
  });
});
