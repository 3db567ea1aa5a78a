/**
 * Options of `createSessionMachine`: timeouts, keep-alive and retry, validated once at construction
 * with messages that name the option, the bad value and what is accepted.
 */
import { SessionError, optionMustBe } from '../src/errors/index.js';
import { createRetryPolicy, isRetryPolicy, resolveRetryOptions } from '../src/policy/index.js';
import type { RetryOptions, RetryPolicy } from '../src/policy/index.js';
import type { KeepAliveSettings, Profile } from './profile.js';

export interface TimeoutOptions {
  /** How long the socket may take to open. */
  readonly connectMs?: number;
  /** Per-step handshake timeout: one number for every step, or by step id. */
  readonly handshakeMs?: number | Readonly<Record<string, number>>;
  /**
   * After a polite close (`disconnect()`), how long the peer has to answer the close handshake before the socket is
   * dropped (default 1000 ms, `WEBSOCKET_TRANSPORT_DEFAULTS.closeGraceMs`). Nothing of the session outlives it.
   */
  readonly closeGraceMs?: number;
}

/** Bounds on what one connection may hold in memory, in bytes. */
export interface LimitOptions {
  /**
   * Most bytes the socket may hold unsent. Above it the peer is not reading (a server that floods and never reads):
   * the link counts as severed (the profile's own code) and the socket is dropped. Default 16 MiB.
   */
  readonly maxBufferedBytes?: number;
  /** Largest incoming message where the WebSocket implementation can bound it (`ws`; browsers cannot). Default 8 MiB. */
  readonly maxPayloadBytes?: number;
}

export interface SessionMachineOptions {
  readonly retry?: RetryOptions | RetryPolicy;
  readonly timeouts?: TimeoutOptions;
  readonly keepAlive?: Partial<KeepAliveSettings>;
  readonly limits?: LimitOptions;
  /** How many faults the context keeps (ring buffer). */
  readonly historySize?: number;
}

export const SESSION_MACHINE_DEFAULTS = {
  historySize: 16,
  /** Upper bound for any timeout: 24 h. */
  maxTimeoutMs: 86_400_000,
  /** Bounds of `limits.*`: from 1 KiB to 1 GiB. */
  minLimitBytes: 1024,
  maxLimitBytes: 1_073_741_824,
} as const;

export interface ResolvedSessionOptions {
  readonly policy: RetryPolicy;
  readonly minUptimeMs: number;
  readonly connectMs: number;
  readonly stepTimeoutsMs: Readonly<Record<string, number>>;
  readonly keepAlive: KeepAliveSettings;
  readonly historySize: number;
  /** What the transport receives beyond the URL and codec (only the options the user gave: it owns the defaults). */
  readonly transport: { readonly closeGraceMs?: number; readonly maxBufferedBytes?: number; readonly maxPayloadBytes?: number };
}

const invalid = optionMustBe;

function duration(field: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > SESSION_MACHINE_DEFAULTS.maxTimeoutMs) {
    throw invalid(field, value, `an integer number of milliseconds from ${min} to ${SESSION_MACHINE_DEFAULTS.maxTimeoutMs}`);
  }
  return value;
}

function checkKeys(field: string, value: object, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `${field}.${key} is not an option; accepted: ${allowed.join(', ')}`, { field: `${field}.${key}` });
    }
  }
}

function plainObject(field: string, value: unknown): value is object {
  if (value === undefined) return false;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(field, value, 'an object');
  return true;
}

