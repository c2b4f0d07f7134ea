/**
 * A baseline TIFF reader (neither @napi-rs/canvas nor our pixel path can decode TIFF): strips, uncompressed,
 * PackBits, LZW or Deflate, with or without the horizontal predictor; 1- or 8-bit grey, palette, 8-bit RGB(A).
 * Every page (IFD) is read. Anything else (CCITT fax, JPEG-in-TIFF, tiles, 16-bit) is a DocumentError that
 * says what to convert to.
 */
import { inflateSync } from 'node:zlib';
import { DocumentError } from '../model.ts';
import type { GreyImage } from './raster.ts';

const COMPRESSION: Record<number, string> = {
  1: 'none',
  2: 'CCITT RLE',
  3: 'CCITT G3 fax',
  4: 'CCITT G4 fax',
  5: 'LZW',
  6: 'old JPEG',
  7: 'JPEG',
  8: 'Deflate',
  32946: 'Deflate',
  32773: 'PackBits',
};

function unpackBits(data: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let o = 0;
  for (let i = 0; i < data.length && o < expected; ) {
    const n = (data[i++]! << 24) >> 24;
    if (n >= 0) {
      out.set(data.subarray(i, i + n + 1).subarray(0, expected - o), o);
      o += n + 1;
      i += n + 1;
    } else if (n !== -128) {
      out.fill(data[i++]!, o, Math.min(expected, o - n + 1));
      o += -n + 1;
    }
  }
  return out;
}

/** TIFF LZW: MSB-first codes, 256 clear, 257 end, code width grows one code early. */
function unLzw(data: Uint8Array, expected: number): Uint8Array {
  const out = new Uint8Array(expected);
  let o = 0;
  let bitPos = 0;
  let width = 9;
  let table: Uint8Array[] = [];
  const reset = () => {
    table = Array.from({ length: 258 }, (_, i) => Uint8Array.of(i));
    width = 9;
  };
  reset();
  let prev: Uint8Array | undefined;
  while (o < expected && bitPos + width <= data.length * 8) {
    let code = 0;
    for (let k = 0; k < width; k += 1, bitPos += 1)
      code = (code << 1) | ((data[bitPos >> 3]! >> (7 - (bitPos & 7))) & 1);
    if (code === 257) break;
    if (code === 256) {
      reset();
      prev = undefined;
      continue;
    }
    let entry = table[code];
    if (!entry) {
      if (!prev) break;
      entry = Uint8Array.of(...prev, prev[0]!);
    }
    if (prev) table.push(Uint8Array.of(...prev, entry[0]!));
    out.set(entry.subarray(0, expected - o), o);
    o += entry.length;
    prev = entry;
    if (table.length + 1 >= 1 << width && width < 12) width += 1;
  }
  return out;
}

interface Ifd {
  get(tag: number): number[] | undefined;
  next: number;
}

function readIfd(view: DataView, at: number, little: boolean): Ifd {
  const count = view.getUint16(at, little);
  const tags = new Map<number, number[]>();
  const sizes: Record<number, number> = { 1: 1, 3: 2, 4: 4, 5: 8 };
  for (let i = 0; i < count; i += 1) {
    const e = at + 2 + i * 12;
    const tag = view.getUint16(e, little);
    const type = view.getUint16(e + 2, little);
    const n = view.getUint32(e + 4, little);
    const size = sizes[type];
    if (!size) continue;
    const base = size * n <= 4 ? e + 8 : view.getUint32(e + 8, little);
    const values: number[] = [];
    for (let k = 0; k < n; k += 1) {
      const p = base + k * size;
      if (type === 1) values.push(view.getUint8(p));
      else if (type === 3) values.push(view.getUint16(p, little));
      else if (type === 4) values.push(view.getUint32(p, little));
      else values.push(view.getUint32(p, little) / (view.getUint32(p + 4, little) || 1));
    }
    tags.set(tag, values);
  }
  return { get: (tag) => tags.get(tag), next: view.getUint32(at + 2 + count * 12, little) };
}

