import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const now = (): number => NOW;

describe('classify (HTTP answers with a Guacamole-Status-Code header)', () => {
  it('reads the Guacamole status from the header, the HTTP status kept in via', () => {
    const result = classify('guacamole', { status: 403, headers: { 'Guacamole-Status-Code': '769' } });
    expect(result).toMatchObject({ space: 'guacamole', code: 769, name: 'CLIENT_UNAUTHORIZED', outcome: 'reauthenticate' });
    expect(result.via).toMatchObject({ space: 'http', code: 403 });
  });

  it('finds the header in any case, as an array value, or through a fetch-style Headers object', () => {
    expect(classify('guacamole', { status: 403, headers: { 'guacamole-status-code': ['771'] } })).toMatchObject({ code: 771, outcome: 'fatal' });
    expect(classify('guacamole', { status: 409, headers: { 'GUACAMOLE-STATUS-CODE': ' 517 ' } })).toMatchObject({ code: 517, outcome: 'user-decision' });
    const headers = new Headers({ 'Guacamole-Status-Code': '769', 'Guacamole-Error-Message': 'Permission denied.' });
    expect(classify('guacamole', { status: 403, headers } as never)).toMatchObject({ code: 769, via: { code: 403 } });
    expect(classify('guacamole', { status: 403, headers: { get: (name: string) => (name === 'guacamole-status-code' ? '769' : null) } })).toMatchObject({ code: 769 });
  });

  it('still applies Retry-After to a retryable Guacamole status from the header', () => {
    const result = classify('guacamole', { status: 503, headers: { 'Guacamole-Status-Code': '513', 'Retry-After': '120' } }, { now });
    expect(result).toMatchObject({ code: 513, outcome: 'retry-later', retryAfterMs: 120_000 });
  });

  it.each([
    ['not a number', 'denied'],
    ['empty', ''],
    ['trailing junk', '769abc'],
    ['too long', '99999999999'],
    ['negative', '-769'],
    ['a status Guacamole does not have', '4242'],
  ])('falls back to the HTTP status for a garbage header value (%s), without throwing', (_label, value) => {
    expect(classify('guacamole', { status: 403, headers: { 'Guacamole-Status-Code': value } })).toMatchObject({ space: 'http', code: 403 });
  });

  it('falls back to the HTTP status when the header cannot be read', () => {
    const throwing = { get: (name: string): string | null => { if (name === 'guacamole-status-code') throw new Error('boom'); return null; } };
    expect(classify('guacamole', { status: 403, headers: throwing })).toMatchObject({ space: 'http', code: 403 });
    expect(classify('guacamole', { status: 403, headers: { 'Guacamole-Status-Code': 769 } as never })).toMatchObject({ space: 'http', code: 403 });
  });

  it('leaves other spaces to the HTTP status (the header is Guacamole\'s)', () => {
    expect(classify('http', { status: 403, headers: { 'Guacamole-Status-Code': '769' } })).toMatchObject({ space: 'http', code: 403 });
    expect(classify('frame', { status: 403, headers: { 'Guacamole-Status-Code': '769' } })).toMatchObject({ space: 'http', code: 403 });
  });
});
