/**
 * A custom RetryPolicy, and one retry budget shared by two sessions.
 *
 * The policy backs off much harder when the cause is a capacity problem (the gateway is full: Guacamole 513
 * SERVER_BUSY): hammering a full server only keeps it full. Everything else gets a quick,
 * jittered exponential backoff. It is built from the SDK's own pieces, so it keeps the cause's floor
 * (`retryAfterMs`) and the attempt/time limits; createSession adds the one rule nothing can turn off: codes
 * whose outcome is reauthenticate, user-decision, ended or fatal are never retried.
 *
 * The budget is a token bucket: every reconnect either session schedules takes a token, so a process with
 * many sessions cannot stampede a server that is coming back.
 *
 * Runs offline: policies are pure functions, so this evaluates them directly with a fake clock.
 * Run: npx tsx examples/custom-policy.ts
 */
import { pathToFileURL } from 'node:url';
import { WebSocket } from 'ws';
import {
  classify, createRetryBudget, createRetryPolicy, createSession, exponentialBackoff, withBudget, withCauseFloor, withLimits,
} from '../src/index.js';
import type { Classification, RetryPolicy } from '../src/index.js';
import { guacamoleProfile } from '../machines/guacamole/index.js';

/** Quick retries for ordinary faults; slow, widely spread ones when the server is out of capacity. */
export function capacityAwarePolicy(): RetryPolicy {
  const ordinary = exponentialBackoff({ initialDelayMs: 500, multiplier: 2, maxDelayMs: 10_000, jitter: 'equal' });
  const capacity = exponentialBackoff({ initialDelayMs: 5_000, multiplier: 3, maxDelayMs: 120_000, jitter: 'full' });
  const byCategory: RetryPolicy = {
    nextDelayMs: (ctx, random) => (ctx.cause.category === 'capacity' ? capacity : ordinary).nextDelayMs(ctx, random),
  };
  return withLimits(withCauseFloor(byCategory), { maxAttempts: 8, maxElapsedMs: 15 * 60_000 });
}

const random = (): number => 0.5; // deterministic for the printout; sessions default to Math.random
const label = (c: Classification): string => `${c.code} ${c.name} (${c.category}, ${c.outcome})`;

/** Delays the policy gives for attempts 1..n of an outage with this cause. */
function schedule(policy: RetryPolicy, cause: Classification, attempts: number): (number | null)[] {
  const delays: (number | null)[] = [];
  let elapsedMs = 0;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const delay = policy.nextDelayMs({ attempt, elapsedMs, cause }, random);
    delays.push(delay);
    if (delay === null) break;
    elapsedMs += delay;
  }
  return delays;
}

export function runCustomPolicyExample(print: (line: string) => void = console.log): void {
  // What createSession does with a custom policy: it adds the outcome guard.
  const policy = createRetryPolicy(capacityAwarePolicy());
  for (const code of [519, 513, 769]) {
    const cause = classify('guacamole', code);
    const delays = schedule(policy, cause, 6).map((d) => (d === null ? 'stop' : `${d} ms`));
    print(`${label(cause)}: ${delays.join(', ')}`);
  }

  // One budget for two sessions: 4 reconnects at once, then one more every 10 s.
  let nowMs = 0;
  const budget = createRetryBudget({ capacity: 4, refillPerMinute: 6, now: () => nowMs });
  const shared = withBudget(capacityAwarePolicy(), budget);
  // In an app, both sessions take the same budgeted policy (they connect only when told to).
  const sessions = ['left', 'right'].map((name) => ({
    name,
    session: createSession({ protocol: guacamoleProfile, url: `wss://gateway.example/${name}`, WebSocket, retry: shared }),
  }));
  const cause = classify('guacamole', 519);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    for (const { name } of sessions) {
      const delay = shared.nextDelayMs({ attempt, elapsedMs: 0, cause }, random);
      print(`t=${nowMs / 1000}s ${name} attempt ${attempt}: ${delay === null ? 'stop (budget empty)' : `retry in ${delay} ms`} [tokens left ${budget.available}]`);
    }
  }
  nowMs += 10_000;
  print(`t=${nowMs / 1000}s one token has come back: ${budget.available} available`);
  for (const { session } of sessions) session.disconnect();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) runCustomPolicyExample();
