/**
 * Builds a Profile from its data. The classifier covers only the profile's own catalog, the transport
 * catalogs and (when stacked) the gateway's, so importing one profile does not pull in the others' codes.
 * Which transport catalogs depends on the platform the bundle is built for (`BASE_TRANSPORT_CATALOGS`): a browser
 * bundle's profiles carry no Node errno catalog.
 */
import { createClassifier } from '../src/classify/create-classifier.js';
import type { TmgResultSpace } from '../src/classify/create-classifier.js';
import type { Catalog, CodeValue, ProtocolId } from '../src/codes/types.js';
import { BASE_TRANSPORT_CATALOGS } from '../src/codes/transport-catalogs.js';
import { TRANSPORT_SPACES } from '../src/codes/types.js';
import type { Profile } from './profile.js';

export type ProfileData = Omit<Profile, 'classify' | 'own' | 'gateway'> & { readonly id: ProtocolId; readonly catalog: Catalog };

export interface GatewayLayer {
  readonly id: 'tmg';
  readonly catalog: Catalog;
  readonly resultSpace: TmgResultSpace;
  /** Transport catalogs the gateway's codes need (TMG: Winsock and Win32). */
  readonly transports: readonly Catalog[];
}

export function defineProfile(data: ProfileData, gateway?: GatewayLayer): Profile {
  const classifier = createClassifier({
    protocols: [data.catalog],
    ...(gateway === undefined ? {} : { gateways: [gateway.catalog], tmgResultSpace: gateway.resultSpace }),
    transports: transportsOf(data, gateway),
  });
  const options = gateway === undefined ? {} : { gateway: gateway.id };
  const own = (code: CodeValue) => classifier.lookup(data.id, code) ?? classifier.classify(data.id, code, options);
  for (const code of localCodes(data)) {
    if (classifier.lookup(data.id, code) === undefined) {
      throw new Error(`profile ${data.id}: local code ${String(code)} is not in the ${data.id} catalog`);
    }
  }
  return Object.freeze({
    ...data,
    ...(gateway === undefined ? {} : { gateway: gateway.id }),
    classify: (signal, context) => classifier.classify(data.id, signal, { ...options, now: () => context.now }),
    own,
  } satisfies Profile);
}

/**
 * The transport catalogs a profile's classifier knows: the base ones and those the profile or its gateway can receive
 * (`Profile.transports`), in the one search order every classifier uses. The base ones are WebSocket and HTTP
 * everywhere, plus Node errno in Node only: they come from `#platform-catalogs` (src/codes/transport-catalogs.ts),
 * which a bundle built for the browser (the "browser" condition: esbuild `platform: 'browser'`, Vite, webpack)
 * resolves to its errno-free variant, since a browser's WebSocket never reports a Node error code. In a browser bundle
 * a profile therefore reads an Error carrying an errno code as `known: false` and refuses a bare errno name
 * (SESSION_ERR_INVALID_CODE); `classify('errno', …)` from the main entry still knows them all.
 */
function transportsOf(data: ProfileData, gateway: GatewayLayer | undefined): Catalog[] {
  const wanted = new Set([...BASE_TRANSPORT_CATALOGS, ...(data.transports ?? []), ...(gateway?.transports ?? [])]);
  const order = (catalog: Catalog) => (TRANSPORT_SPACES as readonly string[]).indexOf(catalog.space);
  return [...wanted].sort((a, b) => order(a) - order(b));
}

function localCodes(data: ProfileData): CodeValue[] {
  const codes = Object.values(data.local).filter((code): code is CodeValue => code !== undefined);
  return [...codes, ...data.steps.map((step) => step.timeoutCode)];
}
