/**
 * The Guacamole WebSocket tunnel as a WireCodec (see docs/wire.md).
 *
 * Incoming: internal instructions (opcode "") carry the tunnel UUID and `ping`; `sync` ends the handshake
 * and is acknowledged like Guacamole.Client does; `error` is a status; `disconnect` is the peer's goodbye;
 * `nop` only proves the peer is alive; everything else is application data `{ opcode, args }`.
 * A frame that breaks the format yields one `malformed` signal, after which frames are ignored until reset().
 */
import { SessionError, describeValue, invalidOption } from '../../src/errors/index.js';
import type { WireCodec, WireFrame, WireSignal } from '../wire.js';
import { encodeClientInstruction, encodeInstruction } from './encoder.js';
import { GuacamoleParser, GUACAMOLE_PARSER_DEFAULTS } from './parser.js';
import type { GuacamoleParserOptions } from './parser.js';

/** One decoded instruction, as delivered in `{ kind: 'data' }` signals. */
export interface GuacamoleInstruction {
  readonly opcode: string;
  readonly args: readonly string[];
}

export interface GuacamoleCodecOptions extends GuacamoleParserOptions {
  /** Answer each `sync` with a `sync` carrying the same timestamp (as Guacamole.Client does). */
  readonly ackSync?: boolean;
  /** Echo internal `ping` instructions the server starts (the WebSocket tunnel's stability test). */
  readonly answerPing?: boolean;
  /** How often the keep-alive includes a `nop` for guacd (Guacamole.Client's KEEP_ALIVE_FREQUENCY). */
  readonly nopIntervalMs?: number;
}

export const GUACAMOLE_CODEC_DEFAULTS = {
  ...GUACAMOLE_PARSER_DEFAULTS,
  ackSync: true,
  answerPing: true,
  nopIntervalMs: 5000,
} as const satisfies Required<GuacamoleCodecOptions>;

/** The WireCodec plus what the tunnel told us about itself. */
export interface GuacamoleWireCodec extends WireCodec {
  /** The tunnel UUID from the first internal instruction of this connection, or null before it. */
  readonly tunnelId: string | null;
  /** Whether this codec answers `sync` itself (option `ackSync`); when false, the application acknowledges each frame. */
  readonly acksSync: boolean;
}

/** The tunnel-internal opcode (Guacamole.Tunnel.INTERNAL_DATA_OPCODE). */
export const INTERNAL_OPCODE = '';

const NOP_FRAME = encodeInstruction('nop');
const DISCONNECT_FRAME = encodeInstruction('disconnect');
const KEEPALIVE: WireSignal = Object.freeze({ kind: 'keepalive' });
const END: WireSignal = Object.freeze({ kind: 'end' });
const TUNNEL_STEP: WireSignal = Object.freeze({ kind: 'step', step: 'tunnel' });
const SYNC_STEP: WireSignal = Object.freeze({ kind: 'step', step: 'sync' });
const DECIMAL = /^\d{1,20}$/;
/**
 * A gateway's text status code (guacamole-lite writes `SERVICE_UNAVAILABLE`, `INVALID_TOKEN`, …): upper-case
 * letters, digits and underscores, at most 64. Anything else in the code position is malformed.
 */
const TEXT_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
/**
 * The status a `disconnect` before the first `sync` stands for (codes/guacamole-close.ts): guacd gave up on a
 * connection it never completed (a desktop it cannot reach or sign in to), which is a failed attempt, not a goodbye.
 */
export const DISCONNECT_BEFORE_SYNC_CODE = 'DISCONNECT_WITHOUT_STATUS';
const DISCONNECT_BEFORE_SYNC: WireSignal = Object.freeze({
  kind: 'status',
  code: DISCONNECT_BEFORE_SYNC_CODE,
  message: 'disconnect before the first sync',
});
/** How many ping timestamps are remembered to recognise echoes (ours, or of our own echoes). */
const PING_MEMORY = 8;
const BOOLEAN_OPTIONS = ['ackSync', 'answerPing'] as const;
const KNOWN_OPTIONS = new Set<string>(Object.keys(GUACAMOLE_CODEC_DEFAULTS));

