/**
 * msw patches only `globalThis.WebSocket`, which Node 20 lacks. For a test file with an msw server: define the
 * global from `ws` before `server.listen()` (msw swaps in its interceptor there), and after the file close the
 * server and put the global back as it was.
 */
import { afterAll, beforeAll } from 'vitest';
import { WebSocket as NodeWs } from 'ws';
import type { SetupServer } from 'msw/node';

type ListenOptions = Parameters<SetupServer['listen']>[0];

export function listenWithGlobalWebSocket(server: SetupServer, options: ListenOptions = { onUnhandledRequest: 'error' }): void {
  const globals = globalThis as { WebSocket?: unknown };
  const original = globals.WebSocket;
  beforeAll(() => {
    globals.WebSocket = NodeWs;
    server.listen(options);
  });
  afterAll(() => {
    server.close();
    if (original === undefined) delete globals.WebSocket;
    else globals.WebSocket = original;
  });
}
