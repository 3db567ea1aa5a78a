/**
 * The shared lifecycle statechart: Connect → Handshake → Stream → KeepAlive, for any profile.
 *
 *   idle ─connect─▶ active.attempt ─▶ (url function: active.resolving ─▶) active.online.connecting ─▶ handshaking(step…) ─▶ ready
 *                        ▲                                                         (stream) healthy ⇄ unstable ─dead─▶ fault
 *                        └──── active.backoff ◀── active.fault (retry | retry-later)
 *   fault: reauthenticate → awaiting.auth · user-decision → awaiting.decision · ended → closed · fatal / exhausted → failed
 *   offline (or hidden while not connected) → suspended ─online/visible─▶ active.attempt
 *   active.attempt is transient: a static URL goes straight online (no resolver actor, no promise); a URL function is
 *   called in active.resolving before every attempt, so tokens are fresh.
 *
 * Pure: the socket arrives through the injected link (`SessionLink.open`: createSession, simulate()) or as the injected
 * `transport` actor, time as XState delays plus the injected `now`, randomness as the injected `random`. Every timer is a named delay owned by the state that arms it and cancelled
 * when it exits: an `after`, or, for the keep-alive check that fires twice a second on a Guacamole link, a
 * `keepalive.check` the state raises for itself, so a check that finds the link fresh re-arms it without leaving the
 * state (an `after` can only be re-armed by re-entering its state).
 */
import { assign, cancel, emit, enqueueActions, fromCallback, raise, setup } from 'xstate';
import type { EventObject } from 'xstate';
import type { Classification } from '../src/codes/types.js';
import type { ClassifySignal } from '../src/classify/index.js';
import type { Profile } from './profile.js';
import { SecretUrlSource } from './secret-url.js';
import type { ResolvedUrl } from './secret-url.js';
import { UrlResolutionError, resolveUrl } from './url-resolver.js';
import { createFaultClassifier } from './fault-classifier.js';
import type { FaultClassifier } from './fault-classifier.js';
import type { UrlSource } from './secret-url.js';
import { resolveSessionOptions } from './session-options.js';
import type { ResolvedSessionOptions, SessionMachineOptions } from './session-options.js';
import { redactText } from '../src/errors/redact.js';
import type { SessionLink, TransportCommand, TransportEvent, TransportInput, WireCodec, WireSignal } from './wire.js';

export type Connectivity = 'idle' | 'connecting' | 'ready' | 'transient-failure' | 'shutdown';
export type FailureReason = 'fatal' | 'exhausted';

export interface SessionInput {
  readonly url: UrlSource | SecretUrlSource;
  /** WebSocket subprotocols to request. */
  readonly protocols?: string | readonly string[];
  /** The injected clock (ms). With SimulatedClock: `() => clock.now()`. */
  readonly now: () => number;
  /** The injected random source in [0, 1). */
  readonly random: () => number;
  /** The hot-path link shared with the transport; a private one is made when absent. */
  readonly link?: SessionLink;
  readonly online?: boolean;
  readonly visible?: boolean;
  /**
   * This session's options, resolved and validated (`resolveSessionOptions(profile, options)`): retry policy, timeouts,
   * keep-alive, history size, transport limits. Absent: the options the machine was created with. Per-session options
   * travel here, so one machine per profile serves every session (a session costs an actor, not a state-node tree).
   */
  readonly settings?: ResolvedSessionOptions;
}

export interface SessionContext {
  readonly url: SecretUrlSource;
  readonly protocols: string | readonly string[] | undefined;
  /**
   * The current connection: its resolved URL and its codec (the transport decodes with it, keep-alive asks it
   * for frames). Made when the URL resolves; one field on purpose (every context field costs each actor memory).
   */
  readonly connection: { readonly url: ResolvedUrl; readonly codec: WireCodec } | null;
  readonly link: SessionLink;
  readonly now: () => number;
  readonly random: () => number;
  /** The session's resolved options (one shared object; see `SessionInput.settings`). */
  readonly settings: ResolvedSessionOptions;
  /** Reconnect attempts in the current outage (0 while healthy). */
  readonly attempt: number;
  readonly outageStartedAt: number | null;
  /** The first fault of the current outage. Later faults never overwrite it. */
  readonly cause: Classification | null;
  /** The most recent fault; it decides what happens next. */
  readonly lastFault: Classification | null;
  readonly delayMs: number | null;
  readonly lastDelayMs: number | null;
  /** The last `historySize` faults, oldest first. */
  readonly history: readonly Classification[];
  readonly connectivity: Connectivity;
  readonly failure: FailureReason | null;
  readonly online: boolean;
  readonly visible: boolean;
  readonly lastKeepAliveAt: number;
}

export type UserEvent =
  | { readonly type: 'user.connect' }
  | { readonly type: 'user.disconnect'; readonly code?: number; readonly reason?: string }
  | { readonly type: 'user.retryNow' }
  | { readonly type: 'user.reauthenticate'; readonly url?: UrlSource | SecretUrlSource }
  | { readonly type: 'user.takeOver' }
  | { readonly type: 'user.cancel' };

export type AppEvent =
  /** A code that reached the app by another channel; classify it first to keep raw values out of traces. */
  | { readonly type: 'status.report'; readonly classification: Classification }
  | { readonly type: 'status.report'; readonly signal: ClassifySignal }
  /** A handshake step the host app saw complete (closed protocols). */
  | { readonly type: 'step.done'; readonly step: string }
  /** The host app saw a heartbeat from the peer (closed protocols). */
  | { readonly type: 'keepalive.tick' };

