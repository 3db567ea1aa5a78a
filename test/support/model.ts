/**
 * Model-based testing support: an event alphabet for a profile machine, shortest paths from @xstate/graph,
 * and a walker that replays each path on a real actor while recording, from `@xstate.microstep` inspection
 * events, every transition definition actually taken.
 *
 * Time is abstracted: `now()` returns "exactly when the last data arrived", "long after it" (the `silent` flag), or a
 * given time after it (`silentFor`, for the keep-alive check's thresholds), chosen per event, so every branch of the
 * keep-alive guards is reachable without real timers. Timers themselves are `xstate.after.*`, `keepalive.check`
 * and `uptime.reached` events sent explicitly; the actor's own clock is a SimulatedClock that is never advanced.
 */
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { SimulatedClock, createActor, fromCallback, fromPromise } from 'xstate';
import type { AnyStateMachine, AnyStateNode, EventObject } from 'xstate';
import type { Profile } from '../../machines/profile.js';
import type { SessionLink } from '../../machines/wire.js';
import { ResolvedUrl } from '../../machines/secret-url.js';
import { SessionError } from '../../src/errors/index.js';

/**
 * `silent`: the event comes long after the last data and the last keep-alive; `silentFor`: exactly that many ms
 * after the last data (the keep-alive check, whose branches sit at the profile's thresholds).
 */
export type ModelEvent = EventObject & { readonly silent?: boolean; readonly silentFor?: number; readonly [key: string]: unknown };

interface TimeModel {
  silent: boolean;
  silentFor: number | undefined;
  context: { lastKeepAliveAt?: number } | undefined;
}

/** Points the time model at the event about to be handled, from the snapshot it is handled in. */
function timeFor(time: TimeModel, event: ModelEvent, context: unknown): void {
  time.silent = event.silent === true;
  time.silentFor = event.silentFor;
  time.context = context as TimeModel['context'];
}

/** A machine provided with inert actors, plus the `now` that reads the time model. */
export function modelMachine(machine: AnyStateMachine) {
  const time: TimeModel = { silent: false, silentFor: undefined, context: undefined };
  const link: SessionLink = { lastDataAt: 0, wantActivity: false, onData: () => undefined, send: () => true };
  const now = () => {
    if (time.silentFor !== undefined) return link.lastDataAt + time.silentFor;
    const base = Math.max(link.lastDataAt, time.context?.lastKeepAliveAt ?? 0);
    return time.silent ? base + 1e9 : link.lastDataAt;
  };
  const walked = machine.provide({
    actors: {
      transport: fromCallback(() => () => undefined),
      resolveUrl: fromPromise(() => new Promise<never>(() => undefined)),
    },
  });
  return { walked, time, link, input: { url: 'wss://gw.example/t?token=secret', now, random: () => 0.5, link } };
}

export function allStateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const visit = (node: AnyStateNode) => {
    out.push(node);
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };
  visit(machine.root);
  return out;
}

interface TransitionLike {
  readonly source: AnyStateNode;
  readonly eventType: string;
}

export function transitionKey(t: TransitionLike): string {
  const source = t.source;
  const list = t.eventType === '' ? (source.always ?? []) : (source.transitions.get(t.eventType) ?? []);
  return `${source.id} | ${t.eventType || 'always'} #${list.indexOf(t as never)}`;
}

export function allTransitionKeys(machine: AnyStateMachine): string[] {
  const keys: string[] = [];
  for (const node of allStateNodes(machine)) {
    for (const list of node.transitions.values()) for (const t of list) keys.push(transitionKey(t));
    for (const t of node.always ?? []) keys.push(transitionKey(t));
  }
  return keys;
}

