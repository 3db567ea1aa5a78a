import { reportAppError } from '../errors/report-app-error.js';

/** Calls an app's handler; a throw is the app's bug: reported (`reportAppError`), never rethrown here. */
export function callApp<A extends unknown[]>(self: unknown, handler: ((...args: A) => void) | null | undefined, ...args: A): void {
  if (typeof handler !== 'function') return;
  try {
    handler.apply(self, args);
  } catch (error) {
    reportAppError(error);
  }
}

export { reportAppError };