/** The keep-alive timer of `healthy`/`unstable`: a delayed event the state raises for itself (armHealthyCheck, armUnstableCheck). */
export type TimerEvent = { readonly type: 'keepalive.check' } | { readonly type: 'uptime.reached' };

export type EnvironmentEvent =
  | { readonly type: 'env.online' }
  | { readonly type: 'env.offline' }
  | { readonly type: 'env.visible' }
  | { readonly type: 'env.hidden' };

export type SessionEvent = TransportEvent | UserEvent | AppEvent | EnvironmentEvent | TimerEvent;

export type SessionEmitted =
  | { readonly type: 'fault'; readonly fault: Classification; readonly cause: Classification }
  | { readonly type: 'reconnecting'; readonly attempt: number; readonly delayMs: number; readonly cause: Classification; readonly status?: Classification }
  | { readonly type: 'ready'; readonly attempt: number }
  | { readonly type: 'unstable'; readonly silentMs: number }
  | { readonly type: 'stable' }
  | { readonly type: 'needs-auth'; readonly cause: Classification }
  | { readonly type: 'needs-decision'; readonly cause: Classification }
  | { readonly type: 'closed'; readonly by: 'user' | 'peer'; readonly cause: Classification | null }
  | { readonly type: 'failed'; readonly reason: FailureReason; readonly cause: Classification; readonly final: Classification };

const TERMINATE: TransportCommand = Object.freeze({ type: 'transport.terminate' });

/**
 * Opens a connection through the link; one that throws anyway (a bug: connections are built never to throw) is a
 * failed attempt, reported as the transport actor's own failure would be.
 */
function openThroughLink(open: NonNullable<SessionLink['open']>, input: TransportInput, self: { send(event: SessionEvent): void }): void {
  try {
    open(input, (event) => self.send(event));
  } catch (error) {
    const why = error instanceof Error ? error.message : 'transport failed';
    self.send({ type: 'transport.error', failure: { message: redactText(`transport failed: ${why}`), beforeOpen: true } });
  }
}

/** The id of the pending `keepalive.check`, so a state can cancel it on exit. */
const KEEPALIVE_TIMER = 'keepalive';
/** The id of the pending `uptime.reached` (`ready` after a recovery), cancelled when `ready` exits. */
const UPTIME_TIMER = 'uptime';

/** A transport that never opens: machines run headless until a real one is provided. */
const noTransport = fromCallback<TransportCommand, TransportInput, TransportEvent>(() => () => undefined);

function secretUrl(url: UrlSource | SecretUrlSource): SecretUrlSource {
  return url instanceof SecretUrlSource ? url : new SecretUrlSource(url);
}

function privateLink(): SessionLink {
  return { lastDataAt: 0, wantActivity: false, onData: () => undefined, send: null };
}

/**
 * The named delays that come from the settings, by name (null for the others): the machine and the generated docs
 * read them from here.
 */
export function settingsDelayMs(name: string, settings: ResolvedSessionOptions): number | null {
  if (name === 'connectTimeout' || name === 'resolveTimeout') return settings.connectMs;
  if (name === 'minUptime') return settings.minUptimeMs;
  if (name.startsWith(STEP_DELAY_PREFIX)) return settings.stepTimeoutsMs[name.slice(STEP_DELAY_PREFIX.length)] ?? null;
  return null;
}

const STEP_DELAY_PREFIX = 'step.';

/** A timer a state arms for itself: the event it raises after the named delay. */
export interface RaisedTimer {
  readonly event: TimerEvent['type'];
  readonly delay: string;
}

/**
 * The entry actions that arm a timer only when needed (an `enqueueActions`, which the generated docs cannot look
 * into, unlike a plain delayed `raise`), by action name: what each raises after which delay.
 */
export const CONDITIONAL_TIMERS: Readonly<Record<string, RaisedTimer>> = {
  /** Or the transport's silence watch, when it has one. */
  armHealthyCheck: { event: 'keepalive.check', delay: 'healthyCheck' },
  /** Only after a recovery. */
  armUptime: { event: 'uptime.reached', delay: 'minUptime' },
};

/** Appends to a bounded history (oldest dropped first). */
function appendBounded(history: readonly Classification[], fault: Classification, size: number): Classification[] {
  const next = [...history, fault];
  if (next.length > size) next.splice(0, next.length - size);
  return next;
}

/** One machine per profile object, built on first use: what every session of that profile runs. */
const sharedMachines = /* @__PURE__ */ new WeakMap<Profile, SessionMachine>();

export type SessionMachine = ReturnType<typeof createSessionMachine>;

/**
 * The machine every session of `profile` shares, built once (per-session options arrive as `input.settings`). Use
 * `createSessionMachine(profile, options)` for a machine whose defaults are other options.
 */
export function sessionMachineFor(profile: Profile): SessionMachine {
  let machine = sharedMachines.get(profile);
  if (machine === undefined) {
    machine = createSessionMachine(profile);
    sharedMachines.set(profile, machine);
  }
  return machine;
}

/**
 * The lifecycle machine for `profile`, read top-down like the diagram above: each state is a named part below. Its
 * defaults are `options` (a session's own arrive as `input.settings`).
 */
