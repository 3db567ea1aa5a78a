/**
 * A protocol profile: data plus small pure functions. The lifecycle machine is shared; a profile says
 * how its wire is decoded, which handshake steps it has (each with a timeout and the protocol's own code
 * for that timeout), its keep-alive defaults, and which of its own codes stand for conditions the client
 * detects itself (so a Frame user sees 4101, not "timeout").
 */
import type { Catalog, Classification, CodeValue, ProtocolId } from '../src/codes/types.js';
import type { ClassifySignal } from '../src/classify/index.js';
import type { RetryOptions } from '../src/policy/index.js';
import type { WireCodec } from './wire.js';

export interface HandshakeStep {
  /** The step's name; the codec (or the app, via `step.done`) reports it when the step completes. */
  readonly id: string;
  readonly description: string;
  readonly timeoutMs: number;
  /** The protocol's own code for "this step timed out". */
  readonly timeoutCode: CodeValue;
}

export interface KeepAliveSettings {
  /**
   * How often the client sends its keep-alive frame: after this long without incoming data when the machine sends it,
   * every this long while the socket is open when the transport does (`Profile.keepAliveSender`).
   */
  readonly intervalMs: number;
  /** Without any incoming data for this long, the link is reported unstable. */
  readonly unstableAfterMs: number;
  /** Without any incoming data for this long, the peer is declared dead and the socket dropped. */
  readonly deadAfterMs: number;
}

export type KeepAliveSender = 'machine' | 'transport';

/** The protocol's own codes for conditions the client detects itself. */
export interface LocalCodes {
  /** The socket could not be opened (refused, unreachable). */
  readonly connectFailed: CodeValue;
  /** The host name did not resolve, where the protocol has its own code for it (MS-RA 6, Softdrive 18). */
  readonly dnsFailed?: CodeValue;
  /** The socket did not open within `connectMs`. */
  readonly connectTimeout: CodeValue;
  /** Keep-alive declared the peer dead. */
  readonly receiveTimeout: CodeValue;
  /** An open link dropped without a protocol status (abnormal close, reset). */
  readonly severed: CodeValue;
  /** The peer sent frames that break the wire format or its size limits. */
  readonly protocolError: CodeValue;
  /** Informational code reported while reconnecting, where the protocol has one (Frame 4103). */
  readonly reconnecting?: CodeValue;
  /** The code reported when reconnecting has been given up, where the protocol has one (Frame 4106). */
  readonly reconnectFailed?: CodeValue;
}

export interface ClassifyContext {
  /** The injected clock, for HTTP-date Retry-After values. */
  readonly now: number;
}

export interface Profile {
  readonly id: ProtocolId;
  readonly title: string;
  /** The protocol's own catalog. */
  readonly catalog: Catalog;
  /**
   * Transport catalogs this protocol can receive beyond the ones every profile knows (WebSocket and HTTP, and Node
   * errno in Node: a bundle built for the browser leaves errno out, `defineProfile`): Winsock and Win32 for protocols
   * whose host app reports Windows codes. What a profile leaves out, its bundle does not carry.
   */
  readonly transports?: readonly Catalog[];
  /** Gateway stacked in front of the protocol, if any (`withGateway`). */
  readonly gateway?: 'tmg';
  readonly connectTimeoutMs: number;
  readonly steps: readonly HandshakeStep[];
  readonly keepAlive: KeepAliveSettings;
  /**
   * Who sends the keep-alive frame (`codec.keepAliveFrame`); the machine alone watches the silence either way.
   * - `machine` (the default): the machine, once `keepAlive.intervalMs` has passed without incoming data: a probe of a
   *   quiet link, itself a timer of the statechart.
   * - `transport`: the transport, every `keepAlive.intervalMs` from open to close whatever the traffic, on the
   *   injected clock: a fixed cadence owned by the tunnel, as Guacamole's WebSocketTunnel pings every 500 ms.
   */
  readonly keepAliveSender?: KeepAliveSender;
  readonly local: LocalCodes;
  /** The profile's policy defaults, applied under the user's `retry` options. */
  readonly retry: RetryOptions;
  /** A fresh codec for one connection. */
  createCodec(): WireCodec;
  /** Classify any signal in this profile's spaces (its own, the gateway's, the transports'). */
  classify(signal: ClassifySignal, context: ClassifyContext): Classification;
  /** Classify one of this profile's own codes (a local condition); never unknown for codes in `local` and `steps`. */
  own(code: CodeValue): Classification;
}
