import { describe, expectTypeOf, test } from 'vitest';
import { WebSocket } from 'ws';
import { createSession, classify } from '../../src/index.js';
import type { Classification, FailedEvent, ReconnectingEvent, Session, SessionOptions, SessionProjection } from '../../src/index.js';
import { frameProfile } from '../../machines/index.js';
import type { SessionEvent } from '../../machines/index.js';

declare const session: Session;

describe('Session events', () => {
  test('event payloads are typed', () => {
    session.on('reconnecting', (event) => {
      expectTypeOf(event).toEqualTypeOf<ReconnectingEvent>();
      expectTypeOf(event.delayMs).toBeNumber();
      expectTypeOf(event.attempt).toBeNumber();
      expectTypeOf(event.cause).toEqualTypeOf<Classification>();
      expectTypeOf(event.status).toEqualTypeOf<Classification | undefined>();
    });
    session.on('ready', (event) => expectTypeOf(event.attempt).toBeNumber());
    session.on('failed', (event) => {
      expectTypeOf(event).toEqualTypeOf<FailedEvent>();
      expectTypeOf(event.reason).toEqualTypeOf<'fatal' | 'exhausted' | 'internal'>();
    });
    session.on('closed', (event) => expectTypeOf(event.by).toEqualTypeOf<'user' | 'peer'>());
    session.on('state', (state) => expectTypeOf(state).toEqualTypeOf<SessionProjection>());
    session.on('unstable', (event) => expectTypeOf(event.silentMs).toBeNumber());
    session.on('stable', (...args) => expectTypeOf(args).toEqualTypeOf<[]>());
    session.on('message', (data) => expectTypeOf(data).toBeUnknown());
  });

  test('a payload used as the wrong type is an error', () => {
    session.on('reconnecting', (event) => {
      // @ts-expect-error delayMs is a number
      const text: string = event.delayMs;
      return text;
    });
  });

  test('unknown event names are compile errors', () => {
    // @ts-expect-error 'reconnected' is not a session event
    session.on('reconnected', () => undefined);
    // @ts-expect-error event names are case-sensitive
    session.on('Ready', () => undefined);
  });
});

describe('SessionOptions', () => {
  test('protocol accepts the four ids and a Profile', () => {
    for (const protocol of ['guacamole', 'frame', 'softdrive', 'msra'] as const) {
      createSession({ protocol, url: 'ws://h/', WebSocket });
    }
    createSession({ protocol: frameProfile, url: 'ws://h/', WebSocket });
    expectTypeOf(createSession).returns.toEqualTypeOf<Session>();
  });

  test('an unknown protocol id is a compile error', () => {
    // @ts-expect-error 'rdp' is not one of the four protocol ids
    createSession({ protocol: 'rdp', url: 'ws://h/', WebSocket });
  });

  test('url accepts a string and a (sync or async) function, nothing else', () => {
    createSession({ protocol: 'frame', url: () => 'ws://h/', WebSocket });
    createSession({ protocol: 'frame', url: async () => 'ws://h/', WebSocket });
    // @ts-expect-error url is not a number
    createSession({ protocol: 'frame', url: 42, WebSocket });
    // @ts-expect-error url is not a URL object
    createSession({ protocol: 'frame', url: new URL('ws://h/'), WebSocket });
  });

  test('retry.jitter takes only the four modes', () => {
    createSession({ protocol: 'frame', url: 'ws://h/', WebSocket, retry: { jitter: 'decorrelated' } });
    // @ts-expect-error 'random' is not a jitter mode
    createSession({ protocol: 'frame', url: 'ws://h/', WebSocket, retry: { jitter: 'random' } });
  });

  test('unknown option names are compile errors', () => {
    // @ts-expect-error reconnect is not an option
    createSession({ protocol: 'frame', url: 'ws://h/', WebSocket, reconnect: true });
    // @ts-expect-error maxRetries is not a retry option
    createSession({ protocol: 'frame', url: 'ws://h/', WebSocket, retry: { maxRetries: 3 } });
  });

  test('protocol and url are required', () => {
    // @ts-expect-error url is missing
    const missingUrl: SessionOptions = { protocol: 'frame' };
    // @ts-expect-error gateway is only 'tmg'
    const badGateway: SessionOptions = { protocol: 'frame', url: 'ws://h/', gateway: 'nginx' };
    return [missingUrl, badGateway];
  });
});

describe('classify and the machine events', () => {
  test('classify returns a Classification', () => {
    expectTypeOf(classify('frame', 4029)).toEqualTypeOf<Classification>();
    expectTypeOf(classify('guacamole', { code: 1006, reason: '' })).toEqualTypeOf<Classification>();
    // @ts-expect-error the code space comes first
    classify(4029);
  });

  test('actor.send accepts the machine events and rejects others', () => {
    session.actor.send({ type: 'user.connect' });
    session.actor.send({ type: 'user.disconnect', code: 1000 });
    session.actor.send({ type: 'step.done', step: 'tls' });
    expectTypeOf<{ type: 'user.takeOver' }>().toExtend<SessionEvent>();
    // @ts-expect-error 'nope' is not a session machine event
    session.actor.send({ type: 'nope' });
    // @ts-expect-error step.done needs its step
    session.actor.send({ type: 'step.done' });
  });
});
