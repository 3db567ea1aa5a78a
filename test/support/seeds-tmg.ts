/**
 * The Forefront TMG seed's two tables and range rule, as committed data:
 * test/fixtures/vendor-codes/tmg.json, extracted from ../shared/seeds/004_*.txt by
 * scripts/extract-vendor-codes.ts (whose parser, scripts/vendor-codes/parse-tmg.ts, has its own test).
 */
import type { TmgSeed } from '../../scripts/vendor-codes/parse-tmg.js';
import { readVendorCodes } from './seeds.js';

export type { TmgFirewallRow, TmgSeed, TmgSeedRangeRule, TmgWebProxyRow } from '../../scripts/vendor-codes/parse-tmg.js';

/** The TMG seed's web-proxy rows, firewall rows and range rule. */
export function tmgSeed(): TmgSeed {
  const data = readVendorCodes<TmgSeed>('tmg');
  if (!Array.isArray(data.webProxy) || !Array.isArray(data.firewall) || data.rule === undefined) {
    throw new Error('vendor-codes/tmg.json lacks webProxy, firewall or rule');
  }
  return data;
}
