/**
 * The server side of each profile's wire, and the runner that plays a connection script on it. Both back ends
 * (the real fault server and msw `ws.link` handlers) give the runner a `ScriptPeer` and feed it what the client
 * sends; everything else (frames, keep-alive answers, timers) is shared here.
 */
import { encodeInstruction } from '../../machines/guacamole/encoder.js';
import { GuacamoleParser } from '../../machines/guacamole/parser.js';
import { envelope } from '../../machines/envelope/codec.js';
import type { Profile } from '../../machines/profile.js';
import type { FaultStep } from './script.js';
import { guacamoleLiteVocabulary } from '../codes/guacamole-lite.js';
import { describeValue, invalidOption } from '../errors/index.js';

/**
 * Which Guacamole tunnel the fault server plays (docs/gateways.md):
 * - `guacamole-client`: the Java tunnel. The first instruction carries a tunnel UUID; pings are echoed; a guacd that
 *   ends closes 1000 with reason `0`.
 * - `guacamole-lite`: the Node tunnel. The first instruction carries guacd's `$`-prefixed connection id; pings go to
 *   guacd and are not echoed (liveness comes from guacd's `sync`); its own errors carry text codes and are followed by
 *   close 1011 `Internal server error`; a guacd that ends, and a shutdown, close 1000 `Connection closed normally`.
 */
export type GuacamoleDialect = 'guacamole-client' | 'guacamole-lite';
export const GUACAMOLE_DIALECTS: readonly GuacamoleDialect[] = ['guacamole-client', 'guacamole-lite'];

export interface SpeakerOptions {
  /** Default `guacamole-client`. Only Guacamole has dialects. */
  readonly dialect?: GuacamoleDialect;
}

/** A close frame a tunnel sends. */
export interface TunnelClose {
  readonly code: number;
  readonly reason: string;
}

/** Frames one profile's server sends, and its answers to the client's keep-alive traffic. */
export interface WireSpeaker {
  /** The handshake frames for the named steps (all of the profile's steps when omitted), in order. */
  handshake(steps?: readonly string[]): string[];
  status(code: number | string, message: string): string;
  end(message?: string): string;
  /** The `seq`-th data frame of a stream. */
  data(seq: number): string;
  /** What an idle server sends about every second (guacd's `sync`), or null when the profile has nothing (or before the handshake's sync). */
  idle(): string | null;
  /** True once an idle server has something to send (Guacamole: the handshake's sync went out). */
  readonly idles: boolean;
  /** The answer to one client frame, or null when it needs none. */
  answer(frame: string): string | null;
  /** The close that follows a gateway's own error (guacamole-lite: 1011). */
  readonly errorClose: TunnelClose;
  /** The close that follows guacd's end (after `disconnect`, or when guacd is gone). */
  readonly endClose: TunnelClose;
  /** The close every client gets when the server shuts down (a restart without closeCode), or null to drop them. */
  readonly shutdownClose: TunnelClose | null;
}

