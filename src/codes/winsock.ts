/**
 * Windows Sockets error codes a client meets (the `winsock` space), as WSAGetLastError returns
 * them and as gateways such as Forefront TMG log them (10004-11031). `details.errno` names the
 * Node/POSIX error with the same meaning where there is one.
 */
import type { Catalog, Phase } from './types.js';

const CONNECT: readonly Phase[] = ['connect'];
const LIVE: readonly Phase[] = ['connect', 'handshake', 'stream', 'keepalive'];
const DNS: readonly Phase[] = ['pre-session', 'connect'];

const RECONNECTS = 'Nothing to do at first: the client reconnects by itself. If it keeps happening, check the network connection, VPN and firewall.';
const FREE_UP = 'Close unused connections or applications; the client tries again after the floor.';
const BUG = 'A defect in the client or its socket layer, not a setting: report it with the logs.';

export const winsockCatalog: Catalog = {
  space: 'winsock',
  title: 'Windows Sockets (Winsock) error codes',
  source: 'Microsoft "Windows Sockets Error Codes" (winsock2.h WSAE* / WSA* values)',
  format: 'decimal',
  notes: [
    'Only the codes a remote-desktop client or gateway log realistically shows are listed; the QoS codes (11005-11031) are left out.',
    'DNS failures (11001-11004) are retried within the policy limits: a machine that is offline or off its VPN cannot resolve names that exist.',
  ],
  entries: [
    { code: 10004, name: 'WSAEINTR', summary: 'A blocking socket call was interrupted.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'EINTR' } },
    {
      code: 10013, name: 'WSAEACCES', summary: 'The system refused the socket operation (often a local firewall or security software).',
      severity: 'error', phases: CONNECT, category: 'policy', outcome: 'fatal', fix: 'Allow the application through the local firewall or security software.',
      details: { errno: 'EACCES' },
    },
    { code: 10014, name: 'WSAEFAULT', summary: 'A socket call was given a bad memory address.', severity: 'error', phases: LIVE, category: 'internal', outcome: 'fatal', fix: BUG, details: { errno: 'EFAULT' } },
    { code: 10022, name: 'WSAEINVAL', summary: 'A socket call was given an invalid argument.', severity: 'error', phases: LIVE, category: 'internal', outcome: 'fatal', fix: BUG, details: { errno: 'EINVAL' } },
    {
      code: 10024, name: 'WSAEMFILE', summary: 'The process has too many open sockets.', severity: 'warning', phases: CONNECT, category: 'resource', outcome: 'retry-later', retryAfterMs: 5000,
      fix: 'Close unused connections; check the client for a socket leak.', details: { errno: 'EMFILE' },
    },
    { code: 10035, name: 'WSAEWOULDBLOCK', summary: 'A non-blocking socket operation could not finish immediately.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'EWOULDBLOCK' } },
    { code: 10036, name: 'WSAEINPROGRESS', summary: 'A blocking socket operation is already in progress.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'EINPROGRESS' } },
    { code: 10037, name: 'WSAEALREADY', summary: 'An operation is already in progress on this non-blocking socket.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'EALREADY' } },
    { code: 10038, name: 'WSAENOTSOCK', summary: 'A socket call was made on something that is not a socket.', severity: 'error', phases: LIVE, category: 'internal', outcome: 'fatal', fix: BUG, details: { errno: 'ENOTSOCK' } },
    { code: 10039, name: 'WSAEDESTADDRREQ', summary: 'A socket call was missing its destination address.', severity: 'error', phases: CONNECT, category: 'internal', outcome: 'fatal', fix: BUG, details: { errno: 'EDESTADDRREQ' } },
    { code: 10040, name: 'WSAEMSGSIZE', summary: 'A datagram was larger than the buffer or the network allows.', severity: 'error', phases: ['stream'], category: 'client', outcome: 'fatal', fix: BUG, details: { errno: 'EMSGSIZE' } },
    { code: 10047, name: 'WSAEAFNOSUPPORT', summary: 'The address family (for example IPv6) is not supported on this machine.', severity: 'error', phases: CONNECT, category: 'network', outcome: 'fatal', fix: 'Use an address family the machine supports (IPv4 or IPv6).', details: { errno: 'EAFNOSUPPORT' } },
    {
      code: 10048, name: 'WSAEADDRINUSE', summary: 'The local address or port is already in use.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS,
      details: { errno: 'EADDRINUSE' },
    },
    {
      code: 10049, name: 'WSAEADDRNOTAVAIL', summary: 'The requested address is not valid here, or no local port is free.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS,
      details: { errno: 'EADDRNOTAVAIL' },
    },
    { code: 10050, name: 'WSAENETDOWN', summary: 'The local network is down.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'Check the network connection.', details: { errno: 'ENETDOWN' } },
    { code: 10051, name: 'WSAENETUNREACH', summary: 'No route to the destination network.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'Check the network connection and VPN.', details: { errno: 'ENETUNREACH' } },
    { code: 10052, name: 'WSAENETRESET', summary: 'The connection broke because the network failed while it was open.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'ENETRESET' } },
    { code: 10053, name: 'WSAECONNABORTED', summary: 'The connection was aborted on this machine (timeout or protocol error).', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'ECONNABORTED' } },
    { code: 10054, name: 'WSAECONNRESET', summary: 'The remote side reset the connection.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'ECONNRESET' } },
    {
      code: 10055, name: 'WSAENOBUFS', summary: 'The system ran out of socket buffer space.', severity: 'warning', phases: LIVE, category: 'resource', outcome: 'retry-later', retryAfterMs: 5000, fix: FREE_UP,
      details: { errno: 'ENOBUFS' },
    },
    { code: 10056, name: 'WSAEISCONN', summary: 'A connect call was made on a socket that is already connected.', severity: 'error', phases: CONNECT, category: 'internal', outcome: 'fatal', fix: BUG, details: { errno: 'EISCONN' } },
    { code: 10057, name: 'WSAENOTCONN', summary: 'Data was sent on a socket that is no longer connected.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'ENOTCONN' } },
    { code: 10058, name: 'WSAESHUTDOWN', summary: 'Data was sent after the socket was shut down.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'ESHUTDOWN' } },
    { code: 10060, name: 'WSAETIMEDOUT', summary: 'The connection attempt or the connection timed out.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'If it repeats, check that the server is up and that no firewall drops the traffic.', details: { errno: 'ETIMEDOUT' } },
    { code: 10061, name: 'WSAECONNREFUSED', summary: 'The server refused the connection (nothing listening on that port).', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'If it repeats, check the host, the port and that the service is running.', details: { errno: 'ECONNREFUSED' } },
    { code: 10064, name: 'WSAEHOSTDOWN', summary: 'The destination host is down.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'EHOSTDOWN' } },
    { code: 10065, name: 'WSAEHOSTUNREACH', summary: 'No route to the destination host.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: 'Check the network connection and VPN.', details: { errno: 'EHOSTUNREACH' } },
    {
      code: 10067, name: 'WSAEPROCLIM', summary: 'Too many processes are using Windows Sockets.', severity: 'warning', phases: CONNECT, category: 'resource', outcome: 'retry-later', retryAfterMs: 5000, fix: FREE_UP,
    },
    { code: 10091, name: 'WSASYSNOTREADY', summary: 'The network subsystem is not ready yet.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS },
    { code: 10092, name: 'WSAVERNOTSUPPORTED', summary: 'This Windows Sockets version is not supported.', severity: 'error', phases: CONNECT, category: 'internal', outcome: 'fatal', fix: BUG },
    { code: 10093, name: 'WSANOTINITIALISED', summary: 'Windows Sockets was used before it was initialised.', severity: 'error', phases: CONNECT, category: 'internal', outcome: 'fatal', fix: BUG },
    {
      code: 10101, name: 'WSAEDISCON', summary: 'The remote side is closing the connection gracefully.', severity: 'info', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS,
    },
    {
      code: 11001, name: 'WSAHOST_NOT_FOUND', summary: 'The host name could not be resolved.', severity: 'warning', phases: DNS, category: 'network', outcome: 'retry',
      fix: 'Check the host name, the DNS settings and the VPN.',
    },
    { code: 11002, name: 'WSATRY_AGAIN', summary: 'The DNS server did not answer in time.', severity: 'warning', phases: DNS, category: 'network', outcome: 'retry', fix: RECONNECTS, details: { errno: 'EAI_AGAIN' } },
    {
      code: 11003, name: 'WSANO_RECOVERY', summary: 'Name lookup failed with an error the resolver cannot recover from.', severity: 'warning', phases: DNS, category: 'network', outcome: 'retry',
      fix: 'Check the DNS server settings.', details: { errno: 'EAI_FAIL' },
    },
    {
      code: 11004, name: 'WSANO_DATA', summary: 'The name exists but has no address record.', severity: 'warning', phases: DNS, category: 'network', outcome: 'retry',
      fix: 'Check the DNS records for the host.',
    },
  ],
};