function protocolError(message: string, value?: unknown): SessionError {
  return new SessionError('SESSION_ERR_PROTOCOL', message, value === undefined ? {} : { value: describeValue(value) });
}


function checkOptions(options: GuacamoleCodecOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw invalidOption('options', `Guacamole codec options must be an object (got ${describeValue(options)})`, options);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) {
      throw invalidOption(key, `Unknown Guacamole codec option ${describeValue(key)} (accepted: ${[...KNOWN_OPTIONS].join(', ')})`, key);
    }
  }
  const nop = options.nopIntervalMs;
  if (nop !== undefined && (typeof nop !== 'number' || !Number.isInteger(nop) || nop < 1 || nop > 3_600_000)) {
    throw invalidOption('nopIntervalMs', `nopIntervalMs must be an integer number of milliseconds from 1 to 3600000 (got ${describeValue(nop)})`, nop);
  }
  for (const key of BOOLEAN_OPTIONS) {
    const value = options[key];
    if (value !== undefined && typeof value !== 'boolean') {
      throw invalidOption(key, `${key} must be true or false (got ${describeValue(value)})`, value);
    }
  }
}

/** Reads `{ opcode, args }` or `[opcode, ...args]`; throws SESSION_ERR_PROTOCOL for anything else. */
function toElements(message: unknown): [string, ...(string | number)[]] {
  try {
    let opcode: unknown;
    let args: unknown;
    if (Array.isArray(message)) {
      opcode = message[0];
      args = message.slice(1);
    } else if (typeof message === 'object' && message !== null) {
      opcode = (message as { opcode?: unknown }).opcode;
      args = (message as { args?: unknown }).args ?? [];
    } else {
      throw protocolError(`A Guacamole message must be { opcode, args } or [opcode, ...args] (got ${describeValue(message)})`, message);
    }
    if (typeof opcode !== 'string') throw protocolError(`A Guacamole message needs a string opcode (got ${describeValue(opcode)})`, opcode);
    if (!Array.isArray(args)) throw protocolError(`A Guacamole message's args must be an array (got ${describeValue(args)})`, args);
    return [opcode, ...(args as (string | number)[])];
  } catch (error) {
    if (error instanceof SessionError) throw error;
    throw new SessionError('SESSION_ERR_PROTOCOL', 'A Guacamole message could not be read', { cause: error });
  }
}

class GuacamoleCodec implements GuacamoleWireCodec {
  private readonly parser: GuacamoleParser;
  private readonly ackSync: boolean;
  private readonly answerPing: boolean;
  /** Made on the first binary frame: a Guacamole tunnel sends text frames, so most connections never need one. */
  private decoder: TextDecoder | null = null;
  /** A binary frame went through the streaming decoder since the last text frame (it may hold a split character). */
  private binarySeen = false;
  private emit: (signal: WireSignal) => void = noop;
  private onData: ((data: unknown) => void) | undefined = undefined;
  private broken = false;
  /** A semantic error raised inside the instruction handler (bad `error` code, bad `sync`). */
  private semanticError: SessionError | null = null;
  private tunnel: string | null = null;
  private synced = false;
  private lastAckedSync: string | null = null;
  private readonly pings: string[] = [];
  private readonly nopIntervalMs: number;
  private lastNopAt: number | null = null;
  /** A `disconnect` already went out on this connection (the app's, or the polite close's). */
  private saidGoodbye = false;
  private readonly onInstruction = (opcode: string, args: readonly string[]): void => this.handle(opcode, args);

