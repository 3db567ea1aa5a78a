/**
 * `ws` is an optional peer dependency: only the testing kit's fault server and the CLI's demo need it (apps inject
 * their own WebSocket constructor). It is loaded when first needed, with an error that says how to get it.
 */
import type * as Ws from 'ws';
import { SessionError } from '../errors/index.js';

export type WsModule = typeof Ws;

/** Loads `ws`; `purpose` names what needs it, for the error when it is not installed. */
export async function loadWs(purpose: string, load: () => Promise<unknown> = () => import('ws')): Promise<WsModule> {
  let loaded: unknown;
  try {
    loaded = await load();
  } catch (error) {
    throw new SessionError('SESSION_ERR_MISSING_PEER', `${purpose} needs the 'ws' package, an optional peer dependency of session-lifecycle: npm install ws`, { field: 'ws', cause: error });
  }
  // The CommonJS module through import(): named exports, or everything on `default`.
  const module = loaded as Partial<WsModule> & { default?: Partial<WsModule> };
  const ws = typeof module.WebSocketServer === 'function' ? module : module.default;
  if (ws === undefined || typeof ws.WebSocketServer !== 'function' || typeof ws.WebSocket !== 'function') {
    throw new SessionError('SESSION_ERR_MISSING_PEER', `${purpose} needs the 'ws' package (8.x), but what loaded has no WebSocket and WebSocketServer: npm install ws@8`, { field: 'ws' });
  }
  return ws as WsModule;
}
