/**
 * Retry policies of the clients people would use instead, for side-by-side herd simulations
 * (`session-lifecycle simulate --policy <name>`). Each follows the peer's published defaults; none is a
 * recommendation. Stateless: what a peer keeps per client is carried in `lastDelayMs`.
 */
import { DECORRELATED_RETRY, EXPONENTIAL_RETRY } from '../policy/index.js';
import type { RetryOptions, RetryPolicy } from '../policy/index.js';
import { guacamoleCountdownPolicy } from './herd.js';

/** Delays grow ×1.3 from the first (`minReconnectionDelay`) up to 10 s, with no per-attempt jitter. */
function growing(first: (random: () => number) => number): RetryPolicy {
  const nextDelayMs: RetryPolicy['nextDelayMs'] = ({ attempt, lastDelayMs }, random) =>
    attempt <= 1 || lastDelayMs === undefined ? first(random) : Math.min(10_000, lastDelayMs * 1.3);
  return Object.freeze({ nextDelayMs });
}

/**
 * partysocket 1.x (`ReconnectingWebSocket` defaults): after a drop, `minReconnectionDelay` 3000 ms, ×1.3 per
 * attempt, at most 10000 ms, no jitter, no limit on retries.
 */
export const partysocketPolicy: RetryPolicy = growing(() => 3000);

/**
 * reconnecting-websocket 4.4: the same curve, but `minReconnectionDelay` is 1000 + random × 4000 ms, drawn once per
 * client (per page load), so clients differ from one another while each one's delays are fixed.
 */
export const reconnectingWebSocketPolicy: RetryPolicy = growing((random) => 1000 + random() * 4000);


/**
 * The policies `simulate --policy` knows by name: `default` is the SDK's `DEFAULT_RETRY` (`decorrelated`, its curve,
 * is the same policy under the name it had before it became the default); `exponential` is `EXPONENTIAL_RETRY`, the
 * default before issue 14.
 */
export const NAMED_POLICIES: Readonly<Record<string, RetryOptions | RetryPolicy | undefined>> = Object.freeze({
  default: undefined,
  decorrelated: DECORRELATED_RETRY,
  exponential: EXPONENTIAL_RETRY,
  'guacamole-countdown': guacamoleCountdownPolicy,
  partysocket: partysocketPolicy,
  'reconnecting-websocket': reconnectingWebSocketPolicy,
});