export function createSessionMachine(profile: Profile, options: SessionMachineOptions = {}) {
  /** The settings of an actor whose input brings none. */
  const defaults = resolveSessionOptions(profile, options);
  const parts = profileParts(profile);
  const c = chartParts(sessionSetup(parts), parts);
  return c.setup.createMachine({
    id: 'session',
    context: ({ input }) => initialContext(input, defaults),
    initial: 'idle',
    on: {
      'env.online': { actions: assign({ online: true }) },
      'env.offline': { actions: assign({ online: false }) },
      'env.visible': { actions: assign({ visible: true }) },
      'env.hidden': { actions: assign({ visible: false }) },
    },
    states: {
      idle: idleState(c),
      active: activeState(c),
      suspended: suspendedState(c),
      closed: { type: 'final', tags: ['phase:pre-session'], entry: { type: 'setConnectivity', params: 'shutdown' } },
      failed: { type: 'final', tags: ['phase:pre-session'], entry: { type: 'setConnectivity', params: 'shutdown' } },
    },
  });
}

/** What the machine's named implementations and its chart share about one profile. */
interface ProfileParts {
  readonly profile: Profile;
  /** The machine sends keep-alive frames itself (a probe of a quiet link), unless the profile's transport does. */
  readonly machineSendsKeepAlive: boolean;
  readonly own: (code: Classification['code']) => Classification;
  readonly faults: FaultClassifier;
  /** One connection attempt: its URL and a fresh codec (wire state never carries over between sockets). */
  readonly connectionTo: (url: ResolvedUrl) => NonNullable<SessionContext['connection']>;
}

function profileParts(profile: Profile): ProfileParts {
  return {
    profile,
    machineSendsKeepAlive: (profile.keepAliveSender ?? 'machine') === 'machine',
    own: (code) => profile.own(code),
    faults: createFaultClassifier(profile),
    connectionTo: (url) => ({ url, codec: profile.createCodec() }),
  };
}

const stepDelayName = (id: string): string => `${STEP_DELAY_PREFIX}${id}`;

