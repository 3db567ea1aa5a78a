import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimulatedClock } from 'xstate';
import { WebSocket } from 'ws';
import { createSession } from '../../../src/session/index.js';
import type { Session, SessionOptions } from '../../../src/session/index.js';
import { watchEnvironment } from '../../../src/session/environment.js';
import { guacamoleProfile } from '../../../machines/guacamole/profile.js';
import type { SessionError, SessionErrorCode } from '../../../src/errors/index.js';
import { sessionErrorFrom } from '../../support/session-error-from.js';
import { FakeTarget, fakeBrowser as browser } from '../../support/fake-browser.js';

/** A URL function that never settles: the session waits in `active.resolving` and opens no socket. */
const pendingUrl = (): Promise<string> => new Promise<string>(() => undefined);
const base = { protocol: 'guacamole', url: 'ws://127.0.0.1:9/tunnel', WebSocket } as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Expects createSession(options) to throw a SessionError with `code` and `message`; returns it. */
function rejects(options: unknown, code: SessionErrorCode, message: RegExp | string): SessionError {
  const error = sessionErrorFrom(() => createSession(options as SessionOptions));
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else expect(error.message).toMatch(message);
  return error;
}

describe('createSession option validation', () => {
  it('rejects an unknown option name, listing the accepted ones', () => {
    const error = rejects({ ...base, reconnect: true }, 'SESSION_ERR_INVALID_OPTION', /^reconnect is not an option of createSession; accepted: protocol, url, WebSocket, .*environment$/);
    expect(error.field).toBe('reconnect');
  });

  it('rejects a url that does not parse, without echoing it', () => {
    const error = rejects({ ...base, url: 'not a url ?token=abc' }, 'SESSION_ERR_INVALID_OPTION', 'url must be an absolute ws://, wss://, http:// or https:// URL (got [unparseable url])');
    expect(error.message).not.toContain('abc');
  });

  it('rejects a url with a scheme other than ws, wss, http or https', () => {
    rejects({ ...base, url: 'ftp://files.test/x' }, 'SESSION_ERR_INVALID_OPTION', 'url must use ws:, wss:, http: or https: (got ftp:)');
  });

  it('rejects a url that is a number', () => {
    rejects({ ...base, url: 42 }, 'SESSION_ERR_INVALID_OPTION', 'url must be a URL string or a function returning one (sync or async) (got 42)');
  });

  it('keeps userinfo and tokens out of a url message when the scheme is wrong', () => {
    const error = rejects({ ...base, url: 'ftp://alice:pw@files.test/?token=SECRET' }, 'SESSION_ERR_INVALID_OPTION', /got ftp:/);
    expect(`${error.message} ${error.value}`).not.toMatch(/alice|pw|SECRET/);
  });

  it('requires a WebSocket where there is no global one and none is passed', () => {
    vi.stubGlobal('WebSocket', undefined);
    const error = rejects({ protocol: 'guacamole', url: base.url }, 'SESSION_ERR_INVALID_OPTION', /^WebSocket must be given where there is no global WebSocket \(Node 20\): pass `WebSocket` from the 'ws' package$/);
    expect(error).toMatchObject({ field: 'WebSocket', value: 'undefined' });
  });

  it('rejects a WebSocket that is not a constructor', () => {
    rejects({ ...base, WebSocket: {} }, 'SESSION_ERR_INVALID_OPTION', "WebSocket must be a WebSocket constructor (globalThis.WebSocket, or WebSocket from 'ws') (got an empty object)");
  });

  it.each([
    [5, '5'],
    [['guacamole', 7], 'an array of 2'],
  ])('rejects protocols %j', (protocols, shown) => {
    rejects({ ...base, protocols }, 'SESSION_ERR_INVALID_OPTION', `protocols must be a subprotocol string or an array of them (got ${shown})`);
  });

  it('rejects an unknown protocol id, naming the four accepted ids', () => {
    rejects({ ...base, protocol: 'rdp' }, 'SESSION_ERR_UNKNOWN_PROTOCOL', 'protocol must be one of guacamole, msra, frame, softdrive or a Profile object (got "rdp")');
  });

  it("rejects a gateway other than 'tmg'", () => {
    rejects({ ...base, gateway: 'nginx' }, 'SESSION_ERR_INVALID_OPTION', `gateway must be 'tmg' (got "nginx")`);
  });

  it('rejects a clock without now()', () => {
    const clock = { setTimeout: () => 0, clearTimeout: () => undefined };
    rejects({ ...base, clock }, 'SESSION_ERR_INVALID_OPTION', 'clock must be an object with now(), setTimeout() and clearTimeout(), such as xstate SimulatedClock (got an object with keys setTimeout, clearTimeout)');
  });

  it('rejects random that is not a function', () => {
    rejects({ ...base, random: 0.5 }, 'SESSION_ERR_INVALID_OPTION', 'random must be a function returning numbers in [0, 1) (got 0.5)');
  });

  it('rejects environment that is not a boolean', () => {
    rejects({ ...base, environment: 'yes' }, 'SESSION_ERR_INVALID_OPTION', 'environment must be true or false (got "yes")');
  });

  it('rejects inspect that is neither a function nor an observer', () => {
    rejects({ ...base, inspect: 'console' }, 'SESSION_ERR_INVALID_OPTION', 'inspect must be an inspection observer or function (got "console")');
  });

  it.each([
    [{ jiter: 'none' }, 'retry.jiter is not an option; did you mean jitter?'],
    [{ jitter: 'wild' }, "retry.jitter must be one of 'full' | 'equal' | 'decorrelated' | 'none' (got \"wild\")"],
    [{ initialDelayMs: 1000, maxDelayMs: 100 }, 'retry.maxDelayMs must be ≥ initialDelayMs (got 100 < 1000)'],
    [{ maxAttempts: -1 }, 'retry.maxAttempts must be an integer ≥ 0 (got -1)'],
    [{ schedule: [0], initialDelayMs: 5 }, 'retry.initialDelayMs cannot be combined with retry.schedule (a schedule\'s delays are used as given); remove one of them'],
  ])('rejects retry %j', (retry, message) => {
    rejects({ ...base, retry }, 'SESSION_ERR_INVALID_OPTION', message);
  });

  it.each([
    [{ connectMs: -1 }, 'timeouts.connectMs must be an integer number of milliseconds from 1 to 86400000 (got -1)'],
    [{ handshakeMs: { unknownStep: 100 } }, 'timeouts.handshakeMs.unknownStep is not a guacamole handshake step; steps: tunnel, sync'],
    [{ handshakeMs: { sync: 0 } }, 'timeouts.handshakeMs.sync must be an integer number of milliseconds from 1 to 86400000 (got 0)'],
    [{ idleMs: 5 }, 'timeouts.idleMs is not an option; accepted: connectMs, handshakeMs, closeGraceMs'],
    [{ closeGraceMs: -1 }, 'timeouts.closeGraceMs must be an integer number of milliseconds from 0 to 86400000 (got -1)'],
    [{ closeGraceMs: Number.NaN }, 'timeouts.closeGraceMs must be an integer number of milliseconds from 0 to 86400000 (got NaN)'],
  ])('rejects timeouts %j', (timeouts, message) => {
    rejects({ ...base, timeouts }, 'SESSION_ERR_INVALID_OPTION', message);
  });

  it.each([
    [{ maxBufferedBytes: 1023 }, 'limits.maxBufferedBytes must be an integer number of bytes from 1024 to 1073741824 (got 1023)'],
    [{ maxBufferedBytes: 2 ** 31 }, 'limits.maxBufferedBytes must be an integer number of bytes from 1024 to 1073741824 (got 2147483648)'],
    [{ maxPayloadBytes: '8MB' }, 'limits.maxPayloadBytes must be an integer number of bytes from 1024 to 1073741824 (got "8MB")'],
    [{ maxFrames: 5 }, 'limits.maxFrames is not an option; accepted: maxBufferedBytes, maxPayloadBytes'],
    [[], 'limits must be an object (got an array of 0)'],
  ])('rejects limits %j', (limits, message) => {
    rejects({ ...base, limits }, 'SESSION_ERR_INVALID_OPTION', message);
  });

  it('accepts the inclusive limits and a zero close grace', () => {
    const session = createSession({ ...base, clock: new SimulatedClock(), limits: { maxBufferedBytes: 1024, maxPayloadBytes: 1_073_741_824 }, timeouts: { closeGraceMs: 0 } });
    session.disconnect();
  });

  it.each([
    [{ unstableAfterMs: 5000, deadAfterMs: 5000 }, 'keepAlive.deadAfterMs must be > unstableAfterMs (got 5000 ≤ 5000)'],
    [{ deadAfterMs: 1000 }, 'keepAlive.deadAfterMs must be > unstableAfterMs (got 1000 ≤ 1500)'],
    [{ intervalMs: 1.5 }, 'keepAlive.intervalMs must be an integer number of milliseconds from 1 to 86400000 (got 1.5)'],
    [{ pingMs: 5 }, 'keepAlive.pingMs is not an option; accepted: intervalMs, unstableAfterMs, deadAfterMs'],
  ])('rejects keepAlive %j', (keepAlive, message) => {
    rejects({ ...base, keepAlive }, 'SESSION_ERR_INVALID_OPTION', message);
  });

  it('rejects a profile whose keep-alive sender is neither the machine nor the transport', () => {
    const profile = { ...guacamoleProfile, keepAliveSender: 'tunnel' };
    rejects({ ...base, protocol: profile }, 'SESSION_ERR_INVALID_OPTION', 'profile guacamole: keepAliveSender must be \'machine\', \'transport\' or left out (the machine) (got "tunnel")');
  });

  it('names the step ids of the protocol it was given (Frame FRP 8)', () => {
    rejects({ ...base, protocol: 'frame', timeouts: { handshakeMs: { sync: 5 } } }, 'SESSION_ERR_INVALID_OPTION', 'timeouts.handshakeMs.sync is not a frame handshake step; steps: signalling, ice');
  });

  it('accepts every documented option together', () => {
    const session = createSession({
      ...base,
      protocols: ['guacamole'],
      gateway: 'tmg',
      retry: { jitter: 'none', maxAttempts: 2 },
      timeouts: { connectMs: 1000, handshakeMs: { sync: 2000 } },
      keepAlive: { intervalMs: 1000 },
      inspect: () => undefined,
      clock: new SimulatedClock(),
      random: () => 0.5,
      environment: false,
    });
    expect(session.state).toMatchObject({ connectivity: 'idle', phase: 'pre-session', attempt: 0 });
  });
});

