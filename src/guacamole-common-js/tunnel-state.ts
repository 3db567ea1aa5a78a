/**
 * The tunnel state a session stands for (docs/guacamole-common-js.md, "States"): OPEN when ready, UNSTABLE while the
 * ready link is unstable and while the session recovers a link that had opened (backoff, attempts, suspended, a wait
 * for the user), CONNECTING until the first open, CLOSED before the first connect and once the session is closed or
 * failed. A pure function of the projection, so the mapping is tested without sockets.
 */
import type { SessionProjection } from '../../machines/project.js';
import { TUNNEL_STATE } from './guacamole-types.js';
import type { TunnelState } from './guacamole-types.js';

export interface TunnelStateInput {
  readonly connectivity: SessionProjection['connectivity'];
  /** Between the session's `unstable` and `stable` events. */
  readonly unstable: boolean;
  /** The tunnel has been OPEN at least once (a retry before that is still CONNECTING, as nothing was open). */
  readonly opened: boolean;
}

export function tunnelStateFor({ connectivity, unstable, opened }: TunnelStateInput): TunnelState {
  switch (connectivity) {
    case 'shutdown':
    case 'idle':
      return TUNNEL_STATE.CLOSED;
    case 'ready':
      return unstable ? TUNNEL_STATE.UNSTABLE : TUNNEL_STATE.OPEN;
    default:
      return opened ? TUNNEL_STATE.UNSTABLE : TUNNEL_STATE.CONNECTING;
  }
}