/** The machine's named implementations for one profile (STYLE 1): its types, actors, actions, guards and delays. */
function sessionSetup(parts: ProfileParts) {
  const { profile, machineSendsKeepAlive, own, connectionTo } = parts;
  const stepDelays: Record<string, (args: { context: SessionContext }) => number> = {};
  for (const step of profile.steps) stepDelays[stepDelayName(step.id)] = ({ context }) => context.settings.stepTimeoutsMs[step.id]!;
  /**
   * The transport's silence watch `healthy` hands its check to, if any: only when the transport sends the keep-alive
   * (a machine-sent keep-alive needs the machine's own check, which also sends the frame).
   */
  const silenceWatch = (context: SessionContext) => (machineSendsKeepAlive ? null : context.link.watchSilence ?? null);

  return setup({
    types: {
      context: {} as SessionContext,
      events: {} as SessionEvent,
      input: {} as SessionInput,
      emitted: {} as SessionEmitted,
    },
    actors: { transport: noTransport, resolveUrl },
    actions: {
      /** Records a fault: the first of an outage becomes the cause; every one enters the bounded history. */
      recordFault: assign((args, fault: Classification) => {
        const { context } = args;
        const first = context.outageStartedAt === null;
        return {
          lastFault: fault,
          cause: first ? fault : context.cause,
          outageStartedAt: first ? context.now() : context.outageStartedAt,
          history: appendBounded(context.history, fault, context.settings.historySize),
          connectivity: 'transient-failure' as const,
        };
      }),
      emitFault: emit(({ context }) => ({ type: 'fault' as const, fault: context.lastFault!, cause: context.cause! })),
      /**
       * A report that changes no plan (see `heardReport`): it enters the record (last fault, history) and is announced,
       * but starts no outage and moves no state, so the pending attempt or the wait for the user stays as it was.
       */
      noteReport: enqueueActions(({ context, enqueue }, fault: Classification) => {
        enqueue.assign({ lastFault: fault, history: appendBounded(context.history, fault, context.settings.historySize) });
        enqueue.emit({ type: 'fault', fault, cause: context.cause ?? fault });
      }),
      /** The user ended the session (disconnect, or cancel at a question); the cause of any outage goes with it. */
      emitClosedByUser: emit(({ context }) => ({ type: 'closed' as const, by: 'user' as const, cause: context.cause })),
      setConnectivity: assign((_, connectivity: Connectivity) => ({ connectivity })),
      resetOutage: assign({ attempt: 0, outageStartedAt: null, cause: null, delayMs: null, lastDelayMs: null }),
      planRetry: assign(({ context }) => {
        const cause = context.lastFault!;
        const attempt = context.attempt + 1;
        const elapsedMs = context.now() - (context.outageStartedAt ?? context.now());
        const delayMs = context.settings.policy.nextDelayMs(
          { attempt, elapsedMs, cause, ...(context.lastDelayMs === null ? {} : { lastDelayMs: context.lastDelayMs }) },
          context.random,
        );
        return { delayMs };
      }),
      /** A static URL needs no resolver actor: this attempt connects to it at once. */
      useStaticUrl: assign(({ context }) => ({
        connection: connectionTo(context.url.resolveNow()!),
        connectivity: 'connecting' as const,
      })),
      /** The one-shot URL from `reauthenticate` (`SecretUrlSource.next`): this attempt uses it, the next ones the function. */
      useNextUrl: assign(({ context }) => ({
        connection: connectionTo(context.url.next!),
        url: context.url.withoutNext(),
        connectivity: 'connecting' as const,
      })),
      /**
       * New credentials: a function replaces the URL source; a string replaces a string, and is used once when the
       * source is a function (the function keeps supplying fresh tokens after that).
       */
      takeCredentials: assign(({ context, event }) => {
        const { url } = event as Extract<UserEvent, { type: 'user.reauthenticate' }>;
        if (url === undefined) return {};
        const given = secretUrl(url);
        if (given.isStatic && !context.url.isStatic) return { url: context.url.withNext(given.resolveNow()!) };
        return { url: given };
      }),
      beginAttempt: assign(({ context }) => ({ attempt: context.attempt + 1, lastDelayMs: context.delayMs })),
      emitReconnecting: emit(({ context }) => ({
        type: 'reconnecting' as const,
        attempt: context.attempt + 1,
        delayMs: context.delayMs ?? 0,
        cause: context.cause!,
        ...(profile.local.reconnecting === undefined ? {} : { status: own(profile.local.reconnecting) }),
      })),
      armActivity: ({ context }) => {
        context.link.wantActivity = true;
      },
      disarmActivity: ({ context }) => {
        context.link.wantActivity = false;
      },
      markData: ({ context }) => {
        context.link.lastDataAt = context.now();
      },
      /**
       * The keep-alive timer of `healthy`/`unstable`: `keepalive.check`, raised after the state's named delay. A check
       * that finds the link fresh re-arms it from a targetless transition, without leaving and re-entering the state.
       */
      armHealthyCheck: enqueueActions(({ context, enqueue }) => {
        // A transport that watches the silence itself re-arms on a plain timer while data arrives: a healthy link costs
        // no event here. Otherwise this state's own timer.
        const watch = silenceWatch(context);
        if (watch !== null) {
          const silentMs = context.settings.keepAlive.unstableAfterMs;
          enqueue(() => watch(silentMs));
        } else {
          enqueue.raise({ type: 'keepalive.check' }, { id: KEEPALIVE_TIMER, delay: 'healthyCheck' });
        }
      }),
      /**
       * `ready` after a recovery: once it has lasted `minUptimeMs`, `uptime.reached` resets the outage (the attempt
       * count). A session with no outage behind it has nothing to reset, so it arms no timer (most sessions, most of
       * the time: no pending timer per idle session).
       */
      armUptime: enqueueActions(({ context, enqueue }) => {
        if (context.attempt !== 0 || context.outageStartedAt !== null) {
          enqueue.raise({ type: 'uptime.reached' }, { id: UPTIME_TIMER, delay: 'minUptime' });
        }
      }),
      cancelUptime: cancel(UPTIME_TIMER),
      armUnstableCheck: raise({ type: 'keepalive.check' }, { id: KEEPALIVE_TIMER, delay: 'unstableCheck' }),
      /** Before re-arming (a `keepalive.check` sent from outside must not leave two pending) and on exit. */
      cancelCheck: cancel(KEEPALIVE_TIMER),
      /** Leaving `healthy`: its pending check, wherever it runs (this state's timer or the transport's watch). */
      cancelHealthyCheck: enqueueActions(({ context, enqueue }) => {
        enqueue.cancel(KEEPALIVE_TIMER);
        const watch = silenceWatch(context);
        if (watch !== null) enqueue(() => watch(null));
      }),
      emitUnstable: emit(({ context }) => ({ type: 'unstable' as const, silentMs: context.now() - context.link.lastDataAt })),
      sendKeepAlive: assign(({ context }) => {
        const now = context.now();
        const frame = context.connection?.codec.keepAliveFrame(now) ?? null;
        if (frame !== null && context.link.send !== null) context.link.send(frame);
        return { lastKeepAliveAt: now };
      }),
      /** Entering ready: the link counts as fresh now, and the projection says ready (one assign on this hot edge). */
      startLink: assign(({ context }) => {
        context.link.lastDataAt = context.now();
        context.link.wantActivity = false;
        return { lastKeepAliveAt: context.now(), connectivity: 'ready' as const };
      }),
      /**
       * Runs on leaving `online`: a user disconnect closes politely, anything else (a fault, keep-alive declaring the
       * peer dead) drops the socket at once; then the connection is released (the link's, or the `transport` child).
       */
      releaseTransport: enqueueActions(({ context, event, enqueue }) => {
        const command: TransportCommand = event.type === 'user.disconnect'
          ? { type: 'transport.shutdown', code: event.code ?? 1000, reason: event.reason ?? '' }
          : TERMINATE;
        if (typeof context.link.open === 'function') {
          const { link } = context;
          enqueue(() => {
            link.command?.(command);
            link.release?.();
          });
        } else {
          enqueue.sendTo('transport', command);
          enqueue.stopChild('transport');
        }
      }),
      /** Entering `online`: this attempt's connection (see `SessionLink.open`). */
      openTransport: enqueueActions(({ context, enqueue, self }) => {
        const input = transportInput(context, machineSendsKeepAlive);
        const { open } = context.link;
        if (typeof open === 'function') enqueue(() => openThroughLink(open, input, self));
        else enqueue.spawnChild('transport', { id: 'transport', input });
      }),
      emitFailed: emit(({ context }) => {
        const cause = context.cause ?? context.lastFault!;
        const exhausted = context.failure === 'exhausted';
        const final = exhausted && profile.local.reconnectFailed !== undefined
          ? Object.freeze({ ...own(profile.local.reconnectFailed), via: context.lastFault! })
          : context.lastFault!;
        return { type: 'failed' as const, reason: context.failure ?? 'fatal', cause, final };
      }),
    },
    guards: {
      urlIsStatic: ({ context }) => context.url.isStatic,
      hasNextUrl: ({ context }) => context.url.next !== null,
      outcomeIs: ({ context }, outcomes: readonly Classification['outcome'][]) =>
        context.lastFault !== null && outcomes.includes(context.lastFault.outcome),
      /** The policy said stop (null) / reconnect at once (0). */
      retryStopped: ({ context }) => context.delayMs === null,
      retryAtOnce: ({ context }) => context.delayMs === 0,
      isOffline: ({ context }) => !context.online,
      isHidden: ({ context }) => !context.visible,
      /** The link has been silent for at least the session's `keepAlive[threshold]`. */
      silentPast: ({ context }, threshold: 'unstableAfterMs' | 'deadAfterMs') =>
        context.now() - context.link.lastDataAt >= context.settings.keepAlive[threshold],
      keepAliveIsDue: ({ context }) => context.now() >= keepAliveDueAt(context),
    },
    delays: {
      connectTimeout: ({ context }) => context.settings.connectMs,
      /** How long a URL function may take to settle: the connect timeout, counted on its own. */
      resolveTimeout: ({ context }) => context.settings.connectMs,
      minUptime: ({ context }) => context.settings.minUptimeMs,
      backoff: ({ context }) => context.delayMs ?? 0,
      /** healthy: the next keep-alive deadline, whichever comes first: the link silent for `unstableAfterMs`, or a keep-alive frame due. */
      healthyCheck: ({ context }) => checkDelay(context, context.settings.keepAlive.unstableAfterMs, machineSendsKeepAlive),
      /** unstable: the link silent for `deadAfterMs`, or a keep-alive frame due. */
      unstableCheck: ({ context }) => checkDelay(context, context.settings.keepAlive.deadAfterMs, machineSendsKeepAlive),
      ...stepDelays,
    },
  });
}

