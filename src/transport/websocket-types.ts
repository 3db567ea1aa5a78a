/**
 * The slice of the WHATWG WebSocket API the transport uses, typed loosely enough that the DOM/undici
 * `WebSocket` and the `ws` package's class both fit (test/types/websocket-types.test-d.ts checks this).
 */

/** `readyState` values, as the standard numbers them. */
export const WS_READY_STATE = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

/** Every `binaryType` value of the implementations we accept (DOM: blob/arraybuffer; ws: nodebuffer/fragments). */
export type BinaryTypeLike = 'arraybuffer' | 'blob' | 'nodebuffer' | 'fragments';

/** What the transport reads from any event (open, error). */
export interface WebSocketEventLike {
  readonly type: string;
}

export interface WebSocketMessageEventLike extends WebSocketEventLike {
  readonly data: unknown;
}

export interface WebSocketCloseEventLike extends WebSocketEventLike {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
}

/** The events the transport listens to, keyed by name. */
export interface WebSocketLikeEventMap {
  open: WebSocketEventLike;
  message: WebSocketMessageEventLike;
  close: WebSocketCloseEventLike;
  error: WebSocketEventLike;
}

export interface WebSocketLike {
  readonly readyState: number;
  /** Bytes queued by `send` and not yet handed to the network (optional only so that minimal fakes fit). */
  readonly bufferedAmount?: number;
  binaryType: BinaryTypeLike;
  readonly protocol: string;
  send(data: string | ArrayBuffer | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  addEventListener<K extends keyof WebSocketLikeEventMap>(type: K, listener: (event: WebSocketLikeEventMap[K]) => void): void;
  removeEventListener<K extends keyof WebSocketLikeEventMap>(type: K, listener: (event: WebSocketLikeEventMap[K]) => void): void;
}

/**
 * The third constructor argument the transport passes: `ws` reads it as its client options; WHATWG constructors
 * (browsers, undici) take two arguments and ignore a third, as Web IDL says.
 */
export interface WebSocketClientOptionsLike {
  /** `ws`: the largest incoming message, in bytes; a bigger one fails the socket with close 1009. */
  readonly maxPayload?: number;
}

/** A WHATWG-style WebSocket constructor: `globalThis.WebSocket` in browsers and Node 22+, or `ws`'s class. */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: WebSocketClientOptionsLike,
) => WebSocketLike;
