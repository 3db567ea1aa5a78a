/**
 * Nutanix Frame (FRP 7 over WebSocket; FRP 8 adds signalling and WebRTC ICE steps). Close codes 4000-4999
 * decode directly into the Frame catalog; the Terminal-side conditions the client detects itself are
 * reported in Frame's own codes: connect timeout 4101, severed 4102, reconnecting 4103 (info),
 * reconnect failed 4106, signalling peer timeout 4107, WebRTC negotiation timeout 5007.
 */
import { frameCatalog } from '../../src/codes/frame.js';
import { SessionError, describeValue } from '../../src/errors/index.js';
import { createEnvelopeCodec } from '../envelope/codec.js';
import { defineProfile } from '../define-profile.js';
import type { HandshakeStep, Profile } from '../profile.js';

const FRP8_STEPS: readonly HandshakeStep[] = [
  { id: 'signalling', description: 'the signalling server hands over the server peer id', timeoutMs: 15_000, timeoutCode: 4107 },
  { id: 'ice', description: 'WebRTC ICE negotiation completes', timeoutMs: 20_000, timeoutCode: 5007 },
];

export interface FrameProfileOptions {
  /** FRP version: 7 (WebSocket only) or 8 (signalling + WebRTC). Default 8. */
  readonly frp?: 7 | 8;
}

export function createFrameProfile(options: FrameProfileOptions = {}): Profile {
  const frp = options.frp ?? 8;
  if (frp !== 7 && frp !== 8) {
    throw new SessionError('SESSION_ERR_INVALID_OPTION', `frp must be 7 or 8 (got ${describeValue(frp)})`, { field: 'frp', value: describeValue(frp) });
  }
  return defineProfile({
    id: 'frame',
    title: `Nutanix Frame (FRP ${frp})`,
    catalog: frameCatalog,
    connectTimeoutMs: 20_000,
    steps: frp === 8 ? FRP8_STEPS : [],
    keepAlive: { intervalMs: 10_000, unstableAfterMs: 5_000, deadAfterMs: 30_000 },
    local: {
      connectFailed: 4101,
      connectTimeout: 4101,
      receiveTimeout: 4102,
      severed: 4102,
      protocolError: 4002,
      reconnecting: 4103,
      reconnectFailed: 4106,
    },
    retry: {},
    createCodec: () => createEnvelopeCodec(),
  });
}

export const frameProfile: Profile = createFrameProfile();
