/**
 * Why each outcome in src/codes/softdrive.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

/** Codes 1001-1004 share one row of the vendor table ("Internal error"), and one rationale. */
const INTERNAL_ERROR = 'The vendor advises retrying first; a persistent failure exhausts the bounded retry.';

export const softdriveRationales: Rationales = {
  entries: {
    1001: INTERNAL_ERROR,
    1002: INTERNAL_ERROR,
    1003: INTERNAL_ERROR,
    1004: INTERNAL_ERROR,
    500: 'The vendor says "retry later": a failing backend is not helped by instant retries, so a 10 s floor.',
    502: 'The vendor says to wait a few minutes; the 2 min floor honours that.',
    'Guest Agent not Responding': 'A hung agent needs the VM restarted; reconnecting to the same VM meets the same dead agent.',
    1: 'A proxy or inspection device rewriting TLS fails every attempt until its configuration changes.',
    2: 'Caused by latency or packet loss, which is transient.',
    6: 'A broken local client or dependency fails the same way until it is restarted or reinstalled.',
    7: 'The vendor advises retrying first; a bounded retry stops if the server stays broken.',
    8: 'A display change mid-connect heals on reconnect; an unsupported layout ends the bounded retry and the fix says what to change.',
    9: 'Usually a slow policy, agent or network step; a new attempt often gets through.',
    11: 'Can be a blocked port, but also a passing outage; never fatal for a network failure.',
    13: 'The vendor says to wait 1-3 minutes; the floor is the lower bound of that.',
    14: 'The session itself is gone, so there is nothing to reconnect to; a new session is a user choice.',
    18: 'Often the VM is still booting or the route is briefly down; a VM that stays off ends the bounded retry.',
  },
};
