/**
 * Protocol ids to profiles. Naming a protocol by id pulls in every profile; pass a Profile object
 * (`guacamoleProfile` from 'session-lifecycle/machines/guacamole') for the smallest bundle.
 */
import { SessionError, describeValue } from '../errors/index.js';
import { PROTOCOLS } from '../codes/types.js';
import type { ProtocolId } from '../codes/types.js';
import { frameProfile, guacamoleProfile, msraProfile, softdriveProfile } from '../../machines/index.js';
import type { Profile } from '../../machines/index.js';
import { isProfile } from './is-profile.js';

const BY_ID: Readonly<Record<ProtocolId, Profile>> = {
  guacamole: guacamoleProfile,
  frame: frameProfile,
  softdrive: softdriveProfile,
  msra: msraProfile,
};


/** The profile for a protocol id or Profile object, or undefined for anything else. */
export function profileFor(protocol: unknown): Profile | undefined {
  if (isProfile(protocol)) return protocol;
  if (typeof protocol === 'string' && (PROTOCOLS as readonly string[]).includes(protocol)) return BY_ID[protocol as ProtocolId];
  return undefined;
}

export function resolveProfile(protocol: unknown): Profile {
  const profile = profileFor(protocol);
  if (profile !== undefined) return profile;
  throw new SessionError(
    'SESSION_ERR_UNKNOWN_PROTOCOL',
    `protocol must be one of ${PROTOCOLS.join(', ')} or a Profile object (got ${describeValue(protocol)})`,
    { field: 'protocol', value: describeValue(protocol) },
  );
}
