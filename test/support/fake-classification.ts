/**
 * Plain Classification objects for tests that need a cause without running `classify`.
 */
import type { Classification, Outcome, Severity } from '../../src/codes/types.js';

const SEVERITY_BY_OUTCOME: Readonly<Record<Outcome, Severity>> = {
  ok: 'info',
  ended: 'info',
  retry: 'warning',
  'retry-later': 'warning',
  reauthenticate: 'error',
  'user-decision': 'warning',
  fatal: 'error',
};

/** A WebSocket-space cause with the given outcome; `extra` overrides any field. */
export function fakeCause(outcome: Outcome, extra: Partial<Classification> = {}): Classification {
  return {
    space: 'websocket',
    code: 1006,
    name: 'ABNORMAL_CLOSURE',
    known: true,
    summary: `test cause with outcome ${outcome}`,
    severity: SEVERITY_BY_OUTCOME[outcome],
    phases: ['stream'],
    category: 'network',
    outcome,
    ...extra,
  };
}
