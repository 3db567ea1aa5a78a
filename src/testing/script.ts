/**
 * The fault-script DSL: typed data that reads as the outage it stages, plus its validation and builders.
 *
 * A connection script runs once per client connection. Steps before an explicit `accept` or `reject` run
 * before the HTTP upgrade is answered (only `wait` may appear there); a script with neither starts with an
 * implicit `accept`. A server script (`restart`, `flap`, ...) runs once per fault server. Scripts are
 * validated as a whole before anything starts; see docs/testing.md for what each step does on each back end.
 */
import { SessionError, describeValue } from '../errors/index.js';
import { PROTOCOLS } from '../codes/types.js';
import type { CodeValue, ProtocolId } from '../codes/types.js';
import { parseRetryAfter } from '../codes/retry-after.js';
import type { Profile } from '../../machines/profile.js';
import { profileFor } from '../session/profiles.js';

export type FaultStep =
  | { readonly do: 'accept' }
  | { readonly do: 'reject'; readonly status: number; readonly retryAfter?: string | number }
  | { readonly do: 'handshake'; readonly steps?: readonly string[] }
  | { readonly do: 'stall' }
  | { readonly do: 'stream'; readonly ratePerSecond: number; readonly forMs: number }
  | { readonly do: 'silence'; readonly forMs: number }
  | { readonly do: 'status'; readonly code: CodeValue; readonly message?: string }
  | { readonly do: 'end'; readonly message?: string }
  /** Guacamole only: an `error` instruction with a gateway's text code (guacamole-lite's), then close 1011 as guacamole-lite closes. */
  | { readonly do: 'gatewayError'; readonly code: string; readonly message?: string }
  /** Guacamole only: guacd's bare `disconnect`, then the tunnel's close for guacd's end (the dialect's close 1000). */
  | { readonly do: 'disconnect' }
  | { readonly do: 'close'; readonly code: number; readonly reason?: string }
  | { readonly do: 'drop' }
  | { readonly do: 'wait'; readonly ms: number };

export type ServerStep =
  /** Without closeCode, clients are dropped (1006); with it, they get a close frame first (e.g. 1012). */
  | { readonly do: 'restart'; readonly downMs: number; readonly closeCode?: number; readonly closeReason?: string }
  | { readonly do: 'flap'; readonly times: number; readonly upMs: number; readonly downMs: number }
  | { readonly do: 'waitForConnections'; readonly count: number }
  | { readonly do: 'wait'; readonly ms: number };

/** A protocol id, or a profile object (e.g. `createFrameProfile({ frp: 7 })`). */
export type FaultProtocol = ProtocolId | Profile;

/** Where a script will run: the real fault server, or msw `ws.link` handlers. */
export type FaultBackend = 'server' | 'msw';

export const SCRIPT_LIMITS = {
  /** Longest duration a step accepts (the largest delay a timer can hold). */
  maxDurationMs: 2_147_483_647,
  maxRatePerSecond: 1000,
  maxFlapTimes: 1000,
  /** A close frame's reason must fit in 123 bytes of UTF-8. */
  maxCloseReasonBytes: 123,
} as const;


const STEP_KEYS: Readonly<Record<FaultStep['do'] | ServerStep['do'], readonly string[]>> = {
  accept: [],
  reject: ['status', 'retryAfter'],
  handshake: ['steps'],
  stall: [],
  stream: ['ratePerSecond', 'forMs'],
  silence: ['forMs'],
  status: ['code', 'message'],
  end: ['message'],
  gatewayError: ['code', 'message'],
  disconnect: [],
  close: ['code', 'reason'],
  drop: [],
  wait: ['ms'],
  restart: ['downMs', 'closeCode', 'closeReason'],
  flap: ['times', 'upMs', 'downMs'],
  waitForConnections: ['count'],
};
const CONNECTION_STEPS = ['accept', 'reject', 'handshake', 'stall', 'stream', 'silence', 'status', 'end', 'gatewayError', 'disconnect', 'close', 'drop', 'wait'] as const;
const SERVER_STEPS = ['restart', 'flap', 'waitForConnections', 'wait'] as const;
const TERMINAL = new Set<string>(['reject', 'close', 'drop', 'gatewayError', 'disconnect']);
/** A gateway's text status code, as guacamole-lite writes them (SERVICE_UNAVAILABLE). */
const TEXT_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const CLOSE_CODES = '1000-1003, 1007-1014, 3000-4999';

