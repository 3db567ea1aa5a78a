/**
 * Why each outcome in src/codes/guacamole.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const guacamoleRationales: Rationales = {
  entries: {
    256: 'Asking again for an unsupported operation gets the same answer.',
    512: 'Often a guacd process that crashed or restarted; a bounded retry recovers without hammering a broken gateway.',
    513: 'A busy server recovers on its own but immediate retries add load, so a 5 s floor applies.',
    515: 'Upstream errors are usually transient (a reset RDP/VNC connection); bounded retry.',
    516: 'Reconnecting asks for the same missing resource; a new connection has to be chosen.',
    517: 'guacamole-client raises it when another session holds the connection; polling someone else\'s seat is not ours to decide.',
    518: 'guacd sends it when a resource (such as an audio stream) was closed on purpose; reopening it is the app\'s call, not a reconnect.',
    519: 'Mostly transient (host booting, network blip); a wrong host name ends the bounded retry and the fix says where to look.',
    520: 'A server that refuses service is usually restarting or full; a 10 s floor avoids knocking on it in a loop.',
    522: 'The server closed it by policy; reconnecting silently would defeat the idle limit.',
    771: 'Signing in again does not change a permission, so no credential prompt.',
    776: 'guacd sends it when the client stops answering (stalled link, suspended tab), which a fresh connection fixes.',
    781: 'The same client would send the same oversized data again.',
    797: 'guacamole-client raises it when the user already holds the connection elsewhere (another tab), as Frame 4006; only the user can free that slot, so ask instead of polling.',
  },
};
