/**
 * Runs a session machine headless under SimulatedClock with a seeded random and a scripted transport:
 * each connection attempt is a `ScriptedSocket` the test drives (open, signal, close, error) and whose
 * received commands (terminate, shutdown) and sent frames it can inspect.
 */
import { SimulatedClock, createActor, fromCallback } from 'xstate';
import type { AnyStateMachine } from 'xstate';
import { statePath } from '../../machines/project.js';
import type { SessionEmitted, SessionEvent } from '../../machines/session.machine.js';
import type { SessionLink, TransportCommand, TransportEvent, TransportInput, WireFrame, WireSignal } from '../../machines/wire.js';
import { mulberry32 } from './seeded-random.js';
import { pendingTimers } from './pending-timers.js';

export interface ScriptedSocket {
  readonly url: string;
  readonly commands: TransportCommand[];
  /** Frames the machine sent through the link (a scripted socket sends no keep-alive of its own). */
  readonly sent: WireFrame[];
  /** The transport's own keep-alive cadence the machine asked for (`TransportInput.keepAliveEveryMs`), if any. */
  readonly keepAliveEveryMs: number | undefined;
  alive: boolean;
  open(): void;
  signal(signal: WireSignal): void;
  step(step: string): void;
  status(code: number | string, message?: string): void;
  close(code: number, reason?: string, wasClean?: boolean): void;
  error(failure: Extract<TransportEvent, { type: 'transport.error' }>['failure']): void;
  /** Incoming data: updates the link as the real transport does (no actor event unless wantActivity). */
  data(payload?: unknown): void;
}

export interface Harness {
  readonly actor: ReturnType<typeof createActor<AnyStateMachine>>;
  readonly clock: SimulatedClock;
  readonly sockets: ScriptedSocket[];
  readonly emitted: SessionEmitted[];
  readonly link: SessionLink;
  readonly received: unknown[];
  socket(): ScriptedSocket;
  send(event: SessionEvent): void;
  /** Lets promise-based actors (url resolution) settle; no wall-clock wait. */
  settle(): Promise<void>;
  advance(ms: number): Promise<void>;
  state(): string;
  context(): Record<string, unknown> & { attempt: number; cause: { code: unknown } | null; lastFault: { code: unknown; outcome: string } | null };
  emittedOf<T extends SessionEmitted['type']>(type: T): Extract<SessionEmitted, { type: T }>[];
  pendingTimers(): number;
}

export interface HarnessOptions {
  readonly url?: string | (() => string | Promise<string>);
  readonly seed?: number;
  readonly random?: () => number;
  readonly online?: boolean;
  readonly visible?: boolean;
}

export function startHarness(machine: AnyStateMachine, options: HarnessOptions = {}): Harness {
  const clock = new SimulatedClock();
  const sockets: ScriptedSocket[] = [];
  const received: unknown[] = [];
  const link: SessionLink = { lastDataAt: 0, wantActivity: false, onData: (data) => received.push(data), send: null };

  const transport = fromCallback<TransportCommand, TransportInput, TransportEvent>(({ input, sendBack, receive }) => {
    const socket: ScriptedSocket = {
      url: input.url.reveal(),
      commands: [],
      sent: [],
      keepAliveEveryMs: input.keepAliveEveryMs,
      alive: true,
      open() {
        input.link.send = (frame) => {
          socket.sent.push(frame);
          return true;
        };
        sendBack({ type: 'transport.open' });
      },
      signal: (signal) => sendBack({ type: 'transport.signal', signal }),
      step: (step) => sendBack({ type: 'transport.signal', signal: { kind: 'step', step } }),
      status: (code, message) =>
        sendBack({ type: 'transport.signal', signal: message === undefined ? { kind: 'status', code } : { kind: 'status', code, message } }),
      close: (code, reason = '', wasClean = code !== 1006) => sendBack({ type: 'transport.close', code, reason, wasClean }),
      error: (failure) => sendBack({ type: 'transport.error', failure }),
      data(payload = 'x') {
        input.link.lastDataAt = input.now();
        if (input.link.wantActivity) {
          input.link.wantActivity = false;
          sendBack({ type: 'transport.activity' });
        }
        input.link.onData(payload);
      },
    };
    sockets.push(socket);
    receive((command) => socket.commands.push(command));
    return () => {
      socket.alive = false;
      input.link.send = null;
    };
  });

  const random = options.random ?? mulberry32(options.seed ?? 7);
  const actor = createActor(machine.provide({ actors: { transport } }), {
    clock,
    input: {
      url: options.url ?? 'wss://gateway.example/tunnel?token=secret-token',
      now: () => clock.now(),
      random,
      link,
      ...(options.online === undefined ? {} : { online: options.online }),
      ...(options.visible === undefined ? {} : { visible: options.visible }),
    },
  });
  const emitted: SessionEmitted[] = [];
  actor.on('*', (event) => emitted.push(event as SessionEmitted));
  actor.start();

  const settle = async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  };
  const harness: Harness = {
    actor,
    clock,
    sockets,
    emitted,
    link,
    received,
    socket() {
      const last = sockets.at(-1);
      if (last === undefined) throw new Error('no connection attempt yet');
      return last;
    },
    // As the facade does: a done actor hears nothing more (XState would warn of an event sent to a stopped actor).
    send: (event) => {
      if (actor.getSnapshot().status === 'active') actor.send(event);
    },
    settle,
    async advance(ms) {
      clock.increment(ms);
      await settle();
    },
    state: () => statePath(actor.getSnapshot().value),
    context: () => actor.getSnapshot().context as ReturnType<Harness['context']>,
    emittedOf: (type) => emitted.filter((event) => event.type === type) as never,
    pendingTimers: () => pendingTimers(clock),
  };
  return harness;
}


/** Connect and walk every handshake step of the profile until `ready`. */
export async function connectToReady(harness: Harness, steps: readonly string[]): Promise<void> {
  harness.send({ type: 'user.connect' });
  await harness.settle();
  const socket = harness.socket();
  socket.open();
  for (const step of steps) socket.step(step);
}
