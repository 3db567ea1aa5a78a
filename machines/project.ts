/**
 * The public projection of a session snapshot for UIs (as gRPC projects channel state):
 * connectivity, the current phase, and whether the session is recovering from an outage on its own (`reconnecting`).
 */
import type { Classification, Phase } from '../src/codes/types.js';
import { PHASES } from '../src/codes/types.js';
import type { Connectivity, SessionContext } from './session.machine.js';

export interface SessionProjection {
  readonly connectivity: Connectivity;
  readonly phase: Phase;
  /**
   * True while an outage is being recovered by the session itself: from the first fault, through backoff, the
   * reconnect attempts and a suspension (offline, hidden), until it is `ready` again. False once ready (even before
   * `minUptimeMs` resets `attempt`), while waiting for the user (credentials, a decision), before the first connect
   * and after the end. What a reconnect banner shows.
   */
  readonly reconnecting: boolean;
  /** Reconnect attempts in the current outage; stays above 0 after a recovery until `minUptimeMs` has passed. */
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

/**
 * One copy of each state path, shared by every session: a path built by concatenation is a chain of string pieces, and a
 * projection keeps its path for as long as the session stays in that state. Bounded: a machine has few paths.
 */
const internedPaths = /* @__PURE__ */ new Map<string, string>();
const MAX_INTERNED_PATHS = 512;

function interned(path: string): string {
  const known = internedPaths.get(path);
  if (known !== undefined) return known;
  if (internedPaths.size < MAX_INTERNED_PATHS) internedPaths.set(path, path);
  return path;
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

/** States in which an outage is still being recovered by the session itself (not ready, not asking the user, not over). */
function recovers(state: string): boolean {
  if (state === 'suspended') return true;
  return state.startsWith('active.') && !state.startsWith('active.online.ready') && !state.startsWith('active.awaiting');
}

export function projectSession(snapshot: SnapshotLike): SessionProjection {
  let phase: Phase = 'pre-session';
  for (const [candidate, tag] of PHASE_TAGS) if (snapshot.hasTag(tag)) phase = candidate;
  const { context } = snapshot;
  const state = interned(statePath(snapshot.value));
  return {
    connectivity: context.connectivity,
    phase,
    reconnecting: context.outageStartedAt !== null && recovers(state),
    attempt: context.attempt,
    state,
    cause: context.cause,
  };
}