type SessionSetup = ReturnType<typeof sessionSetup>;

/** What this attempt's connection needs: its URL and codec, the link, the clock and the session's transport limits. */
function transportInput(context: SessionContext, machineSendsKeepAlive: boolean): TransportInput {
  return {
    url: context.connection!.url,
    ...(context.protocols === undefined ? {} : { protocols: context.protocols }),
    codec: context.connection!.codec,
    link: context.link,
    now: context.now,
    ...(machineSendsKeepAlive ? {} : { keepAliveEveryMs: context.settings.keepAlive.intervalMs }),
    ...context.settings.transport,
  };
}

/** When the next keep-alive frame is due: `intervalMs` after the later of the last frame received and the last one sent. */
function keepAliveDueAt(context: SessionContext): number {
  return Math.max(context.link.lastDataAt, context.lastKeepAliveAt) + context.settings.keepAlive.intervalMs;
}

/**
 * Time until a keep-alive check: the link silent for `silentMs`, or, when the machine sends the keep-alive, the
 * frame falling due if that is sooner. A transport-sent keep-alive needs no check of its own: its echo moves
 * `lastDataAt`, and the check finds it there.
 */
function checkDelay(context: SessionContext, silentMs: number, machineSendsKeepAlive: boolean): number {
  const silentAt = context.link.lastDataAt + silentMs;
  return Math.max(0, (machineSendsKeepAlive ? Math.min(silentAt, keepAliveDueAt(context)) : silentAt) - context.now());
}

const RETRYABLE_OR_OK: readonly Classification['outcome'][] = ['retry', 'retry-later', 'ok'];

/** The setup and the transitions into `fault` that the chart's named parts share. */
function chartParts(machineSetup: SessionSetup, parts: ProfileParts) {
  const { profile, own } = parts;
  /**
   * Nothing from the wire or the app may throw inside the machine: a signal the classifier refuses (a status code out
   * of range, a garbage string) becomes the profile's own protocol-error code, with what was refused (redacted) as the
   * message, so the fault follows that code's bounded outcome instead of putting the actor into an error state.
   */
  const classifySafely = (classify: () => Classification): Classification => {
    try {
      return classify();
    } catch (error) {
      const why = error instanceof Error ? error.message : 'unclassifiable signal';
      return Object.freeze({ ...own(profile.local.protocolError), message: redactText(`unclassifiable signal: ${why}`) });
    }
  };

  /** A transition into `active.fault` with a classification computed from the event. */
  const faultWith = (classify: (args: { context: SessionContext; event: EventObject }) => Classification) => ({
    target: '#session.active.fault',
    actions: [{ type: 'recordFault' as const, params: (args: { context: SessionContext; event: EventObject }) => classifySafely(() => classify(args)) }],
  });

  /** What a `status.report` says: classified by the facade already, or classified here (never throwing). */
  const reported = ({ context, event }: { context: SessionContext; event: EventObject }): Classification => {
    const report = event as unknown as Extract<AppEvent, { type: 'status.report' }>;
    return classifySafely(() => ('classification' in report ? report.classification : profile.classify(report.signal, { now: context.now() })));
  };

  /**
   * A report outside an open connection (between attempts, offline, while waiting for the user): one whose outcome is in
   * `noted` changes nothing but the record (a retryable report never starts or delays an attempt; a wait is not asked
   * twice); any other outcome goes through `active.fault`, which cancels what was pending and follows the outcome.
   */
  const heardReport = (noted: readonly Classification['outcome'][]) => [
    { guard: ({ context, event }: { context: SessionContext; event: EventObject }) => noted.includes(reported({ context, event }).outcome), actions: { type: 'noteReport' as const, params: reported } },
    faultWith(reported),
  ];

  /** Keep-alive declared the peer dead: the protocol's own receive-timeout code. */
  const peerDead = faultWith(() => own(profile.local.receiveTimeout));

  return { ...parts, setup: machineSetup, faultWith, reported, heardReport, peerDead };
}

