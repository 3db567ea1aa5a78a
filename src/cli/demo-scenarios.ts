/**
 * The demo's scripted outages, per protocol: what the embedded fault server does on each connection, and
 * what the demo driver does around it (a server restart, the user's answer to a question).
 */
import type { ProtocolId } from '../codes/types.js';
import { step } from '../testing/index.js';
import type { FaultStep } from '../testing/index.js';

export interface DemoScenario {
  readonly name: string;
  readonly description: string;
  /** Script per connection; connections past the end repeat the last one. */
  scripts(protocol: ProtocolId): readonly (readonly FaultStep[])[];
  /** Restart the server (down for `downMs`, clients closed with 1012) once this many sessions were ready. */
  readonly restartAfterReady?: { readonly ready: number; readonly afterMs: number; readonly downMs: number };
  /** How the demo user answers `needs-decision`. */
  readonly decision?: 'takeOver' | 'cancel';
}

/** A credential failure in each protocol's own terms (Frame has none of its own: the gateway answers 401). */
function authFailure(protocol: ProtocolId): FaultStep[] {
  switch (protocol) {
    case 'guacamole':
      return [step.handshake(), step.stream(10, 600), step.status(769, 'invalid credentials')];
    case 'softdrive':
      return [step.handshake(), step.stream(10, 600), step.status(15, 'token expired')];
    case 'msra':
      return [step.handshake(), step.stream(10, 600), step.status(26, 'invalid password')];
    case 'frame':
      return [step.reject(401)];
  }
}

function conflict(protocol: ProtocolId): FaultStep[] {
  const code = { guacamole: 521, softdrive: 10, msra: 37, frame: 4006 }[protocol];
  return protocol === 'frame' ? [step.handshake(), step.stream(10, 600), step.close(code, 'already in another session')] : [step.handshake(), step.stream(10, 600), step.status(code)];
}

export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    name: 'tour',
    description: 'connect, handshake, stream, an unstable link, a drop, a server restart, then an auth failure that stops retrying',
    scripts: (protocol) => [
      [step.handshake(), step.stream(10, 1200), step.silence(1400), step.stream(10, 800), step.drop()],
      [step.handshake(), step.stream(10, 5000)],
      authFailure(protocol),
    ],
    restartAfterReady: { ready: 2, afterMs: 1200, downMs: 1500 },
  },
  {
    name: 'flap',
    description: 'a link that drops right after every handshake until the retry limit is reached',
    scripts: () => [[step.handshake(), step.stream(10, 300), step.drop()]],
  },
  {
    name: 'conflict',
    description: 'another session holds the seat: the user takes over once, then gives up the second time',
    scripts: (protocol) => [conflict(protocol), conflict(protocol), conflict(protocol)],
    decision: 'takeOver',
  },
];

export function findScenario(name: string): DemoScenario | undefined {
  return DEMO_SCENARIOS.find((scenario) => scenario.name === name);
}
