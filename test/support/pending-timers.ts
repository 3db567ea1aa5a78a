/** How many timers a SimulatedClock holds (its private `timeouts` map: XState exposes no count). */
import type { SimulatedClock } from 'xstate';

export function pendingTimers(clock: SimulatedClock): number {
  return (clock as unknown as { timeouts: Map<number, unknown> }).timeouts.size;
}
