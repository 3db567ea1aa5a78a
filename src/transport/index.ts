export { createWebSocketTransport, WEBSOCKET_TRANSPORT_DEFAULTS, closeCodeForClient, closeReasonForClient } from './websocket-transport.js';
export type { WebSocketTransportLogic } from './websocket-transport.js';
export { redactUrl, redactText, REDACT_DEFAULTS, REDACTED, UNPARSEABLE_URL } from '../errors/redact.js';
export { WS_READY_STATE } from './websocket-types.js';
export type {
  BinaryTypeLike,
  WebSocketClientOptionsLike,
  WebSocketConstructor,
  WebSocketLike,
  WebSocketLikeEventMap,
  WebSocketEventLike,
  WebSocketMessageEventLike,
  WebSocketCloseEventLike,
} from './websocket-types.js';