/** Close codes a close frame may carry (RFC 6455 §7.4: 1004-1006 and 1015 are never sent; 1016-2999 are reserved). */
export function isSendableCloseCode(code: number): boolean {
  return Number.isInteger(code) && ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999));
}

/** The profile for a protocol id (or the profile itself). Throws SESSION_ERR_UNKNOWN_PROTOCOL. */
export function resolveFaultProfile(protocol: FaultProtocol): Profile {
  const profile = profileFor(protocol);
  if (profile !== undefined) return profile;
  throw new SessionError('SESSION_ERR_UNKNOWN_PROTOCOL', `Unknown protocol ${describeValue(protocol)} for a fault script (accepted: ${PROTOCOLS.join(', ')}, or a Profile)`, {
    field: 'protocol',
    value: describeValue(protocol),
  });
}

function fail(index: number, kind: string, field: string, problem: string, value: unknown): never {
  const where = kind === '' ? `step ${index}` : `step ${index} (${kind})`;
  throw new SessionError('SESSION_ERR_INVALID_SCRIPT', `Fault script ${where}: ${field === '' ? '' : `${field} `}${problem} (got ${describeValue(value)})`, {
    field: field === '' ? `step ${index}` : `step ${index}.${field}`,
    value: describeValue(value),
  });
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

function checkDuration(index: number, kind: string, field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > SCRIPT_LIMITS.maxDurationMs) {
    fail(index, kind, field, `must be a duration in ms from 0 to ${SCRIPT_LIMITS.maxDurationMs}`, value);
  }
}

function checkText(index: number, kind: string, field: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') fail(index, kind, field, 'must be a string when given', value);
}

function checkShape(index: number, raw: unknown, accepted: readonly string[]): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(index, '', '', `must be an object like { do: 'wait', ms: 50 }`, raw);
  const record = raw as Record<string, unknown>;
  const kind = record.do;
  if (typeof kind !== 'string' || !accepted.includes(kind)) fail(index, '', 'do', `is not a known step (accepted: ${accepted.join(', ')})`, kind);
  const keys = STEP_KEYS[kind as keyof typeof STEP_KEYS];
  for (const key of Object.keys(record)) {
    if (key !== 'do' && !keys.includes(key)) fail(index, kind, key, `is not a field of this step (accepted: ${keys.length === 0 ? 'none' : keys.join(', ')})`, key);
  }
  return record;
}

function checkClose(index: number, kind: string, fields: readonly [string, string], code: unknown, reason: unknown): void {
  if (typeof code !== 'number' || !isSendableCloseCode(code)) {
    fail(index, kind, fields[0], `cannot be sent in a close frame (accepted: ${CLOSE_CODES}; 1004, 1005, 1006 and 1015 are reserved)`, code);
  }
  checkText(index, kind, fields[1], reason);
  if (typeof reason === 'string' && utf8Bytes(reason) > SCRIPT_LIMITS.maxCloseReasonBytes) {
    fail(index, kind, fields[1], `is ${utf8Bytes(reason)} bytes of UTF-8 (accepted: at most ${SCRIPT_LIMITS.maxCloseReasonBytes})`, reason);
  }
}

function checkRetryAfter(index: number, value: unknown): void {
  if (value === undefined) return;
  const accepted = 'must be whole seconds (a number or digits) or an HTTP-date';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) fail(index, 'reject', 'retryAfter', accepted, value);
    return;
  }
  if (typeof value !== 'string' || parseRetryAfter(value, 0) === undefined) fail(index, 'reject', 'retryAfter', accepted, value);
}

