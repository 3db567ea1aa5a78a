/**
 * Win32 system error codes a remote-desktop client meets (the `win32` space): networking,
 * logon and resource errors, as GetLastError returns them and as gateway logs print them.
 * An HRESULT 0x8007xxxx (FACILITY_WIN32) wraps the Win32 code xxxx: the classifier reads it as that
 * entry, with the HRESULT (the `HRESULT_FROM_WIN32` range row) in `via`. The generic COM HRESULTs users
 * paste from logs (E_FAIL, E_ABORT, E_UNEXPECTED, RPC_E_DISCONNECTED) are entries of their own, printed in hex;
 * E_ACCESSDENIED, E_OUTOFMEMORY and E_INVALIDARG are FACILITY_WIN32 values, so their names are aliases of
 * the Win32 entries they wrap.
 */
import type { Catalog, Phase } from './types.js';

const CONNECT: readonly Phase[] = ['connect'];
const LIVE: readonly Phase[] = ['connect', 'handshake', 'stream', 'keepalive'];
const LOGON: readonly Phase[] = ['handshake'];

const RECONNECTS = 'Nothing to do at first: the client reconnects by itself. If it keeps happening, check the network connection, VPN and firewall.';
const RESTART = 'Wait for the machine to come back; the client reconnects after the floor.';
const FREE_UP = 'Close unused applications or sessions; the client tries again after the floor.';
const BUG = 'A defect in the client, not a setting: report it with the logs.';
/** A generic HRESULT, printed as 32-bit hex like the logs print it. */
const HRESULT = { format: 'hex32', facility: 'generic' } as const;

