/**
 * Microsoft Remote Assistance result codes (the `msra` space): the SAFERROR_* values a
 * REMOTEDESKTOP_CTL_RESULT carries ([MS-RA] 2.2.6). The protocol is closed: the host app
 * reports these with `session.report(...)`. "Helpee" is the user being helped.
 */
import type { Catalog } from './types.js';

export const msraCatalog: Catalog = {
  space: 'msra',
  title: 'Microsoft Remote Assistance error codes',
  source: '[MS-RA] 2.2.6 Remote Assistance Error Codes (REMOTEDESKTOP_CTL_RESULT), seed 001',
  format: 'decimal',
  notes: [
    '35, 36, 38 and 48 are listed by the specification as not used; they are kept so a stray value still classifies.',
    '26 SAFERROR_INVALIDPASSWORD is used only in protocol version 1, 61 PASSWORDS_DONT_MATCH only in version 2.',
    '61 is the one value without the SAFERROR_ prefix.',
  ],
  entries: [
    {
      code: 0, name: 'SAFERROR_NOERROR', summary: 'Everything went fine.',
      severity: 'info', phases: ['connect', 'handshake', 'stream'], category: 'success', outcome: 'ok',
    },
    {
      code: 1, name: 'SAFERROR_NOINFO', summary: 'A component failed without saying why.',
      severity: 'warning', phases: ['connect', 'handshake', 'stream'], category: 'internal', outcome: 'retry',
      fix: 'Try again; if it repeats, look at the Windows event logs on both computers.',
    },
    {
      code: 3, name: 'SAFERROR_LOCALNOTERROR', summary: 'You ended the connection.',
      severity: 'info', phases: ['stream'], category: 'user', outcome: 'ended',
    },
    {
      code: 4, name: 'SAFERROR_REMOTEBYUSER', summary: 'The person on the other side ended the connection.',
      severity: 'info', phases: ['stream'], category: 'user', outcome: 'ended',
    },
    {
      code: 5, name: 'SAFERROR_BYSERVER', summary: 'The other computer dropped the connection.',
      severity: 'warning', phases: ['stream', 'keepalive'], category: 'network', outcome: 'retry',
      fix: 'Check both network connections.',
    },
    {
      code: 6, name: 'SAFERROR_DNSLOOKUPFAILED', summary: 'The other computer\'s name could not be looked up.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check DNS settings and the computer name in the invitation.',
    },
    {
      code: 7, name: 'SAFERROR_OUTOFMEMORY', summary: 'A computer ran out of memory for the session.',
      severity: 'error', phases: ['connect', 'handshake', 'stream'], category: 'resource', outcome: 'retry',
      fix: 'Close other applications and try again.',
    },
    {
      code: 8, name: 'SAFERROR_CONNECTIONTIMEDOUT', summary: 'Connecting took too long.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check that the firewall lets Remote Assistance through on both sides.',
    },
    {
      code: 9, name: 'SAFERROR_SOCKETCONNECTFAILED', summary: 'The network connection to the other computer failed.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check the network path and firewall between the two computers.',
    },
    {
      code: 11, name: 'SAFERROR_HOSTNOTFOUND', summary: 'The other computer cannot be reached.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check that the other computer is on and connected to the network.',
    },
    {
      code: 12, name: 'SAFERROR_WINSOCKSENDFAILED', summary: 'Sending data over the network failed.',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'network', outcome: 'retry',
      fix: 'Check the network connection.',
    },
    {
      code: 14, name: 'SAFERROR_INVALIDIPADDR', summary: 'The address to connect to is not a valid IP address.',
      severity: 'error', phases: ['connect'], category: 'client', outcome: 'fatal',
      fix: 'Ask for a new invitation or correct the address.',
    },
    {
      code: 15, name: 'SAFERROR_SOCKETRECVFAILED', summary: 'Receiving data over the network failed.',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'network', outcome: 'retry',
      fix: 'Check the network connection.',
    },
    {
      code: 18, name: 'SAFERROR_INVALIDENCRYPTION', summary: 'The encryption settings do not work together.',
      severity: 'error', phases: ['handshake'], category: 'tls', outcome: 'fatal',
      fix: 'Check the Remote Desktop encryption policy on both computers.',
    },
    {
      code: 20, name: 'SAFERROR_GETHOSTBYNAMEFAILED', summary: 'Name resolution through the network stack failed.',
      severity: 'warning', phases: ['connect'], category: 'network', outcome: 'retry',
      fix: 'Check DNS settings and the computer name.',
    },
    {
      code: 21, name: 'SAFERROR_LICENSINGFAILED', summary: 'Remote Desktop licensing refused the connection.',
      severity: 'error', phases: ['handshake'], category: 'policy', outcome: 'fatal',
      fix: 'An administrator needs to check Remote Desktop licensing.',
    },
    {
      code: 22, name: 'SAFERROR_ENCRYPTIONERROR', summary: 'Encrypting session data failed.',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'tls', outcome: 'retry',
      fix: 'If it repeats, check the encryption policy on both computers.',
    },
    {
      code: 23, name: 'SAFERROR_DECRYPTIONERROR', summary: 'Decrypting session data failed.',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'tls', outcome: 'retry',
      fix: 'If it repeats, check the encryption policy on both computers.',
    },
    {
      code: 24, name: 'SAFERROR_INVALIDPARAMETERSTRING', summary: 'The invitation is malformed.',
      severity: 'error', phases: ['pre-session'], category: 'client', outcome: 'fatal',
      fix: 'Ask for a new invitation.',
    },
    {
      code: 25, name: 'SAFERROR_HELPSESSIONNOTFOUND', summary: 'The other computer no longer knows this invitation.',
      severity: 'error', phases: ['handshake'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Ask for a new invitation.',
    },
    {
      code: 26, name: 'SAFERROR_INVALIDPASSWORD', summary: 'The invitation password is wrong.',
      severity: 'error', phases: ['handshake'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Re-enter the password the other person gave you.',
      details: { version: 1 },
    },
    {
      code: 27, name: 'SAFERROR_HELPSESSIONEXPIRED', summary: 'The invitation has expired.',
      severity: 'error', phases: ['handshake'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Ask for a new invitation.',
    },
    {
      code: 28, name: 'SAFERROR_CANTOPENRESOLVER', summary: 'The other computer could not find the session to join.',
      severity: 'error', phases: ['handshake'], category: 'server', outcome: 'fatal',
      fix: 'Check that Remote Assistance is enabled and working on the other computer.',
    },
    {
      code: 29, name: 'SAFERROR_UNKNOWNSESSMGRERROR', summary: 'The other computer\'s session manager failed without detail.',
      severity: 'warning', phases: ['handshake'], category: 'server', outcome: 'retry',
      fix: 'If it repeats, restart Remote Assistance on the other computer.',
    },
    {
      code: 30, name: 'SAFERROR_CANTFORMLINKTOUSERSESSION', summary: 'The other computer could not attach to the user\'s desktop session.',
      severity: 'warning', phases: ['handshake'], category: 'session', outcome: 'retry',
      fix: 'Make sure the other person is still signed in and their desktop is unlocked.',
    },
    {
      code: 32, name: 'SAFERROR_RCPROTOCOLERROR', summary: 'The remote control protocol broke down.',
      severity: 'warning', phases: ['handshake', 'stream'], category: 'server', outcome: 'retry',
      fix: 'If it repeats, update Windows on both computers.',
    },
    {
      code: 33, name: 'SAFERROR_RCUNKNOWNERROR', summary: 'Remote control failed without detail.',
      severity: 'warning', phases: ['stream'], category: 'server', outcome: 'retry',
      fix: 'Try again; if it repeats, check the event logs on both computers.',
    },
    {
      code: 34, name: 'SAFERROR_INTERNALERROR', summary: 'Remote Assistance failed internally.',
      severity: 'warning', phases: ['connect', 'handshake', 'stream'], category: 'internal', outcome: 'retry',
      fix: 'Try again; if it repeats, restart Remote Assistance.',
    },
    {
      code: 35, name: 'SAFERROR_HELPEERESPONSEPENDING', summary: 'Still waiting for the other person to answer.',
      severity: 'info', phases: ['handshake'], category: 'user', outcome: 'ok',
      details: { unused: true },
    },
    {
      code: 36, name: 'SAFERROR_HELPEESAIDYES', summary: 'The other person accepted.',
      severity: 'info', phases: ['handshake'], category: 'user', outcome: 'ok',
      details: { unused: true },
    },
    {
      code: 37, name: 'SAFERROR_HELPEEALREADYBEINGHELPED', summary: 'Someone else is already helping this person.',
      severity: 'warning', phases: ['handshake'], category: 'session', outcome: 'user-decision',
      fix: 'Wait for the other helper to finish, then ask to connect again.',
    },
    {
      code: 38, name: 'SAFERROR_HELPEECONSIDERINGHELP', summary: 'The other person is deciding whether to accept.',
      severity: 'info', phases: ['handshake'], category: 'user', outcome: 'ok',
      details: { unused: true },
    },
    {
      code: 40, name: 'SAFERROR_HELPEENEVERRESPONDED', summary: 'The other person did not answer in time.',
      severity: 'warning', phases: ['handshake'], category: 'user', outcome: 'user-decision',
      fix: 'Contact the person and ask again when they are at their computer.',
    },
    {
      code: 41, name: 'SAFERROR_HELPEESAIDNO', summary: 'The other person declined.',
      severity: 'warning', phases: ['handshake'], category: 'user', outcome: 'user-decision',
      fix: 'Talk to the person before asking again.',
    },
    {
      code: 42, name: 'SAFERROR_HELPSESSIONACCESSDENIED', summary: 'The other account may not use this invitation.',
      severity: 'error', phases: ['handshake'], category: 'policy', outcome: 'fatal',
      fix: 'Check the invitation was meant for this account, or ask an administrator about the access policy.',
    },
    {
      code: 43, name: 'SAFERROR_USERNOTFOUND', summary: 'The person to help was not found on the other computer.',
      severity: 'error', phases: ['handshake'], category: 'session', outcome: 'fatal',
      fix: 'Check the user name and that the person is signed in.',
    },
    {
      code: 44, name: 'SAFERROR_SESSMGRERRORNOTINIT', summary: 'The other computer\'s session manager is not ready yet.',
      severity: 'warning', phases: ['handshake'], category: 'server', outcome: 'retry-later', retryAfterMs: 10000,
      fix: 'Wait a little; the remote service may still be starting.',
    },
    {
      code: 45, name: 'SAFERROR_SELFHELPNOTSUPPORTED', summary: 'You cannot remotely control your own session.',
      severity: 'error', phases: ['pre-session', 'handshake'], category: 'policy', outcome: 'fatal',
      fix: 'Use an invitation from a different user or session.',
    },
    {
      code: 47, name: 'SAFERROR_INCOMPATIBLEVERSION', summary: 'The two Remote Assistance versions cannot work together.',
      severity: 'error', phases: ['handshake'], category: 'client', outcome: 'fatal',
      fix: 'Update Windows on the older computer.',
      details: { version: 1 },
    },
    {
      code: 48, name: 'SAFERROR_SESSIONNOTCONNECTED', summary: 'The session is not connected.',
      severity: 'warning', phases: ['stream'], category: 'session', outcome: 'retry',
      fix: 'Reconnect.',
      details: { unused: true },
    },
    {
      code: 50, name: 'SAFERROR_SYSTEMSHUTDOWN', summary: 'The other computer is shutting down.',
      severity: 'info', phases: ['stream'], category: 'server', outcome: 'ended',
      fix: 'Once the other computer is back, ask the person for a new invitation.',
    },
    {
      code: 51, name: 'SAFERROR_STOPLISTENBYUSER', summary: 'The other person stopped waiting for a connection.',
      severity: 'info', phases: ['connect', 'handshake'], category: 'user', outcome: 'ended',
      fix: 'Ask the person to send a new invitation if help is still needed.',
    },
    {
      code: 52, name: 'SAFERROR_WINSOCK_FAILED', summary: 'A network call failed.',
      severity: 'warning', phases: ['connect', 'stream'], category: 'network', outcome: 'retry',
      fix: 'Check the network connection.',
    },
    {
      code: 53, name: 'SAFERROR_MISMATCHPARMS', summary: 'The two sides disagree on session parameters.',
      severity: 'error', phases: ['handshake'], category: 'client', outcome: 'fatal',
      fix: 'Ask for a new invitation; if it repeats, update both computers.',
    },
    {
      code: 61, name: 'PASSWORDS_DONT_MATCH', summary: 'The invitation password is wrong.',
      severity: 'error', phases: ['handshake'], category: 'auth', outcome: 'reauthenticate',
      fix: 'Re-enter the password the other person gave you.',
      details: { version: 2 },
    },
    {
      code: 300, name: 'SAFERROR_SHADOWEND_BASE', summary: 'Remote control of the desktop ended.',
      severity: 'info', phases: ['stream'], category: 'session', outcome: 'ended',
    },
    {
      code: 301, name: 'SAFERROR_SHADOWEND_CONFIGCHANGE', summary: 'Remote control ended because the display settings changed.',
      severity: 'info', phases: ['stream'], category: 'session', outcome: 'ended',
      fix: 'Start remote control again after the display change.',
    },
    {
      code: 302, name: 'SAFERROR_SHADOWEND_UNKNOWN', summary: 'Remote control ended for an unstated reason.',
      severity: 'info', phases: ['stream'], category: 'session', outcome: 'ended',
    },
  ],
};