type ChartParts = ReturnType<typeof chartParts>;

/** Handshake steps as real child states, each with its own timeout and the protocol's own code for it. */
function handshakeStates(c: ChartParts): Record<string, object> {
  const { steps } = c.profile;
  const states: Record<string, object> = {};
  steps.forEach((step, index) => {
    const later = steps.slice(index);
    const reached = (id: string) => {
      const next = steps[steps.findIndex((s) => s.id === id) + 1];
      return next === undefined ? '#session.active.online.ready' : `#session.active.online.handshaking.${next.id}`;
    };
    states[step.id] = {
      tags: ['phase:handshake'],
      after: { [stepDelayName(step.id)]: c.faultWith(() => c.own(step.timeoutCode)) },
      on: {
        'transport.signal': later.map((s) => ({
          guard: ({ event }: { event: SessionEvent }) => event.type === 'transport.signal' && event.signal.kind === 'step' && event.signal.step === s.id,
          target: reached(s.id),
        })),
        'step.done': later.map((s) => ({
          guard: ({ event }: { event: SessionEvent }) => event.type === 'step.done' && event.step === s.id,
          target: reached(s.id),
        })),
      },
    };
  });
  return states;
}

/** A session's context at the start: its input, and the machine's defaults for the settings it brings none of. */
function initialContext(input: SessionInput, defaults: ResolvedSessionOptions): SessionContext {
  return {
    url: secretUrl(input.url),
    protocols: input.protocols,
    connection: null,
    link: input.link ?? privateLink(),
    now: input.now,
    random: input.random,
    settings: input.settings ?? defaults,
    attempt: 0,
    outageStartedAt: null,
    cause: null,
    lastFault: null,
    delayMs: null,
    lastDelayMs: null,
    history: [],
    connectivity: 'idle',
    failure: null,
    online: input.online ?? true,
    visible: input.visible ?? true,
    lastKeepAliveAt: 0,
  };
}

/** Before the first connect. */
function idleState(c: ChartParts) {
  return c.setup.createStateConfig({
    tags: ['phase:pre-session'],
    entry: { type: 'setConnectivity', params: 'idle' },
    on: {
      'user.connect': [{ guard: 'isOffline', target: 'suspended' }, { target: 'active' }],
      'user.disconnect': { target: 'closed', actions: 'emitClosedByUser' },
      // Before the first connect: heard as between attempts (see heardReport).
      'status.report': c.heardReport(RETRYABLE_OR_OK),
    },
  });
}

/** Connecting, connected or recovering: from the first attempt until the session closes, fails or suspends. */
function activeState(c: ChartParts) {
  return c.setup.createStateConfig({
    initial: 'attempt',
    on: {
      'user.disconnect': { target: 'closed', actions: 'emitClosedByUser' },
      'env.offline': { target: 'suspended', actions: assign({ online: false }) },
      // Between attempts (resolving, backoff): see heardReport; `online` hears every report as a fault.
      'status.report': c.heardReport(RETRYABLE_OR_OK),
    },
    states: {
      // Transient: a static URL is used as it is; a URL function is called (in resolving) before every attempt.
      // An attempt asked for while offline (the user answered a wait) waits in suspended for the network.
      attempt: {
        always: [
          { guard: 'isOffline', target: '#session.suspended' },
          { guard: 'hasNextUrl', target: 'online', actions: 'useNextUrl' },
          { guard: 'urlIsStatic', target: 'online', actions: 'useStaticUrl' },
          { target: 'resolving' },
        ],
      },
      resolving: resolvingState(c),
      online: onlineState(c),
      fault: faultState(c),
      backoff: backoffState(c),
      awaiting: awaitingState(c),
    },
  });
}

/** A URL function is called before every attempt (tokens stay fresh), bounded by the connect timeout. */
function resolvingState(c: ChartParts) {
  return c.setup.createStateConfig({
    tags: ['phase:pre-session'],
    entry: { type: 'setConnectivity', params: 'connecting' },
    // A URL function that never settles fails the attempt like a socket that never opens.
    after: { resolveTimeout: c.faultWith(() => c.own(c.profile.local.connectTimeout)) },
    invoke: {
      src: 'resolveUrl',
      input: ({ context }) => ({ url: context.url }),
      onDone: { target: 'online', actions: assign({ connection: ({ event }) => c.connectionTo(event.output) }) },
      onError: c.faultWith(({ event }) => {
        const error = (event as { error?: unknown }).error;
        const message = error instanceof UrlResolutionError ? error.message : 'url() failed';
        return Object.freeze({ ...c.own(c.profile.local.connectFailed), message: redactText(message) });
      }),
    },
  });
}

