/**
 * The page the browser test loads: a real session in Chromium using the page's own WebSocket and the
 * browser's online/offline events. Every session event is recorded on `window.__log` for the test to read.
 */
import { createSession } from '../../../src/index.js';
import type { SessionEventName } from '../../../src/index.js';
import { guacamoleProfile } from '../../../machines/guacamole/index.js';

interface PageState {
  log: { name: SessionEventName; payload: unknown }[];
  messages: number;
  session: ReturnType<typeof createSession>;
}

const params = new URLSearchParams(location.search);
const session = createSession({
  protocol: guacamoleProfile,
  url: params.get('ws') ?? '',
  retry: { initialDelayMs: 100, maxDelayMs: 200, jitter: 'none', maxAttempts: 5 },
});
const state: PageState = { log: [], messages: 0, session };
(window as unknown as { __page: PageState }).__page = state;

const names: SessionEventName[] = ['state', 'phase', 'fault', 'reconnecting', 'ready', 'unstable', 'stable', 'needs-auth', 'needs-decision', 'closed', 'failed'];
for (const name of names) {
  session.on(name, ((payload: unknown) => state.log.push({ name, payload: JSON.parse(JSON.stringify(payload ?? null)) })) as never);
}
session.on('message', () => {
  state.messages += 1;
});
session.connect();
