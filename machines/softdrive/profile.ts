/**
 * Softdrive: a closed protocol whose client reports codes to the host app, which feeds them in with
 * `session.report`. The reference adapter speaks the JSON envelope. Steps follow the seed's phases:
 * TLS (timeout → 02 TLSHandshakeTimeout), handshake (→ 03 HandshakeTimeout), session settings
 * (→ 09 SessionSettingsTimeout); missed heartbeats → 04 KeepAliveTimeout; TCP connect failed → 11,
 * TCP drop → 12, unreachable host → 18.
 */
import { softdriveCatalog } from '../../src/codes/softdrive.js';
import { createEnvelopeCodec } from '../envelope/codec.js';
import { defineProfile } from '../define-profile.js';
import { WINDOWS_TRANSPORT_CATALOGS } from '../../src/codes/transport-catalogs.js';
import type { Profile } from '../profile.js';

export const softdriveProfile: Profile = defineProfile({
  id: 'softdrive',
  title: 'Softdrive',
  catalog: softdriveCatalog,
  // The host app reports the Windows client's Winsock and Win32 (HRESULT) errors too.
  transports: WINDOWS_TRANSPORT_CATALOGS,
  connectTimeoutMs: 15_000,
  steps: [
    { id: 'tls', description: 'TLS negotiation', timeoutMs: 10_000, timeoutCode: 2 },
    { id: 'handshake', description: 'session handshake', timeoutMs: 15_000, timeoutCode: 3 },
    { id: 'settings', description: 'session settings applied', timeoutMs: 30_000, timeoutCode: 9 },
  ],
  keepAlive: { intervalMs: 5_000, unstableAfterMs: 5_000, deadAfterMs: 15_000 },
  local: {
    connectFailed: 11,
    dnsFailed: 18,
    connectTimeout: 11,
    receiveTimeout: 4,
    severed: 12,
    protocolError: 7,
  },
  retry: {},
  createCodec: () => createEnvelopeCodec(),
});