function checkConnectionStep(profile: Profile, index: number, record: Record<string, unknown>, backend: FaultBackend): void {
  const kind = record.do as FaultStep['do'];
  switch (kind) {
    case 'reject':
      if (backend === 'msw') fail(index, kind, '', 'cannot be staged with msw: its mock socket always opens, so no HTTP status reaches the client; use createFaultServer', kind);
      if (typeof record.status !== 'number' || !Number.isInteger(record.status) || record.status < 400 || record.status > 599) {
        fail(index, kind, 'status', 'must be an HTTP error status from 400 to 599', record.status);
      }
      return checkRetryAfter(index, record.retryAfter);
    case 'handshake': {
      const ids = profile.steps.map((s) => s.id);
      const steps = record.steps;
      if (steps === undefined) return;
      if (!Array.isArray(steps) || steps.length === 0) fail(index, kind, 'steps', `must be a non-empty array of step ids, or omitted for all (accepted ids for ${profile.id}: ${ids.join(', ') || 'none'})`, steps);
      const seen = new Set<unknown>();
      for (const id of steps as unknown[]) {
        if (typeof id !== 'string' || !ids.includes(id)) fail(index, kind, 'steps', `has an unknown ${profile.id} handshake step (accepted: ${ids.join(', ') || 'none'})`, id);
        if (seen.has(id)) fail(index, kind, 'steps', 'lists a step twice', id);
        seen.add(id);
      }
      return;
    }
    case 'stream':
      if (typeof record.ratePerSecond !== 'number' || !Number.isFinite(record.ratePerSecond) || record.ratePerSecond <= 0 || record.ratePerSecond > SCRIPT_LIMITS.maxRatePerSecond) {
        fail(index, kind, 'ratePerSecond', `must be a number above 0 and at most ${SCRIPT_LIMITS.maxRatePerSecond}`, record.ratePerSecond);
      }
      return checkDuration(index, kind, 'forMs', record.forMs);
    case 'silence':
      return checkDuration(index, kind, 'forMs', record.forMs);
    case 'wait':
      return checkDuration(index, kind, 'ms', record.ms);
    case 'status': {
      checkText(index, kind, 'message', record.message);
      let known = false;
      try {
        const found = profile.own(record.code as CodeValue);
        known = found.known && found.space === profile.id;
      } catch {
        known = false;
      }
      if (!known) fail(index, kind, 'code', `is not in the ${profile.id} catalog (accepted: a code listed by \`session-lifecycle catalog ${profile.id}\`)`, record.code);
      return;
    }
    case 'end':
      checkText(index, kind, 'message', record.message);
      if (record.message !== undefined && profile.id === 'guacamole') fail(index, kind, 'message', 'cannot be sent: the Guacamole disconnect instruction has no arguments', record.message);
      return;
    case 'gatewayError':
      if (profile.id !== 'guacamole') fail(index, kind, '', 'is a Guacamole gateway step (guacamole-lite\'s text-coded error)', profile.id);
      checkText(index, kind, 'message', record.message);
      if (typeof record.code !== 'string' || !TEXT_CODE.test(record.code)) fail(index, kind, 'code', 'must be a text code of capitals, digits and underscores, at most 64 (e.g. SERVICE_UNAVAILABLE)', record.code);
      return;
    case 'disconnect':
      if (profile.id !== 'guacamole') fail(index, kind, '', 'is a Guacamole step (guacd\'s bare disconnect); use end for other protocols', profile.id);
      return;
    case 'close':
      return checkClose(index, kind, ['code', 'reason'], record.code, record.reason);
    default:
      return; // accept, stall, drop: no fields
  }
}

export interface ValidateScriptOptions {
  /** Default 'server'. With 'msw', steps msw cannot express are rejected. */
  readonly backend?: FaultBackend;
}

/**
 * Checks a connection script before anything runs. Throws SessionError SESSION_ERR_INVALID_SCRIPT naming the
 * step index, the bad value and what is accepted (SESSION_ERR_UNKNOWN_PROTOCOL for an unknown protocol).
 * Returns the profile the script was checked against.
 */
