/**
 * A session fault as a `Guacamole.Status`: the numeric Guacamole status code (never `NaN`), the message, and the SDK's
 * classification for apps that want the outcome (`reauthenticate`, `user-decision`, …) or the fix.
 */
import type { Category, Classification } from '../codes/types.js';
import type { GuacamoleStatusLike } from './guacamole-types.js';

/**
 * guacamole-lite's text codes and the SDK's own Guacamole names, as the Guacamole status that says the same thing
 * (guacamole-common-js would read the text codes as `NaN`). docs/guacamole-common-js.md lists them.
 */
export const GUACAMOLE_STATUS_FOR_NAME: Readonly<Record<string, number>> = Object.freeze({
  SERVICE_UNAVAILABLE: 0x0208, // UPSTREAM_UNAVAILABLE: guacd refused the tunnel's connection
  SERVICE_NOT_FOUND: 0x0207, // UPSTREAM_NOT_FOUND
  CONNECTION_TIMEOUT: 0x0202, // UPSTREAM_TIMEOUT
  CONNECTION_RESET: 0x0203, // UPSTREAM_ERROR
  CONNECTION_ERROR: 0x0203, // UPSTREAM_ERROR
  HANDSHAKE_ERROR: 0x0203, // UPSTREAM_ERROR
  INACTIVITY_TIMEOUT: 0x020a, // SESSION_TIMEOUT
  CONFIG_ERROR: 0x0200, // SERVER_ERROR
  INVALID_TOKEN: 0x0301, // CLIENT_UNAUTHORIZED
  DISCONNECT_WITHOUT_STATUS: 0x0207, // UPSTREAM_NOT_FOUND: guacd could not reach or sign in to the desktop
  POLICY_CLOSE_WITHOUT_STATUS: 0x0303, // CLIENT_FORBIDDEN: refused by policy, reason unknown
});

/** For a cause outside the Guacamole space (an HTTP 401, a certificate error, …): the status of its category. */
const STATUS_FOR_CATEGORY: Readonly<Record<Category, number>> = Object.freeze({
  network: 0x0207, // UPSTREAM_NOT_FOUND, as the web client maps a close 1006
  tls: 0x0207,
  auth: 0x0301, // CLIENT_UNAUTHORIZED
  server: 0x0200, // SERVER_ERROR
  upstream: 0x0203, // UPSTREAM_ERROR
  client: 0x0300, // CLIENT_BAD_REQUEST
  session: 0x0209, // SESSION_CONFLICT
  policy: 0x0303, // CLIENT_FORBIDDEN
  capacity: 0x0201, // SERVER_BUSY
  resource: 0x0204, // RESOURCE_NOT_FOUND
  user: 0x020b, // SESSION_CLOSED
  media: 0x0100, // UNSUPPORTED
  internal: 0x0200, // SERVER_ERROR
  success: 0x0000,
});

/** The Guacamole status code that stands for a classification: its own when numeric, else a named or category one. */
export function guacamoleStatusCode(cause: Classification): number {
  for (let layer: Classification | undefined = cause; layer !== undefined; layer = layer.via) {
    if (layer.space === 'guacamole' && typeof layer.code === 'number') return layer.code;
  }
  if (cause.space === 'guacamole') {
    const named = GUACAMOLE_STATUS_FOR_NAME[String(cause.code)];
    if (named !== undefined) return named;
  }
  return STATUS_FOR_CATEGORY[cause.category] ?? 0x0200;
}

/**
 * A `Guacamole.Status`-shaped error for a session fault, carrying the SDK's classification (null only for the
 * adapter's own refusals, such as connection data given to `connect()`).
 */
export class SessionStatus implements GuacamoleStatusLike {
  readonly code: number;
  readonly message: string;
  /** What the session will do: `reauthenticate` and `user-decision` wait for the app (`session.reauthenticate()`, …). */
  readonly outcome: Classification['outcome'] | null;
  readonly classification: Classification | null;

  constructor(code: number, message: string, classification: Classification | null = null) {
    this.code = code;
    this.message = message;
    this.outcome = classification?.outcome ?? null;
    this.classification = classification;
  }

  /** The status for a session fault. Its message is server text the transport already redacted, else the summary. */
  static from(cause: Classification): SessionStatus {
    return new SessionStatus(guacamoleStatusCode(cause), cause.message ?? cause.summary, cause);
  }

  /** As `Guacamole.Status.isError()`: anything outside the success range 0x0000-0x00FF. */
  isError(): boolean {
    return this.code < 0 || this.code > 0x00ff;
  }
}