/** A tunnel UUID that depends only on the connection index, so runs replay exactly. */
export function tunnelIdFor(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** guacd's connection id as guacamole-lite forwards it: `$` and a UUID (37 characters), by connection index. */
export function guacdIdFor(index: number): string {
  return `$${tunnelIdFor(index)}`;
}

/**
 * The timestamp of the handshake's `sync`. Fixed so that both back ends and every run send the same bytes;
 * not 0, which Guacamole.Client would never acknowledge (it starts from timestamp 0). Later syncs count up from it.
 */
export const HANDSHAKE_SYNC_TIMESTAMP = 1;

const LITE_INTERNAL_ERROR: TunnelClose = Object.freeze({ code: 1011, reason: 'Internal server error' });
const LITE_NORMAL: TunnelClose = Object.freeze({ code: 1000, reason: 'Connection closed normally' });
const JAVA_SUCCESS: TunnelClose = Object.freeze({ code: 1000, reason: '0' });
/** The Java tunnel closes with the status's WebSocket code and the decimal status; SERVER_ERROR is 1011 "512". */
const JAVA_SERVER_ERROR: TunnelClose = Object.freeze({ code: 1011, reason: '512' });
/**
 * A complete 1×1 PNG (one #336699 pixel), base64: what an `img` stream's `blob` carries (guacd sends PNG/JPEG/WebP).
 * Complete, so guacamole-common-js decodes it, finishes the frame and acknowledges its `sync`.
 */
const PNG_PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGMwTpsJAAICATNWh+JUAAAAAElFTkSuQmCC';

function createGuacamoleSpeaker(profile: Profile, index: number, dialect: GuacamoleDialect): WireSpeaker {
  const parser = new GuacamoleParser();
  const ids = profile.steps.map((s) => s.id);
  const lite = dialect === 'guacamole-lite';
  let timestamp = HANDSHAKE_SYNC_TIMESTAMP;
  let synced = false;
  const sync = (): string => encodeInstruction('sync', timestamp++, 0);
  /** What guacd sends for one frame of the display: an image stream (img, blob, end) at row `y`. */
  const image = (y: number): string =>
    encodeInstruction('img', 1, 14, 0, 'image/png', 0, y) + encodeInstruction('blob', 1, PNG_PIXEL) + encodeInstruction('end', 1);
  return {
    handshake: (steps = ids) =>
      steps.map((id) => {
        if (id === 'tunnel') return encodeInstruction('', lite ? guacdIdFor(index) : tunnelIdFor(index));
        // guacd's first frame: the display size, its first image, then the sync that ends the frame.
        synced = true;
        return encodeInstruction('size', 0, 1024, 768) + image(0) + sync();
      }),
    status: (code, message) => encodeInstruction('error', message, code),
    end: () => encodeInstruction('disconnect'),
    // A frame per data step, as guacd draws: an image, and the frame's sync once the display has started (a stream
    // before the handshake's sync never completes the handshake).
    data: (seq) => image(seq % 768) + (synced ? sync() : ''),
    idle: () => (synced ? sync() : null),
    get idles() {
      return synced;
    },
    answer(frame) {
      if (parser.error !== null) return null;
      const answers: string[] = [];
      try {
        parser.receive(frame, (opcode, args) => {
          // The Java tunnel echoes the tunnel's ping; `nop` and the client's `sync` acknowledgement get a `nop` as proof of
          // life. guacamole-lite forwards all of it to guacd, which answers none of it.
          if (lite) return;
          if (opcode === '' && args[0] === 'ping') answers.push(encodeInstruction('', ...args));
          else if (opcode === 'nop' || opcode === 'sync') answers.push(encodeInstruction('nop'));
        });
      } catch {
        // A client that breaks the format gets no more answers (the frames are still recorded).
      }
      return answers.length === 0 ? null : answers.join('');
    },
    errorClose: lite ? LITE_INTERNAL_ERROR : JAVA_SERVER_ERROR,
    endClose: lite ? LITE_NORMAL : JAVA_SUCCESS,
    shutdownClose: lite ? LITE_NORMAL : null,
  };
}

function createEnvelopeSpeaker(profile: Profile): WireSpeaker {
  const ids = profile.steps.map((s) => s.id);
  return {
    handshake: (steps = ids) => steps.map((id) => envelope.step(id)),
    status: (code, message) => envelope.status(code, message),
    end: (message) => envelope.end(message),
    data: (seq) => envelope.data({ seq }),
    idle: () => null,
    idles: false,
    answer(frame) {
      try {
        const value: unknown = JSON.parse(frame);
        return typeof value === 'object' && value !== null && (value as { t?: unknown }).t === 'ping' ? envelope.pong() : null;
      } catch {
        return null;
      }
    },
    errorClose: JAVA_SERVER_ERROR,
    endClose: { code: 1000, reason: '' },
    shutdownClose: null,
  };
}

/** The speaker for one connection (`index` picks the Guacamole tunnel UUID). */
export function createWireSpeaker(profile: Profile, index: number, options: SpeakerOptions = {}): WireSpeaker {
  return profile.id === 'guacamole' ? createGuacamoleSpeaker(profile, index, options.dialect ?? 'guacamole-client') : createEnvelopeSpeaker(profile);
}

/** Timers that can all be cancelled at once: `sleep` resolves false when cancelled. */
export class Timers {
  private readonly pending = new Map<ReturnType<typeof setTimeout>, (done: boolean) => void>();
  private cancelled = false;

  sleep(ms: number): Promise<boolean> {
    if (this.cancelled) return Promise.resolve(false);
    return new Promise((resolve) => {
      const id = setTimeout(() => {
        this.pending.delete(id);
        resolve(true);
      }, ms);
      this.pending.set(id, resolve);
    });
  }

  get isCancelled(): boolean {
    return this.cancelled;
  }

  cancel(): void {
    this.cancelled = true;
    for (const [id, resolve] of this.pending) {
      clearTimeout(id);
      resolve(false);
    }
    this.pending.clear();
  }
}

/** What a back end lets the runner do to one connection. */
export interface ScriptPeer {
  /** Completes the upgrade; resolves false when the socket went away first. */
  accept(): Promise<boolean>;
  /** Answers the upgrade with an HTTP status (fault server only). */
  reject(status: number, retryAfter: string | undefined): void;
  send(frame: string): void;
  close(code: number, reason: string): void;
  drop(): void;
}

/** What every client did, for assertions. */
export interface ConnectionRecord {
  readonly index: number;
  /** Request path and query, e.g. `/tunnel?token=abc`. */
  readonly path: string;
  /** Date.now() when the upgrade request arrived. */
  readonly openedAt: number;
  closedAt: number | null;
  /** The close code the server saw (the client's close frame, or 1006 when the socket just ended). */
  closeCode: number | null;
  closeReason: string;
  /** 101 once accepted, the HTTP status of a reject, null while unanswered. */
  upgradeStatus: number | null;
  /** The last `maxRecordedMessages` frames the client sent (binary frames as Uint8Array). */
  readonly received: (string | Uint8Array)[];
  receivedTotal: number;
  /** The Guacamole tunnel UUID this connection announces (null for other profiles). */
  readonly tunnelId: string | null;
  /** Steps run so far (the implicit accept included). */
  stepsRun: number;
}

export function createConnectionRecord(profile: Profile, index: number, path: string): ConnectionRecord {
  return {
    index,
    path,
    openedAt: Date.now(),
    closedAt: null,
    closeCode: null,
    closeReason: '',
    upgradeStatus: null,
    received: [],
    receivedTotal: 0,
    tunnelId: profile.id === 'guacamole' ? tunnelIdFor(index) : null,
    stepsRun: 0,
  };
}

export const RUNNER_DEFAULTS = {
  dialect: 'guacamole-client',
  /** guacd sends a `sync` about every second on an idle desktop (1,002 ms measured behind guacamole-lite). */
  idleSyncMs: 1000,
} as const;

/** Checks `dialect` and `idleSyncMs` (shared with the msw back end). */
export function checkRunnerOptions(options: { readonly protocol: unknown; readonly dialect?: unknown; readonly idleSyncMs?: unknown }): RunnerOptions {
  const dialect = options.dialect ?? RUNNER_DEFAULTS.dialect;
  const idleSyncMs = options.idleSyncMs ?? RUNNER_DEFAULTS.idleSyncMs;
  if (!(GUACAMOLE_DIALECTS as readonly unknown[]).includes(dialect)) {
    throw invalidOption('dialect', `dialect must be one of ${GUACAMOLE_DIALECTS.join(', ')} (got ${describeValue(dialect)})`, dialect);
  }
  if (dialect !== RUNNER_DEFAULTS.dialect && options.protocol !== 'guacamole' && (options.protocol as { id?: unknown } | null)?.id !== 'guacamole') {
    throw invalidOption('dialect', `dialect ${describeValue(dialect)} is a Guacamole tunnel; protocol ${describeValue(options.protocol)} has none`, dialect);
  }
  if (typeof idleSyncMs !== 'number' || !Number.isInteger(idleSyncMs) || idleSyncMs < 0 || idleSyncMs > 3_600_000) {
    throw invalidOption('idleSyncMs', `idleSyncMs must be an integer number of milliseconds from 0 (never) to 3600000 (got ${describeValue(idleSyncMs)})`, idleSyncMs);
  }
  return { dialect: dialect as GuacamoleDialect, idleSyncMs };
}

export interface RunnerOptions extends SpeakerOptions {
  /** An idle guacd sends a `sync` about this often once the display has started; 0 turns it off. Default 1000. */
  readonly idleSyncMs?: number;
}

/** Plays one connection script. `receive` answers keep-alives unless the script has stalled or silenced the link. */
export class ScriptRunner {
  private readonly timers = new Timers();
  private readonly speaker: WireSpeaker;
  private readonly idleSyncMs: number;
  private responsive = true;
  private seq = 0;
  private lastSentAt = 0;
  private idling = false;

  constructor(
    private readonly profile: Profile,
    private readonly record: ConnectionRecord,
    private readonly peer: ScriptPeer,
    private readonly maxRecorded: number,
    options: RunnerOptions = {},
  ) {
    this.speaker = createWireSpeaker(profile, record.index, options);
    this.idleSyncMs = options.idleSyncMs ?? 1000;
  }

  /** The close every client gets when the server shuts down, per dialect (null: drop them). */
  get shutdownClose(): TunnelClose | null {
    return this.speaker.shutdownClose;
  }

  async run(script: readonly FaultStep[]): Promise<void> {
    for (const s of script) {
      if (this.timers.isCancelled) return;
      await this.perform(s);
      this.record.stepsRun++;
    }
  }

  receive(frame: string | Uint8Array): void {
    const received = this.record.received;
    received.push(frame);
    if (received.length > this.maxRecorded) received.shift();
    this.record.receivedTotal++;
    if (!this.responsive || this.timers.isCancelled || typeof frame !== 'string') return;
    const reply = this.speaker.answer(frame);
    if (reply !== null) this.peer.send(reply);
  }

  /** Stops every timer; the script goes no further. */
  cancel(): void {
    this.timers.cancel();
  }

  private async perform(s: FaultStep): Promise<void> {
    if (s.do !== 'wait' && s.do !== 'stall') this.responsive = true;
    switch (s.do) {
      case 'accept':
        if (await this.peer.accept()) this.record.upgradeStatus = 101;
        else this.cancel();
        return;
      case 'reject':
        this.record.upgradeStatus = s.status;
        this.peer.reject(s.status, s.retryAfter === undefined ? undefined : String(s.retryAfter));
        return this.cancel();
      case 'handshake':
        for (const frame of this.speaker.handshake(s.steps)) this.send(frame);
        this.startIdle();
        return;
      case 'stall':
        this.responsive = false;
        return;
      case 'silence':
        this.responsive = false;
        await this.timers.sleep(s.forMs);
        this.responsive = true;
        return;
      case 'stream':
        return this.stream(s.ratePerSecond, s.forMs);
      case 'status': {
        // The catalog's own form of the code ('04' → 4), and its name when no message is given.
        const known = this.profile.own(s.code);
        return this.send(this.speaker.status(known.code, s.message ?? known.name));
      }
      case 'end':
        return this.send(this.speaker.end(s.message));
      case 'gatewayError': {
        const vocabulary = guacamoleLiteVocabulary.entries.find((entry) => entry.code === s.code);
        this.send(this.speaker.status(s.code, s.message ?? String(vocabulary?.details?.['message'] ?? s.code)));
        return this.peer.close(this.speaker.errorClose.code, this.speaker.errorClose.reason);
      }
      case 'disconnect':
        this.send(this.speaker.end());
        return this.peer.close(this.speaker.endClose.code, this.speaker.endClose.reason);
      case 'close':
        return this.peer.close(s.code, s.reason ?? '');
      case 'drop':
        return this.peer.drop();
      case 'wait':
        await this.timers.sleep(s.ms);
        return;
    }
  }

  private send(frame: string): void {
    this.lastSentAt = Date.now();
    this.peer.send(frame);
  }

  /**
   * Once the display has started, an idle guacd sends a `sync` about every second: so does the runner, whenever nothing
   * went out for `idleSyncMs` and the script has not stalled or silenced the link, until the connection ends.
   */
  private startIdle(): void {
    if (this.idling || this.idleSyncMs === 0 || !this.speaker.idles) return;
    this.idling = true;
    void (async () => {
      for (;;) {
        const dueIn = Math.max(1, this.lastSentAt + this.idleSyncMs - Date.now());
        if (!(await this.timers.sleep(this.responsive ? dueIn : this.idleSyncMs))) return;
        if (!this.responsive || Date.now() - this.lastSentAt < this.idleSyncMs) continue;
        const frame = this.speaker.idle();
        if (frame !== null) this.send(frame);
      }
    })();
  }

  /** Frame i goes out at start + i × period (drift does not accumulate); the step lasts `forMs`. */
  private async stream(ratePerSecond: number, forMs: number): Promise<void> {
    const periodMs = 1000 / ratePerSecond;
    const count = Math.floor((forMs * ratePerSecond) / 1000);
    const start = Date.now();
    for (let i = 0; i < count; i++) {
      const due = start + i * periodMs - Date.now();
      if (due > 0 && !(await this.timers.sleep(due))) return;
      if (this.timers.isCancelled) return;
      this.send(this.speaker.data(this.seq++));
    }
    const rest = start + forMs - Date.now();
    if (rest > 0) await this.timers.sleep(rest);
  }
}
