/**
 * Microsoft Remote Assistance: REMOTEDESKTOP_CTL_RESULT values reported by the host app. Steps: connect
 * (the socket; timeout → 8 SAFERROR_CONNECTIONTIMEDOUT), invitation accepted by the helpee's machine
 * (→ 8), helpee consent (→ 40 SAFERROR_HELPEENEVERRESPONDED). DNS → 6, connect failed → 9, receive failed
 * or a dropped link → 15 SAFERROR_SOCKETRECVFAILED.
 */
import { msraCatalog } from '../../src/codes/msra.js';
import { createEnvelopeCodec } from '../envelope/codec.js';
import { defineProfile } from '../define-profile.js';
import { WINDOWS_TRANSPORT_CATALOGS } from '../../src/codes/transport-catalogs.js';
import type { Profile } from '../profile.js';

export const msraProfile: Profile = defineProfile({
  id: 'msra',
  title: 'Microsoft Remote Assistance',
  catalog: msraCatalog,
  // The host app reports the Windows client's Winsock and Win32 (HRESULT) errors too.
  transports: WINDOWS_TRANSPORT_CATALOGS,
  connectTimeoutMs: 20_000,
  steps: [
    { id: 'invitation', description: "the helpee's machine accepts the invitation", timeoutMs: 20_000, timeoutCode: 8 },
    { id: 'consent', description: 'the helpee accepts remote control', timeoutMs: 120_000, timeoutCode: 40 },
  ],
  keepAlive: { intervalMs: 10_000, unstableAfterMs: 5_000, deadAfterMs: 30_000 },
  local: {
    connectFailed: 9,
    dnsFailed: 6,
    connectTimeout: 8,
    receiveTimeout: 15,
    severed: 15,
    protocolError: 32,
  },
  retry: {},
  createCodec: () => createEnvelopeCodec(),
});
