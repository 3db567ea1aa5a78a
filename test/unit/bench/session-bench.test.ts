/** The session benchmark's section reads its own figures, the partysocket comparison (issue 14) included. */
import { describe, expect, it } from 'vitest';
import { renderSessionSection, SESSION_BENCH } from '../../../bench/session.bench.js';
import type { BundleResult, Figure } from '../../../bench/session.bench.js';

type SessionBenchResult = Parameters<typeof renderSessionSection>[0];

const fig = (value: number, baseline: number): Figure => ({ value, baseline, ratio: value / baseline });
const bundle: BundleResult = {
  code: '', minBytes: 1024, gzipBytes: 512,
  markers: { msra: false, tmg: false, softdrive: false, frame: false, guacamole: true },
};

/** Figures as a run reports them; the session reconnects in 0.6 ms, partysocket in `partysocketMs`. */
function result(partysocketMs: number): SessionBenchResult {
  return {
    throughput: { standard: fig(1_000, 1_000), parsed: fig(1_000, 1_100), unparsed: fig(1_000, 4_000) },
    reconnect: {
      standard: fig(0.6, 0.3), loop: fig(0.6, 0.3), timer: fig(0.6, 1.45), floor: fig(0.45, 0.3), overFloor: fig(0.6, 0.45),
      partysocket: fig(0.6, partysocketMs), rws: fig(0.6, 1.5),
    },
    peerVersions: { partysocket: '1.3.0', 'reconnecting-websocket': '4.4.0' },
    bundles: { session: bundle, sessionAnyProtocol: bundle, profile: bundle, xstate: bundle, eventemitter3: bundle },
  };
}

describe('session bench', () => {
  it('renders the partysocket row with its ratio and the ≤ 1× target met when the session is faster', () => {
    const section = renderSessionSection(result(1.5));
    expect(SESSION_BENCH.targetPeerReconnectRatio).toBe(1);
    expect(section).toContain('| reconnect vs partysocket at zero delay | 0.60 ms | 1.50 ms (partysocket 1.3.0 over ws, min/maxReconnectionDelay 0; usable at its `open`) | 0.40× | ≤ 1× (met) |');
    expect(section).toContain('Against partysocket at zero delay (issue 14: ≤ 1×) the session takes 0.40× its time (0.60 ms vs 1.50 ms), met;');
    expect(section).toContain('(partysocket takes 0.05 ms more than the raw client deferring its reconnect by one `setTimeout(0)`, 1.45 ms)');
  });

  it('reports the partysocket target MISSED when the session is slower', () => {
    const section = renderSessionSection(result(0.5));
    expect(section).toContain('| 1.20× | ≤ 1× (MISSED) |');
    expect(section).toContain('the session takes 1.20× its time (0.60 ms vs 0.50 ms), MISSED;');
    expect(section).toContain('(partysocket takes 0.95 ms less than the raw client');
  });

  it('renders reconnecting-websocket for information, without a target', () => {
    const section = renderSessionSection(result(1.5));
    expect(section).toContain('| reconnect, for information | 0.60 ms | 1.50 ms (reconnecting-websocket 4.4.0 over ws, min/maxReconnectionDelay 0; usable at its `open`) | 0.40× | — |');
    expect(section).toContain('Against reconnecting-websocket, configured alike, the session takes 0.40× its time.');
  });

  it('keeps the existing reconnect target at 1.2× against the raw standard-API client', () => {
    const section = renderSessionSection(result(1.5));
    expect(section).toContain('| reconnect: server drop → next ready | 0.60 ms | 0.30 ms (raw WebSocket, standard API, reconnects in its close handler) | 2.00× | ≤ 1.2× (MISSED) |');
    expect(section).toContain('| frames/s received (Guacamole instructions decoded) | 1,000 | 1,000 (raw WebSocket, standard API, + GuacamoleParser) | 1.00× | ≥ 0.9× (met) |');
  });
});
