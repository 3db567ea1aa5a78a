/**
 * Why each outcome in src/codes/winsock.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const winsockRationales: Rationales = {
  entries: {
    10013: 'A local rule that blocks the socket blocks it again on every attempt.',
    10014: 'A programming error in the client; retrying repeats it.',
    10022: 'A programming or configuration error in the client; retrying repeats it.',
    10024: 'Sockets are freed as other connections close; a 5 s floor avoids spinning while none are free.',
    10038: 'A programming error in the client; retrying repeats it.',
    10039: 'A programming error in the client; retrying repeats it.',
    10040: 'The same message size fails again.',
    10047: 'Protocol support does not appear between attempts.',
    10048: 'For a client this is usually a brief shortage of ephemeral ports, which frees up as old connections finish.',
    10049: 'Seen while the network changes (address lost, adapter switching) or ports run short; both pass.',
    10055: 'Buffer space returns as other connections close; a 5 s floor avoids adding pressure.',
    10056: 'A programming error in the client; retrying repeats it.',
    10057: 'Usually the connection dropped just before the send; a new connection fixes it.',
    10058: 'The connection was already closing; a new connection fixes it.',
    10067: 'A system-wide limit that frees up as other processes exit; a 5 s floor avoids spinning.',
    10091: 'Typically seen while the machine starts or wakes; it becomes ready on its own.',
    10092: 'The installed Winsock does not change between attempts.',
    10093: 'A programming error in the client; retrying repeats it.',
    10101: 'An orderly socket close says nothing about intent; a deliberate end arrives as a protocol close code, so at this layer reconnecting is the safe default.',
    11001: 'Offline or off-VPN machines fail to resolve names that do exist; bounded by the policy limits.',
    11003: 'DNS server failures are usually temporary; the policy limits stop a lasting one.',
    11004: 'Split DNS over a VPN gives this while the VPN is down; bounded by the policy limits.',
  },
};
