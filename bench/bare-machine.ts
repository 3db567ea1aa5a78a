/**
 * The baseline machine of the benchmarks: the lifecycle of DESIGN.md §4 written as a bare XState machine. It has
 * the same states, invokes, timers and transitions per reconnect cycle as the guacamole session machine, and no
 * context, actions, guards, classification or policy: what XState itself costs for that shape. Without guards its
 * keep-alive check never finds the link silent: it only re-arms, as a healthy session's check does.
 */
import { cancel, createMachine, fromCallback, fromPromise, raise } from 'xstate';
import type { AnyActorLogic, AnyStateMachine } from 'xstate';

export interface BareMachineOptions {
  /** The transport invoked while online; by default one that does nothing. */
  readonly transport?: AnyActorLogic;
  /**
   * Whether each attempt first resolves the URL in a promise actor (as the session machine does, so a URL function
   * runs before every attempt). Without it, a fault goes straight back to connecting.
   */
  readonly resolve?: boolean;
  /** Backoff before the next attempt; 0 reconnects at once (an eventless transition, no timer). */
  readonly backoffMs?: number;
  /**
   * How often a ready state's keep-alive check fires: as in the session machine, a `keepalive.check` the state raises
   * for itself and re-arms from a targetless transition (no re-entry).
   */
  readonly keepAliveMs?: number;
}

export function bareMachine({ transport = fromCallback(() => () => {}), resolve = true, backoffMs = 1_000, keepAliveMs = 5_000 }: BareMachineOptions = {}): AnyStateMachine {
  const fault = '#bare.active.fault';
  const attempt = resolve ? 'resolving' : 'online';
  const arm = raise({ type: 'keepalive.check' }, { delay: keepAliveMs, id: 'keepalive' });
  const rearm = [cancel('keepalive'), arm];
  return createMachine({
    id: 'bare',
    initial: 'idle',
    states: {
      idle: { on: { 'user.connect': 'active', 'user.disconnect': 'closed' } },
      active: {
        initial: attempt,
        on: { 'user.disconnect': '#bare.closed', 'env.offline': '#bare.suspended' },
        states: {
          ...(resolve ? { resolving: { invoke: { src: fromPromise(async () => 'wss://x/'), onDone: 'online', onError: 'fault' } } } : {}),
          online: {
            initial: 'connecting',
            invoke: { src: transport },
            on: { 'transport.close': fault, 'transport.error': fault, 'status.report': fault },
            states: {
              connecting: { after: { 15_000: fault }, on: { 'transport.open': 'handshaking' } },
              handshaking: {
                initial: 'tunnel',
                states: {
                  tunnel: { after: { 15_000: fault }, on: { 'transport.signal': 'sync', 'step.done': 'sync' } },
                  sync: { after: { 15_000: fault }, on: { 'transport.signal': '#bare.active.online.ready', 'step.done': '#bare.active.online.ready' } },
                },
              },
              ready: {
                initial: 'healthy',
                on: { 'keepalive.tick': {} },
                after: { 5_000: {} },
                states: {
                  healthy: { entry: arm, exit: cancel('keepalive'), on: { 'keepalive.check': { actions: rearm } } },
                  unstable: {
                    entry: arm,
                    exit: cancel('keepalive'),
                    on: { 'keepalive.check': { actions: rearm }, 'transport.activity': 'healthy', 'keepalive.tick': 'healthy' },
                  },
                },
              },
            },
          },
          fault: { always: 'backoff' },
          backoff: {
            ...(backoffMs === 0 ? { always: attempt } : { after: { [backoffMs]: attempt } }),
            on: { 'user.retryNow': attempt, 'env.hidden': '#bare.suspended' },
            initial: 'waiting',
            states: { waiting: {} },
          },
          awaiting: {
            initial: 'auth',
            states: {
              auth: { on: { 'user.reauthenticate': `#bare.active.${attempt}`, 'user.cancel': '#bare.closed' } },
              decision: { on: { 'user.takeOver': `#bare.active.${attempt}`, 'user.retryNow': `#bare.active.${attempt}`, 'user.cancel': '#bare.closed' } },
            },
          },
        },
      },
      suspended: { on: { 'env.online': 'active', 'user.retryNow': 'active', 'user.disconnect': 'closed' } },
      closed: { type: 'final' },
      failed: { type: 'final' },
    },
  });
}