describe('Session methods outside their states', () => {
  it('throws SESSION_ERR_INVALID_STATE from connect() once the session is closed', () => {
    const session = createSession({ ...base, clock: new SimulatedClock() });
    session.disconnect();
    expect(session.state.connectivity).toBe('shutdown');
    const error = sessionErrorFrom(() => session.connect());
    expect(error.code).toBe('SESSION_ERR_INVALID_STATE');
    expect(error.message).toMatch(/^connect\(\) called on a session that is closed; a closed or failed session never reopens/);
  });

  it('returns false from send() before the session is ready', () => {
    const session = createSession({ ...base, url: pendingUrl, clock: new SimulatedClock() });
    expect(session.send(['key', 65, 1])).toBe(false);
    session.connect();
    expect(session.send(['key', 65, 1])).toBe(false);
    session.disconnect();
  });

  it.each([
    ['guacamole', { not: 'an instruction' }],
    ['softdrive', () => undefined],
    ['frame', 10n],
  ] as const)('throws SESSION_ERR_PROTOCOL from send() of a message %s cannot encode', (protocol, message) => {
    const session = createSession({ ...base, protocol, clock: new SimulatedClock() });
    expect(sessionErrorFrom(() => session.send(message)).code).toBe('SESSION_ERR_PROTOCOL');
  });

  it('throws SESSION_ERR_INVALID_CODE from report() of malformed input', () => {
    const session = createSession({ ...base, clock: new SimulatedClock() });
    for (const bad of [{}, 'not a code at all', Number.NaN, 2 ** 40]) {
      expect(sessionErrorFrom(() => session.report(bad as never)).code).toBe('SESSION_ERR_INVALID_CODE');
    }
  });

  it('returns known: false from report() of a well-formed code no catalog lists, and keeps the session as it was', () => {
    const session = createSession({ ...base, protocol: 'softdrive', clock: new SimulatedClock() });
    const classification = session.report(77);
    expect(classification).toMatchObject({ code: 77, known: false });
    expect(session.state.connectivity).toBe('idle');
  });
});

