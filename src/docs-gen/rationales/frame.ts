/**
 * Why each outcome in src/codes/frame.ts was chosen, where it is not obvious: the rationale column of
 * docs/outcomes.md. Docs-only data: no runtime module imports it, so bundles do not carry it.
 */
import type { Rationales } from './types.js';

export const frameRationales: Rationales = {
  entries: {
    4001: 'No detail, so the conservative bounded retry applies.',
    4002: 'A configuration mismatch repeats on every attempt; prefer fatal for server/client misconfiguration.',
    4003: 'Usually a slow or stalled client link, which a reconnect may clear.',
    4004: 'No detail, so the conservative bounded retry applies.',
    4005: 'No detail, so the conservative bounded retry applies.',
    4008: 'A policy limit ended it on purpose; reconnecting automatically would defeat it.',
    4009: 'The session is gone by policy; there is nothing left to reconnect to.',
    4011: 'The vendor itself advises reconnecting first.',
    4022: 'Profile storage or domain configuration must be fixed by an admin; retrying fails the same way.',
    4026: 'Unknown failure on the connection: conservative bounded retry.',
    4027: 'A display still starting up needs time, not a tight loop; a broken one exhausts the bounded attempts.',
    4028: 'A display change that stalled once usually succeeds on a fresh connection.',
    4103: 'A progress notice, not a fault: the reconnect is already under way.',
    4106: 'One failed reconnect is still a network problem; the retry policy bounds how long we keep trying.',
    5006: 'Network trouble or a firewall rule; bounded retry, and the fix points at the firewall if it persists.',
    5008: 'Often a passing network issue; a firewall block ends the bounded retry and the fix says what to open.',
    5009: 'Transient unless a firewall blocks it; bounded retry either way.',
    5010: 'Transient unless a firewall blocks it; bounded retry either way.',
    5019: 'Transient unless a firewall blocks it; bounded retry either way.',
  },
};
