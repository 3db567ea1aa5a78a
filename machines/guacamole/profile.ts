/**
 * Guacamole over its WebSocket tunnel. Values follow guacamole-common-js: the tunnel opens on the first
 * internal instruction (the tunnel UUID), the display streams from the first `sync`; the tunnel pings every 500 ms
 * from open to close (the server echoes it) and the client sends guacd a `nop` every 5000 ms, both from the
 * transport; the machine calls the link unstable after 1500 ms without data and gives up after 15000 ms with
 * UPSTREAM_TIMEOUT (514). A socket that cannot open maps to UPSTREAM_NOT_FOUND (519), as the web client
 * maps close 1006. A frame from the server that breaks the wire is 512 SERVER_ERROR (the server's fault, retried
 * within the policy). Behind guacamole-lite the ping is not echoed: liveness then comes from guacd's `sync`, about
 * every second on an idle desktop (docs/wire.md, "Where liveness comes from").
 */
import { guacamoleCatalog } from '../../src/codes/guacamole.js';
import { defineProfile } from '../define-profile.js';
import type { Profile } from '../profile.js';
import { createGuacamoleCodec } from './codec.js';
import type { GuacamoleCodecOptions } from './codec.js';

/**
 * The Guacamole profile with codec options of its own, e.g. `createGuacamoleProfile({ ackSync: false })` for a session
 * whose `sync` acknowledgements come from Guacamole.Client after it has drawn each frame (the guacamole-common-js
 * adapter's profile). The options are validated here, once (SESSION_ERR_INVALID_OPTION). Create it once and share it:
 * the session machine is built once per profile object.
 */
export function createGuacamoleProfile(codecOptions: GuacamoleCodecOptions = {}): Profile {
  createGuacamoleCodec(codecOptions);
  const options = Object.freeze({ ...codecOptions });
  return defineProfile({
    ...GUACAMOLE_PROFILE_DATA,
    createCodec: Object.keys(options).length === 0 ? () => createGuacamoleCodec() : () => createGuacamoleCodec(options),
  });
}

const GUACAMOLE_PROFILE_DATA = {
  id: 'guacamole',
  title: 'Apache Guacamole (WebSocket tunnel)',
  catalog: guacamoleCatalog,
  connectTimeoutMs: 15_000,
  steps: [
    { id: 'tunnel', description: 'tunnel open: the first internal instruction carries the tunnel UUID', timeoutMs: 15_000, timeoutCode: 514 },
    { id: 'sync', description: 'first sync: the remote display is streaming', timeoutMs: 15_000, timeoutCode: 514 },
  ],
  // The tunnel's stability ping every 500 ms (PING_FREQUENCY), whatever the traffic, as WebSocketTunnel sends it from
  // open to close: so the transport sends it, not the machine. The codec adds guacd's nop every 5000 ms.
  keepAlive: { intervalMs: 500, unstableAfterMs: 1_500, deadAfterMs: 15_000 },
  keepAliveSender: 'transport',
  local: {
    connectFailed: 519,
    connectTimeout: 514,
    receiveTimeout: 514,
    severed: 519,
    // The peer broke the wire (a frame that does not parse, a message over the size limit): the server's fault, so
    // SERVER_ERROR with a bounded retry. CLIENT_OVERRUN (781) names what a client sent: not ours to report (issue 11).
    protocolError: 512,
  },
  retry: {},
} as const;

export const guacamoleProfile: Profile = /* @__PURE__ */ createGuacamoleProfile();