export function validateScript(protocol: FaultProtocol, script: readonly FaultStep[], options: ValidateScriptOptions = {}): Profile {
  const profile = resolveFaultProfile(protocol);
  const backend = options.backend ?? 'server';
  if (backend !== 'server' && backend !== 'msw') {
    throw new SessionError('SESSION_ERR_INVALID_OPTION', `backend must be 'server' or 'msw' (got ${describeValue(backend)})`, { field: 'backend', value: describeValue(backend) });
  }
  if (!Array.isArray(script)) {
    throw new SessionError('SESSION_ERR_INVALID_SCRIPT', `A fault script must be an array of steps (got ${describeValue(script)})`, { field: 'script', value: describeValue(script) });
  }
  const answerAt = script.findIndex((s) => s?.do === 'accept' || s?.do === 'reject');
  script.forEach((raw: unknown, index) => {
    const serverLevel = typeof raw === 'object' && raw !== null && (SERVER_STEPS as readonly unknown[]).includes((raw as { do?: unknown }).do);
    if (serverLevel && (raw as { do: string }).do !== 'wait') {
      fail(index, (raw as { do: string }).do, '', "is a server-level step: pass it in createFaultServer's `server` option", (raw as { do: string }).do);
    }
    const record = checkShape(index, raw, CONNECTION_STEPS);
    const kind = record.do as string;
    if ((kind === 'accept' || kind === 'reject') && index !== answerAt) fail(index, kind, '', 'answers the upgrade a second time (accept or reject may appear once)', kind);
    if (index < answerAt && kind !== 'wait') fail(index, kind, '', 'comes before the upgrade is answered, where only wait is accepted', kind);
    if (index < answerAt && backend === 'msw') fail(index, kind, '', 'cannot delay the upgrade with msw: its mock socket opens on the next microtask', kind);
    const previous = index > 0 ? (script[index - 1] as { do?: unknown } | undefined) : undefined;
    if (previous !== undefined && TERMINAL.has(String(previous.do))) fail(index, kind, '', `follows ${String(previous.do)}, which ends the connection`, kind);
    checkConnectionStep(profile, index, record, backend);
  });
  return profile;
}

/** Checks a server script (restart, flap, wait, waitForConnections). Throws SESSION_ERR_INVALID_SCRIPT. */
export function validateServerScript(script: readonly ServerStep[]): void {
  if (!Array.isArray(script)) {
    throw new SessionError('SESSION_ERR_INVALID_SCRIPT', `A server script must be an array of steps (got ${describeValue(script)})`, { field: 'server', value: describeValue(script) });
  }
  script.forEach((raw: unknown, index) => {
    const record = checkShape(index, raw, SERVER_STEPS);
    const kind = record.do as ServerStep['do'];
    if (kind === 'restart' || kind === 'flap') checkDuration(index, kind, 'downMs', record.downMs);
    if (kind === 'restart' && (record.closeCode !== undefined || record.closeReason !== undefined)) {
      checkClose(index, kind, ['closeCode', 'closeReason'], record.closeCode, record.closeReason);
    }
    if (kind === 'flap') {
      checkDuration(index, kind, 'upMs', record.upMs);
      if (typeof record.times !== 'number' || !Number.isInteger(record.times) || record.times < 1 || record.times > SCRIPT_LIMITS.maxFlapTimes) {
        fail(index, kind, 'times', `must be an integer from 1 to ${SCRIPT_LIMITS.maxFlapTimes}`, record.times);
      }
    }
    if (kind === 'wait') checkDuration(index, kind, 'ms', record.ms);
    if (kind === 'waitForConnections' && (typeof record.count !== 'number' || !Number.isInteger(record.count) || record.count < 1)) {
      fail(index, kind, 'count', 'must be an integer of at least 1', record.count);
    }
  });
}

/** Per-connection scripts: one for all, a list by index (the last one repeats), or a function of the index. */
export interface ScriptSource {
  readonly script?: readonly FaultStep[];
  readonly scripts?: readonly (readonly FaultStep[])[] | ((index: number) => readonly FaultStep[]);
}

/**
 * Validates the scripts a back end was given and returns the script for each connection index, implicit
 * accept included. A script function is validated each time it is called (it throws SESSION_ERR_INVALID_SCRIPT).
 */
export function createScriptPicker(protocol: FaultProtocol, source: ScriptSource, backend: FaultBackend): (index: number) => readonly FaultStep[] {
  const { script, scripts } = source;
  const invalid = (message: string, value: unknown) => new SessionError('SESSION_ERR_INVALID_OPTION', message, { field: 'scripts', value: describeValue(value) });
  if (script !== undefined && scripts !== undefined) throw invalid('Pass either script or scripts, not both', 'both');
  if (typeof scripts === 'function') {
    return (index) => {
      const produced = scripts(index);
      validateScript(protocol, produced, { backend });
      return withImplicitAccept(produced);
    };
  }
  if (scripts !== undefined) {
    if (!Array.isArray(scripts) || scripts.length === 0) throw invalid(`scripts must be a non-empty array of scripts or a function of the connection index (got ${describeValue(scripts)})`, scripts);
    const ready = scripts.map((one) => (validateScript(protocol, one, { backend }), withImplicitAccept(one)));
    return (index) => ready[Math.min(index, ready.length - 1)] as readonly FaultStep[];
  }
  const one = script ?? [];
  validateScript(protocol, one, { backend });
  const ready = withImplicitAccept(one);
  return () => ready;
}

