/**
 * The vocabulary every layer of the SDK shares (docs/outcomes.md: spaces, phases, outcomes).
 * Catalogs are data of these types; `classify` turns raw signals into a `Classification`.
 */

/** Protocols with a lifecycle profile. */
export const PROTOCOLS = ['guacamole', 'msra', 'frame', 'softdrive'] as const;
export type ProtocolId = (typeof PROTOCOLS)[number];

/** Gateways that can sit in front of any protocol. */
export const GATEWAYS = ['tmg'] as const;
export type GatewayId = (typeof GATEWAYS)[number];

/** Transport-level code spaces, shared by every protocol. */
export const TRANSPORT_SPACES = ['websocket', 'http', 'winsock', 'win32', 'errno'] as const;
export type TransportSpace = (typeof TRANSPORT_SPACES)[number];

/** Where a code comes from. */
export const CODE_SPACES = [...PROTOCOLS, ...GATEWAYS, ...TRANSPORT_SPACES] as const;
export type CodeSpace = (typeof CODE_SPACES)[number];

export const PHASES = ['pre-session', 'connect', 'handshake', 'stream', 'keepalive'] as const;
export type Phase = (typeof PHASES)[number];

/** What the client should do about a code. */
export const OUTCOMES = ['ok', 'ended', 'retry', 'retry-later', 'reauthenticate', 'user-decision', 'fatal'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes that never schedule an automatic reconnect, whatever policy is plugged in. */
export const NON_RETRYABLE_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>(['ok', 'ended', 'reauthenticate', 'user-decision', 'fatal']);

export const CATEGORIES = [
  'network', 'tls', 'auth', 'server', 'upstream', 'client', 'session', 'policy',
  'capacity', 'resource', 'user', 'media', 'internal', 'success',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A code in a space. Numbers for numeric spaces; strings for `errno` and Softdrive's unnumbered row. */
export type CodeValue = number | string;

/** Extra, space-specific facts about an entry (HTTP pairing, FRP version, TMG direction, ...). */
export type EntryDetails = Readonly<Record<string, string | number | boolean | readonly (string | number)[]>>;

/**
 * One row of a catalog. Catalog modules export `readonly CodeEntry[]`. Why an outcome was chosen is docs-only data
 * (src/docs-gen/rationales/, rendered in docs/outcomes.md), kept out of the catalogs so runtime bundles do not carry it.
 */
export interface CodeEntry {
  /** The code exactly as the vendor numbers it (unsigned for HRESULTs). */
  readonly code: CodeValue;
  /** Exact symbolic name from the vendor reference. */
  readonly name: string;
  /** Other symbolic names the vendor gives the same value (TMG "WSA_RWS_X or FWX_E_X"). */
  readonly aliases?: readonly string[];
  /** Short user-facing summary, in this project's own words. */
  readonly summary: string;
  readonly severity: Severity;
  readonly phases: readonly Phase[];
  readonly category: Category;
  readonly outcome: Outcome;
  /** Minimum wait before reconnecting; set exactly when `outcome` is `retry-later`. */
  readonly retryAfterMs?: number;
  /** What a user or admin can do about it. */
  readonly fix?: string;
  readonly details?: EntryDetails;
}

/**
 * A block of numbers that share one meaning (WebSocket 4000-4999 "private use").
 * Exact entries win over ranges. `name` describes the block.
 */
export interface CodeRange extends Omit<CodeEntry, 'code' | 'aliases'> {
  readonly from: number;
  readonly to: number;
}

/** A catalog: one code space, its entries, and notes about the source. */
export interface Catalog {
  readonly space: CodeSpace;
  readonly title: string;
  /** Where the numbers and names come from. */
  readonly source: string;
  readonly entries: readonly CodeEntry[];
  readonly ranges?: readonly CodeRange[];
  /** How codes are printed in this space (decimal, 0x hex, two-digit). */
  readonly format: 'decimal' | 'hex32' | 'two-digit' | 'string';
  /** Documented quirks of the source, kept as data. */
  readonly notes?: readonly string[];
}

/** A reference to a code in a space (the output of decoding a raw signal). */
export interface CodeRef {
  readonly space: CodeSpace;
  readonly code: CodeValue;
}

/** The answer to "what does this code mean and what should the client do?". */
export interface Classification {
  readonly space: CodeSpace;
  readonly code: CodeValue;
  readonly name: string;
  /** False for a well-formed code that no catalog lists. */
  readonly known: boolean;
  readonly summary: string;
  readonly severity: Severity;
  readonly phases: readonly Phase[];
  readonly category: Category;
  readonly outcome: Outcome;
  readonly retryAfterMs?: number;
  readonly fix?: string;
  readonly aliases?: readonly string[];
  readonly details?: EntryDetails;
  /** Free text that came with the code (a close reason, an error message), truncated and redacted. */
  readonly message?: string;
  /** The outer layer when one code travelled inside another (close 1011 carrying Guacamole 519). */
  readonly via?: Classification;
}
