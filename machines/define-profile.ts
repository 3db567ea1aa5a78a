/**
 * Builds a Profile from its data. The classifier covers only the profile's own catalog, the transport
 * catalogs and (when stacked) the gateway's, so importing one profile does not pull in the others' codes.
 */
import { createClassifier } from '../src/classify/create-classifier.js';
import type { TmgResultSpace } from '../src/classify/create-classifier.js';
import type { Catalog, CodeValue, ProtocolId } from '../src/codes/types.js';
import { TRANSPORT_CATALOGS } from '../src/codes/transport-catalogs.js';
import type { Profile } from './profile.js';

export type ProfileData = Omit<Profile, 'classify' | 'own' | 'gateway'> & { readonly id: ProtocolId; readonly catalog: Catalog };

export interface GatewayLayer {
  readonly id: 'tmg';
  readonly catalog: Catalog;
  readonly resultSpace: TmgResultSpace;
}

export function defineProfile(data: ProfileData, gateway?: GatewayLayer): Profile {
  const classifier = createClassifier({
    protocols: [data.catalog],
    ...(gateway === undefined ? {} : { gateways: [gateway.catalog], tmgResultSpace: gateway.resultSpace }),
    transports: TRANSPORT_CATALOGS,
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

function localCodes(data: ProfileData): CodeValue[] {
  const codes = Object.values(data.local).filter((code): code is CodeValue => code !== undefined);
  return [...codes, ...data.steps.map((step) => step.timeoutCode)];
}
