import { expectTypeOf, test } from 'vitest';
import { WebSocket as NodeWs } from 'ws';
import type { WebSocket as UndiciWebSocket } from 'undici-types';
import type { WebSocketConstructor, WebSocketLike } from '../../src/transport/websocket-types.js';

test('the ws class fits WebSocketConstructor', () => {
  const ctor: WebSocketConstructor = NodeWs;
  expectTypeOf(ctor).toExtend<WebSocketConstructor>();
  expectTypeOf<NodeWs>().toExtend<WebSocketLike>();
});

test('the DOM WebSocket fits WebSocketConstructor', () => {
  expectTypeOf<typeof globalThis.WebSocket>().toExtend<WebSocketConstructor>();
  expectTypeOf<globalThis.WebSocket>().toExtend<WebSocketLike>();
});

test("undici's WebSocket (Node's global) fits WebSocketConstructor", () => {
  expectTypeOf<typeof UndiciWebSocket>().toExtend<WebSocketConstructor>();
});

test('a constructor without the standard surface is rejected', () => {
  class NoClose {
    readyState = 0;
    send(): void {}
  }
  // @ts-expect-error close, binaryType and the listener methods are missing
  const bad: WebSocketConstructor = NoClose;
  expectTypeOf(bad).not.toBeAny();
  // @ts-expect-error a constructor that requires an options object is not WHATWG-style
  const needsOptions: WebSocketConstructor = class extends NodeWs { constructor(url: string, options: { a: 1 }) { super(url, options as never); } };
  expectTypeOf(needsOptions).not.toBeAny();
});
