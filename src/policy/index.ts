// Retry policies: pure functions from (attempt, elapsed time, cause, random) to a delay or a stop.

// Building the policy of the `retry` option
export { createRetryPolicy, resolveRetryOptions, isRetryPolicy } from './create-policy.js';
export { DEFAULT_RETRY, DECORRELATED_RETRY, EXPONENTIAL_RETRY, MAX_TIMER_DELAY_MS, JITTER_MODES } from './defaults.js';

// Built-in policies and wrappers
export { exponentialBackoff } from './exponential.js';
export { fixedSchedule } from './schedule.js';
export { withLimits } from './limits.js';
export { withCauseFloor, CAUSE_FLOOR_DEFAULTS } from './floor.js';
export type { CauseFloorOptions } from './floor.js';
export { createRetryBudget, withBudget } from './budget.js';
export { guardOutcome } from './guard.js';

// Types
export type { RetryContext, RetryPolicy, JitterMode, RetryBudget, RetryOptions, ResolvedRetryOptions } from './types.js';
export type { ExponentialBackoffOptions } from './exponential.js';
export type { FixedScheduleOptions } from './schedule.js';
export type { RetryLimits } from './limits.js';
export type { RetryBudgetOptions } from './budget.js';
