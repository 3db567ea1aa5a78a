/**
 * `session-lifecycle/testing/msw`: the fault scripts as msw `ws.link` handlers, for suites that intercept
 * instead of listening on a port. Separate from 'session-lifecycle/testing' so that the fault server and
 * `simulate` do not require msw; this entry needs msw 2 installed (an optional peer dependency).
 */
export { createFaultHandlers } from './msw-handlers.js';
export type { FaultHandlers, FaultHandlersOptions } from './msw-handlers.js';