  constructor(options: GuacamoleCodecOptions) {
    checkOptions(options);
    const { ackSync: _ack, answerPing: _ping, nopIntervalMs: _nop, ...parserOptions } = options;
    this.parser = new GuacamoleParser(parserOptions);
    this.nopIntervalMs = options.nopIntervalMs ?? GUACAMOLE_CODEC_DEFAULTS.nopIntervalMs;
    this.ackSync = options.ackSync ?? GUACAMOLE_CODEC_DEFAULTS.ackSync;
    this.answerPing = options.answerPing ?? GUACAMOLE_CODEC_DEFAULTS.answerPing;
  }

  get tunnelId(): string | null {
    return this.tunnel;
  }

  get acksSync(): boolean {
    return this.ackSync;
  }

  decode(frame: WireFrame, emit: (signal: WireSignal) => void, onData?: (data: unknown) => void): void {
    if (this.broken) return;
    let text: string;
    if (typeof frame === 'string') {
      // A text frame cannot finish a character that a binary frame began: the split bytes would be lost.
      if (this.binarySeen) {
        this.binarySeen = false;
        try {
          this.decoder!.decode();
        } catch (cause) {
          this.malformed(emit, new SessionError('SESSION_ERR_PROTOCOL', 'A text Guacamole frame arrived in the middle of a UTF-8 character split across binary frames', { cause }));
          return;
        }
      }
      text = frame;
    } else {
      this.binarySeen = true;
      try {
        text = (this.decoder ??= new TextDecoder('utf-8', { fatal: true })).decode(frame, { stream: true });
      } catch (cause) {
        this.malformed(emit, new SessionError('SESSION_ERR_PROTOCOL', 'A binary Guacamole frame is not valid UTF-8', { cause }));
        return;
      }
    }
    this.emit = emit;
    this.onData = onData;
    try {
      this.parser.receive(text, this.onInstruction);
    } catch (error) {
      // Only the parser's own errors and our semantic ones are malformed input; a throwing `emit` is the caller's.
      if (error !== this.parser.error && error !== this.semanticError) throw error;
      this.malformed(emit, error as SessionError);
    } finally {
      this.emit = noop;
      this.onData = undefined;
    }
  }

  /** Throws SESSION_ERR_PROTOCOL for a message over guacd's limits (GUACAMOLE_SEND_LIMITS), so session.send sends nothing. */
  encode(message: unknown): WireFrame {
    const [opcode, ...args] = toElements(message);
    const frame = encodeClientInstruction(opcode, args);
    if (opcode === INTERNAL_OPCODE && args[0] === 'ping' && args[1] !== undefined) this.remember(String(args[1]));
    // The app (or Guacamole.Client over the adapter) said goodbye itself: the close sends no second one.
    if (opcode === 'disconnect') this.saidGoodbye = true;
    return frame;
  }

  /** `disconnect`, once per connection: guacd ends the connection on it, as after Guacamole.Client.disconnect(). */
  goodbyeFrame(): WireFrame | null {
    if (this.saidGoodbye) return null;
    this.saidGoodbye = true;
    return DISCONNECT_FRAME;
  }

  /**
   * Guacamole keeps two keep-alives, as guacamole-common-js does: the tunnel's stability ping (the server
   * echoes it, so a healthy idle link is never silent for long) on every call, and a `nop` to guacd once
   * `nopIntervalMs` has passed since the last one.
   */
  keepAliveFrame(now: number): WireFrame {
    const timestamp = String(Math.max(0, Math.floor(now)));
    this.remember(timestamp);
    const ping = encodeInstruction(INTERNAL_OPCODE, 'ping', timestamp);
    if (this.lastNopAt !== null && now - this.lastNopAt < this.nopIntervalMs) return ping;
    this.lastNopAt = now;
    return NOP_FRAME + ping;
  }

  toJSON(): string {
    return `[Guacamole codec${this.tunnel === null ? '' : ` tunnel ${this.tunnel}`}]`;
  }

