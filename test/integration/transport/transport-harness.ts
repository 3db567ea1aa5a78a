/**
 * Runs the transport actor the way the session machine will: invoked by a parent state, with every
 * event it sends back recorded. Commands go through the parent (`sendTo`), as in production.
 */
import { createActor, sendTo, setup } from 'xstate';
import type { InspectionEvent, SimulatedClock } from 'xstate';
import { ResolvedUrl } from '../../../machines/secret-url.js';
import type { Actor } from 'xstate';
import { createWebSocketTransport } from '../../../src/transport/index.js';
import type { WebSocketConstructor } from '../../../src/transport/index.js';
import type { SessionLink, TransportEvent, TransportInput, WireCodec } from '../../../machines/wire.js';
import { WebSocket as NodeWs } from 'ws';
import { createEchoCodec } from '../../support/echo-codec.js';
import type { EchoCodec } from '../../support/echo-codec.js';

type HarnessEvent =
  | TransportEvent
  | { type: 'terminate' }
  | { type: 'shutdown'; code?: number; reason?: string }
  | { type: 'leave' };

export interface TransportHarness<C extends WireCodec = EchoCodec> {
  /** Every event the transport sent to its parent, in order. */
  readonly events: TransportEvent[];
  /** What reached `link.onData`, in order. */
  readonly data: unknown[];
  readonly link: SessionLink;
  readonly codec: C;
  /** Sets the injected clock (without `options.clock`: with one, the clock's own time is `now`). */
  setNow(ms: number): void;
  terminate(): void;
  shutdown(code?: number, reason?: string): void;
  /** Moves the parent to a state without the invoke (the transport is stopped). */
  leave(): void;
  /** Stops the whole parent actor. */
  stop(): void;
  readonly actor: Actor<ReturnType<typeof createHarnessMachine>>;
  eventTypes(): string[];
}

function createHarnessMachine(WebSocket: WebSocketConstructor, events: TransportEvent[]) {
  return setup({
    types: { context: {} as { transport: TransportInput }, input: {} as TransportInput, events: {} as HarnessEvent },
    actors: { transport: createWebSocketTransport(WebSocket) },
    actions: {
      record: ({ event }) => {
        if (event.type.startsWith('transport.')) events.push(event as TransportEvent);
      },
      terminate: sendTo('transport', { type: 'transport.terminate' }),
      shutdown: sendTo('transport', ({ event }) => {
        if (event.type !== 'shutdown') return { type: 'transport.shutdown' } as const;
        return {
          type: 'transport.shutdown',
          ...(event.code === undefined ? {} : { code: event.code }),
          ...(event.reason === undefined ? {} : { reason: event.reason }),
        } as const;
      }),
    },
  }).createMachine({
    context: ({ input }) => ({ transport: input }),
    initial: 'running',
    on: { 'transport.*': { actions: 'record' } },
    states: {
      running: {
        invoke: { id: 'transport', src: 'transport', input: ({ context }) => context.transport },
        on: { terminate: { actions: 'terminate' }, shutdown: { actions: 'shutdown' }, leave: 'left' },
      },
      left: {},
    },
  });
}

export interface HarnessOptions<C extends WireCodec = EchoCodec> {
  readonly protocols?: string | readonly string[];
  /** The actor system's clock, which `now` then reads: the transport's own keep-alive timer runs on it. */
  readonly clock?: SimulatedClock;
  /** `TransportInput.keepAliveEveryMs`: the transport sends the codec's keep-alive frame on its own cadence. */
  readonly keepAliveEveryMs?: number;
  /** `TransportInput.maxBufferedBytes`, `maxPayloadBytes` and `closeGraceMs`, passed through when given. */
  readonly maxBufferedBytes?: number;
  readonly maxPayloadBytes?: number;
  readonly closeGraceMs?: number;
  /** The profile codec to run instead of the echo codec (test/support/echo-codec.ts). */
  readonly codec?: C;
  /** The actor's `inspect` callback: sees every event and snapshot of the parent and the transport. */
  readonly inspect?: (event: InspectionEvent) => void;
}

export function startTransport<C extends WireCodec = EchoCodec>(
  WebSocket: WebSocketConstructor,
  url: string,
  options: HarnessOptions<C> = {},
): TransportHarness<C> {
  const events: TransportEvent[] = [];
  const data: unknown[] = [];
  let now = 1_000;
  const link: SessionLink = { lastDataAt: 0, wantActivity: false, onData: (value) => data.push(value), send: null };
  const codec = (options.codec ?? createEchoCodec()) as C;
  const { clock } = options;
  const input: TransportInput = {
    url: new ResolvedUrl(url),
    codec,
    link,
    now: clock === undefined ? () => now : () => clock.now(),
    ...(options.protocols === undefined ? {} : { protocols: options.protocols }),
    ...(options.keepAliveEveryMs === undefined ? {} : { keepAliveEveryMs: options.keepAliveEveryMs }),
    ...(options.maxBufferedBytes === undefined ? {} : { maxBufferedBytes: options.maxBufferedBytes }),
    ...(options.maxPayloadBytes === undefined ? {} : { maxPayloadBytes: options.maxPayloadBytes }),
    ...(options.closeGraceMs === undefined ? {} : { closeGraceMs: options.closeGraceMs }),
  };
  const actor = createActor(createHarnessMachine(WebSocket, events), {
    input,
    ...(clock === undefined ? {} : { clock }),
    ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
  });
  actor.start();
  return {
    events,
    data,
    link,
    codec,
    actor,
    setNow: (ms) => {
      now = ms;
    },
    terminate: () => actor.send({ type: 'terminate' }),
    shutdown: (code, reason) =>
      actor.send({ type: 'shutdown', ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) }),
    leave: () => actor.send({ type: 'leave' }),
    stop: () => actor.stop(),
    eventTypes: () => events.map((event) => event.type),
  };
}

/** `ws`'s class, remembering every instance (and the arguments it got) so tests can inspect the client socket. */
export function recordingWs(): { Ctor: WebSocketConstructor; created: NodeWs[]; args: unknown[][] } {
  const created: NodeWs[] = [];
  const args: unknown[][] = [];
  class Recording extends NodeWs {
    constructor(...given: ConstructorParameters<typeof NodeWs>) {
      super(...given);
      created.push(this);
      args.push(given);
    }
  }
  return { Ctor: Recording, created, args };
}

const OUR_EVENTS = ['open', 'message', 'close', 'error', 'unexpected-response'] as const;

/** How many listeners of the kinds the transport uses are still on a `ws` client. */
export function listenerTotal(client: NodeWs): number {
  return OUR_EVENTS.reduce((sum, type) => sum + client.listenerCount(type), 0);
}
