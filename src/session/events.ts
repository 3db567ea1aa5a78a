/** The facade's typed eventemitter3 events. */
import type { Classification, Phase } from '../codes/types.js';
import type { FailureReason, SessionProjection } from '../../machines/index.js';

export interface FaultEvent {
  /** The fault that just happened. */
  readonly fault: Classification;
  /** The first fault of the current outage. */
  readonly cause: Classification;
}

export interface ReconnectingEvent {
  readonly attempt: number;
  readonly delayMs: number;
  readonly cause: Classification;
  /** The protocol's own "reconnecting" status where it has one (Frame 4103). */
  readonly status?: Classification;
}

export interface ClosedEvent {
  readonly by: 'user' | 'peer';
  readonly cause: Classification | null;
}

export interface FailedEvent {
  /**
   * `fatal`: a code that will not work without a change; `exhausted`: the retry policy gave up; `internal`: the session
   * machine itself failed unexpectedly (`cause` is SESSION_ERR_INTERNAL, its `message` what was thrown, redacted: the
   * raw error is not passed on, as its text may carry a token).
   */
  readonly reason: FailureReason | 'internal';
  /** The first fault of the outage that ended the session. */
  readonly cause: Classification;
  /** The code to show for the end of the session (Frame 4106 after exhausted retries). */
  readonly final: Classification;
}

export interface SessionEventMap {
  state: [state: SessionProjection];
  phase: [phase: Phase, previous: Phase];
  fault: [event: FaultEvent];
  reconnecting: [event: ReconnectingEvent];
  ready: [event: { readonly attempt: number }];
  unstable: [event: { readonly silentMs: number }];
  stable: [];
  'needs-auth': [event: { readonly cause: Classification }];
  'needs-decision': [event: { readonly cause: Classification }];
  closed: [event: ClosedEvent];
  failed: [event: FailedEvent];
  message: [data: unknown];
}

export type SessionEventName = keyof SessionEventMap;