function decodePage(file: string, bytes: Uint8Array, ifd: Ifd): { image: GreyImage; dpi?: number } {
  const width = ifd.get(256)?.[0] ?? 0;
  const height = ifd.get(257)?.[0] ?? 0;
  const bits = ifd.get(258)?.[0] ?? 1;
  const compression = ifd.get(259)?.[0] ?? 1;
  const photometric = ifd.get(262)?.[0] ?? 1;
  const samples = ifd.get(277)?.[0] ?? 1;
  const predictor = ifd.get(317)?.[0] ?? 1;
  const offsets = ifd.get(273);
  const counts = ifd.get(279);
  const name = COMPRESSION[compression] ?? `code ${compression}`;
  const unsupported = (what: string) =>
    new DocumentError(file, `TIFF ${what} is not supported; convert the scan to PNG (e.g. tiff2png) and retry`);
  if (!['none', 'PackBits', 'LZW', 'Deflate'].includes(name)) throw unsupported(`compression ${name}`);
  if (!offsets || !counts || ifd.get(322)) throw unsupported('tiled layout');
  if (!((bits === 1 && samples === 1) || bits === 8)) throw unsupported(`${bits}-bit samples`);
  if (width === 0 || height === 0) throw new DocumentError(file, 'TIFF image has no pixels');
  const rowBytes = Math.ceil((width * bits * samples) / 8);
  const rowsPerStrip = ifd.get(278)?.[0] ?? height;
  const raw = new Uint8Array(rowBytes * height);
  offsets.forEach((offset, i) => {
    const strip = bytes.subarray(offset, offset + (counts[i] ?? 0));
    const expected = Math.min(rowsPerStrip, height - i * rowsPerStrip) * rowBytes;
    if (expected <= 0) return;
    const plain =
      name === 'none'
        ? strip
        : name === 'PackBits'
          ? unpackBits(strip, expected)
          : name === 'LZW'
            ? unLzw(strip, expected)
            : new Uint8Array(inflateSync(strip));
    raw.set(plain.subarray(0, expected), i * rowsPerStrip * rowBytes);
  });
  if (predictor === 2 && bits === 8) {
    for (let y = 0; y < height; y += 1) {
      for (let x = samples; x < rowBytes; x += 1)
        raw[y * rowBytes + x] = (raw[y * rowBytes + x]! + raw[y * rowBytes + x - samples]!) & 255;
    }
  }
  const palette = ifd.get(320);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const p = y * rowBytes + x * samples;
      let v: number;
      if (bits === 1) v = (raw[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
      else if (samples >= 3 && photometric === 2) v = 0.299 * raw[p]! + 0.587 * raw[p + 1]! + 0.114 * raw[p + 2]!;
      else if (photometric === 3 && palette) {
        const n = palette.length / 3;
        const i = raw[p]!;
        v = (0.299 * palette[i]! + 0.587 * palette[n + i]! + 0.114 * palette[2 * n + i]!) / 257;
      } else v = raw[p]!;
      data[y * width + x] = photometric === 0 ? 255 - Math.round(v) : Math.round(v);
    }
  }
  const resolution = ifd.get(282)?.[0];
  const unit = ifd.get(296)?.[0] ?? 2;
  const dpi = resolution === undefined || unit === 1 ? undefined : unit === 3 ? resolution * 2.54 : resolution;
  return { image: { width, height, data }, ...(dpi ? { dpi } : {}) };
}

/** Every page of a TIFF file as grey pixels with its declared resolution. */
export function decodeTiff(file: string, bytes: Uint8Array): { image: GreyImage; dpi?: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if ((order !== 'II' && order !== 'MM') || bytes.length < 8) throw new DocumentError(file, 'not a TIFF file');
  const little = order === 'II';
  if (view.getUint16(2, little) !== 42) throw new DocumentError(file, 'not a baseline TIFF (BigTIFF is not supported)');
  const pages: { image: GreyImage; dpi?: number }[] = [];
  const seen = new Set<number>();
  try {
    for (let at = view.getUint32(4, little); at !== 0 && !seen.has(at) && pages.length < 500; ) {
      seen.add(at);
      const ifd = readIfd(view, at, little);
      pages.push(decodePage(file, bytes, ifd));
      at = ifd.next;
    }
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(file, `corrupt TIFF (${(error as Error).message})`, { cause: error });
  }
  if (pages.length === 0) throw new DocumentError(file, 'TIFF has no pages');
  return pages;
}