export const win32Catalog: Catalog = {
  space: 'win32',
  title: 'Win32 system error codes',
  source: 'Microsoft "System Error Codes" (winerror.h ERROR_* values; RPC_S_* for the RPC ones)',
  format: 'decimal',
  notes: [
    'A selection: the network, logon and resource errors a remote-desktop client or gateway reports, not all of winerror.h.',
    'HRESULTs of the form 0x8007xxxx carry the Win32 code xxxx in their low 16 bits (0x800700B7 is 183, ERROR_ALREADY_EXISTS): 0x8007052E (or -2147023570) classifies as 1326 ERROR_LOGON_FAILURE, with the HRESULT in via. A wrapped code this catalog does not list takes the HRESULT_FROM_WIN32 range row.',
    'E_ACCESSDENIED (0x80070005), E_OUTOFMEMORY (0x8007000E) and E_INVALIDARG (0x80070057) are FACILITY_WIN32 HRESULTs: their names are aliases of 5, 14 and 87. E_FAIL, E_ABORT, E_UNEXPECTED and RPC_E_DISCONNECTED are entries of their own (hex).',
    'A number of 0x80000000 or more that a protocol lacks is read as an HRESULT in any space: a session report of 0x8007052E asks for credentials whatever the protocol.',
  ],
  entries: [
    { code: 0, name: 'ERROR_SUCCESS', aliases: ['NO_ERROR'], summary: 'The operation succeeded.', severity: 'info', phases: LIVE, category: 'success', outcome: 'ok' },
    {
      code: 5, name: 'ERROR_ACCESS_DENIED', aliases: ['E_ACCESSDENIED'], summary: 'Access was denied.', severity: 'error', phases: ['connect', 'handshake'], category: 'policy', outcome: 'fatal',
      fix: 'Ask an administrator to grant the account access.',
    },
    { code: 6, name: 'ERROR_INVALID_HANDLE', summary: 'An internal handle was invalid.', severity: 'error', phases: LIVE, category: 'internal', outcome: 'fatal', fix: BUG },
    {
      code: 8, name: 'ERROR_NOT_ENOUGH_MEMORY', summary: 'The system ran out of memory for this operation.', severity: 'warning', phases: LIVE, category: 'resource', outcome: 'retry-later', retryAfterMs: 5000,
      fix: 'Close other applications or sessions.',
    },
    {
      code: 14, name: 'ERROR_OUTOFMEMORY', aliases: ['E_OUTOFMEMORY'], summary: 'Not enough memory to finish the operation.', severity: 'warning', phases: LIVE, category: 'resource', outcome: 'retry-later', retryAfterMs: 5000,
      fix: 'Close other applications or sessions.',
    },
    { code: 53, name: 'ERROR_BAD_NETPATH', summary: 'The network path was not found.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'Check the host name and the network connection.' },
    { code: 59, name: 'ERROR_UNEXP_NET_ERR', summary: 'An unexpected network error occurred.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    { code: 64, name: 'ERROR_NETNAME_DELETED', summary: 'The network connection is no longer available.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    {
      code: 86, name: 'ERROR_INVALID_PASSWORD', summary: 'The network password is not correct.', severity: 'warning', phases: LOGON, category: 'auth', outcome: 'reauthenticate',
      fix: 'Enter the correct password.',
    },
    { code: 87, name: 'ERROR_INVALID_PARAMETER', aliases: ['E_INVALIDARG'], summary: 'A parameter was not valid.', severity: 'error', phases: LIVE, category: 'client', outcome: 'fatal', fix: BUG },
    { code: 121, name: 'ERROR_SEM_TIMEOUT', summary: 'A network operation timed out.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    {
      code: 183, name: 'ERROR_ALREADY_EXISTS', summary: 'An object with the same name already exists.', severity: 'warning', phases: LIVE, category: 'internal', outcome: 'retry', fix: RECONNECTS,
    },
    { code: 258, name: 'WAIT_TIMEOUT', summary: 'A wait timed out.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    {
      code: 995, name: 'ERROR_OPERATION_ABORTED', summary: 'A pending I/O operation was cancelled.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS,
    },
    {
      code: 1115, name: 'ERROR_SHUTDOWN_IN_PROGRESS', summary: 'The machine is shutting down.', severity: 'warning', phases: LIVE, category: 'server', outcome: 'retry-later', retryAfterMs: 30000, fix: RESTART,
    },
    { code: 1222, name: 'ERROR_NO_NETWORK', summary: 'The network is not present or not started.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'Check the network connection.' },
    { code: 1225, name: 'ERROR_CONNECTION_REFUSED', summary: 'The remote system refused the connection.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'If it repeats, check the host, the port and that the service is running.' },
    {
      code: 1226, name: 'ERROR_GRACEFUL_DISCONNECT', summary: 'The network connection was closed gracefully.', severity: 'info', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS,
    },
    { code: 1229, name: 'ERROR_CONNECTION_INVALID', summary: 'An operation was attempted on a connection that no longer exists.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    { code: 1231, name: 'ERROR_NETWORK_UNREACHABLE', summary: 'The remote network cannot be reached.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'Check the network connection and VPN.' },
    { code: 1232, name: 'ERROR_HOST_UNREACHABLE', summary: 'The remote host cannot be reached.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'Check the network connection and VPN.' },
    { code: 1234, name: 'ERROR_PORT_UNREACHABLE', summary: 'No service is listening at the destination port.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: RECONNECTS },
    { code: 1235, name: 'ERROR_REQUEST_ABORTED', summary: 'The request was aborted.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    { code: 1236, name: 'ERROR_CONNECTION_ABORTED', summary: 'The connection was aborted by the local system.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    {
      code: 1238, name: 'ERROR_CONNECTION_COUNT_LIMIT', summary: 'This account already has as many connections to the server as allowed.', severity: 'warning', phases: CONNECT, category: 'capacity', outcome: 'retry-later', retryAfterMs: 30000,
      fix: 'Close other sessions of this account.',
    },
    { code: 1244, name: 'ERROR_NOT_AUTHENTICATED', summary: 'The user has not been authenticated.', severity: 'warning', phases: LOGON, category: 'auth', outcome: 'reauthenticate', fix: 'Sign in again.' },
    {
      code: 1255, name: 'ERROR_SERVER_SHUTDOWN_IN_PROGRESS', summary: 'The server is shutting down.', severity: 'warning', phases: LIVE, category: 'server', outcome: 'retry-later', retryAfterMs: 30000, fix: RESTART,
    },
    { code: 1311, name: 'ERROR_NO_LOGON_SERVERS', summary: 'No domain controller is available to check the sign-in.', severity: 'warning', phases: LOGON, category: 'upstream', outcome: 'retry', fix: RECONNECTS },
    { code: 1326, name: 'ERROR_LOGON_FAILURE', summary: 'Unknown user name or wrong password.', severity: 'warning', phases: LOGON, category: 'auth', outcome: 'reauthenticate', fix: 'Enter the correct user name and password.' },
    { code: 1327, name: 'ERROR_ACCOUNT_RESTRICTION', summary: 'An account restriction prevents this sign-in (for example a blank password).', severity: 'error', phases: LOGON, category: 'auth', outcome: 'fatal', fix: 'Ask an administrator to review the account restrictions.' },
    { code: 1328, name: 'ERROR_INVALID_LOGON_HOURS', summary: 'The account may not sign in at this time of day.', severity: 'error', phases: LOGON, category: 'policy', outcome: 'fatal', fix: 'Sign in during the allowed hours or ask an administrator.' },
    { code: 1329, name: 'ERROR_INVALID_WORKSTATION', summary: 'The account may not sign in to this computer.', severity: 'error', phases: LOGON, category: 'policy', outcome: 'fatal', fix: 'Ask an administrator to allow this computer for the account.' },
    { code: 1330, name: 'ERROR_PASSWORD_EXPIRED', summary: 'The password has expired.', severity: 'warning', phases: LOGON, category: 'auth', outcome: 'reauthenticate', fix: 'Change the password, then sign in with the new one.' },
    { code: 1331, name: 'ERROR_ACCOUNT_DISABLED', summary: 'The account is disabled.', severity: 'error', phases: LOGON, category: 'auth', outcome: 'fatal', fix: 'Ask an administrator to enable the account.' },
    { code: 1385, name: 'ERROR_LOGON_TYPE_NOT_GRANTED', summary: 'The account lacks the right to sign in this way (for example through Remote Desktop).', severity: 'error', phases: LOGON, category: 'policy', outcome: 'fatal', fix: 'Ask an administrator to grant the remote sign-in right.' },
    { code: 1396, name: 'ERROR_WRONG_TARGET_NAME', summary: 'The server name did not match its account during authentication.', severity: 'error', phases: LOGON, category: 'auth', outcome: 'fatal', fix: 'Connect with the server name its certificate or account uses; an administrator may need to fix its SPN.' },
    {
      code: 1450, name: 'ERROR_NO_SYSTEM_RESOURCES', summary: 'The system does not have the resources to finish the request.', severity: 'warning', phases: LIVE, category: 'resource', outcome: 'retry-later', retryAfterMs: 5000, fix: FREE_UP,
    },
    { code: 1460, name: 'ERROR_TIMEOUT', summary: 'The operation timed out.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS },
    { code: 1722, name: 'RPC_S_SERVER_UNAVAILABLE', summary: 'The RPC server is unavailable.', severity: 'warning', phases: CONNECT, category: 'network', outcome: 'retry', fix: 'If it repeats, check that the server is up and reachable.' },
    { code: 1793, name: 'ERROR_ACCOUNT_EXPIRED', summary: 'The account has expired.', severity: 'error', phases: LOGON, category: 'auth', outcome: 'fatal', fix: 'Ask an administrator to extend the account.' },
    { code: 1907, name: 'ERROR_PASSWORD_MUST_CHANGE', summary: 'The password must be changed before signing in.', severity: 'warning', phases: LOGON, category: 'auth', outcome: 'reauthenticate', fix: 'Change the password, then sign in with the new one.' },
    {
      code: 1909, name: 'ERROR_ACCOUNT_LOCKED_OUT', summary: 'The account is locked out.', severity: 'error', phases: LOGON, category: 'auth', outcome: 'fatal',
      fix: 'Wait for the lockout to expire or ask an administrator to unlock the account.',
    },
    // Generic HRESULTs (not FACILITY_WIN32), as users paste them from logs.
    {
      code: 0x80004004, name: 'E_ABORT', summary: 'The operation was aborted.', severity: 'warning', phases: LIVE, category: 'network', outcome: 'retry', fix: RECONNECTS,
      details: HRESULT,
    },
    {
      code: 0x80004005, name: 'E_FAIL', summary: 'An unspecified failure.', severity: 'warning', phases: LIVE, category: 'internal', outcome: 'retry', fix: RECONNECTS,
      details: HRESULT,
    },
    {
      code: 0x8000ffff, name: 'E_UNEXPECTED', summary: 'An unexpected failure (the component was in a state it did not expect).', severity: 'warning', phases: LIVE, category: 'internal', outcome: 'retry', fix: RECONNECTS,
      details: HRESULT,
    },
    {
      code: 0x80010108, name: 'RPC_E_DISCONNECTED', summary: 'The component the client was talking to has disconnected (its process went away).', severity: 'warning', phases: LIVE, category: 'internal', outcome: 'retry', fix: RECONNECTS,
      details: HRESULT,
    },
  ],
  ranges: [
    {
      from: 0x80070000, to: 0x8007ffff, name: 'HRESULT_FROM_WIN32',
      summary: 'An HRESULT carrying a Win32 error code in its low 16 bits (FACILITY_WIN32) that this catalog does not list.', severity: 'warning', phases: LIVE, category: 'internal', outcome: 'retry', fix: RECONNECTS,
      details: { format: 'hex32' },
    },
  ],
};
