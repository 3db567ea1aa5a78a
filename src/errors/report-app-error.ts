/**
 * An error thrown by the app's own code (an event listener, a handler) is the app's bug: it is reported the way the
 * platform reports an uncaught error in an event listener (`reportError` in browsers, which does not stop dispatch),
 * else thrown on a microtask, and never rethrown into the SDK's bookkeeping or its machine.
 */
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
