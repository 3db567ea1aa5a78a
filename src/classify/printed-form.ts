/**
 * Checks what the vendor documents print next to a code ("519 (UPSTREAM_NOT_FOUND)", "12204/ 12304",
 * "WSA_RWS_TIMEOUT or FWX_E_TIMEOUT") against the classification the code resolved to.
 */
import type { Classification } from '../codes/types.js';
import type { ParsedCode } from './signal.js';

/** A code printed with more than itself (a name, a second number or name): it asserts one entry, so no match is an error. */
export function isDecorated(code: ParsedCode): boolean {
  return code.kind === 'number' ? code.label !== undefined || code.also !== undefined : code.or !== undefined;
}

const normalizeName = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Whether what was printed with a code agrees with the catalog: a name printed with a number is that
 * entry's name or an alias; a second number is its pair (TMG "12204/ 12304") or the end of its range
 * (Softdrive "1001–1004"); a second name ("X or Y") is another name of the same entry.
 */
export function matchesPrinted(result: Classification, code: ParsedCode): boolean {
  const names = (): string[] => [result.name, ...(result.aliases ?? [])].map(normalizeName);
  if (code.kind === 'text') return code.or === undefined || (result.known && names().includes(normalizeName(code.or)));
  if (code.label !== undefined && !(result.known && names().includes(normalizeName(code.label)))) return false;
  if (code.also === undefined) return true;
  const details = result.details;
  return result.known && (details?.['pair'] === code.also || details?.['range'] === `${code.value}-${code.also}`);
}
