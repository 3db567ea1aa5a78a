/**
 * URLs carry tokens. Inside machine context and events they travel wrapped, so that inspector traces,
 * `JSON.stringify(snapshot)` and logs only ever see the redacted form.
 */
import { redactUrl } from '../src/errors/redact.js';

/** Where the session's URL comes from: a string, or a function called before every attempt (fresh tokens). */
export type UrlSource = string | (() => string | Promise<string>);

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The source of the URL, opaque to serialisation. */
export class SecretUrlSource {
  readonly #source: UrlSource;
  readonly #next: ResolvedUrl | null;

  /** `next`: a URL for the next attempt only (see `withNext`). */
  constructor(source: UrlSource, next: ResolvedUrl | null = null) {
    this.#source = source;
    this.#next = next;
  }

  /**
   * The same source, with `url` used for the next attempt only: a string given to `reauthenticate` while the source is
   * a function, so the attempts after it call the function again (fresh tokens) instead of replaying the string.
   */
  withNext(url: ResolvedUrl): SecretUrlSource {
    return new SecretUrlSource(this.#source, url);
  }

  /** The URL for the next attempt only, if one was given (`withNext`). */
  get next(): ResolvedUrl | null {
    return this.#next;
  }

  /** The same source without its one-shot URL (it has been used). */
  withoutNext(): SecretUrlSource {
    return this.#next === null ? this : new SecretUrlSource(this.#source);
  }

  /** Calls the function form; may throw or reject (the machine turns that into a fault). */
  resolve(): string | Promise<string> {
    return typeof this.#source === 'function' ? this.#source() : this.#source;
  }

  /** True for a string: nothing to call before an attempt. */
  get isStatic(): boolean {
    return typeof this.#source !== 'function';
  }

  /** The URL itself when the source is a string (nothing to call before an attempt); null for a function. */
  resolveNow(): ResolvedUrl | null {
    return typeof this.#source === 'function' ? null : new ResolvedUrl(this.#source);
  }

  toJSON(): string {
    return typeof this.#source === 'function' ? '[url function]' : redactUrl(this.#source);
  }

  toString(): string {
    return this.toJSON();
  }

  [INSPECT](): string {
    return `SecretUrlSource(${this.toJSON()})`;
  }
}

/** One resolved URL; `reveal()` is the only way to the raw string. */
export class ResolvedUrl {
  readonly #url: string;

  constructor(url: string) {
    this.#url = url;
  }

  reveal(): string {
    return this.#url;
  }

  toJSON(): string {
    return redactUrl(this.#url);
  }

  toString(): string {
    return this.toJSON();
  }

  [INSPECT](): string {
    return `ResolvedUrl(${this.toJSON()})`;
  }
}
