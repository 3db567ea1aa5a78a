/**
 * The protocol seed documents' code lists, as committed data: test/fixtures/vendor-codes/<space>.json,
 * extracted from ../shared/seeds (the source of truth for the catalogs) by
 * scripts/extract-vendor-codes.ts. Each file names its source document and that document's SHA-256.
 * Tests read only these files, so they run in a clone with nothing beside it.
 */
import { readFileSync } from 'node:fs';
import type {
  FrameSeedRow, GuacamoleSeedRow, MsraSeedRow, SoftdriveSeedRow,
} from '../../scripts/vendor-codes/parse-protocols.js';

export type { FrameSeedRow, GuacamoleSeedRow, MsraSeedRow, SoftdriveSeedRow };

/** Where a fixture came from: the seed document, its title and its hash when extracted. */
export interface SeedSource { document: string; title: string; sha256: string; extractedBy: string }

export type VendorCodeSpace = 'guacamole' | 'msra' | 'frame' | 'softdrive' | 'tmg';

/** Reads test/fixtures/vendor-codes/<space>.json; fails loudly if it is missing its source or rows. */
export function readVendorCodes<T>(space: VendorCodeSpace): T & { source: SeedSource } {
  const url = new URL(`../fixtures/vendor-codes/${space}.json`, import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as T & { source?: SeedSource };
  if (data.source?.document === undefined) throw new Error(`${url.pathname}: no source document named`);
  return data as T & { source: SeedSource };
}

function rowsOf<Row>(space: VendorCodeSpace): Row[] {
  const { rows } = readVendorCodes<{ rows?: Row[] }>(space);
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`vendor-codes/${space}.json has no rows`);
  return rows;
}

/** Seed 000: `519 (UPSTREAM_NOT_FOUND)` headings and their descriptions. */
export const guacamoleSeed = (): GuacamoleSeedRow[] => rowsOf('guacamole');
/** Seed 001: REMOTEDESKTOP_CTL_RESULT values, names, descriptions, unused flags, versions. */
export const msraSeed = (): MsraSeedRow[] => rowsOf('msra');
/** Seed 002: Frame codes with type, description, component and FRP versions. */
export const frameSeed = (): FrameSeedRow[] => rowsOf('frame');
/** Seed 003: Softdrive rows (the range row split in four) with phase, cause, fix and section range. */
export const softdriveSeed = (): SoftdriveSeedRow[] => rowsOf('softdrive');
