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

/** Frames one profile's server sends, and its answers to the client's keep-alive traffic. */
export interface WireSpeaker {
  /** The handshake frames for the named steps (all of the profile's steps when omitted), in order. */
  handshake(steps?: readonly string[]): string[];
  status(code: number | string, message: string): string;
  end(message?: string): string;
  /** The `seq`-th data frame of a stream. */
  data(seq: number): string;
  /** The answer to one client frame, or null when it needs none. */
  answer(frame: string): string | null;
}

/** A tunnel UUID that depends only on the connection index, so runs replay exactly. */
export function tunnelIdFor(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/**
 * The timestamp of the handshake's `sync`. Fixed so that both back ends and every run send the same bytes;
 * not 0, which Guacamole.Client would never acknowledge (it starts from timestamp 0).
 */
export const HANDSHAKE_SYNC_TIMESTAMP = 1;

function createGuacamoleSpeaker(profile: Profile, index: number): WireSpeaker {
  const parser = new GuacamoleParser();
  const ids = profile.steps.map((s) => s.id);
  return {
    handshake: (steps = ids) => steps.map((id) => (id === 'tunnel' ? encodeInstruction('', tunnelIdFor(index)) : encodeInstruction('sync', HANDSHAKE_SYNC_TIMESTAMP))),
    status: (code, message) => encodeInstruction('error', message, code),
    end: () => encodeInstruction('disconnect'),
    data: (seq) => encodeInstruction('rect', 0, seq, 0, 1, 1),
    answer(frame) {
      if (parser.error !== null) return null;
      const answers: string[] = [];
      try {
        parser.receive(frame, (opcode, args) => {
          // The tunnel's ping is echoed; `nop` and the client's `sync` acknowledgement get a `nop` as proof of life.
          if (opcode === '' && args[0] === 'ping') answers.push(encodeInstruction('', ...args));
          else if (opcode === 'nop' || opcode === 'sync') answers.push(encodeInstruction('nop'));
        });
      } catch {
        // A client that breaks the format gets no more answers (the frames are still recorded).
      }
      return answers.length === 0 ? null : answers.join('');
    },
  };
}

function createEnvelopeSpeaker(profile: Profile): WireSpeaker {
  const ids = profile.steps.map((s) => s.id);
  return {
    handshake: (steps = ids) => steps.map((id) => envelope.step(id)),
    status: (code, message) => envelope.status(code, message),
    end: (message) => envelope.end(message),
    data: (seq) => envelope.data({ seq }),
    answer(frame) {
      try {
        const value: unknown = JSON.parse(frame);
        return typeof value === 'object' && value !== null && (value as { t?: unknown }).t === 'ping' ? envelope.pong() : null;
      } catch {
        return null;
      }
    },
  };
}

/** The speaker for one connection (`index` picks the Guacamole tunnel UUID). */
export function createWireSpeaker(profile: Profile, index: number): WireSpeaker {
  return profile.id === 'guacamole' ? createGuacamoleSpeaker(profile, index) : createEnvelopeSpeaker(profile);
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

/** Plays one connection script. `receive` answers keep-alives unless the script has stalled or silenced the link. */
export class ScriptRunner {
  private readonly timers = new Timers();
  private readonly speaker: WireSpeaker;
  private responsive = true;
  private seq = 0;

  constructor(
    private readonly profile: Profile,
    private readonly record: ConnectionRecord,
    private readonly peer: ScriptPeer,
    private readonly maxRecorded: number,
  ) {
    this.speaker = createWireSpeaker(profile, record.index);
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
        for (const frame of this.speaker.handshake(s.steps)) this.peer.send(frame);
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
        return this.peer.send(this.speaker.status(known.code, s.message ?? known.name));
      }
      case 'end':
        return this.peer.send(this.speaker.end(s.message));
      case 'close':
        return this.peer.close(s.code, s.reason ?? '');
      case 'drop':
        return this.peer.drop();
      case 'wait':
        await this.timers.sleep(s.ms);
        return;
    }
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
      this.peer.send(this.speaker.data(this.seq++));
    }
    const rest = start + forMs - Date.now();
    if (rest > 0) await this.timers.sleep(rest);
  }
}