export function resolveSessionOptions(profile: Profile, options: SessionMachineOptions = {}): ResolvedSessionOptions {
  if (plainObject('options', options)) checkKeys('options', options, ['retry', 'timeouts', 'keepAlive', 'limits', 'historySize']);

  const timeouts: TimeoutOptions = plainObject('timeouts', options.timeouts) ? options.timeouts! : {};
  checkKeys('timeouts', timeouts, ['connectMs', 'handshakeMs', 'closeGraceMs']);
  const connectMs = duration('timeouts.connectMs', timeouts.connectMs, profile.connectTimeoutMs);
  const transport: Record<string, number> = {};
  if (timeouts.closeGraceMs !== undefined) transport.closeGraceMs = duration('timeouts.closeGraceMs', timeouts.closeGraceMs, 0, 0);
  const limits: LimitOptions = plainObject('limits', options.limits) ? options.limits! : {};
  checkKeys('limits', limits, ['maxBufferedBytes', 'maxPayloadBytes']);
  for (const key of ['maxBufferedBytes', 'maxPayloadBytes'] as const) {
    const value: unknown = limits[key];
    if (value === undefined) continue;
    const { minLimitBytes: min, maxLimitBytes: max } = SESSION_MACHINE_DEFAULTS;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw invalid(`limits.${key}`, value, `an integer number of bytes from ${min} to ${max}`);
    }
    transport[key] = value;
  }

  const stepTimeoutsMs: Record<string, number> = {};
  const handshake = timeouts.handshakeMs;
  const stepIds = profile.steps.map((step) => step.id);
  if (handshake !== undefined && typeof handshake === 'object' && handshake !== null) {
    for (const key of Object.keys(handshake)) {
      if (!stepIds.includes(key)) {
        throw new SessionError(
          'SESSION_ERR_INVALID_OPTION',
          `timeouts.handshakeMs.${key} is not a ${profile.id} handshake step; steps: ${stepIds.join(', ') || '(none)'}`,
          { field: `timeouts.handshakeMs.${key}` },
        );
      }
    }
  }
  for (const step of profile.steps) {
    const given = typeof handshake === 'object' && handshake !== null ? handshake[step.id] : handshake;
    const field = typeof handshake === 'object' ? `timeouts.handshakeMs.${step.id}` : 'timeouts.handshakeMs';
    stepTimeoutsMs[step.id] = duration(field, given, step.timeoutMs);
  }

  const keepAliveIn: Partial<KeepAliveSettings> = plainObject('keepAlive', options.keepAlive) ? options.keepAlive! : {};
  checkKeys('keepAlive', keepAliveIn, ['intervalMs', 'unstableAfterMs', 'deadAfterMs']);
  const keepAlive: KeepAliveSettings = {
    intervalMs: duration('keepAlive.intervalMs', keepAliveIn.intervalMs, profile.keepAlive.intervalMs),
    unstableAfterMs: duration('keepAlive.unstableAfterMs', keepAliveIn.unstableAfterMs, profile.keepAlive.unstableAfterMs),
    deadAfterMs: duration('keepAlive.deadAfterMs', keepAliveIn.deadAfterMs, profile.keepAlive.deadAfterMs),
  };
  if (keepAlive.deadAfterMs <= keepAlive.unstableAfterMs) {
    throw new SessionError(
      'SESSION_ERR_INVALID_OPTION',
      `keepAlive.deadAfterMs must be > unstableAfterMs (got ${keepAlive.deadAfterMs} ≤ ${keepAlive.unstableAfterMs})`,
      { field: 'keepAlive.deadAfterMs', value: String(keepAlive.deadAfterMs) },
    );
  }

  const sender = profile.keepAliveSender;
  if (sender !== undefined && sender !== 'machine' && sender !== 'transport') {
    throw invalid(`profile ${profile.id}: keepAliveSender`, sender, "'machine', 'transport' or left out (the machine)");
  }

  const historySize = options.historySize ?? SESSION_MACHINE_DEFAULTS.historySize;
  if (!Number.isInteger(historySize) || historySize < 1 || historySize > 1000) {
    throw invalid('historySize', historySize, 'an integer from 1 to 1000');
  }

  const retry = options.retry;
  const isPolicy = isRetryPolicy(retry);
  const merged = isPolicy ? retry : { ...profile.retry, ...(retry as RetryOptions | undefined) };
  const policy = createRetryPolicy(merged);
  const minUptimeMs = resolveRetryOptions(isPolicy ? profile.retry : (merged as RetryOptions)).minUptimeMs;

  return { policy, minUptimeMs, connectMs, stepTimeoutsMs, keepAlive, historySize, transport };
}
