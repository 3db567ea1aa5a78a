/**
 * Types of the retry layer (docs/policy.md). A policy is a pure function of the attempt,
 * the time spent in the outage, the classified cause and an injected random source.
 */
import type { Classification } from '../codes/types.js';

/** What a policy knows when it is asked for the next delay. */
export interface RetryContext {
  /** Number of the reconnect attempt about to be scheduled: 1 for the first reconnect. */
  readonly attempt: number;
  /** Milliseconds since the outage began (the first fault), not since the last attempt. */
  readonly elapsedMs: number;
  /**
   * The most recent fault (the one being retried). It carries the floor (`retryAfterMs`, HTTP Retry-After)
   * that applies to this attempt; the first fault of the outage is reported separately by the session.
   */
  readonly cause: Classification;
  /** The delay used before the previous attempt, if there was one (decorrelated jitter needs it). */
  readonly lastDelayMs?: number;
}

/**
 * Decides how long to wait before the next reconnect.
 * Returns a delay in milliseconds, or `null` to stop reconnecting.
 * Must be pure: all randomness comes from `random` (values in [0, 1)).
 */
export interface RetryPolicy {
  nextDelayMs(ctx: RetryContext, random: () => number): number | null;
}

/** How randomness spreads the exponential delay (applied after the cap). */
export type JitterMode = 'full' | 'equal' | 'decorrelated' | 'none';

/**
 * A token bucket of reconnects that several sessions in one process may share.
 * Each scheduled reconnect takes one token; tokens come back over time.
 */
export interface RetryBudget {
  /** Takes one token and returns true, or returns false when the bucket is empty. */
  tryAcquire(): boolean;
  /** Whole tokens available right now. */
  readonly available: number;
}

/** The `retry` option as users write it: every field optional. */
export interface RetryOptions {
  /** Delay before the first reconnect, before jitter. */
  readonly initialDelayMs?: number;
  /** Growth factor between attempts (≥ 1). */
  readonly multiplier?: number;
  /** Cap on the exponential delay; jitter is applied after this cap. */
  readonly maxDelayMs?: number;
  readonly jitter?: JitterMode;
  /** Reconnect attempts per outage; 0 never reconnects. */
  readonly maxAttempts?: number;
  /** Time budget per outage: stop when the next attempt would start later than this. */
  readonly maxElapsedMs?: number;
  /** How long a session must stay ready before the attempt counter resets. */
  readonly minUptimeMs?: number;
  /** A shared retry budget (see `createRetryBudget`). */
  readonly budget?: RetryBudget;
  /** Fixed delays per attempt instead of the exponential backoff; the last one repeats. */
  readonly schedule?: readonly number[];
}

/** `RetryOptions` after validation, with defaults filled in. */
export interface ResolvedRetryOptions {
  readonly initialDelayMs: number;
  readonly multiplier: number;
  readonly maxDelayMs: number;
  readonly jitter: JitterMode;
  readonly maxAttempts: number;
  readonly maxElapsedMs: number;
  readonly minUptimeMs: number;
  /** Present only when the user gave one: there is no default budget. */
  readonly budget?: RetryBudget;
  /** Present only when the user gave one: the default is the exponential backoff. */
  readonly schedule?: readonly number[];
}
