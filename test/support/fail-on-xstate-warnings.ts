/**
 * Setup file (vitest.config.ts `setupFiles`): a test fails when XState warns that an event was sent to a stopped
 * actor. Such a warning means something of a session (a listener, a timer, a harness) outlived its actor: issue 13
 * found 1,320 of them per run. Wraps console.warn rather than spying on it, so `restoreMocks` leaves it in place.
 */
import { afterEach, expect } from 'vitest';

const STOPPED_ACTOR = /was sent to stopped actor/;
const seen: string[] = [];
const warn = console.warn.bind(console);

console.warn = (...args: unknown[]): void => {
  const text = args.map(String).join(' ');
  if (STOPPED_ACTOR.test(text)) seen.push(text.split('\n')[0]!);
  warn(...args);
};

afterEach(() => {
  const warnings = seen.splice(0);
  expect(warnings, 'XState warned of events sent to a stopped actor').toEqual([]);
});
