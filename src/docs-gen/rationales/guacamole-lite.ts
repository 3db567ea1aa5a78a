/**
 * Why each outcome in src/codes/guacamole-lite.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const guacamoleLiteRationales: Rationales = {
  entries: {
    SERVICE_UNAVAILABLE: 'guacd refused the connection (ECONNREFUSED): usually guacd restarting or not yet up; it recovers on its own, so retry, but with a 2 s floor, since a guacd that is starting refuses every immediate retry.',
    SERVICE_NOT_FOUND: 'A name that does not resolve is usually configuration, but DNS outages pass; a bounded retry costs little and ends in failed with this cause if it persists.',
    CONNECTION_TIMEOUT: 'ETIMEDOUT on the tunnel-to-guacd link is transient as often as not: a bounded retry.',
    CONNECTION_RESET: 'Seen when guacd is killed and restarted: the session comes back once guacd is up, so retry within the policy.',
    CONNECTION_ERROR: 'guacamole-lite\'s default for any other guacd socket error (EPIPE, EHOSTUNREACH, …): a bounded retry, as for an unknown code.',
    INACTIVITY_TIMEOUT: 'The gateway ended an idle session by its own policy, as Guacamole 522 SESSION_TIMEOUT: reconnecting at once would only restart what the policy just ended.',
    HANDSHAKE_ERROR: 'Can be a guacd restarting mid-handshake; a version mismatch persists and ends in failed after the policy\'s attempts.',
    CONFIG_ERROR: 'The same settings are refused the same way on every attempt; it takes a configuration change.',
    INVALID_TOKEN: 'The token is the credential here: replaying it gets the same refusal (and guacamole-lite 1.2.0 then crashes its own process), so the app must supply a new one.',
  },
};