function pendingSession(options: Partial<SessionOptions> = {}): Session {
  return createSession({ ...base, url: pendingUrl, clock: new SimulatedClock(), ...options });
}

describe('createSession browser environment wiring', () => {
  it('suspends on offline and resumes on online', () => {
    const { win } = browser();
    const session = pendingSession();
    session.connect();
    expect(session.state.state).toBe('active.resolving');
    win.dispatch('offline');
    expect(session.state).toMatchObject({ state: 'suspended', connectivity: 'transient-failure' });
    win.dispatch('online');
    expect(session.state.state).toBe('active.resolving');
    session.disconnect();
  });

  it('delivers visibilitychange with the document visibility', () => {
    const { doc } = browser();
    const session = pendingSession();
    doc.visibilityState = 'hidden';
    doc.dispatch('visibilitychange');
    expect(session.actor.getSnapshot().context.visible).toBe(false);
    doc.visibilityState = 'visible';
    doc.dispatch('visibilitychange');
    expect(session.actor.getSnapshot().context.visible).toBe(true);
    session.disconnect();
  });

  it('starts suspended when navigator.onLine is false at creation', () => {
    browser(false);
    const session = pendingSession();
    session.connect();
    expect(session.state.state).toBe('suspended');
    session.disconnect();
  });

  it('removes its listeners once the session is done', () => {
    const { win, doc } = browser();
    const session = pendingSession();
    expect(win.count).toBe(2);
    expect(doc.count).toBe(1);
    session.connect();
    session.disconnect();
    expect(win.count + doc.count).toBe(0);
  });

  it('adds no listener with environment: false, and offline then has no effect', () => {
    const { win, doc } = browser();
    const session = pendingSession({ environment: false });
    expect(win.count + doc.count).toBe(0);
    session.connect();
    win.dispatch('offline');
    expect(session.state.state).toBe('active.resolving');
    session.disconnect();
  });

  it('watchEnvironment returns null without a window, and stop() removes exactly what it added', () => {
    expect(watchEnvironment(() => undefined, {})).toBeNull();
    const win = new FakeTarget();
    const doc = new FakeTarget();
    const seen: string[] = [];
    const watch = watchEnvironment((signal) => seen.push(signal), { window: win, document: doc, navigator: { onLine: true } })!;
    expect(watch.initial).toEqual({ online: true, visible: true });
    win.dispatch('offline');
    win.dispatch('online');
    doc.visibilityState = 'hidden';
    doc.dispatch('visibilitychange');
    expect(seen).toEqual(['env.offline', 'env.online', 'env.hidden']);
    watch.stop();
    expect(win.count + doc.count).toBe(0);
  });
});
