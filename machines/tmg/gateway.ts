/**
 * The Forefront TMG gateway layer: stack it on any profile so TMG result codes (web-proxy 122xx/123xx,
 * HTTP, Winsock and Win32 by TMG's range rule, FWX_E_ HRESULTs) classify inside that profile's session.
 */
import { tmgCatalog, tmgResultSpace } from '../../src/codes/tmg.js';
import { defineProfile } from '../define-profile.js';
import type { Profile } from '../profile.js';

export function withTmgGateway(profile: Profile): Profile {
  const { classify: _classify, own: _own, gateway: _gateway, ...data } = profile;
  return defineProfile(data, { id: 'tmg', catalog: tmgCatalog, resultSpace: tmgResultSpace });
}
