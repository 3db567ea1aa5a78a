/**
 * A reconnect banner for a browser client, driven only by the session's events:
 *
 *   state           → a status line ("Connecting…", "Connected", "Reconnecting…", "Disconnected")
 *   reconnecting    → "Connection lost: <why>. Reconnecting in N s" with a live countdown and "Retry now"
 *   needs-auth      → "Sign in again", which fetches a fresh URL (new token) and calls reauthenticate()
 *   needs-decision  → "Take over" / "Cancel" (another session holds the seat, the remote user declined, …)
 *   failed          → the final message: what happened and what to do about it
 *
 * Usage in a page (no bundler needed to typecheck; bundle it with anything):
 *
 *   const ui = mountReconnectUi(document.getElementById('banner')!, {
 *     url: () => fetchFreshUrl(),
 *     fetchFreshUrl,
 *   });
 *   ui.session.connect();
 *
 * Nothing runs at import time, except in a page that has an element with id "session-banner" and a
 * `data-url` attribute, where it mounts itself (a zero-config demo).
 */
// The small entry, 'session-lifecycle/session' in an app: createSession for a Profile object, so the bundle
// carries one protocol's catalog instead of all of them (the main entry's createSession accepts protocol ids).
import { createSession } from '../src/session/core.js';
import type { Session } from '../src/session/core.js';
// Types only: erased at build time, so naming the main entry here adds nothing to the bundle.
import type { Classification, RetryOptions, RetryPolicy, UrlSource } from '../src/index.js';
// 'session-lifecycle/machines/guacamole' in an app.
import { guacamoleProfile } from '../machines/guacamole/index.js';

export interface ReconnectUiOptions {
  /** The gateway URL, or a function called before every attempt. */
  readonly url: UrlSource;
  /** Asks the app's backend for a URL with fresh credentials (after `needs-auth`). */
  readonly fetchFreshUrl: () => Promise<string>;
  readonly retry?: RetryOptions | RetryPolicy;
}

export interface ReconnectUi {
  readonly session: Session;
  /** Disconnects, stops the countdown and removes the banner. */
  unmount(): void;
}

const STATUS: Readonly<Record<Session['state']['connectivity'], string>> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  ready: 'Connected',
  'transient-failure': 'Reconnecting…',
  shutdown: 'Disconnected',
};

export function mountReconnectUi(root: HTMLElement, options: ReconnectUiOptions): ReconnectUi {
  const doc = root.ownerDocument;
  const session = createSession({
    protocol: guacamoleProfile,
    url: options.url,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });

  const banner = doc.createElement('div');
  banner.setAttribute('role', 'status');
  banner.setAttribute('aria-live', 'polite');
  const status = doc.createElement('p');
  const detail = doc.createElement('p');
  const actions = doc.createElement('div');
  banner.append(status, detail, actions);
  root.append(banner);

  let countdown: ReturnType<typeof setInterval> | undefined;
  const stopCountdown = (): void => clearInterval(countdown);

  /** Replaces the detail line and the buttons. */
  function show(text: string, buttons: readonly (readonly [label: string, onClick: () => void])[] = []): void {
    stopCountdown();
    detail.textContent = text;
    actions.replaceChildren(...buttons.map(([label, onClick]) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => {
        actions.replaceChildren(); // one click per prompt
        onClick();
      });
      return button;
    }));
  }

  const why = (cause: Classification): string => `${cause.summary} (${cause.space} ${cause.code})`;

  session.on('state', (state) => {
    status.textContent = state.reconnecting && state.connectivity !== 'ready' ? STATUS['transient-failure'] : STATUS[state.connectivity];
    banner.hidden = state.connectivity === 'ready';
  });
  session.on('ready', () => show(''));
  session.on('reconnecting', ({ attempt, delayMs, cause }) => {
    let leftMs = delayMs;
    const render = (): void => {
      detail.textContent = `Connection lost: ${why(cause)}. Reconnecting in ${Math.ceil(leftMs / 1000)} s (attempt ${attempt}).`;
    };
    show('', [['Retry now', () => session.retryNow()]]);
    render();
    countdown = setInterval(() => {
      leftMs = Math.max(0, leftMs - 1000);
      render();
      if (leftMs === 0) stopCountdown();
    }, 1000);
  });
  session.on('needs-auth', ({ cause }) => {
    show(`Your sign-in is no longer valid: ${why(cause)}.`, [
      ['Sign in again', () => session.reauthenticate({ url: () => options.fetchFreshUrl() })],
      ['Cancel', () => session.cancel()],
    ]);
  });
  session.on('needs-decision', ({ cause }) => {
    show(`${why(cause)}. Take over this desktop?`, [
      ['Take over', () => session.takeOver()],
      ['Cancel', () => session.cancel()],
    ]);
  });
  session.on('failed', ({ cause, final }) => {
    const sameCode = final.space === cause.space && final.code === cause.code;
    const fix = cause.fix ?? final.fix;
    show(`The session could not continue: ${final.summary}${sameCode ? '' : ` Cause: ${cause.summary}`}${fix === undefined ? '' : ` What to do: ${fix}`}`);
  });
  session.on('closed', ({ by, cause }) => show(by === 'user' || cause === null ? 'You disconnected.' : `The session ended: ${cause.summary}`));

  return {
    session,
    unmount() {
      stopCountdown();
      session.disconnect();
      banner.remove();
    },
  };
}

// Zero-config demo when loaded in a page that asks for it; a no-op under Node and in other pages.
const demoRoot = typeof document === 'undefined' ? null : document.getElementById('session-banner');
const demoUrl = demoRoot?.dataset.url;
if (demoRoot !== null && demoUrl !== undefined) {
  const fetchFreshUrl = async (): Promise<string> => {
    const response = await fetch(demoRoot.dataset.tokenEndpoint ?? '/session-url');
    return response.text();
  };
  mountReconnectUi(demoRoot, { url: demoUrl, fetchFreshUrl }).session.connect();
}
