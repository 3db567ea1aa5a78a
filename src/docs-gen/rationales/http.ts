/**
 * Why each outcome in src/codes/http.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const httpRationales: Rationales = {
  entries: {
    200: 'A server or proxy that ignores the upgrade does the same on every attempt.',
    301: 'WebSocket clients do not follow redirects on the upgrade, so every attempt ends the same way.',
    302: 'WebSocket clients do not follow redirects on the upgrade, so every attempt ends the same way.',
    303: 'WebSocket clients do not follow redirects on the upgrade, so every attempt ends the same way.',
    307: 'WebSocket clients do not follow redirects on the upgrade, so every attempt ends the same way.',
    308: 'WebSocket clients do not follow redirects on the upgrade, so every attempt ends the same way.',
    400: 'The same request gets the same answer; something in the URL or client must change.',
    403: 'Valid credentials were refused; only a permission or origin change helps.',
    404: 'The same request gets the same answer; something in the URL or client must change.',
    405: 'The same request gets the same answer; something in the URL or client must change.',
    407: 'Replaying the same (missing or wrong) proxy credentials would fail again and may lock the account.',
    409: 'Usually the server has not yet noticed our previous, dead connection; waiting 5 s lets it expire, and the policy limits stop a lasting conflict.',
    410: 'The same request gets the same answer; something in the URL or client must change.',
    413: 'The same request gets the same answer; something in the URL or client must change.',
    414: 'The same request gets the same answer; something in the URL or client must change.',
    426: 'The same request gets the same answer; something in the URL or client must change.',
    429: 'Quick retries count against the limit and prolong it; a 10 s floor applies unless Retry-After asks for more.',
    431: 'The same request gets the same answer; something in the URL or client must change.',
    500: 'Often one failed request; a bounded retry recovers without hammering a broken server.',
    501: 'Missing support is configuration; retrying cannot add it.',
    503: 'The server says it cannot serve now; a 5 s floor unless Retry-After asks for more.',
    505: 'A version mismatch is configuration; retrying sends the same version.',
    511: 'Only the user can pass the portal; these are not the session credentials, so asking for a new password would be wrong.',
  },
  ranges: {
    '100-199': 'Only 101 completes an upgrade; another 1xx final answer means the server does not speak WebSocket here.',
    '200-299': 'A server that does not upgrade does the same on every attempt.',
    '300-399': 'WebSocket clients do not follow redirects on the upgrade; the URL must change.',
    '400-499': 'The same request gets the same rejection; known transient 4xx (408, 409, 429) have their own entries.',
    '500-599': 'Server-side failures are often temporary; the retry is bounded by the policy limits.',
  },
};
