/**
 * Image files → grey pixels and their resolution. PNG and JPEG are decoded by @napi-rs/canvas; TIFF (which it
 * cannot read) by tiff.ts. The resolution comes from the file (pHYs, JFIF, XResolution) when it is plausible for
 * a scan, else from the page size assuming the long side is A4's 11.69 in.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { DocumentError, type MediaType } from '../model.ts';
import { type GreyImage, greyFromRgba } from './raster.ts';
import { decodeTiff } from './tiff.ts';

/** One decoded page of an image file. */
export interface ScannedPage {
  image: GreyImage;
  dpi: number;
}

/** Resolution from the file when it looks like a real scan resolution, else guessed from the page size. */
export function plausibleDpi(declared: number | undefined, width: number, height: number): number {
  if (declared && declared >= 100 && declared <= 1200) return Math.round(declared);
  const guess = Math.max(width, height) / 11.69;
  return Math.round(Math.min(600, Math.max(100, guess)));
}

/** Declared DPI of a PNG (pHYs chunk, metres) or JPEG (JFIF APP0 density), if any. */
export function declaredDpi(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    for (let at = 8; at + 12 <= bytes.length; ) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'pHYs' && length >= 9) {
        return bytes[at + 16] === 1 ? view.getUint32(at + 8) * 0.0254 : undefined;
      }
      if (type === 'IDAT') return undefined;
      at += 12 + length;
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes.length > 18) {
    const jfif = String.fromCharCode(...bytes.subarray(6, 10)) === 'JFIF';
    const units = bytes[13];
    const x = view.getUint16(14);
    if (jfif && units === 1) return x;
    if (jfif && units === 2) return x * 2.54;
  }
  return undefined;
}

/** Decode an image file into pages of grey pixels; throws DocumentError naming the file when it cannot. */
export async function decodeImage(file: string, mediaType: MediaType, bytes: Uint8Array): Promise<ScannedPage[]> {
  if (mediaType === 'image/tiff') {
    return decodeTiff(file, bytes).map((p) => ({
      image: p.image,
      dpi: plausibleDpi(p.dpi, p.image.width, p.image.height),
    }));
  }
  let decoded: Awaited<ReturnType<typeof loadImage>>;
  try {
    decoded = await loadImage(Buffer.from(bytes));
  } catch (error) {
    throw new DocumentError(file, `cannot decode ${mediaType} image (${(error as Error).message})`, { cause: error });
  }
  const { width, height } = decoded;
  if (width === 0 || height === 0) throw new DocumentError(file, 'image has no pixels');
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(decoded, 0, 0);
  const image = greyFromRgba(context.getImageData(0, 0, width, height).data, width, height);
  return [{ image, dpi: plausibleDpi(declaredDpi(bytes), width, height) }];
}
