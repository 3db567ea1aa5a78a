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
  binaryType: BinaryTypeLike;
  readonly protocol: string;
  send(data: string | ArrayBuffer | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  addEventListener<K extends keyof WebSocketLikeEventMap>(type: K, listener: (event: WebSocketLikeEventMap[K]) => void): void;
  removeEventListener<K extends keyof WebSocketLikeEventMap>(type: K, listener: (event: WebSocketLikeEventMap[K]) => void): void;
}

/** A WHATWG-style WebSocket constructor: `globalThis.WebSocket` in browsers and Node 22+, or `ws`'s class. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;
