/**
 * Softdrive error codes (the `softdrive` space), printed as "Error Code 04". The protocol is
 * closed: the host app reports codes. Names are the vendor table's Description column exactly;
 * `details.cause` is its Typical Cause column.
 */
import type { Catalog } from './types.js';

const INTERNAL_CAUSE = 'Unexpected client/service failure';

export const softdriveCatalog: Catalog = {
  space: 'softdrive',
  title: 'Softdrive error codes',
  source: 'Softdrive "Error Codes" page, grouped by session phase (seed 003)',
  format: 'two-digit',
  notes: [
    'Section headings promise 01-06 and 12-19, but the tables list no 05, 16 or 17; no entries are invented for them.',
    'The row "1001–1004" is one range sharing a name; it is split into four entries with details.range "1001-1004".',
    'One row has no number ("Error Guest Agent not Responding"); its code is that text, matched as a string.',
    'Names mix CamelCase identifiers with plain phrases ("Server is unreachable", "Internal error") exactly as the source does.',
  ],
  entries: [
    ...([1001, 1002, 1003, 1004] as const).map((code) => ({
      code, name: 'Internal error',
      summary: 'The Softdrive client or service failed unexpectedly before the session started.',
      severity: 'warning', phases: ['pre-session'], category: 'internal', outcome: 'retry',
      fix: 'Try connecting again; restart the Softdrive client if it keeps failing.',
      details: { range: '1001-1004', cause: INTERNAL_CAUSE },
    } as const)),
    {
      code: 500, name: 'Internal Server Error',
      summary: 'The Softdrive backend returned an error.',
      severity: 'warning', phases: ['connect'], category: 'server', outcome: 'retry-later', retryAfterMs: 10000,
      fix: 'Try again in a little while; contact Softdrive support if it continues.',
      details: { cause: 'Backend service returned an error' },
    },
    {
      code: 502, name: 'Bad gateway',
      summary: 'A Softdrive upstream service is down or too slow to answer.',
      severity: 'warning', phases: ['connect'], category: 'upstream', outcome: 'retry-later', retryAfterMs: 120000,
      fix: 'Wait a couple of minutes before reconnecting.',
      details: { cause: 'Upstream service unavailable or timed out' },
    },
    {
      code: 'Guest Agent not Responding', name: 'Guest agent is not responding',
      summary: 'The agent inside the virtual machine stopped reporting.',
      severity: 'error', phases: ['stream'], category: 'server', outcome: 'fatal',
      fix: 'Restart the virtual machine; update its agent and tools if it happens again.',
      details: { cause: 'VM agent stopped, hung, or not reporting' },
    },
    {
      code: 1, name: 'TLSHandshakeFailed',
      summary: 'The secure connection could not be set up; something on the path is interfering with TLS.',
      severity: 'error', phases: ['handshake'], category: 'tls', outcome: 'fatal',
      fix: 'Allow the Softdrive domains through the firewall and exclude them from SSL inspection.',
      details: { cause: 'Firewall/TLS inspection/proxy blocking or altering TLS' },
    },
    {
      code: 2, name: 'TLSHandshakeTimeout',
      summary: 'Setting up the secure connection took too long.',
      severity: 'warning', phases: ['handshake'], category: 'tls', outcome: 'retry',
      fix: 'Check the network for latency or loss, or try another network.',
      details: { cause: 'High latency, packet loss, or blocked outbound path' },
    },
    {
      code: 3, name: 'HandshakeTimeout',
      summary: 'Session negotiation did not finish in time.',
      severity: 'warning', phases: ['handshake'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; make sure the firewall allows Softdrive traffic.',
      details: { cause: 'Handshake negotiation did not complete in time' },
    },
    {
      code: 4, name: 'KeepAliveTimeout',
      summary: 'Heartbeats stopped getting through, so the session was considered lost.',
      severity: 'warning', phases: ['keepalive'], category: 'network', outcome: 'retry',
      fix: 'Allow UDP traffic and reduce filtering or endpoint inspection on the network.',
      details: { cause: 'UDP blocked/filtered or heavy jitter causing missed heartbeats' },
    },
    {
      code: 6, name: 'ClientException',
      summary: 'The Softdrive client failed locally.',
      severity: 'error', phases: ['handshake'], category: 'client', outcome: 'fatal',
      fix: 'Restart the client; reinstall it if the error comes back.',
      details: { cause: 'Local client error or dependency issue' },
    },
    {
      code: 7, name: 'ServerException',
      summary: 'The streaming process on the server failed.',
      severity: 'warning', phases: ['stream'], category: 'server', outcome: 'retry',
      fix: 'Reconnect; contact support if it keeps happening.',
      details: { cause: 'Server-side streaming/session process error' },
    },
    {
      code: 8, name: 'MonitorTopologyFail',
      summary: 'The monitor layout could not be applied to the session.',
      severity: 'warning', phases: ['stream'], category: 'media', outcome: 'retry',
      fix: 'Use fewer monitors or reset the resolution, then reconnect.',
      details: { cause: 'Unsupported monitor layout/resolution or display change mid-connect' },
    },
    {
      code: 9, name: 'SessionSettingsTimeout',
      summary: 'The session did not finish starting in time.',
      severity: 'warning', phases: ['stream'], category: 'session', outcome: 'retry',
      fix: 'Start the session again and check that the virtual machine responds.',
      details: { cause: 'Session initialization stalled (policy/agent/network delay)' },
    },
    {
      code: 10, name: 'OtherClientConnected',
      summary: 'Another device is already connected to this virtual machine.',
      severity: 'warning', phases: ['stream'], category: 'session', outcome: 'user-decision',
      fix: 'Disconnect the other session, or wait for it to end, then connect again.',
      details: { cause: 'Another active session already holds the VM' },
    },
    {
      code: 11, name: 'TCPConnectionFailed',
      summary: 'A TCP connection to Softdrive could not be opened.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Allow the required ports and domains through the firewall or proxy.',
      details: { cause: 'Outbound TCP blocked by firewall/proxy' },
    },
    {
      code: 12, name: 'TCPDisconnection',
      summary: 'The network connection dropped during the session.',
      severity: 'warning', phases: ['keepalive'], category: 'network', outcome: 'retry',
      fix: 'Reconnect; a steadier Wi-Fi or VPN link helps.',
      details: { cause: 'Temporary network drop or unstable connection' },
    },
    {
      code: 13, name: 'ServerRestart',
      summary: 'The virtual machine restarted.',
      severity: 'warning', phases: ['stream'], category: 'server', outcome: 'retry-later', retryAfterMs: 60000,
      fix: 'Wait a minute or two for the machine to come back, then reconnect.',
      details: { cause: 'VM restarted unexpectedly or maintenance event' },
    },
    {
      code: 14, name: 'UserProcessTermination',
      summary: 'The user session ended (closed, signed out, or its app crashed).',
      severity: 'info', phases: ['stream'], category: 'session', outcome: 'ended',
      fix: 'Start a new session; if an app crashed, check its stability.',
      details: { cause: 'User session closed, app crash, or forced logoff' },
    },
    {
      code: 15, name: 'UserAuthenticationFailure',
      summary: 'Sign-in was rejected.',
      severity: 'error', phases: ['connect'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Sign in again and check the account or SSO status.',
      details: { cause: 'Invalid credentials, token expired, or SSO issue' },
    },
    {
      code: 18, name: 'Server is unreachable',
      summary: 'The virtual machine cannot be reached.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check the virtual machine is powered on, and check firewall and DNS.',
      details: { cause: 'VM offline, DNS/network blocked, or routing issue' },
    },
    {
      code: 19, name: 'ConnectionFailed',
      summary: 'The connection failed for a general network reason.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Allow UDP and TCP to Softdrive and relax filtering on the network, then try again.',
      details: { cause: 'General connectivity failure (often firewall/EDR/network)' },
    },
  ],
};
