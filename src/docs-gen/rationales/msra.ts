/**
 * Why each outcome in src/codes/msra.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

const UNUSED = 'Documented as not used; if one arrives anyway, ';

export const msraRationales: Rationales = {
  entries: {
    1: 'No detail to act on, so the conservative bounded retry applies.',
    5: 'No sign the drop was on purpose, so treated as a network failure.',
    7: 'Memory pressure is often momentary; the bounded retry stops if it is not.',
    14: 'A malformed address stays malformed however often it is tried.',
    18: 'An encryption settings mismatch needs a configuration change, not another attempt.',
    22: 'Cipher failures on a running link usually come from a damaged connection; a new one renegotiates keys (bounded).',
    23: 'Same as 22: usually a damaged connection; a new one renegotiates keys (bounded).',
    24: 'A malformed invitation cannot be repaired by retrying; it must be reissued.',
    25: 'The invitation is the credential here; do not replay it, wait for a fresh one through reauthenticate().',
    27: 'The invitation acts as the credential: never replay it, but let the app supply a new one via reauthenticate() rather than stopping for good.',
    28: 'A resolver that cannot start is a broken or disabled component; prefer fatal over retrying a misconfiguration.',
    29: 'Unknown failure: conservative bounded retry.',
    30: 'Usually the target session is briefly unavailable (locked, switching users); a bounded retry is cheap.',
    32: 'Can come from a damaged stream; a persistent mismatch ends the bounded retry.',
    33: 'Unknown failure: conservative bounded retry.',
    34: 'Unknown failure: conservative bounded retry.',
    35: `${UNUSED}it only reports progress, so nothing to do.`,
    36: `${UNUSED}it reports success, so nothing to do.`,
    37: 'Another session holds the seat; the user decides whether to wait.',
    38: `${UNUSED}it only reports progress, so nothing to do.`,
    40: 'Asking again without the person present only times out again; the user chooses when.',
    42: 'An access rule, not a wrong credential: new credentials would not help.',
    43: 'Repeating the same target user finds nobody again.',
    44: 'Not initialised reads as a service still starting; give it a 10 s floor rather than giving up.',
    48: `${UNUSED}it means the link is gone without a reason given, so bounded retry.`,
    50: 'A Remote Assistance invitation does not survive the helpee\'s restart: reconnecting cannot reach the same session, a new invitation is needed.',
    51: 'The person closed the invitation on purpose; that is an end, not a fault.',
    53: 'The same parameters mismatch again on every attempt.',
    301: 'The host stopped remote control deliberately; starting again is the user\'s choice.',
    302: 'Grouped with the other remote-control endings: the host ended it, not the network.',
  },
};
