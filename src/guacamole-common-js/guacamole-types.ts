/**
 * The parts of guacamole-common-js (1.5.x) the adapter meets, declared here so that the adapter never imports the
 * library: guacamole-common-js stays an optional peer, and apps that don't use it pay nothing. Structural types only;
 * the numbers are the library's own (`Guacamole.Tunnel.State`, `Guacamole.Status.Code`).
 */

/** `Guacamole.Tunnel.State`. */
export const TUNNEL_STATE = Object.freeze({ CONNECTING: 0, OPEN: 1, CLOSED: 2, UNSTABLE: 3 } as const);

export type TunnelState = (typeof TUNNEL_STATE)[keyof typeof TUNNEL_STATE];

/** What a `Guacamole.Status` offers: a numeric status code, a message, and `isError()`. */
export interface GuacamoleStatusLike {
  readonly code: number;
  readonly message: string;
  isError(): boolean;
}

/**
 * The `Guacamole.Tunnel` contract as `Guacamole.Client` and apps use it: the Client sets `oninstruction` and calls
 * `connect`, `sendMessage` and `disconnect`; apps read `state`, `uuid`, `isConnected()` and set `onstatechange`,
 * `onerror` and `onuuid`.
 */
export interface GuacamoleTunnelLike {
  state: number;
  uuid: string | null;
  receiveTimeout: number;
  unstableThreshold: number;
  oninstruction: ((opcode: string, args: string[]) => void) | null;
  onstatechange: ((state: number) => void) | null;
  onerror: ((status: GuacamoleStatusLike) => void) | null;
  onuuid: ((uuid: string) => void) | null;
  connect(data?: string): void;
  disconnect(): void;
  sendMessage(...elements: unknown[]): void;
  isConnected(): boolean;
  setState(state: number): void;
  setUUID(uuid: string): void;
}

/** What the adapter needs of a `Guacamole.Client`: `connect(data)`, `disconnect()` (the display is the app's business). */
export interface GuacamoleClientLike {
  connect(data?: string): void;
  disconnect?(): void;
}
