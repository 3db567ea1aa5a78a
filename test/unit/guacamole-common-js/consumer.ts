/**
 * A hand-written consumer of the Guacamole.Tunnel contract, doing with the tunnel what Guacamole.Client 1.5 does
 * (take `oninstruction`, acknowledge each new `sync` timestamp, send a `nop` at connect) and what apps do (read
 * `onstatechange`, `onerror`, `onuuid`). The real client runs in Chromium (test/integration/browser/); here the adapter's
 * mapping is under test, over a real session and real sockets.
 */
import type { GuacamoleSessionTunnel, GuacamoleStatusLike } from '../../../src/guacamole-common-js/index.js';

export interface Consumer {
  readonly tunnel: GuacamoleSessionTunnel;
  readonly states: number[];
  readonly errors: GuacamoleStatusLike[];
  readonly uuids: string[];
  readonly instructions: [string, ...string[]][];
  /** Every callback in order, for ordering checks. */
  readonly log: string[];
}

export function consume(tunnel: GuacamoleSessionTunnel, { ackSync = true } = {}): Consumer {
  const consumer: Consumer = { tunnel, states: [], errors: [], uuids: [], instructions: [], log: [] };
  let lastAck: string | null = null;
  tunnel.oninstruction = (opcode, args) => {
    consumer.instructions.push([opcode, ...args]);
    consumer.log.push(`instruction ${opcode}`);
    if (opcode === 'sync' && ackSync && args[0] !== lastAck) {
      lastAck = args[0]!;
      tunnel.sendMessage('sync', Number(args[0]));
    }
  };
  tunnel.onstatechange = (state) => {
    consumer.states.push(state);
    consumer.log.push(`state ${state}`);
  };
  tunnel.onerror = (status) => {
    consumer.errors.push(status);
    consumer.log.push(`error ${status.code}`);
  };
  tunnel.onuuid = (uuid) => {
    consumer.uuids.push(uuid);
    consumer.log.push(`uuid ${uuid}`);
  };
  return consumer;
}