  reset(): void {
    this.parser.reset();
    this.decoder = null;
    this.binarySeen = false;
    this.broken = false;
    this.semanticError = null;
    this.tunnel = null;
    this.synced = false;
    this.lastAckedSync = null;
    this.pings.length = 0;
    this.lastNopAt = null;
    this.saidGoodbye = false;
  }

  private malformed(emit: (signal: WireSignal) => void, error: SessionError): void {
    this.broken = true;
    emit({ kind: 'malformed', error });
  }

  private reject(message: string, value: unknown): never {
    this.semanticError = protocolError(message, value);
    throw this.semanticError;
  }

  private remember(timestamp: string): void {
    this.pings.push(timestamp);
    if (this.pings.length > PING_MEMORY) this.pings.shift();
  }

  private handle(opcode: string, args: readonly string[]): void {
    const emit = this.emit;
    switch (opcode) {
      case INTERNAL_OPCODE:
        return this.handleInternal(args);
      case 'nop':
        return emit(KEEPALIVE);
      case 'disconnect':
        // Before the display streamed, guacd's goodbye is a failed connection (guacd 1.5 sends its 519 or 769 only to
        // users that finished joining, so an unreachable desktop or a wrong password arrives as a bare disconnect).
        return emit(this.synced ? END : DISCONNECT_BEFORE_SYNC);
      case 'error': {
        const message = args[0];
        const code = args[1];
        if (message === undefined || code === undefined) this.reject('A Guacamole error instruction needs a message and a status code', args.length);
        // guacamole-client sends decimal statuses; guacamole-lite writes its own errors with text codes.
        if (TEXT_CODE.test(code)) return emit({ kind: 'status', code, message });
        if (!DECIMAL.test(code)) this.reject(`A Guacamole error instruction has a status code that is neither decimal nor a text code ${describeValue(code)}`, code);
        return emit({ kind: 'status', code: Number(code), message });
      }
      case 'sync': {
        const timestamp = args[0];
        if (timestamp === undefined || !DECIMAL.test(timestamp)) {
          this.reject(`A Guacamole sync instruction has no numeric timestamp (got ${describeValue(timestamp)})`, timestamp);
        }
        if (!this.synced) {
          this.synced = true;
          emit(SYNC_STEP);
        }
        this.deliver({ opcode, args });
        // Guacamole.Client answers a timestamp once, even if the server repeats it.
        if (this.ackSync && timestamp !== this.lastAckedSync) {
          this.lastAckedSync = timestamp;
          emit({ kind: 'reply', frame: encodeInstruction('sync', timestamp) });
        }
        return;
      }
      default:
        return this.deliver({ opcode, args });
    }
  }

  private deliver(instruction: GuacamoleInstruction): void {
    if (this.onData === undefined) this.emit({ kind: 'data', data: instruction });
    else this.onData(instruction);
  }

  private handleInternal(args: readonly string[]): void {
    const emit = this.emit;
    const first = args[0];
    if (first === 'ping') {
      emit(KEEPALIVE);
      const timestamp = args[1] ?? '';
      // An echo of a ping we sent (or of our own echo) is only proof of life; answering it would loop.
      const known = this.pings.indexOf(timestamp);
      if (known !== -1) this.pings.splice(known, 1);
      else if (this.answerPing) {
        this.remember(timestamp);
        emit({ kind: 'reply', frame: encodeInstruction(INTERNAL_OPCODE, ...args) });
      }
      return;
    }
    if (this.tunnel === null && args.length === 1 && first !== undefined && first !== '') {
      this.tunnel = first;
      return emit(TUNNEL_STEP);
    }
    emit(KEEPALIVE);
  }
}

function noop(): void {}

/** A fresh Guacamole codec (one per session; the transport calls reset() for every connection). */
export function createGuacamoleCodec(options: GuacamoleCodecOptions = {}): GuacamoleWireCodec {
  return new GuacamoleCodec(options);
}