/** The script as it runs: with the implicit `accept` made explicit. */
export function withImplicitAccept(script: readonly FaultStep[]): readonly FaultStep[] {
  return script.some((s) => s.do === 'accept' || s.do === 'reject') ? script : [{ do: 'accept' }, ...script];
}

/**
 * Builders that make scripts read as the outage they stage:
 * `[step.handshake(), step.stream(30, 500), step.close(1012, 'restarting')]`.
 */
export const step = {
  /** Complete the upgrade (implicit at the start when a script has no accept or reject). */
  accept: (): FaultStep => ({ do: 'accept' }),
  /** Answer the upgrade with an HTTP error status (fault server only); retryAfter in seconds or an HTTP-date. */
  reject: (status: number, options: { readonly retryAfter?: string | number } = {}): FaultStep =>
    options.retryAfter === undefined ? { do: 'reject', status } : { do: 'reject', status, retryAfter: options.retryAfter },
  /** Send the profile's handshake messages: every step, or the ones named, in the order given. */
  handshake: (steps?: readonly string[]): FaultStep => (steps === undefined ? { do: 'handshake' } : { do: 'handshake', steps }),
  /** Stop sending and answering until a later step (other than wait) runs, or forever. */
  stall: (): FaultStep => ({ do: 'stall' }),
  /** Send data frames at `ratePerSecond` for `forMs`. */
  stream: (ratePerSecond: number, forMs: number): FaultStep => ({ do: 'stream', ratePerSecond, forMs }),
  /** Send nothing and answer nothing for `forMs`, then carry on. */
  silence: (forMs: number): FaultStep => ({ do: 'silence', forMs }),
  /** A protocol status: Guacamole `error` instruction, envelope `status`. */
  status: (code: CodeValue, message?: string): FaultStep => (message === undefined ? { do: 'status', code } : { do: 'status', code, message }),
  /** The peer's goodbye: Guacamole `disconnect`, envelope `end`. */
  end: (message?: string): FaultStep => (message === undefined ? { do: 'end' } : { do: 'end', message }),
  /**
   * Guacamole: guacamole-lite's own error, `5.error,<message>,<CODE>;` with a text code (SERVICE_UNAVAILABLE,
   * INVALID_TOKEN, …; the message defaults to the one guacamole-lite writes), then close 1011 `Internal server error`.
   */
  gatewayError: (code: string, message?: string): FaultStep => (message === undefined ? { do: 'gatewayError', code } : { do: 'gatewayError', code, message }),
  /**
   * Guacamole: guacd's bare `disconnect` (no status), then the tunnel's close once guacd has gone: 1000 `0` from the Java
   * tunnel, 1000 `Connection closed normally` from guacamole-lite. Before the handshake's sync, what guacd 1.5 sends for a
   * desktop it cannot reach or sign in to.
   */
  disconnect: (): FaultStep => ({ do: 'disconnect' }),
  /** A close frame with this code and reason. */
  close: (code: number, reason?: string): FaultStep => (reason === undefined ? { do: 'close', code } : { do: 'close', code, reason }),
  /** Destroy the TCP socket without a close frame (the client sees 1006). */
  drop: (): FaultStep => ({ do: 'drop' }),
  /** Wait `ms` (keep-alives are still answered). Also a server step. */
  wait: (ms: number): FaultStep & ServerStep => ({ do: 'wait', ms }),
  /**
   * Server step: stop listening and drop every client (or close them with `closeCode` first); listen again on
   * the same port after `downMs`.
   */
  restart: (downMs: number, options: { readonly closeCode?: number; readonly closeReason?: string } = {}): ServerStep => ({
    do: 'restart',
    downMs,
    ...(options.closeCode === undefined ? {} : { closeCode: options.closeCode }),
    ...(options.closeReason === undefined ? {} : { closeReason: options.closeReason }),
  }),
  /** Server step: `times` × (stay up `upMs`, then down for `downMs`). */
  flap: (times: number, timing: { readonly upMs: number; readonly downMs: number }): ServerStep => ({ do: 'flap', times, upMs: timing.upMs, downMs: timing.downMs }),
  /** Server step: wait until `count` connections (accepted or not) have arrived in total. */
  waitForConnections: (count: number): ServerStep => ({ do: 'waitForConnections', count }),
} as const;
