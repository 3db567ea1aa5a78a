/**
 * Browser environment signals: online/offline on `window`, visibilitychange on `document`.
 * Absent outside browsers (Node), where `watchEnvironment` returns null.
 */

export interface EnvironmentState {
  readonly online: boolean;
  readonly visible: boolean;
}

export type EnvironmentSignal = 'env.online' | 'env.offline' | 'env.visible' | 'env.hidden';

interface EventTargetLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

interface BrowserGlobals {
  readonly window?: EventTargetLike;
  readonly document?: EventTargetLike & { readonly visibilityState?: string };
  readonly navigator?: { readonly onLine?: boolean };
}

export interface EnvironmentWatch {
  readonly initial: EnvironmentState;
  stop(): void;
}

/** Starts listening; `emit` receives each change. Returns null when there is no browser environment. */
export function watchEnvironment(emit: (signal: EnvironmentSignal) => void, globals: BrowserGlobals = globalThis as BrowserGlobals): EnvironmentWatch | null {
  const { window: win, document: doc, navigator: nav } = globals;
  if (win === undefined || typeof win.addEventListener !== 'function') return null;
  const online = () => emit('env.online');
  const offline = () => emit('env.offline');
  const visibility = () => emit(doc?.visibilityState === 'hidden' ? 'env.hidden' : 'env.visible');
  win.addEventListener('online', online);
  win.addEventListener('offline', offline);
  doc?.addEventListener('visibilitychange', visibility);
  return {
    initial: { online: nav?.onLine !== false, visible: doc?.visibilityState !== 'hidden' },
    stop() {
      win.removeEventListener('online', online);
      win.removeEventListener('offline', offline);
      doc?.removeEventListener('visibilitychange', visibility);
    },
  };
}
