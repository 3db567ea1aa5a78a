/** Calls an app's handler; a throw is the app's bug: reported (`reportError`, else on a microtask), never rethrown here. */
export function callApp<A extends unknown[]>(self: unknown, handler: ((...args: A) => void) | null | undefined, ...args: A): void {
  if (typeof handler !== 'function') return;
  try {
    handler.apply(self, args);
  } catch (error) {
    reportAppError(error);
  }
}

export function reportAppError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') {
    report(error);
    return;
  }
  queueMicrotask(() => {
    throw error;
  });
}
