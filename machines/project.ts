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
  // Runs on every snapshot a session or a simulation sees: no intermediate arrays for the usual single region.
  let single: string | null = null;
  let parts: string[] | null = null;
  for (const key in value) {
    const rest = statePath((value as Record<string, unknown>)[key]);
    const part = rest === '' ? key : `${key}.${rest}`;
    if (single === null && parts === null) single = part;
    else (parts ??= [single!]).push(part);
  }
  if (parts !== null) return `(${parts.join('|')})`;
  return single ?? '';
}

/** The phase tags, built once: the projection runs on every snapshot. */
const PHASE_TAGS = PHASES.map((phase) => [phase, `phase:${phase}`] as const);

export function projectSession(snapshot: SnapshotLike): SessionProjection {
  let phase: Phase = 'pre-session';
  for (const [candidate, tag] of PHASE_TAGS) if (snapshot.hasTag(tag)) phase = candidate;
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
