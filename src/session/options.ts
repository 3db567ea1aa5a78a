/**
 * `createSession` options: types, defaults and the one-time validation with messages that name the
 * option, the bad value and what is accepted.
 */
import type { InspectionEvent, Observer } from 'xstate';
import { SessionError, optionMustBe } from '../errors/index.js';
import type { GatewayId, ProtocolId } from '../codes/types.js';
import type { RetryOptions, RetryPolicy } from '../policy/index.js';
import type { WebSocketConstructor } from '../transport/websocket-types.js';
import { redactUrl } from '../errors/redact.js';
import type { KeepAliveSettings, LimitOptions, Profile, TimeoutOptions, UrlSource } from '../../machines/index.js';

/** A clock the actor can run on: `SimulatedClock` from xstate, or anything with the same three methods. */
export interface SessionClock {
  now(): number;
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface SessionOptions {
  /** A protocol id ('guacamole' | 'frame' | 'softdrive' | 'msra') or a Profile object (smallest bundles). */
  readonly protocol: ProtocolId | Profile;
  /** The endpoint, or a function called before every attempt (fresh tokens). */
  readonly url: UrlSource;
  /** A WHATWG WebSocket constructor. Default `globalThis.WebSocket`; on Node 20 pass `WebSocket` from 'ws'. */
  readonly WebSocket?: WebSocketConstructor;
  /** WebSocket subprotocols to request (Guacamole's tunnel uses 'guacamole'). */
  readonly protocols?: string | readonly string[];
  /** A gateway in front of the protocol whose result codes should classify too. */
  readonly gateway?: GatewayId;
  readonly retry?: RetryOptions | RetryPolicy;
  readonly timeouts?: TimeoutOptions;
  readonly keepAlive?: Partial<KeepAliveSettings>;
  /** Memory bounds of one connection: unsent bytes (`maxBufferedBytes`) and incoming message size (`maxPayloadBytes`). */
  readonly limits?: LimitOptions;
  /** Passed to the actor: `createBrowserInspector().inspect`, `createWebSocketInspector().inspect`, or a function. */
  readonly inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** Inject time (e.g. `new SimulatedClock()`); default the real clock. */
  readonly clock?: SessionClock;
  /** Inject randomness in [0, 1); default Math.random. */
  readonly random?: () => number;
  /** Wire the browser's online/offline and visibilitychange events (default true where they exist). */
  readonly environment?: boolean;
}

export const SESSION_OPTION_NAMES = [
  'protocol', 'url', 'WebSocket', 'protocols', 'gateway', 'retry', 'timeouts', 'keepAlive', 'limits',
  'inspect', 'clock', 'random', 'environment',
] as const;

const URL_SCHEMES = ['ws:', 'wss:', 'http:', 'https:'];

const invalid = optionMustBe;

/** Checks everything that can be checked before any I/O. Throws SessionError. */
export function validateSessionOptions(options: unknown): asserts options is SessionOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalid('options', options, 'an object with at least `protocol` and `url`');
  }
  const record = options as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(SESSION_OPTION_NAMES as readonly string[]).includes(key)) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `${key} is not an option of createSession; accepted: ${SESSION_OPTION_NAMES.join(', ')}`, { field: key });
    }
  }
  const { url } = record;
  if (typeof url === 'string') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `url must be an absolute ws://, wss://, http:// or https:// URL (got ${redactUrl(url)})`, { field: 'url', value: redactUrl(url) });
    }
    if (!URL_SCHEMES.includes(parsed.protocol)) {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', `url must use ws:, wss:, http: or https: (got ${parsed.protocol})`, { field: 'url', value: parsed.protocol });
    }
  } else if (typeof url !== 'function') {
    throw invalid('url', url, 'a URL string or a function returning one (sync or async)');
  }
  if (record.WebSocket !== undefined && typeof record.WebSocket !== 'function') {
    throw invalid('WebSocket', record.WebSocket, "a WebSocket constructor (globalThis.WebSocket, or WebSocket from 'ws')");
  }
  const { protocols } = record;
  if (protocols !== undefined && typeof protocols !== 'string' && !(Array.isArray(protocols) && protocols.every((p) => typeof p === 'string'))) {
    throw invalid('protocols', protocols, 'a subprotocol string or an array of them');
  }
  if (record.gateway !== undefined && record.gateway !== 'tmg') throw invalid('gateway', record.gateway, "'tmg'");
  if (record.inspect !== undefined && typeof record.inspect !== 'function' && (typeof record.inspect !== 'object' || record.inspect === null)) {
    throw invalid('inspect', record.inspect, 'an inspection observer or function');
  }
  const { clock } = record;
  if (clock !== undefined) {
    const c = clock as Partial<SessionClock> | null;
    if (c === null || typeof c !== 'object' || typeof c.now !== 'function' || typeof c.setTimeout !== 'function' || typeof c.clearTimeout !== 'function') {
      throw invalid('clock', clock, 'an object with now(), setTimeout() and clearTimeout(), such as xstate SimulatedClock');
    }
  }
  if (record.random !== undefined && typeof record.random !== 'function') throw invalid('random', record.random, 'a function returning numbers in [0, 1)');
  if (record.environment !== undefined && typeof record.environment !== 'boolean') throw invalid('environment', record.environment, 'true or false');
}