/** Every event the model may send, for a profile: user, environment, transport, app, timers, url resolution. */
export function alphabet(machine: AnyStateMachine, profile: Profile, codes: readonly number[]): ModelEvent[] {
  // The machine's own keep-alive settings (its defaults may differ from the profile's).
  const keepAlive = (createActor(machine, { input: modelMachine(machine).input }).getSnapshot().context as { settings: { keepAlive: Profile['keepAlive'] } }).settings.keepAlive;
  const events: ModelEvent[] = [
    { type: 'user.connect' },
    { type: 'user.disconnect' },
    { type: 'user.retryNow' },
    { type: 'user.reauthenticate', url: 'wss://gw.example/t?token=fresh' },
    // A URL function from then on: the next attempts go through the resolver instead of straight online.
    { type: 'user.reauthenticate', url: () => 'wss://gw.example/t?token=minted' },
    { type: 'user.takeOver' },
    { type: 'user.cancel' },
    { type: 'env.online' },
    { type: 'env.offline' },
    { type: 'env.visible' },
    { type: 'env.hidden' },
    { type: 'transport.open' },
    { type: 'transport.close', code: 1006, reason: '', wasClean: false },
    { type: 'transport.error', failure: { code: 'ECONNREFUSED', message: 'refused', beforeOpen: true } },
    { type: 'transport.error', failure: { message: 'Unexpected server response: 401', http: { status: 401 }, beforeOpen: true } },
    { type: 'transport.activity' },
    { type: 'transport.signal', signal: { kind: 'end' } },
    { type: 'transport.signal', signal: { kind: 'malformed', error: new SessionError('SESSION_ERR_PROTOCOL', 'bad frame') } },
    { type: 'keepalive.tick' },
    // `ready`'s uptime timer (armed after a recovery), fired explicitly like the others.
    { type: 'uptime.reached' },
    // The keep-alive timer's event, at each of its thresholds: nothing due, a keep-alive due, unstable, dead.
    ...[0, keepAlive.intervalMs, keepAlive.unstableAfterMs, keepAlive.deadAfterMs].map((silentFor) => ({ type: 'keepalive.check', silentFor })),
    { type: 'status.report', classification: profile.own(profile.local.severed) },
    // A report the classifier refuses (a protocol fault), and one of each outcome that asks the user or stops.
    { type: 'status.report', signal: 'hello world' },
    ...(['reauthenticate', 'user-decision', 'fatal', 'ended'] as const).flatMap((outcome) => {
      const entry = profile.catalog.entries.find((e) => e.outcome === outcome);
      return entry === undefined ? [] : [{ type: 'status.report', classification: profile.own(entry.code) }];
    }),
  ];
  for (const code of codes) events.push({ type: 'transport.signal', signal: { kind: 'status', code } });
  for (const step of profile.steps) {
    events.push({ type: 'transport.signal', signal: { kind: 'step', step: step.id } });
    events.push({ type: 'step.done', step: step.id });
  }
  // A transport actor that fails anyway (the `online` state's net; the actor is spawned, not invoked).
  events.push({ type: 'xstate.error.actor.transport', error: new Error('transport bug') });
  for (const node of allStateNodes(machine)) {
    for (const delayed of node.after) {
      events.push({ type: delayed.eventType, silent: false }, { type: delayed.eventType, silent: true });
    }
    for (const invoke of node.invoke) {
      if (invoke.src !== 'resolveUrl') continue;
      events.push({ type: `xstate.done.actor.${invoke.id}`, output: new ResolvedUrl('wss://gw.example/t?token=secret') });
      events.push({ type: `xstate.error.actor.${invoke.id}`, error: new Error('token service down') });
    }
  }
  return events;
}

function serialize(snapshot: { value: unknown; context: Record<string, unknown> }): string {
  // Only what changes behaviour: the state, the attempt (bounded by maxAttempts), the environment, and whether
  // the URL is a string (used at once) or a function (resolved before each attempt).
  const c = snapshot.context as { attempt: number; online: boolean; visible: boolean; url: { isStatic: boolean } };
  return JSON.stringify([snapshot.value, Math.min(c.attempt, 3), c.online, c.visible, c.url.isStatic]);
}

