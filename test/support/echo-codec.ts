/**
 * A tiny wire codec for transport tests. Text frames are data unless they start with `!`:
 *   !step:NAME   → step       !status:CODE[:MSG] → status (numeric CODE becomes a number)
 *   !end[:MSG]   → end        !ping[:X]          → reply `!pong[:X]`
 *   !nop[:X]     → keepalive  !bad / any other ! → malformed
 * Its keep-alive frame is `!nop:NOW` (the injected clock's time).
 * Binary frames are data (as received). `!multi:A|B` emits data A then data B (one frame, two signals).
 */
import { SessionError } from '../../src/errors/index.js';
import type { WireCodec, WireFrame, WireSignal } from '../../machines/wire.js';

export interface EchoCodec extends WireCodec {
  /** How many times `reset()` ran. */
  readonly resets: number;
}

export function createEchoCodec(): EchoCodec {
  let resets = 0;
  return {
    get resets() {
      return resets;
    },
    reset() {
      resets += 1;
    },
    encode(message: unknown): WireFrame {
      if (typeof message !== 'string') throw new SessionError('SESSION_ERR_PROTOCOL', 'echo codec encodes strings only');
      return message;
    },
    keepAliveFrame: (now: number) => `!nop:${now}`,
    decode(frame: WireFrame, emit: (signal: WireSignal) => void): void {
      if (typeof frame !== 'string') {
        emit({ kind: 'data', data: frame });
        return;
      }
      if (!frame.startsWith('!')) {
        emit({ kind: 'data', data: frame });
        return;
      }
      const [verb = '', ...rest] = frame.slice(1).split(':');
      const arg = rest.join(':');
      switch (verb) {
        case 'step':
          emit({ kind: 'step', step: arg });
          return;
        case 'status': {
          const [code = '', ...message] = arg.split(':');
          const value = /^\d+$/.test(code) ? Number(code) : code;
          emit(message.length > 0 ? { kind: 'status', code: value, message: message.join(':') } : { kind: 'status', code: value });
          return;
        }
        case 'end':
          emit(arg === '' ? { kind: 'end' } : { kind: 'end', message: arg });
          return;
        case 'ping':
          emit({ kind: 'reply', frame: arg === '' ? '!pong' : `!pong:${arg}` });
          return;
        case 'nop':
          emit({ kind: 'keepalive' });
          return;
        case 'multi':
          for (const part of arg.split('|')) emit({ kind: 'data', data: part });
          return;
        default:
          emit({ kind: 'malformed', error: new SessionError('SESSION_ERR_PROTOCOL', `unknown echo verb ${verb}`) });
      }
    },
  };
}