/**
 * A connection attempt, from the socket opening to the stream: every transport event and report on an open connection
 * is heard here, the handshake steps follow the profile's order, and `ready` streams.
 */
function onlineState(c: ChartParts) {
  const firstStep = c.profile.steps[0];
  return c.setup.createStateConfig({
    initial: 'connecting',
    // The connection: opened through the link when it opens one itself (the facade: no actor per connection),
    // else the `transport` child actor, spawned here and stopped on exit.
    entry: 'openTransport',
    exit: 'releaseTransport',
    on: {
      // A transport is built never to throw; if one fails anyway (a bug, an injected clock that throws), the
      // link counts as severed, with what was thrown (redacted) as the message, instead of erroring the session.
      'xstate.error.actor.transport': c.faultWith(({ event }) => {
        const error = (event as { error?: unknown }).error;
        const why = error instanceof Error ? error.message : 'transport failed';
        return Object.freeze({ ...c.own(c.profile.local.severed), message: redactText(`transport failed: ${why}`) });
      }),
      'transport.close': c.faultWith(({ context, event }) =>
        c.faults.close(event as Extract<TransportEvent, { type: 'transport.close' }>, context.now(), true)),
      'transport.error': c.faultWith(({ context, event }) =>
        c.faults.error(event as Extract<TransportEvent, { type: 'transport.error' }>, context.now())),
      'transport.signal': [
        {
          guard: ({ event }) => event.signal.kind === 'status',
          ...c.faultWith(({ context, event }) => {
            const signal = (event as Extract<TransportEvent, { type: 'transport.signal' }>).signal as Extract<WireSignal, { kind: 'status' }>;
            // Through the fault classifier: a gateway text code no vocabulary knows is `known: false` (issue 11).
            return c.faults.status(signal, context.now());
          }),
        },
        {
          guard: ({ event }) => event.signal.kind === 'end',
          ...c.faultWith(({ context, event }) => {
            const signal = (event as Extract<TransportEvent, { type: 'transport.signal' }>).signal as Extract<WireSignal, { kind: 'end' }>;
            return c.profile.classify({ code: 1000, reason: signal.message ?? '', wasClean: true }, { now: context.now() });
          }),
        },
        {
          guard: ({ event }) => event.signal.kind === 'malformed',
          ...c.faultWith(() => c.own(c.profile.local.protocolError)),
        },
      ],
      // On an open connection every report is a fault: a retryable one drops the socket and reconnects.
      'status.report': c.faultWith(c.reported),
    },
    states: {
      connecting: {
        tags: ['phase:connect'],
        after: { connectTimeout: c.faultWith(() => c.own(c.profile.local.connectTimeout)) },
        on: {
          'transport.open': firstStep === undefined ? { target: 'ready' } : { target: 'handshaking' },
          'transport.close': c.faultWith(({ context, event }) =>
            c.faults.close(event as Extract<TransportEvent, { type: 'transport.close' }>, context.now(), false)),
        },
      },
      ...(firstStep === undefined ? {} : { handshaking: { initial: firstStep.id, states: handshakeStates(c) } }),
      ready: readyState(c),
    },
  });
}

/**
 * Streaming: the handshake is done. One keep-alive timer per child state, `keepalive.check` at the earliest of its
 * deadlines; the attempt count resets after `minUptimeMs` (after a recovery).
 */
function readyState(c: ChartParts) {
  return c.setup.createStateConfig({
    tags: ['phase:stream'],
    initial: 'healthy',
    entry: [
      'startLink',
      emit(({ context }) => ({ type: 'ready' as const, attempt: context.attempt })),
      'armUptime',
    ],
    exit: ['disarmActivity', 'cancelUptime'],
    on: {
      'keepalive.tick': { actions: 'markData' },
      // The attempt counter resets once the session has stayed ready this long (once per stay, after a recovery).
      'uptime.reached': { actions: 'resetOutage' },
    },
    // One keep-alive timer per state, `keepalive.check` at the earliest of its deadlines (silence thresholds
    // and, when the machine sends it, the next keep-alive frame), all absolute: a check that changes nothing re-arms it from a
    // targetless transition instead of leaving and re-entering the state (half of XState's work per check).
    states: {
      healthy: {
        entry: 'armHealthyCheck',
        exit: 'cancelHealthyCheck',
        on: {
          'keepalive.check': [
            // A clock that jumped past both thresholds (a host woken from sleep, a test's single big
            // advance) goes straight to the fault: a chain of zero-delay timers is not run within one
            // SimulatedClock advance.
            {
              guard: { type: 'silentPast', params: 'deadAfterMs' },
              target: c.peerDead.target,
              actions: ['emitUnstable', ...c.peerDead.actions],
            },
            {
              guard: { type: 'silentPast', params: 'unstableAfterMs' },
              target: 'unstable',
              actions: 'emitUnstable',
            },
            // A keep-alive the machine sends falls due here only when `intervalMs` is shorter than
            // `unstableAfterMs` (otherwise the silence has made the link unstable first).
            ...(c.machineSendsKeepAlive
              ? [{ guard: 'keepAliveIsDue' as const, actions: ['sendKeepAlive', 'cancelCheck', 'armHealthyCheck'] as const }]
              : []),
            { actions: ['cancelHealthyCheck', 'armHealthyCheck'] },
          ],
        },
      },
      unstable: {
        tags: ['phase:keepalive'],
        entry: ['armActivity', 'armUnstableCheck'],
        exit: ['disarmActivity', 'cancelCheck'],
        on: {
          'transport.activity': { target: 'healthy', actions: emit({ type: 'stable' }) },
          'keepalive.tick': { target: 'healthy', actions: ['markData', emit({ type: 'stable' })] },
          'keepalive.check': [
            { guard: { type: 'silentPast', params: 'deadAfterMs' }, ...c.peerDead },
            ...(c.machineSendsKeepAlive
              ? [{ guard: 'keepAliveIsDue' as const, actions: ['sendKeepAlive', 'cancelCheck', 'armUnstableCheck'] as const }]
              : []),
            { actions: ['cancelCheck', 'armUnstableCheck'] },
          ],
        },
      },
    },
  });
}

