/**
 * `Session`: the lifecycle machine driving a real WebSocket, with a plain eventemitter3 API for apps that
 * don't use XState (README.md, "Entry points"). It takes a resolved Profile; `createSession` (src/session/create-session.ts)
 * resolves protocol ids and the gateway option, and `session-lifecycle/session` exports a `createSession` that
 * takes a Profile object only, so a bundle carries one protocol's catalog.
 */
import { EventEmitter } from 'eventemitter3';
import { createActor } from 'xstate';
import type { Actor } from 'xstate';
import { SessionError } from '../errors/index.js';
import { reportAppError } from '../errors/report-app-error.js';
import type { Classification, Phase } from '../codes/types.js';
import { redactText } from '../errors/redact.js';
import type { ClassifySignal } from '../classify/index.js';
import { openWebSocketConnection } from '../transport/websocket-transport.js';
import type { WebSocketConstructor } from '../transport/websocket-types.js';
import { sessionMachineFor } from '../../machines/session.machine.js';
import type { SessionEmitted, SessionMachine } from '../../machines/session.machine.js';
import { resolveSessionOptions } from '../../machines/session-options.js';
import { projectSession } from '../../machines/project.js';
import type { SessionProjection } from '../../machines/project.js';
import type { Profile } from '../../machines/profile.js';
import type { SessionLink, TransportTimers } from '../../machines/wire.js';
import { SecretUrlSource } from '../../machines/secret-url.js';
import type { UrlSource } from '../../machines/secret-url.js';
import { watchEnvironment } from './environment.js';
import type { EnvironmentWatch } from './environment.js';
import type { SessionEventMap } from './events.js';
import type { SessionOptions } from './options.js';
import { systemNow, systemRandom } from './system.js';

/**
 * How a session opens its connections: through its link, without a transport actor (`SessionLink.open`), one opener
 * per WebSocket constructor shared by every session that uses it.
 */
const openers = /* @__PURE__ */ new WeakMap<WebSocketConstructor, NonNullable<SessionLink['open']>>();

function openerFor(WebSocketCtor: WebSocketConstructor): NonNullable<SessionLink['open']> {
  let open = openers.get(WebSocketCtor);
  if (open === undefined) {
    open = (input, deliver) => openWebSocketConnection(WebSocketCtor, input, deliver);
    openers.set(WebSocketCtor, open);
  }
  return open;
}

/** What `reauthenticate(update)` may change: a new URL (or URL function) carrying fresh credentials. */
export interface ReauthenticateUpdate {
  readonly url?: UrlSource;
}

/** The machine's emitted events the facade forwards (all of them, today), by type. */
const FORWARDED: ReadonlySet<string> = new Set<SessionEmitted['type']>([
  'fault', 'reconnecting', 'ready', 'unstable', 'stable', 'needs-auth', 'needs-decision', 'closed', 'failed',
]);

export class Session extends EventEmitter<SessionEventMap> {
  readonly #actor: Actor<SessionMachine>;
  readonly #profile: Profile;
  readonly #link: SessionLink;
  readonly #now: () => number;
  /** A codec to validate `send()` between connections, made on first need (most sessions never need it). */
  #encoder: ReturnType<Profile['createCodec']> | null = null;
  #projection: SessionProjection;
  #environment: EnvironmentWatch | null = null;

  /** @internal use `createSession()`: options are validated there, and `profile` is the resolved protocol. */
  constructor(options: SessionOptions, profile: Profile) {
    super();
    const WebSocketCtor = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (WebSocketCtor === undefined) {
      throw new SessionError(
        'SESSION_ERR_INVALID_OPTION',
        "WebSocket must be given where there is no global WebSocket (Node 20): pass `WebSocket` from the 'ws' package",
        { field: 'WebSocket', value: 'undefined' },
      );
    }
    // Validated here, once; the machine is the profile's shared one and the options travel as its input. A session
    // without any of these options runs on the machine's defaults (one shared object, no policy of its own).
    const tuned = options.retry !== undefined || options.timeouts !== undefined || options.keepAlive !== undefined || options.limits !== undefined;
    const settings = tuned
      ? resolveSessionOptions(profile, {
        ...(options.retry === undefined ? {} : { retry: options.retry }),
        ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
        ...(options.keepAlive === undefined ? {} : { keepAlive: options.keepAlive }),
        ...(options.limits === undefined ? {} : { limits: options.limits }),
      })
      : undefined;

    this.#profile = profile;
    this.#now = options.clock === undefined ? systemNow : () => options.clock!.now();
    this.#link = {
      lastDataAt: 0,
      wantActivity: false,
      send: null,
      release: null,
      timers: options.clock ?? PLATFORM_TIMERS,
      open: openerFor(WebSocketCtor),
      onData: (data) => {
        try {
          this.emit('message', data);
        } catch (error) {
          // A throwing `message` handler is the app's bug: surface it, but never inside the socket's listener.
          reportAppError(error);
        }
      },
    };

