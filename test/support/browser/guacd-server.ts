/**
 * A guacd-behind-a-tunnel stand-in for the adapter's tests, on 127.0.0.1 port 0: each connection gets the tunnel's
 * UUID instruction, then whatever the test's handler sends; the client's pings are echoed (as the Java tunnel does,
 * unless `echoPings: false`); every instruction the client sends is parsed with the SDK's parser and recorded.
 * The fault server (src/testing) cannot draw real pixels or be told what to send mid-test, hence this.
 */
import type { WebSocket } from 'ws';
import { GuacamoleParser } from '../../../machines/guacamole/parser.js';
import { encodeInstruction } from '../../../machines/guacamole/encoder.js';
import { startWsServer } from '../ws-server.js';

export type Instruction = readonly [opcode: string, ...args: string[]];

export interface GuacdConnection {
  readonly index: number;
  readonly uuid: string;
  /** Instructions the client sent, in order. */
  readonly received: Instruction[];
  send(text: string): void;
  /** Destroys the TCP socket without a close frame (the client sees 1006). */
  drop(): void;
  close(code: number, reason?: string): void;
  /** What the client sent with this opcode. */
  of(opcode: string): Instruction[];
}

export interface GuacdServer {
  readonly url: string;
  readonly connections: readonly GuacdConnection[];
  close(): Promise<void>;
}

export interface GuacdServerOptions {
  /** Runs for each connection after its UUID instruction. */
  readonly onConnection?: (connection: GuacdConnection) => void;
  readonly echoPings?: boolean;
}

export async function startGuacdServer(options: GuacdServerOptions = {}): Promise<GuacdServer> {
  const connections: GuacdConnection[] = [];
  const server = await startWsServer((socket: WebSocket) => {
    const index = connections.length;
    const uuid = `tunnel-${index}-0000-0000-0000-000000000000`.slice(0, 36);
    const received: Instruction[] = [];
    const parser = new GuacamoleParser();
    const connection: GuacdConnection = {
      index,
      uuid,
      received,
      send: (text) => {
        if (socket.readyState === socket.OPEN) socket.send(text);
      },
      drop: () => socket.terminate(),
      close: (code, reason) => socket.close(code, reason),
      of: (opcode) => received.filter((instruction) => instruction[0] === opcode),
    };
    connections.push(connection);
    socket.on('message', (data) => {
      parser.receive(String(data), (opcode, args) => {
        received.push([opcode, ...args]);
        if (opcode === '' && args[0] === 'ping' && options.echoPings !== false) connection.send(encodeInstruction('', ...args));
      });
    });
    connection.send(encodeInstruction('', uuid));
    options.onConnection?.(connection);
  });
  return { url: server.url, connections, close: () => server.close() };
}
