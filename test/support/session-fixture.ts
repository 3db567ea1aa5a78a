/**
 * Setup and teardown for the session integration tests. Whatever a test opens through the fixture is released
 * after that test, whether it passed or failed: cleanups run in the reverse order of opening (a session is
 * disconnected before the server it talks to is closed), one that throws does not stop the others, and their
 * errors fail the test.
 *
 *   const fixture = useSessionFixture(); // once, at the top of the file: registers the afterEach
 *   const server = await fixture.faultServer({ protocol: 'guacamole', script: [step.handshake()] });
 *   const h = fixture.session({ protocol: 'guacamole', url: server.url });
 */
import { afterEach } from 'vitest';
import { createFaultServer } from '../../src/testing/index.js';
import type { FaultServer, FaultServerOptions } from '../../src/testing/index.js';
import { startSession } from './session-harness.js';
import type { SessionHarness, StartSessionOptions } from './session-harness.js';

export interface ConnectedSession {
  readonly server: FaultServer;
  readonly h: SessionHarness;
}

export interface SessionFixture {
  /** `createFaultServer(options)` (127.0.0.1, port 0), closed after the test. */
  faultServer(options: FaultServerOptions): Promise<FaultServer>;
  /** `startSession(options)`, disconnected after the test. */
  session(options: StartSessionOptions): SessionHarness;
  /** A fault server, and a session of the same protocol on its URL that has been told to connect. */
  connected(server: FaultServerOptions, session?: Omit<StartSessionOptions, 'protocol' | 'url'>): Promise<ConnectedSession>;
  /** Any other cleanup (a session from `createSession`, msw handlers), run after the test with the rest. */
  defer(cleanup: () => unknown): void;
}

export function useSessionFixture(): SessionFixture {
  const cleanups: (() => unknown)[] = [];

  afterEach(async () => {
    const errors: unknown[] = [];
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} session fixture cleanups failed`);
  });

  const fixture: SessionFixture = {
    async faultServer(options) {
      const server = await createFaultServer(options);
      cleanups.push(() => server.close());
      return server;
    },
    session(options) {
      const h = startSession(options);
      cleanups.push(() => h.session.disconnect());
      return h;
    },
    async connected(serverOptions, sessionOptions = {}) {
      const server = await fixture.faultServer(serverOptions);
      const h = fixture.session({ ...sessionOptions, protocol: serverOptions.protocol, url: server.url });
      h.session.connect();
      return { server, h };
    },
    defer(cleanup) {
      cleanups.push(cleanup);
    },
  };
  return fixture;
}
