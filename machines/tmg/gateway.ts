/**
 * The Forefront TMG gateway layer: stack it on any profile so TMG result codes (web-proxy 122xx/123xx,
 * HTTP, Winsock and Win32 by TMG's range rule, FWX_E_ HRESULTs) classify inside that profile's session.
 */
import { tmgCatalog, tmgResultSpace } from '../../src/codes/tmg.js';
import { WINDOWS_TRANSPORT_CATALOGS } from '../../src/codes/transport-catalogs.js';
import { defineProfile } from '../define-profile.js';
import type { Profile } from '../profile.js';

/** Stacked profiles by the profile they stack on. */
const stackedProfiles = /* @__PURE__ */ new WeakMap<Profile, Profile>();

export function withTmgGateway(profile: Profile): Profile {
  // The same stacked profile for the same profile: sessions of one profile share one machine (sessionMachineFor).
  let stacked = stackedProfiles.get(profile);
  if (stacked === undefined) {
    const { classify: _classify, own: _own, gateway: _gateway, ...data } = profile;
    stacked = defineProfile(data, { id: 'tmg', catalog: tmgCatalog, resultSpace: tmgResultSpace, transports: WINDOWS_TRANSPORT_CATALOGS });
    stackedProfiles.set(profile, stacked);
  }
  return stacked;
}
