/**
 * Why each outcome in src/codes/errno.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

const CERT_WHY = 'A certificate problem is the same on every attempt and may be an attack; only a certificate or trust change fixes it.';
const FRAME_WHY = 'The same server sends the same malformed frames again; the `ws` client closes with the matching close code.';

export const errnoRationales: Rationales = {
  entries: {
    ENOTFOUND: 'An offline or off-VPN machine gets this for names that do exist; the retry stays within the policy limits.',
    EAI_FAIL: 'DNS server failures are usually temporary; the policy limits stop a lasting one.',
    EADDRINUSE: 'For a client this is usually a brief shortage of ephemeral ports.',
    EADDRNOTAVAIL: 'Seen while the network changes or ports run short; both pass.',
    EMFILE: 'Descriptors free up as other connections close; a 5 s floor avoids spinning.',
    EPROTO: 'A protocol or version mismatch is configuration; the next handshake fails the same way.',
    ERR_TLS_HANDSHAKE_TIMEOUT: 'A slow or lossy network, not a certificate problem: a certificate problem fails fast with its own code.',
    ERR_TLS_CERT_ALTNAME_INVALID: CERT_WHY,
    CERT_HAS_EXPIRED: CERT_WHY,
    CERT_NOT_YET_VALID: CERT_WHY,
    CERT_REVOKED: CERT_WHY,
    CERT_SIGNATURE_FAILURE: CERT_WHY,
    DEPTH_ZERO_SELF_SIGNED_CERT: CERT_WHY,
    SELF_SIGNED_CERT_IN_CHAIN: CERT_WHY,
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: CERT_WHY,
    UNABLE_TO_GET_ISSUER_CERT: CERT_WHY,
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: CERT_WHY,
    ERR_SSL_WRONG_VERSION_NUMBER: 'A scheme or port mismatch is configuration; every attempt fails the same way.',
    WS_ERR_EXPECTED_FIN: FRAME_WHY,
    WS_ERR_INVALID_CLOSE_CODE: FRAME_WHY,
    WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH: FRAME_WHY,
    WS_ERR_INVALID_OPCODE: FRAME_WHY,
    WS_ERR_INVALID_UTF8: FRAME_WHY,
    WS_ERR_UNEXPECTED_MASK: FRAME_WHY,
    WS_ERR_UNEXPECTED_RSV_1: FRAME_WHY,
    WS_ERR_UNEXPECTED_RSV_2_3: FRAME_WHY,
    WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH: FRAME_WHY,
    WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'The size limit is configuration; the next large message hits it again.',
  },
};
