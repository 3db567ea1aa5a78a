/**
 * Why each outcome in src/codes/win32.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const win32Rationales: Rationales = {
  entries: {
    5: 'A permission decision does not change between attempts.',
    6: 'A programming error in the client; retrying repeats it.',
    8: 'Memory pressure often eases; a 5 s floor avoids adding to it.',
    14: 'Memory pressure often eases; a 5 s floor avoids adding to it.',
    53: 'Seen while offline or off the VPN as well as for wrong names; bounded by the policy limits.',
    87: 'The same parameters fail again; the client or its settings must change.',
    183: 'An internal name clash on the host or gateway that says nothing about the session settings; a bounded retry is the conservative choice.',
    995: 'Usually follows a dropped connection or a network change; when the app itself cancelled, the session is already closing and does not reconnect.',
    1115: 'A restart takes tens of seconds at least; a 30 s floor avoids reconnecting into it.',
    1226: 'An orderly socket close says nothing about intent; a deliberate end arrives as a protocol close code, so at this layer reconnecting is the safe default.',
    1234: 'Same as a refused connection: the service may be restarting; bounded by the policy limits.',
    1238: 'A slot frees up when another connection of the account ends; a 30 s floor keeps retries rare.',
    1255: 'A server restart takes tens of seconds at least; a 30 s floor avoids reconnecting into it.',
    1311: 'The credentials were not judged wrong; the domain controller is unreachable for now.',
    1327: 'Other credentials for the same account do not lift an account restriction.',
    1328: 'Retrying within the forbidden hours gets the same answer.',
    1329: 'Only an account policy change helps.',
    1331: 'No credentials help until an administrator enables the account.',
    1385: 'Only a rights change helps.',
    1396: 'A name mismatch is configuration; new credentials do not help.',
    1450: 'Resource pressure usually eases; a 5 s floor avoids adding to it.',
    1793: 'No credentials help until an administrator extends the account.',
    1909: 'More attempts extend the lockout; the user or an administrator must act first.',
    0x80004004: 'Like ERROR_OPERATION_ABORTED: usually follows a dropped connection; when the app itself cancelled, the session is already closing.',
    0x80004005: 'Says nothing about the cause, so it gets the same bounded retry as an unknown code; the policy limits end it if it repeats.',
    0x8000ffff: 'Usually a component caught mid-transition (connecting while disconnecting); a fresh attempt starts from a clean state, bounded by the policy limits.',
    0x80010108: 'The remote-desktop component or its host process restarted; reconnecting reaches the new one.',
  },
  ranges: {
    '2147942400-2148007935': 'A listed Win32 code inside it is read as that entry (the HRESULT stays visible in via); an unlisted one gets the bounded retry of an unknown code.', // 0x80070000-0x8007ffff
  },
};
