/**
 * Node.js error codes a session's socket can raise (the `errno` space): libuv socket and DNS
 * errors, Node's own ERR_* codes, OpenSSL certificate verification codes, undici's UND_ERR_*
 * and the `ws` package's WS_ERR_* frame errors. Codes are strings, as `error.code` carries them.
 * `details.layer` says which layer raises the code.
 */
import type { Catalog, Phase } from './types.js';

const CONNECT: readonly Phase[] = ['connect'];
const LIVE: readonly Phase[] = ['connect', 'handshake', 'stream', 'keepalive'];
const DNS: readonly Phase[] = ['pre-session', 'connect'];
const OPEN: readonly Phase[] = ['handshake', 'stream', 'keepalive'];

const RECONNECTS = 'Nothing to do at first: the client reconnects by itself. If it keeps happening, check the network connection, VPN and firewall.';
const FRAME_FIX = 'Check the server WebSocket implementation and any proxy that rewrites WebSocket frames.';

const CERT_FIX = 'Fix the server certificate (or trust its issuer with NODE_EXTRA_CA_CERTS); never turn verification off.';

export const errnoCatalog: Catalog = {
  space: 'errno',
  title: 'Node.js socket, DNS and TLS error codes',
  source: 'libuv error names (uv_err_name), Node.js "Errors" reference (ERR_*), OpenSSL X509_V_ERR_* names as Node reports them, undici errors, websockets/ws receiver error codes',
  format: 'string',
  notes: [
    'Node reports a name that does not resolve (DNS NXDOMAIN / no data) as ENOTFOUND; a DNS server that does not answer as EAI_AGAIN.',
    'Certificate errors (category tls) are fatal: retrying never fixes a certificate, and retrying past one would defeat its purpose.',
    'ENOTFOUND is retried within the policy limits: an offline or off-VPN machine cannot resolve names that exist.',
  ],
  entries: [
    { code: 'ECONNREFUSED', name: 'ECONNREFUSED', summary: 'The server refused the connection (nothing listening on that port).', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'If it repeats, check the host, the port and that the service is running.', details: { layer: 'socket', winsock: 10061 } },
    { code: 'ECONNRESET', name: 'ECONNRESET', summary: 'The remote side reset the connection.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'socket', winsock: 10054 } },
    { code: 'ECONNABORTED', name: 'ECONNABORTED', summary: 'The connection was aborted on this machine.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'socket', winsock: 10053 } },
    { code: 'ETIMEDOUT', name: 'ETIMEDOUT', summary: 'The connection attempt or the connection timed out.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'If it repeats, check that the server is up and that no firewall drops the traffic.', details: { layer: 'socket', winsock: 10060 } },
    {
      code: 'ENOTFOUND', name: 'ENOTFOUND', summary: 'The host name could not be resolved.', severity: 'warning', phases: DNS, category: 'network', outcome: 'retry',
      fix: 'Check the host name, the DNS settings and the VPN.', details: { layer: 'dns', winsock: 11001 },
    },
    { code: 'EAI_AGAIN', name: 'EAI_AGAIN', summary: 'The DNS server did not answer in time.', severity: 'warning', phases: DNS, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'dns', winsock: 11002 } },
    {
      code: 'EAI_FAIL', name: 'EAI_FAIL', summary: 'Name lookup failed with an error the resolver cannot recover from.', severity: 'warning', phases: DNS, category: 'network', outcome: 'retry',
      fix: 'Check the DNS server settings.', details: { layer: 'dns', winsock: 11003 },
    },
    { code: 'EHOSTUNREACH', name: 'EHOSTUNREACH', summary: 'No route to the destination host.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'Check the network connection and VPN.', details: { layer: 'socket', winsock: 10065 } },
    { code: 'EHOSTDOWN', name: 'EHOSTDOWN', summary: 'The destination host is down.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'socket', winsock: 10064 } },
    { code: 'ENETUNREACH', name: 'ENETUNREACH', summary: 'No route to the destination network.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'Check the network connection and VPN.', details: { layer: 'socket', winsock: 10051 } },
    { code: 'ENETDOWN', name: 'ENETDOWN', summary: 'The local network is down.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'Check the network connection.', details: { layer: 'socket', winsock: 10050 } },
    { code: 'EPIPE', name: 'EPIPE', summary: 'Data was written to a connection the other side had already closed.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'socket' } },
    { code: 'EADDRINUSE', name: 'EADDRINUSE', summary: 'The local address or port is already in use.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'socket', winsock: 10048 } },
    { code: 'EADDRNOTAVAIL', name: 'EADDRNOTAVAIL', summary: 'The local address is not available (network changing or ports exhausted).', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'socket', winsock: 10049 } },
    {
      code: 'EMFILE', name: 'EMFILE', summary: 'The process has too many open files or sockets.', severity: 'warning', phases: CONNECT, category: 'resource', outcome: 'retry-later', retryAfterMs: 5000,
      fix: 'Close unused connections; check for a descriptor leak or raise the limit.', details: { layer: 'socket', winsock: 10024 },
    },
    {
      code: 'EPROTO', name: 'EPROTO', summary: 'The TLS exchange failed at the protocol level (often TLS spoken to a plain port, or no common protocol version).', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal',
      fix: 'Check the scheme and port (wss:// on a TLS port) and the TLS versions both sides allow.', details: { layer: 'tls' },
    },
    { code: 'ERR_SOCKET_CONNECTION_TIMEOUT', name: 'ERR_SOCKET_CONNECTION_TIMEOUT', summary: 'No address of the host answered within the connection timeout.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'node' } },
    { code: 'ERR_TLS_HANDSHAKE_TIMEOUT', name: 'ERR_TLS_HANDSHAKE_TIMEOUT', summary: 'The TLS handshake did not finish in time.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'node' } },
    { code: 'ERR_TLS_CERT_ALTNAME_INVALID', name: 'ERR_TLS_CERT_ALTNAME_INVALID', summary: 'The server certificate is not valid for this host name.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: 'Connect with a host name the certificate lists, or get a certificate for this name.', details: { layer: 'node' } },
    { code: 'CERT_HAS_EXPIRED', name: 'CERT_HAS_EXPIRED', summary: 'The server certificate has expired.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: 'Renew the server certificate; also check the client clock.', details: { layer: 'tls' } },
    { code: 'CERT_NOT_YET_VALID', name: 'CERT_NOT_YET_VALID', summary: 'The server certificate is not valid yet.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: 'Check the client clock first; otherwise the certificate was issued with a future start date.', details: { layer: 'tls' } },
    { code: 'CERT_REVOKED', name: 'CERT_REVOKED', summary: 'The server certificate has been revoked.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: 'The server needs a new certificate.', details: { layer: 'tls' } },
    { code: 'CERT_SIGNATURE_FAILURE', name: 'CERT_SIGNATURE_FAILURE', summary: 'A certificate signature in the chain does not verify.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: CERT_FIX, details: { layer: 'tls' } },
    { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', name: 'DEPTH_ZERO_SELF_SIGNED_CERT', summary: 'The server uses a self-signed certificate the client does not trust.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: CERT_FIX, details: { layer: 'tls' } },
    { code: 'SELF_SIGNED_CERT_IN_CHAIN', name: 'SELF_SIGNED_CERT_IN_CHAIN', summary: 'The certificate chain ends in a root the client does not trust (often a corporate TLS-inspecting proxy).', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: CERT_FIX, details: { layer: 'tls' } },
    { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', name: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', summary: 'The server certificate cannot be verified (usually a missing intermediate certificate).', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: 'Configure the server to send its full certificate chain.', details: { layer: 'tls' } },
    { code: 'UNABLE_TO_GET_ISSUER_CERT', name: 'UNABLE_TO_GET_ISSUER_CERT', summary: 'The issuer of a certificate in the chain could not be found.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: 'Configure the server to send its full certificate chain.', details: { layer: 'tls' } },
    { code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', name: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', summary: 'The certificate was issued by an authority the client does not have.', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: CERT_FIX, details: { layer: 'tls' } },
    { code: 'ERR_SSL_WRONG_VERSION_NUMBER', name: 'ERR_SSL_WRONG_VERSION_NUMBER', summary: 'The server did not answer with TLS (often wss:// pointed at a plain HTTP port).', severity: 'error', phases: CONNECT, category: 'tls', outcome: 'fatal', fix: 'Use ws:// for a plain port or the TLS port for wss://.', details: { layer: 'tls' } },
    { code: 'UND_ERR_CONNECT_TIMEOUT', name: 'UND_ERR_CONNECT_TIMEOUT', summary: 'The connection attempt timed out (undici).', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'undici' } },
    { code: 'UND_ERR_SOCKET', name: 'UND_ERR_SOCKET', summary: 'The socket failed or closed unexpectedly (undici).', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'undici' } },
    { code: 'UND_ERR_HEADERS_TIMEOUT', name: 'UND_ERR_HEADERS_TIMEOUT', summary: 'The server did not send response headers in time (undici).', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { layer: 'undici' } },
    { code: 'WS_ERR_EXPECTED_FIN', name: 'WS_ERR_EXPECTED_FIN', summary: 'The server sent a fragmented control frame.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1002 } },
    { code: 'WS_ERR_INVALID_CLOSE_CODE', name: 'WS_ERR_INVALID_CLOSE_CODE', summary: 'The server sent a close code that is not allowed on the wire.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1002 } },
    { code: 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH', name: 'WS_ERR_INVALID_CONTROL_PAYLOAD_LENGTH', summary: 'The server sent a control frame longer than 125 bytes.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1002 } },
    { code: 'WS_ERR_INVALID_OPCODE', name: 'WS_ERR_INVALID_OPCODE', summary: 'The server sent a frame with an unknown or misplaced opcode.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1002 } },
    { code: 'WS_ERR_INVALID_UTF8', name: 'WS_ERR_INVALID_UTF8', summary: 'The server sent text that is not valid UTF-8.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1007 } },
    { code: 'WS_ERR_UNEXPECTED_MASK', name: 'WS_ERR_UNEXPECTED_MASK', summary: 'The server sent a masked frame, which only clients may send.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1002 } },
    { code: 'WS_ERR_UNEXPECTED_RSV_1', name: 'WS_ERR_UNEXPECTED_RSV_1', summary: 'The server set the compression bit without negotiating compression.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1002 } },
    { code: 'WS_ERR_UNEXPECTED_RSV_2_3', name: 'WS_ERR_UNEXPECTED_RSV_2_3', summary: 'The server set reserved frame bits no extension defines.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1002 } },
    { code: 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH', name: 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH', summary: 'The server announced a frame length this client cannot handle.', severity: 'error', phases: OPEN, category: 'server', outcome: 'fatal', fix: FRAME_FIX, details: { layer: 'ws', closeCode: 1009 } },
    { code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', name: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', summary: 'A message from the server exceeded the client maximum size.', severity: 'error', phases: OPEN, category: 'client', outcome: 'fatal', fix: 'Raise the client maxPayload or send smaller messages.', details: { layer: 'ws', closeCode: 1009 } },
  ],
};
