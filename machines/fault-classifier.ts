/**
 * Turns what the transport saw (a close, an error, a rejected upgrade) into a Classification in the profile's
 * terms: a generic network failure becomes the protocol's own code for that local condition (a Frame user sees
 * 4102, not 1006), with the raw transport classification kept in `via`; anything more specific (an HTTP 401, a
 * certificate error, a code of the protocol's own) is kept as it is.
 */
import type { Classification, CodeValue } from '../src/codes/types.js';
import type { Profile } from './profile.js';
import type { TransportEvent } from './wire.js';

type CloseEvent = Extract<TransportEvent, { type: 'transport.close' }>;
type ErrorEvent = Extract<TransportEvent, { type: 'transport.error' }>;

export interface FaultClassifier {
  /** A close event; `opened` says whether the socket had opened (severed) or not (connect failed). */
  close(event: CloseEvent, now: number, opened: boolean): Classification;
  error(event: ErrorEvent, now: number): Classification;
}

export function createFaultClassifier(profile: Profile): FaultClassifier {
  const localize = (raw: Classification, code: CodeValue): Classification =>
    raw.space === profile.id || raw.space === profile.gateway || (raw.outcome !== 'retry' && raw.known)
      ? raw
      : Object.freeze({ ...profile.own(code), via: raw });

  return {
    close(event, now, opened) {
      const raw = profile.classify({ code: event.code, reason: event.reason, wasClean: event.wasClean }, { now });
      return localize(raw, opened ? profile.local.severed : profile.local.connectFailed);
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
        ? profile.classify({ code: failure.code, message: failure.message }, { now })
        : profile.classify({ space: 'websocket', code: 1006 }, { now });
      const dns = failure.code === 'ENOTFOUND' || failure.code === 'EAI_AGAIN' ? profile.local.dnsFailed : undefined;
      return localize(raw, dns ?? (failure.beforeOpen ? profile.local.connectFailed : profile.local.severed));
    },
  };
}
