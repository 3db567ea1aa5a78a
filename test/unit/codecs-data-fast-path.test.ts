import { describe, expect, it } from 'vitest';
import { createGuacamoleCodec, encodeInstruction } from '../../machines/guacamole/index.js';
import { createEnvelopeCodec } from '../../machines/envelope/codec.js';
import type { WireCodec, WireFrame, WireSignal } from '../../machines/wire.js';

/** Runs frames through a codec both ways and returns the interleaved sequence of what came out. */
function run(make: () => WireCodec, frames: readonly WireFrame[], fast: boolean): unknown[] {
  const codec = make();
  const out: unknown[] = [];
  const emit = (signal: WireSignal) => out.push(signal.kind === 'data' ? { data: signal.data } : signal);
  for (const frame of frames) {
    if (fast) codec.decode(frame, emit, (data) => out.push({ data }));
    else codec.decode(frame, emit);
  }
  return out;
}

describe('the codecs\' onData fast path', () => {
  it('Guacamole: delivers the same data, in the same order relative to steps, replies and status, without data signals', () => {
    const frames = [
      encodeInstruction('', 'tunnel-uuid'),
      encodeInstruction('size', '0', '1024', '768') + encodeInstruction('sync', '42'),
      encodeInstruction('rect', '0', '1', '2', '3', '4') + encodeInstruction('nop') + encodeInstruction('error', 'busy', '513'),
    ];
    const slow = run(() => createGuacamoleCodec(), frames, false);
    const fast = run(() => createGuacamoleCodec(), frames, true);
    expect(fast).toEqual(slow);
    expect(fast.filter((x) => (x as { data?: unknown }).data !== undefined)).toHaveLength(3);
  });

  it('envelope: delivers JSON data and binary frames the same way', () => {
    const frames = ['{"t":"step","step":"tls"}', '{"t":"data","data":{"x":1}}', new Uint8Array([1, 2, 3]), '{"t":"status","code":"04"}'];
    const slow = run(() => createEnvelopeCodec(), frames, false);
    const fast = run(() => createEnvelopeCodec(), frames, true);
    expect(fast).toEqual(slow);
    expect(fast).toHaveLength(4);
  });
});
