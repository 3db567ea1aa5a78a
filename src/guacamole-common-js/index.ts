/**
 * session-lifecycle/guacamole-common-js: guacamole-common-js draws, the session runs the lifecycle
 * (docs/guacamole-common-js.md). guacamole-common-js is an optional peer: nothing here imports it.
 */
export { createGuacamoleTunnel } from './create-tunnel.js';
export { attachGuacamoleClient } from './attach-client.js';
export type { AttachGuacamoleClientOptions, GuacamoleClientAttachment } from './attach-client.js';
export { guacamoleCommonJsProfile } from './profile.js';
export { SessionStatus, guacamoleStatusCode, GUACAMOLE_STATUS_FOR_NAME } from './status.js';
export { tunnelStateFor } from './tunnel-state.js';
export type { TunnelStateInput } from './tunnel-state.js';
export { TUNNEL_STATE } from './guacamole-types.js';
export type { GuacamoleClientLike, GuacamoleStatusLike, GuacamoleTunnelLike, TunnelState } from './guacamole-types.js';
export type { GuacamoleSessionTunnel } from './session-tunnel.js';
