/**
 * Nutanix Frame FRP 7/8 close and exit codes (the `frame` space), 4000-5019, as WebSocket close
 * codes or in the session event log. Frame gives no symbolic names: the names here are this SDK's
 * (`details.nameSource: 'sdk'`). `details.type`, `component` and `frp` are the vendor's columns.
 */
import type { Catalog } from './types.js';

export const frameCatalog: Catalog = {
  space: 'frame',
  title: 'Nutanix Frame session close and exit codes',
  source: 'Frame "Common Informational and Error Codes" table (FRP 7/8), seed 002',
  format: 'decimal',
  notes: [
    'The vendor table has no symbolic names; every name in this catalog is the SDK\'s own (details.nameSource = "sdk").',
    'There are gaps in the numbering (4007, 4010, 4012-4014, ...); only the listed codes are catalogued.',
    '4001 and 4004 carry the same vendor description; 4005 is described as similar to 4004.',
  ],
  entries: [
    {
      code: 4000, name: 'USER_CLOSED_SESSION', summary: 'You closed the session.',
      severity: 'info', phases: ['stream'], category: 'user', outcome: 'ended',
      details: { nameSource: 'sdk', type: 'Info', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4001, name: 'UNKNOWN_SERVER_ERROR', summary: 'The Frame server hit a critical error it could not name.',
      severity: 'error', phases: ['connect', 'stream'], category: 'server', outcome: 'retry',
      fix: 'Reconnect; if it repeats, contact Frame support with the session time.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4002, name: 'SESSION_CONFIG_MISMATCH', summary: 'The server and this client disagree on the session setup.',
      severity: 'error', phases: ['handshake'], category: 'client', outcome: 'fatal',
      fix: 'Reload the launchpad to get an up-to-date client; contact the Frame admin if it persists.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4003, name: 'SEND_BUFFER_OVERFLOW', summary: 'The server could not send data fast enough and its buffer filled up.',
      severity: 'warning', phases: ['stream'], category: 'network', outcome: 'retry',
      fix: 'Use a faster or more stable connection, or lower the stream quality.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4004, name: 'CRITICAL_SERVER_ERROR', summary: 'The Frame server failed critically.',
      severity: 'error', phases: ['stream'], category: 'server', outcome: 'retry',
      fix: 'Reconnect; if it repeats, contact Frame support.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4005, name: 'CRITICAL_SERVER_ERROR_VARIANT', summary: 'The Frame server failed critically (a variant of 4004).',
      severity: 'error', phases: ['stream'], category: 'server', outcome: 'retry',
      fix: 'Reconnect; if it repeats, contact Frame support.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4006, name: 'ALREADY_IN_ANOTHER_SESSION', summary: 'This user already has a Frame session open elsewhere.',
      severity: 'warning', phases: ['connect'], category: 'session', outcome: 'user-decision',
      fix: 'Close the other tab or device, or take the session over here.',
      details: { nameSource: 'sdk', type: 'Info', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4008, name: 'MAX_SESSION_TIME_REACHED', summary: 'The session reached its maximum allowed length.',
      severity: 'info', phases: ['stream'], category: 'policy', outcome: 'ended',
      fix: 'Start a new session; an admin can change the limit in Session Settings.',
      details: { nameSource: 'sdk', type: 'Info', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4009, name: 'IDLE_CONNECTION_TIMEOUT', summary: 'A disconnected session was not resumed in time and was closed.',
      severity: 'info', phases: ['stream'], category: 'policy', outcome: 'ended',
      fix: 'Start a new session; an admin can lengthen the idle limit in Session Settings.',
      details: { nameSource: 'sdk', type: 'Info', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4011, name: 'VIDEO_STREAM_ERROR', summary: 'The video stream of the session failed.',
      severity: 'warning', phases: ['stream'], category: 'media', outcome: 'retry',
      fix: 'Reconnect; contact Frame support if it keeps happening.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4015, name: 'VM_SHUT_DOWN', summary: 'The virtual machine was shut down from inside (by the user or a script).',
      severity: 'info', phases: ['stream'], category: 'user', outcome: 'ended',
      details: { nameSource: 'sdk', type: 'Info', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4018, name: 'USER_LOGGED_OFF', summary: 'The user or a script signed out of the virtual machine.',
      severity: 'info', phases: ['stream'], category: 'user', outcome: 'ended',
      details: { nameSource: 'sdk', type: 'Info', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4019, name: 'SESSION_CLOSED_REMOTELY', summary: 'The session was closed from outside (admin, API or automation).',
      severity: 'info', phases: ['stream'], category: 'session', outcome: 'ended',
      details: { nameSource: 'sdk', type: 'Info', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4022, name: 'PROFILE_MOUNT_FAILED', summary: 'The user profile could not be attached on the domain-joined machine.',
      severity: 'error', phases: ['handshake'], category: 'server', outcome: 'fatal',
      fix: 'An admin needs to check the profile storage and domain settings.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4023, name: 'TOO_MANY_RECEIVE_TIMEOUTS', summary: 'The server stopped hearing from this client too often and closed the link.',
      severity: 'warning', phases: ['stream', 'keepalive'], category: 'network', outcome: 'retry',
      fix: 'Check the network connection for drops.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4024, name: 'SERVER_RECEIVE_ERROR', summary: 'The server failed while reading from the connection.',
      severity: 'warning', phases: ['stream'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; check the network if it repeats.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4025, name: 'SERVER_SEND_ERROR', summary: 'The server failed while writing to the connection.',
      severity: 'warning', phases: ['stream'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; check the network if it repeats.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4026, name: 'FRP8_CONNECTION_ERROR', summary: 'The FRP 8 connection failed for an unknown reason.',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; contact Frame support if it repeats.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 4027, name: 'VIRTUAL_DISPLAY_NOT_READY', summary: 'The virtual display was not ready when the session started.',
      severity: 'warning', phases: ['handshake'], category: 'server', outcome: 'retry-later', retryAfterMs: 10000,
      fix: 'Wait a few seconds and reconnect; if it persists, the machine image needs checking.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4028, name: 'SECONDARY_DISPLAY_CLOSED', summary: 'A second monitor\'s connection closed after not answering a display change.',
      severity: 'warning', phases: ['stream'], category: 'media', outcome: 'retry',
      fix: 'Reconnect; use one monitor if it keeps happening.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4029, name: 'CONNECTION_CLOSED_UNEXPECTEDLY', summary: 'The session connection closed without warning.',
      severity: 'warning', phases: ['stream'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; check the network if it repeats.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Server', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4101, name: 'CONNECT_TIMEOUT', summary: 'The client could not reach the server within the connection time limit.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check the network and that the firewall allows Frame traffic.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Terminal', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4102, name: 'CONNECTION_SEVERED', summary: 'The network link between client and server was cut.',
      severity: 'warning', phases: ['stream', 'keepalive'], category: 'network', outcome: 'retry',
      fix: 'Check the network connection.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Terminal', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4103, name: 'RECONNECTING', summary: 'The client is reconnecting after a drop.',
      severity: 'info', phases: ['connect'], category: 'network', outcome: 'ok',
      details: { nameSource: 'sdk', type: 'Info', component: 'Terminal', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4106, name: 'RECONNECT_FAILED', summary: 'Reconnecting after a drop did not succeed.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check the network; reconnect when it is back.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Terminal', frp: 'FRP 7/8', frpVersions: [7, 8] },
    },
    {
      code: 4107, name: 'SIGNALING_PEER_TIMEOUT', summary: 'The signalling server did not learn the server\'s peer ID in time.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; if it persists, check that signalling traffic is allowed.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Terminal', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 4108, name: 'ICE_DISCONNECTED', summary: 'The WebRTC media path dropped.',
      severity: 'warning', phases: ['stream'], category: 'network', outcome: 'retry',
      fix: 'Check the network connection.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Terminal', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 5006, name: 'ICE_CONNECTION_FAILED', summary: 'No WebRTC media path could be established.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Allow UDP and the STUN/TURN servers through the firewall.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Variable', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 5007, name: 'WEBRTC_NEGOTIATION_TIMEOUT', summary: 'Setting up the WebRTC connection took too long.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; check that WebRTC is not blocked by the browser or network.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Variable', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 5008, name: 'PEER_CONNECTION_FAILED', summary: 'The WebRTC peer connection could not be opened.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Check firewall rules for UDP and TURN.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Variable', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 5009, name: 'STUN_UNREACHABLE', summary: 'The STUN server did not answer in time.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Allow outbound UDP to the STUN server.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Variable', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 5010, name: 'TURN_UNREACHABLE', summary: 'The TURN relay did not answer in time.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Allow outbound traffic to the TURN server (UDP or TCP 443).',
      details: { nameSource: 'sdk', type: 'Error', component: 'Variable', frp: 'FRP 8', frpVersions: [8] },
    },
    {
      code: 5019, name: 'STUN_TURN_UNREACHABLE', summary: 'Neither the STUN nor the TURN server could be reached.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Check that the network allows STUN and TURN traffic.',
      details: { nameSource: 'sdk', type: 'Error', component: 'Variable', frp: 'FRP 8', frpVersions: [8] },
    },
  ],
};
