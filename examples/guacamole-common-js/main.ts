/**
 * A browser client that draws a remote desktop with guacamole-common-js while session-lifecycle runs the session:
 * connect, handshake, keep-alive, classification and reconnects. A banner driven by the session's events says what
 * is happening; each connection gets a fresh Guacamole.Client (attachGuacamoleClient), so after a reconnect the
 * display shows the new connection's frames and nothing of the old one's.
 *
 * Build it with any bundler (`esbuild examples/guacamole-common-js/main.ts --bundle --format=esm --outfile=main.js`)
 * and open index.html?ws=wss://your-gateway/websocket-tunnel. In an app the imports are
 * 'session-lifecycle/session' and 'session-lifecycle/guacamole-common-js'.
 */
import Guacamole from 'guacamole-common-js';
import { createSession } from '../../src/session/core.js';
import type { Session } from '../../src/session/core.js';
import { attachGuacamoleClient, guacamoleCommonJsProfile } from '../../src/guacamole-common-js/index.js';
import type { GuacamoleClientAttachment } from '../../src/guacamole-common-js/index.js';

export interface GuacamoleExample {
  readonly session: Session;
  readonly attachment: GuacamoleClientAttachment<Guacamole.Client>;
}

export function startGuacamoleExample(url: string | (() => string | Promise<string>), banner: HTMLElement, host: HTMLElement): GuacamoleExample {
  // Connection data (a token, the screen size) travels in the URL; a function is called before every attempt.
  const session = createSession({ protocol: guacamoleCommonJsProfile, url, retry: { initialDelayMs: 500, maxDelayMs: 10_000 } });

  const attachment = attachGuacamoleClient(session, {
    createClient: (tunnel) => new Guacamole.Client(tunnel),
    // A new connection drew its first instruction: show its display in place of the old one.
    onclient: (client) => host.replaceChildren(client.getDisplay().getElement()),
  });

  // Input goes to whichever client is current; while the session is down it is dropped, not queued.
  const mouse = new Guacamole.Mouse(host);
  mouse.onEach(['mousedown', 'mouseup', 'mousemove'], (event) => attachment.client.sendMouseState(event.state));
  const keyboard = new Guacamole.Keyboard(document);
  keyboard.onkeydown = (keysym) => attachment.client.sendKeyEvent(1, keysym);
  keyboard.onkeyup = (keysym) => attachment.client.sendKeyEvent(0, keysym);

  const show = (text: string | null, action?: { label: string; run: () => void }): void => {
    banner.hidden = text === null;
    banner.replaceChildren(text ?? '');
    if (action !== undefined) {
      const button = document.createElement('button');
      button.textContent = action.label;
      button.onclick = action.run;
      banner.append(' ', button);
    }
  };
  session.on('reconnecting', ({ attempt, delayMs, cause }) =>
    show(`Connection lost (${cause.summary}). Reconnecting in ${Math.ceil(delayMs / 1000)} s (attempt ${attempt})…`, { label: 'Retry now', run: () => session.retryNow() }));
  session.on('unstable', () => show('The connection is slow…'));
  session.on('stable', () => show(null));
  session.on('ready', () => show(null));
  session.on('needs-auth', () => show('Your sign-in has expired.', { label: 'Sign in again', run: () => session.reauthenticate() }));
  session.on('needs-decision', ({ cause }) => show(cause.summary, { label: 'Take over', run: () => session.takeOver() }));
  session.on('failed', ({ final }) => show(`Disconnected: ${final.summary}${final.fix === undefined ? '' : ` ${final.fix}`}`));
  session.on('closed', ({ by }) => show(by === 'user' ? 'Disconnected.' : 'The remote desktop ended the session.'));

  window.addEventListener('pagehide', () => attachment.disconnect());
  show('Connecting…');
  attachment.connect();
  return { session, attachment };
}

const banner = document.getElementById('banner');
const host = document.getElementById('display');
const url = new URLSearchParams(location.search).get('ws');
if (banner !== null && host !== null && url !== null) {
  // Exposed for the browser console (and the example's test in test/integration/browser/).
  (window as unknown as { guacamoleExample: GuacamoleExample }).guacamoleExample = startGuacamoleExample(url, banner, host);
}