    if (options.environment !== false) {
      this.#environment = watchEnvironment((signal) => {
        if (this.#actor.getSnapshot().status === 'active') this.#actor.send({ type: signal });
      });
    }
    const initial = this.#environment?.initial;
    this.#actor = createActor(sessionMachineFor(profile), {
      input: {
        ...(settings === undefined ? {} : { settings }),
        url: new SecretUrlSource(options.url),
        ...(options.protocols === undefined ? {} : { protocols: options.protocols }),
        now: this.#now,
        random: options.random ?? systemRandom,
        link: this.#link,
        ...(initial === undefined ? {} : { online: initial.online, visible: initial.visible }),
      },
      ...(options.clock === undefined ? {} : { clock: options.clock as never }),
      ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
    });

    // One subscription for every emitted event (a listener per type costs each session nine).
    this.#actor.on('*', (event) => {
      const { type: name, ...payload } = event as SessionEmitted;
      if (!FORWARDED.has(name)) return;
      if (name === 'stable') this.#emit('stable');
      else this.#emit(name, payload as never);
    });
    this.#projection = projectSession(this.#actor.getSnapshot());
    this.#actor.subscribe({
      next: (snapshot) => {
        // The SDK's own bookkeeping first: a listener below may throw (it is reported, never rethrown here).
        if (snapshot.status === 'done') this.#release();
        const next = projectSession(snapshot);
        const previous = this.#projection;
        this.#projection = next;
        if (next.phase !== previous.phase) this.#emit('phase', next.phase, previous.phase as Phase);
        if (next.state !== previous.state || next.connectivity !== previous.connectivity || next.attempt !== previous.attempt) {
          this.#emit('state', next);
        }
      },
      error: (error) => this.#failInternally(error),
      // Stopped from outside (`session.actor.stop()`): XState runs no exit action then, so the connection is released here.
      complete: () => this.#release(),
    });
    this.#actor.start();
  }

  /** The public projection: connectivity, phase, reconnecting, attempt, state path and cause. */
  get state(): SessionProjection {
    return this.#projection;
  }

  /** The running XState actor, for inspection or advanced use. */
  get actor(): Actor<SessionMachine> {
    return this.#actor;
  }

  get protocol(): Profile['id'] {
    return this.#profile.id;
  }

  /** Starts connecting. A no-op while already active; an error once the session is closed or failed. */
  connect(): this {
    this.#assertOpen('connect');
    this.#actor.send({ type: 'user.connect' });
    return this;
  }

  /** Closes politely (code 1000 unless given) and cancels every pending timer; the session is done. */
  disconnect(code?: number, reason?: string): void {
    if (this.#actor.getSnapshot().status !== 'active') return;
    this.#actor.send({
      type: 'user.disconnect',
      ...(code === undefined ? {} : { code }),
      ...(reason === undefined ? {} : { reason }),
    });
  }

  /**
   * Encodes and sends an application message on the open socket. Returns false when no socket is open
   * (connecting, reconnecting): input is not queued across reconnects. Throws SESSION_ERR_PROTOCOL, having
   * sent nothing, when the message cannot be encoded for this protocol. For Guacamole that includes an
   * instruction guacd or its WebSocket tunnel would refuse: over 8192 UTF-16 units encoded, or over 128
   * elements, opcode included (`GUACAMOLE_SEND_LIMITS` from 'session-lifecycle/machines/guacamole'); send
   * large data as several instructions, as `blob` streams do.
   */
  send(message: unknown): boolean {
    // The connection's own codec, so what it sends (a Guacamole tunnel ping) is what it recognises coming back;
    // between connections the spare codec still validates the message.
    const codec = this.#actor.getSnapshot().context.connection?.codec ?? (this.#encoder ??= this.#profile.createCodec());
    const frame = codec.encode(message);
    return this.#link.send === null ? false : this.#link.send(frame);
  }

  /** Skips the rest of a backoff, or retries after a user decision. */
  retryNow(): void {
    this.#assertOpen('retryNow');
    this.#actor.send({ type: 'user.retryNow' });
  }

  /**
   * New credentials after `needs-auth`, and reconnect. With no argument the session's URL is used as it is: a URL
   * function is called again, so it can mint a fresh token (the safe form). A function given here replaces the URL
   * source. A string replaces a string URL; given while the URL is a function, it is used for the next attempt only,
   * and the attempts after it call the function again, so one typed-in token is never replayed on every reconnect.
   */
  reauthenticate(update: ReauthenticateUpdate = {}): void {
    this.#assertOpen('reauthenticate');
    if (update.url !== undefined && typeof update.url !== 'string' && typeof update.url !== 'function') {
      throw new SessionError('SESSION_ERR_INVALID_OPTION', 'reauthenticate({ url }) must be a URL string or a function returning one', { field: 'url' });
    }
    this.#actor.send({ type: 'user.reauthenticate', ...(update.url === undefined ? {} : { url: new SecretUrlSource(update.url) }) });
  }

  /** After `needs-decision`: take the seat from the other session and reconnect. */
  takeOver(): void {
    this.#assertOpen('takeOver');
    this.#actor.send({ type: 'user.takeOver' });
  }

  /** After `needs-auth` or `needs-decision`: give up; the session closes. */
  cancel(): void {
    this.#assertOpen('cancel');
    this.#actor.send({ type: 'user.cancel' });
  }

  /**
   * Feeds a code that reached the app by another channel (a vendor client's callback, a log line) into the
   * same classification and transitions. Accepts every form `classify` accepts; throws SessionError for
   * malformed input. Only the classification (redacted) enters the machine and its traces.
   */
  report(signal: ClassifySignal): ReturnType<Profile['classify']> {
    this.#assertOpen('report');
    const classification = this.#profile.classify(signal, { now: this.#now() });
    this.#actor.send({ type: 'status.report', classification });
    return classification;
  }

  /** A handshake step the host app saw complete (closed protocols). */
  stepDone(step: string): void {
    if (this.#actor.getSnapshot().status === 'active') this.#actor.send({ type: 'step.done', step });
  }

  /** A heartbeat the host app saw from the peer (closed protocols). */
  heartbeat(): void {
    if (this.#actor.getSnapshot().status === 'active') this.#actor.send({ type: 'keepalive.tick' });
  }

  #assertOpen(method: string): void {
    if (this.#actor.getSnapshot().status !== 'active') {
      throw new SessionError(
        'SESSION_ERR_INVALID_STATE',
        `${method}() called on a session that is ${this.#projection.state}; a closed or failed session never reopens: create a new one`,
        { field: method, value: this.#projection.state },
      );
    }
  }

  /** The session is over: the environment listeners go, and a connection still open is dropped (a no-op after a close). */
  #release(): void {
    this.#environment?.stop();
    this.#environment = null;
    try {
      this.#link.release?.();
    } catch {
      // Best effort; nothing may throw out of here.
    }
  }

  /**
   * Emits to the app's listeners. A listener that throws is the app's bug: it is reported (`reportError` where the
   * platform has it, else rethrown on a microtask) and never unwinds into the machine or skips the SDK's bookkeeping.
   */
  #emit<K extends keyof SessionEventMap>(name: K, ...args: SessionEventMap[K]): void {
    try {
      (this.emit as (event: K, ...rest: unknown[]) => boolean)(name, ...args);
    } catch (error) {
      reportAppError(error);
    }
  }

  /**
   * The machine is built so that nothing from the wire or the app throws inside it; if the actor errors anyway (an
   * injected clock that throws, a bug), the session ends as `failed` with reason `internal`: the transport is stopped
   * (the socket dropped), the environment listeners go, and `state` says so.
   */
  #failInternally(error: unknown): void {
    // An errored actor runs no exit action (and XState stops no child of it): the release drops the socket and detaches
    // its listeners.
    this.#release();
    const cause = internalFailure(this.#profile, this.#projection.phase, error);
    const previous = this.#projection;
    this.#projection = { ...previous, connectivity: 'shutdown', phase: 'pre-session', state: 'failed', cause: previous.cause ?? cause };
    if (previous.phase !== 'pre-session') this.#emit('phase', 'pre-session', previous.phase);
    this.#emit('state', this.#projection);
    this.#emit('failed', { reason: 'internal', cause, final: cause });
  }
}

/** The platform's timers, for a session on the real clock (the transport's keep-alive tick). */
const PLATFORM_TIMERS: TransportTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** The cause of a `failed` with reason `internal`: the error's message, redacted, in the profile's space. */
function internalFailure(profile: Profile, phase: Phase, error: unknown): Classification {
  const message = error instanceof Error ? error.message : String(error);
  return Object.freeze({
    space: profile.id,
    code: 'SESSION_ERR_INTERNAL',
    name: 'SESSION_ERR_INTERNAL',
    known: false,
    summary: 'The session stopped on an unexpected internal error; it will not reconnect by itself.',
    severity: 'error',
    phases: [phase],
    category: 'internal',
    outcome: 'fatal',
    fix: 'Create a new session. If it happens again, report it with the message.',
    message: redactText(message),
  });
}
