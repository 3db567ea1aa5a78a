/**
 * Why each outcome in src/codes/websocket.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const websocketRationales: Rationales = {
  entries: {
    1000: 'A peer that sends 1000 meant to close; reconnecting would undo a deliberate end.',
    1001: 'From a server this usually means a restart or redeploy; the next attempt normally reaches a live instance.',
    1002: 'The same client talking to the same server breaks the protocol the same way again.',
    1003: 'A data-type mismatch between client and server does not go away on reconnect.',
    1004: 'Reserved and never meant to be sent; treated like an unrecognised code (bounded retry).',
    1005: 'Without a code there is no sign the close was deliberate; a bounded retry is the safe reading.',
    1007: 'The same software produces the same malformed payload on the next connection.',
    1008: 'Servers send 1008 when they decide to refuse the client; asking again gets the same decision.',
    1009: 'The size limit is configuration; the next connection hits the same limit.',
    1010: 'Extension support is configuration on either side; retrying does not change it.',
    1011: 'Usually one failed request or a crashed worker; a bounded retry recovers without hammering a broken server.',
    1012: 'The IANA registration asks clients to reconnect after a randomised 5-30 s; the 5 s floor plus policy jitter gives that spread.',
    1013: 'An overloaded server needs room to recover; a 10 s floor keeps a crowd of clients from returning at once.',
    1015: 'TLS failures are nearly always certificate or configuration problems that a retry cannot fix.',
    3003: 'Signing in again as the same user gets the same refusal; only a permission change helps.',
  },
  ranges: {
    '3000-3999': 'Meaning depends on the library; a bounded retry is the conservative default.',
    '4000-4999': 'Only the application knows the meaning (protocol profiles map their own); a bounded retry is the conservative default.',
  },
};
