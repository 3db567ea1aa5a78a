/**
 * guacd-like drawing for the guacamole-common-js adapter's tests: real pixels, which the fault server's drawing
 * (a `size` and an `img` stream whose `blob` is only a PNG's first bytes) does not give. Frames as guacd writes them:
 * `rect` + `cfill` on a layer, a PNG through `img`/`blob`/`end`, a visible layer of its own (`size` + `move`), each
 * frame ended by `sync`. Built with the SDK's own encoder.
 */
import { deflateSync } from 'node:zlib';
import { encodeInstruction } from '../../../machines/guacamole/encoder.js';

export type Rgb = readonly [number, number, number];

/** Guacamole's channel mask for "source over destination" (GUAC_COMP_OVER). */
const OVER = 14;

/** `rect` then `cfill`: a solid rectangle on `layer`. */
export function fillRect(layer: number, rgb: Rgb, x: number, y: number, width: number, height: number): string {
  return encodeInstruction('rect', layer, x, y, width, height) + encodeInstruction('cfill', OVER, layer, rgb[0], rgb[1], rgb[2], 255);
}

/** A PNG drawn through an image stream: `img`, one `blob` (base64), `end`. */
export function drawPng(stream: number, layer: number, rgb: Rgb, x: number, y: number, width: number, height: number): string {
  return encodeInstruction('img', stream, OVER, layer, 'image/png', x, y)
    + encodeInstruction('blob', stream, solidPng(width, height, rgb).toString('base64'))
    + encodeInstruction('end', stream);
}

/** A visible layer of its own (index > 0) inside the default layer, at (x, y), filled with `rgb`. */
export function layerWith(layer: number, rgb: Rgb, x: number, y: number, width: number, height: number): string {
  return encodeInstruction('size', layer, width, height) + encodeInstruction('move', layer, 0, x, y, 1) + fillRect(layer, rgb, 0, 0, width, height);
}

export const size = (width: number, height: number): string => encodeInstruction('size', 0, width, height);
export const sync = (timestamp: number): string => encodeInstruction('sync', timestamp);

/** A solid-colour RGB PNG (8-bit, no filter), small enough for one `blob`. */
export function solidPng(width: number, height: number, [r, g, b]: Rgb): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