export interface ModelPath {
  readonly steps: readonly { readonly event: ModelEvent; readonly state: { readonly value: unknown } }[];
}

/**
 * Paths that cover every edge of the model: for each reachable state (shortest path from @xstate/graph) and each
 * event of the alphabet that the state handles, that path followed by the event. Unhandled events are skipped.
 */
export function modelPaths(machine: AnyStateMachine, profile: Profile, codes: readonly number[]): { paths: ModelPath[] } {
  const model = modelMachine(machine);
  const events = alphabet(model.walked, profile, codes);
  // Wrap the logic so the time model follows the event being explored.
  const logic = Object.create(model.walked) as AnyStateMachine;
  logic.transition = (snapshot, event, scope) => {
    timeFor(model.time, event as ModelEvent, snapshot.context);
    return model.walked.transition(snapshot, event, scope);
  };
  const options = { events, input: model.input, serializeState: serialize as never, limit: 200_000 };
  const shortest = getShortestPaths(logic, options);
  const adjacency = getAdjacencyMap(logic, options);
  // Every shortest path is walked (it reaches a state); of the edges, one per distinct
  // (transitions enabled by the event, resulting state) pair, which distinguishes eventless branches too.
  const paths: ModelPath[] = shortest.map((path) => ({ steps: path.steps as ModelPath['steps'] }));
  const seen = new Set<string>();
  for (const path of shortest) {
    const vertex = (adjacency as unknown as Record<string, { transitions: Record<string, { event: ModelEvent; state: { value: unknown } }> }>)[serialize(path.state as never)];
    if (vertex === undefined) continue;
    for (const edge of Object.values(vertex.transitions)) {
      timeFor(model.time, edge.event as ModelEvent, path.state.context);
      const enabled = model.walked.getTransitionData(path.state as never, edge.event as never);
      if (enabled.length === 0) continue;
      const key = `${enabled.map((t) => transitionKey(t as never)).join(',')} -> ${serialize(edge.state as never)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      paths.push({ steps: [...path.steps, { event: edge.event as ModelEvent, state: edge.state }] });
    }
  }
  return { paths };
}

export interface WalkResult {
  readonly taken: Set<string>;
  readonly visited: Set<string>;
  readonly mismatches: string[];
}

/** Replays each path on a real actor; returns the transitions taken and the state nodes entered. */
export function walk(machine: AnyStateMachine, paths: readonly ModelPath[]): WalkResult {
  const taken = new Set<string>();
  const visited = new Set<string>();
  const mismatches: string[] = [];
  for (const path of paths) {
    const model = modelMachine(machine);
    const actor = createActor(model.walked, {
      clock: new SimulatedClock(),
      input: model.input,
      inspect: (event) => {
        if (event.type !== '@xstate.microstep' || event.actorRef !== actor) return;
        for (const t of (event as unknown as { _transitions: TransitionLike[] })._transitions) taken.add(transitionKey(t));
        for (const node of (event.snapshot as unknown as { _nodes: AnyStateNode[] })._nodes) visited.add(node.id);
      },
    });
    actor.start();
    for (const node of (actor.getSnapshot() as unknown as { _nodes: AnyStateNode[] })._nodes) visited.add(node.id);
    for (const step of path.steps) {
      if (step.event.type === 'xstate.init') continue;
      timeFor(model.time, step.event as ModelEvent, actor.getSnapshot().context);
      // The pure model explores events in final states too; a done actor hears nothing (and its value stays put).
      if (actor.getSnapshot().status === 'active') actor.send(step.event as never);
      const got = JSON.stringify(actor.getSnapshot().value);
      const want = JSON.stringify(step.state.value);
      if (got !== want) mismatches.push(`${step.event.type}: walked to ${got}, model says ${want}`);
    }
    actor.stop();
  }
  return { taken, visited, mismatches };
}
