/**
 * A real `ws` server on 127.0.0.1, port 0, for integration tests.
 * `handler` runs for every connection; `close()` drops every client and stops listening.
 */
import net from 'node:net';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

export interface TestWsServer {
  /** `ws://127.0.0.1:PORT` (append a path as needed). */
  readonly url: string;
  readonly port: number;
  readonly wss: WebSocketServer;
  close(): Promise<void>;
}

export type WsConnectionHandler = (socket: WebSocket, request: IncomingMessage) => void;

export async function startWsServer(handler: WsConnectionHandler = () => {}): Promise<TestWsServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', handler);
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as net.AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    wss,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (a server was bound to it and closed). */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