/** Every fault lands here once and leaves by its outcome: closed, failed, a wait for the user, or a backoff. */
function faultState(c: ChartParts) {
  return c.setup.createStateConfig({
    // recordFault, on every edge into this state, already set connectivity to transient-failure.
    entry: 'emitFault',
    always: [
      { guard: { type: 'outcomeIs', params: ['ended', 'ok'] }, target: '#session.closed', actions: emit(({ context }) => ({ type: 'closed' as const, by: 'peer' as const, cause: context.lastFault })) },
      { guard: { type: 'outcomeIs', params: ['fatal'] }, target: '#session.failed', actions: [assign({ failure: 'fatal' }), 'emitFailed'] },
      { guard: { type: 'outcomeIs', params: ['reauthenticate'] }, target: 'awaiting.auth' },
      { guard: { type: 'outcomeIs', params: ['user-decision'] }, target: 'awaiting.decision' },
      // Offline never reaches here: it leaves `active` at once. A hidden page does not reconnect in the background.
      { guard: 'isHidden', target: '#session.suspended' },
      { target: 'backoff' },
    ],
  });
}

/** Waiting for the next attempt, as long as the policy says (`planRetry`). */
function backoffState(c: ChartParts) {
  return c.setup.createStateConfig({
    entry: 'planRetry',
    // `reconnecting` is emitted on entering the child, after XState has scheduled this state's timer
    // (it appends `after` timers to the entry actions): a handler that advances a simulated clock by
    // `delayMs` then fires the reconnect, as a test engineer expects.
    initial: 'waiting',
    states: {
      waiting: {
        entry: enqueueActions(({ context, enqueue }) => {
          if (context.delayMs !== null) enqueue('emitReconnecting');
        }),
      },
    },
    always: [
      { guard: 'retryStopped', target: '#session.failed', actions: [assign({ failure: 'exhausted' }), 'emitFailed'] },
      // A zero delay reconnects at once: a 0 ms timer still costs a macrotask (1 ms in Node).
      { guard: 'retryAtOnce', target: 'attempt', actions: 'beginAttempt' },
    ],
    after: { backoff: { target: 'attempt', actions: 'beginAttempt' } },
    on: {
      'user.retryNow': { target: 'attempt', actions: 'beginAttempt' },
      'env.hidden': { target: '#session.suspended', actions: assign({ visible: false }) },
    },
  });
}

/**
 * A wait for the user survives the environment: offline, online, hidden and visible change only the flags (the root's
 * handlers); the user's answer while offline waits in suspended (attempt's isOffline guard).
 */
function awaitingState(c: ChartParts) {
  return c.setup.createStateConfig({
    initial: 'auth',
    on: { 'env.offline': { actions: assign({ online: false }) } },
    states: {
      auth: {
        entry: emit(({ context }) => ({ type: 'needs-auth' as const, cause: context.lastFault! })),
        on: {
          'status.report': c.heardReport([...RETRYABLE_OR_OK, 'reauthenticate']),
          'user.reauthenticate': {
            target: '#session.active.attempt',
            actions: ['takeCredentials', 'resetOutage'],
          },
          'user.cancel': { target: '#session.closed', actions: 'emitClosedByUser' },
        },
      },
      decision: {
        entry: emit(({ context }) => ({ type: 'needs-decision' as const, cause: context.lastFault! })),
        on: {
          'status.report': c.heardReport([...RETRYABLE_OR_OK, 'user-decision']),
          'user.takeOver': { target: '#session.active.attempt', actions: 'beginAttempt' },
          'user.retryNow': { target: '#session.active.attempt', actions: 'beginAttempt' },
          'user.cancel': { target: '#session.closed', actions: 'emitClosedByUser' },
        },
      },
    },
  });
}

/** Offline, or hidden while not connected: no attempt until the network (and the page) is back. */
function suspendedState(c: ChartParts) {
  return c.setup.createStateConfig({
    tags: ['phase:pre-session'],
    entry: { type: 'setConnectivity', params: 'transient-failure' },
    on: {
      'env.online': [
        { guard: 'isHidden', actions: assign({ online: true }) },
        { target: 'active', actions: assign({ online: true, attempt: 0, delayMs: null, lastDelayMs: null }) },
      ],
      'env.visible': [
        { guard: 'isOffline', actions: assign({ visible: true }) },
        { target: 'active', actions: assign({ visible: true }) },
      ],
      'user.retryNow': [{ guard: 'isOffline' }, { target: 'active' }],
      'user.disconnect': { target: 'closed', actions: 'emitClosedByUser' },
      'status.report': c.heardReport(RETRYABLE_OR_OK),
    },
  });
}
