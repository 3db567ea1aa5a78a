/**
 * Turns what the transport saw (a close, an error, a rejected upgrade) into a Classification in the profile's
 * terms: a generic network failure becomes the protocol's own code for that local condition (a Frame user sees
 * 4102, not 1006), with the raw transport classification kept in `via`; anything more specific (an HTTP 401, a
 * certificate error, a code of the protocol's own) is kept as it is.
 */
import type { Classification, CodeValue } from '../src/codes/types.js';
import { unknownClassification } from '../src/classify/space-index.js';
import type { Profile } from './profile.js';
import type { TransportEvent, WireSignal } from './wire.js';

type CloseEvent = Extract<TransportEvent, { type: 'transport.close' }>;
type ErrorEvent = Extract<TransportEvent, { type: 'transport.error' }>;
type StatusSignal = Extract<WireSignal, { kind: 'status' }>;

/** A gateway's text status code as the codecs pass it on (guacamole-lite's `SERVICE_UNAVAILABLE`). */
const TEXT_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface FaultClassifier {
  /** A close event; `opened` says whether the socket had opened (severed) or not (connect failed). */
  close(event: CloseEvent, now: number, opened: boolean): Classification;
  error(event: ErrorEvent, now: number): Classification;
  /**
   * A status the peer sent on the wire. A text code no catalog or gateway vocabulary knows is `known: false` with a
   * bounded retry, the text kept as the code (the peer spoke a vocabulary we have not met, which is not malformed).
   * May throw for a code the classifier refuses (the machine turns that into the profile's protocol-error code).
   */
  status(signal: StatusSignal, now: number): Classification;
}

export function createFaultClassifier(profile: Profile): FaultClassifier {
  const localize = (raw: Classification, code: CodeValue): Classification =>
    raw.space === profile.id || raw.space === profile.gateway || (raw.outcome !== 'retry' && raw.known)
      ? raw
      : Object.freeze({ ...profile.own(code), via: raw });

  /**
   * A socket error's code (`ECONNREFUSED`, `ERR_TLS_CERT_ALTNAME_INVALID`): what the profile's catalogs say, or, for a
   * code none of them knows (a Node code newer than the catalog; errno in a browser build of the profile run over `ws`,
   * which carries no errno catalog), `known: false` in the errno space with a bounded retry and the code kept, as the
   * network failure it is, never an unclassifiable signal.
   */
  const socketErrorCode = (code: string, message: string, now: number): Classification => {
    try {
      return profile.classify({ code, message }, { now });
    } catch {
      return Object.freeze({ ...unknownClassification('errno', code, 'socket error'), message });
    }
  };

  return {
    close(event, now, opened) {
      const raw = profile.classify({ code: event.code, reason: event.reason, wasClean: event.wasClean }, { now });
      // A close that reads as success (Guacamole 1000 / reason "0") while the session is still online came without the
      // peer's goodbye (a goodbye ends the session before its close arrives): the tunnel lost guacd, or the tunnel
      // server shut down (guacamole-lite closes 1000 on SIGTERM). The link was severed, not ended on purpose.
      if (raw.outcome === 'ok') return Object.freeze({ ...profile.own(opened ? profile.local.severed : profile.local.connectFailed), via: raw });
      return localize(raw, opened ? profile.local.severed : profile.local.connectFailed);
    },
    status(signal, now) {
      const { code, message } = signal;
      const withMessage = message === undefined ? {} : { message };
      try {
        return profile.classify({ code, ...withMessage }, { now });
      } catch (error) {
        if (typeof code !== 'string' || !TEXT_CODE.test(code)) throw error;
        return Object.freeze({ ...unknownClassification(profile.id, code, `${profile.title} status`), ...withMessage });
      }
    },
    error(event, now) {
      const { failure } = event;
      // The peer stopped reading (the send buffer passed its limit): the link is broken, in the profile's own code.
      if (failure.overflow) return Object.freeze({ ...profile.own(profile.local.severed), message: failure.message });
      // `ws` refused what the peer sent (a message over maxPayload, bad UTF-8, a broken frame): the peer broke the wire.
      if (failure.code?.startsWith('WS_ERR_')) return Object.freeze({ ...profile.own(profile.local.protocolError), message: failure.message });
      if (failure.http) {
        const { status, retryAfter, guacamoleStatus } = failure.http;
        return profile.classify({
          status,
          ...(retryAfter === undefined ? {} : { retryAfter }),
          ...(guacamoleStatus === undefined ? {} : { headers: { 'guacamole-status-code': guacamoleStatus } }),
        }, { now });
      }
      const raw = failure.code
        ? socketErrorCode(failure.code, failure.message, now)
        : profile.classify({ space: 'websocket', code: 1006 }, { now });
      const dns = failure.code === 'ENOTFOUND' || failure.code === 'EAI_AGAIN' ? profile.local.dnsFailed : undefined;
      return localize(raw, dns ?? (failure.beforeOpen ? profile.local.connectFailed : profile.local.severed));
    },
  };
}
