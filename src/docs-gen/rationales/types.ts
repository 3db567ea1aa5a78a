/**
 * The shape of one file of docs-only rationales (src/docs-gen/rationales/<file>.ts, beside src/codes/<file>.ts).
 * A rationale is one line on why an outcome was chosen, where it is not obvious; docs/outcomes.md renders it.
 */

/** Rationales of one catalog file, keyed as the docs generator looks them up. */
export interface Rationales {
  /** By code, as `String(code)` prints it: `ENOTFOUND`, `519`; a hex code written `0xC0040017` is the key `3221487639`. */
  readonly entries: Readonly<Record<string, string>>;
  /** By range, as `${from}-${to}` in decimal: `4000-4999`. */
  readonly ranges?: Readonly<Record<string, string>>;
}
