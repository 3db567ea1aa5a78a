/**
 * The public projection of a session snapshot for UIs (as gRPC projects channel state):
 * connectivity, the current phase, and whether the session is reconnecting (attempt > 0).
 */
import type { Classification, Phase } from '../src/codes/types.js';
import { PHASES } from '../src/codes/types.js';
import type { Connectivity, SessionContext } from './session.machine.js';

export interface SessionProjection {
  readonly connectivity: Connectivity;
  readonly phase: Phase;
  readonly reconnecting: boolean;
  readonly attempt: number;
  /** The machine state as a dotted path ('active.online.handshaking.sync'). */
  readonly state: string;
  readonly cause: Classification | null;
}

interface SnapshotLike {
  readonly context: SessionContext;
  readonly value: unknown;
  hasTag(tag: string): boolean;
}

/** Dotted path of the first active leaf in each region, joined with '|' for parallel regions. */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return '';
  const parts = Object.entries(value as Record<string, unknown>).map(([key, child]) => {
    const rest = statePath(child);
    return rest === '' ? key : `${key}.${rest}`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join('|')})`;
}

export function projectSession(snapshot: SnapshotLike): SessionProjection {
  let phase: Phase = 'pre-session';
  for (const candidate of PHASES) if (snapshot.hasTag(`phase:${candidate}`)) phase = candidate;
  const { context } = snapshot;
  return {
    connectivity: context.connectivity,
    phase,
    reconnecting: context.attempt > 0,
    attempt: context.attempt,
    state: statePath(snapshot.value),
    cause: context.cause,
  };
}
